/**
 * Package-level edits: which parts an earlier report's sheets leave behind when they go (every part
 * reachable only through them), the content types and relationships of what goes and comes, the
 * calcChain, and the sheet list in docProps/app.xml. Parts are found by following relationships.
 */
import type { ZipPackage } from "../zip";
import {
  Relationship,
  addRels,
  parseRels,
  readPart,
  relsPathFor,
  resolveTarget,
} from "../charts/opc";
import { XmlElement, child, children, esc, parseXml } from "../charts/xml";
import { Edit, applyEdits } from "./splice";

/** Every file of the package that is a part (directory entries are not). */
export function partNames(zip: ZipPackage): string[] {
  return zip.names().filter((n) => !n.endsWith("/"));
}

/** Internal relationship targets of a part (with the part's own rels file). */
async function targetsOf(zip: ZipPackage, part: string, exclude: Set<string>): Promise<string[]> {
  const rels = parseRels(await readPart(zip, relsPathFor(part)));
  return rels
    .filter((r) => !r.external && !exclude.has(`${part}#${r.id}`))
    .map((r) => resolveTarget(part, r.target));
}

/** Parts reachable from `starts`, not entering `stop` and not following `exclude` edges (part#rId). */
async function reachable(
  zip: ZipPackage,
  starts: string[],
  stop: Set<string>,
  exclude: Set<string>
): Promise<Set<string>> {
  const seen = new Set<string>();
  const todo = starts.filter((s) => !stop.has(s));
  while (todo.length > 0) {
    const part = todo.pop() as string;
    if (seen.has(part)) continue;
    seen.add(part);
    for (const t of await targetsOf(zip, part, exclude))
      if (!seen.has(t) && !stop.has(t)) todo.push(t);
  }
  return seen;
}

/**
 * The parts to delete with some sheets: the sheets and whatever only they lead to (drawings,
 * charts, their rels). `cut` lists the workbook's relationships to those sheets as "part#rId".
 */
export async function orphanedBy(
  zip: ZipPackage,
  sheets: string[],
  cut: Set<string>
): Promise<string[]> {
  if (sheets.length === 0) return [];
  const fromRoot = await reachable(zip, await targetsOf(zip, "", new Set()), new Set(sheets), cut);
  const fromSheets = await reachable(zip, sheets, new Set(), new Set());
  const gone = [...fromSheets].filter((p) => !fromRoot.has(p) && zip.has(p));
  return [...gone, ...gone.map(relsPathFor).filter((r) => zip.has(r))];
}

// Content types live with the rest of the package's index, in ../charts/opc.
export { CT_RELS, editContentTypes } from "../charts/opc";

/** A .rels text without the given relationship ids and with new entries at the end. */
export function editRels(source: string, removeIds: Set<string>, added: Relationship[]): string {
  const root = parseXml(source, 2);
  const kept = applyEdits(
    source,
    children(root, "Relationship")
      .filter((r) => removeIds.has(r.attrs.Id ?? ""))
      .map((r): Edit => ({ at: r.start, remove: r.end - r.start, insert: "" }))
  );
  return added.length === 0 ? kept : addRels(kept, added);
}

/**
 * True when a calcChain names one of these sheets. Its <c> elements name their sheet with i,
 * which, when left out, is the previous cell's sheet.
 */
export function calcChainNames(source: string, sheetIds: readonly number[]): boolean {
  const ids = new Set(sheetIds);
  let current = 0;
  for (const m of source.matchAll(/<(?:\w+:)?c\b([^>]*)>/g)) {
    const i = /\bi="(\d+)"/.exec(m[1] ?? "");
    if (i) current = Number(i[1]);
    if (ids.has(current)) return true;
  }
  return false;
}

/**
 * docProps/app.xml with its list of worksheets brought up to date: the group of TitlesOfParts
 * that lists exactly the old worksheets gets the new list. Any other shape is left alone: the
 * part is informative, and Excel rewrites it on save.
 */
export function editAppXml(source: string, oldSheets: string[], newSheets: string[]): string {
  const root = parseXml(source);
  const pairs = child(child(root, "HeadingPairs"), "vector");
  const titles = child(child(root, "TitlesOfParts"), "vector");
  if (!pairs || !titles) return source;
  const variants = children(pairs, "variant");
  const lpstrs = children(titles, "lpstr");
  let offset = 0;
  for (let g = 0; g + 1 < variants.length; g += 2) {
    const countEl = (variants[g + 1] as XmlElement).children[0];
    const count = Number(countEl?.text ?? NaN);
    if (!countEl || !Number.isInteger(count)) return source;
    const group = lpstrs.slice(offset, offset + count);
    // A group that names fewer titles than it counts (some writers leave the list empty) is not
    // the list of worksheets: left alone.
    const same =
      count === oldSheets.length &&
      group.length === count &&
      group.every((t, i) => t.text === oldSheets[i]);
    if (same && count > 0) {
      const p = titles.children[0]?.name.replace(/lpstr$/, "") ?? "vt:";
      const first = group[0] as XmlElement;
      const last = group[group.length - 1] as XmlElement;
      const list = newSheets.map((n) => `<${p}lpstr>${esc(n)}</${p}lpstr>`).join("");
      const size = lpstrs.length - count + newSheets.length;
      const titlesTag = source.slice(titles.start, source.indexOf(">", titles.start));
      const edits: Edit[] = [
        { at: first.start, remove: last.end - first.start, insert: list },
        {
          at: countEl.start,
          remove: countEl.end - countEl.start,
          insert: `<${countEl.name}>${newSheets.length}</${countEl.name}>`,
        },
        {
          at: titles.start,
          remove: titlesTag.length,
          insert: titlesTag.replace(/\bsize="\d+"/, `size="${size}"`),
        },
      ];
      return applyEdits(source, edits);
    }
    offset += count;
  }
  return source;
}
