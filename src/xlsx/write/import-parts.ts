/**
 * Package-level pieces of `cdrp import --into` (import-write.ts): a sheet's table parts, a table's
 * ref moved down, new <sheet> entries in the workbook part, and docProps/app.xml's sheet list.
 */
import {
  parseRels,
  readPart,
  relsPathFor,
  resolveTarget,
  sheetParts,
  writePart,
} from "../charts/opc";
import { child, children, esc, parseXml } from "../charts/xml";
import type { ZipPackage } from "../zip";
import { editAppXml } from "./package";
import { applyEdits, prefixOf, rewriteAttr, startTagEnd } from "./splice";

const REL_EXTENDED =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface TableXml {
  part: string;
  name: string;
  id: number;
}

/** The table parts a sheet's relationships lead to. */
export async function tablesOf(zip: ZipPackage, sheetPart: string): Promise<TableXml[]> {
  const out: TableXml[] = [];
  for (const r of parseRels(await readPart(zip, relsPathFor(sheetPart)))) {
    if (r.external || !r.type.endsWith("/table")) continue;
    const part = resolveTarget(sheetPart, r.target);
    const text = await readPart(zip, part);
    if (text === undefined) continue;
    const root = parseXml(text, 1);
    out.push({
      part,
      name: root.attrs.displayName ?? root.attrs.name ?? "",
      id: Number(root.attrs.id) || 0,
    });
  }
  return out;
}

/** The table part with its ref (and its autoFilter's) moved to the table's new extent. */
export function growTable(xml: string, ref: string): string {
  const root = parseXml(xml, 2);
  const edits = [root, child(root, "autoFilter")]
    .filter((e) => e !== undefined && e.attrs.ref !== undefined)
    .map((e) => {
      const el = e as NonNullable<typeof e>;
      const end = startTagEnd(xml, el.start);
      return {
        at: el.start,
        remove: end - el.start,
        insert: rewriteAttr(xml.slice(el.start, end), "ref", ref),
      };
    });
  return applyEdits(xml, edits);
}

/** A sheet name not yet taken (Excel compares sheet names in any case). */
export function freeSheetName(taken: Set<string>, name: string): string {
  let n = name;
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${name} (${i})`;
  taken.add(n.toLowerCase());
  return n;
}

/** workbook.xml with new <sheet> entries at the end of <sheets>. */
export function addSheetEntries(source: string, added: { name: string; relId: string }[]): string {
  const root = parseXml(source, 3);
  const p = prefixOf(root.name);
  const sheets = child(root, "sheets");
  if (!sheets) throw new Error("the workbook part has no <sheets>");
  const rPrefix = Object.entries(root.attrs)
    .find(([k, v]) => k.startsWith("xmlns:") && v === NS_R)?.[0]
    .slice(6);
  const rid = (id: string) =>
    rPrefix ? `${rPrefix}:id="${id}"` : `xmlns:r="${NS_R}" r:id="${id}"`;
  let sheetId = Math.max(0, ...children(sheets, "sheet").map((s) => Number(s.attrs.sheetId) || 0));
  const markup = added
    .map((a) => `<${p}sheet name="${esc(a.name)}" sheetId="${++sheetId}" ${rid(a.relId)}/>`)
    .join("");
  if (sheets.closeStart !== sheets.end)
    return applyEdits(source, [{ at: sheets.closeStart, remove: 0, insert: markup }]);
  const end = startTagEnd(source, sheets.start);
  return applyEdits(source, [
    { at: end, remove: sheets.end - end, insert: `>${markup}</${sheets.name}>` },
  ]);
}

/** docProps/app.xml (wherever the package rels put it) lists the new worksheets. */
export async function updateAppXml(zip: ZipPackage, old: string[]): Promise<void> {
  const rel = parseRels(await readPart(zip, "_rels/.rels")).find((r) => r.type === REL_EXTENDED);
  if (!rel) return;
  const part = resolveTarget("", rel.target);
  const text = await readPart(zip, part);
  if (text === undefined) return;
  const now = (await sheetParts(zip)).map((s) => s.name);
  const updated = editAppXml(text, old, now);
  if (updated !== text) writePart(zip, part, updated);
}
