/**
 * The package (OPC) side of an .xlsx: part paths, relationship parts and [Content_Types].xml.
 * Parts are found by following relationships, never by guessing file names, because other writers
 * (Excel itself, LibreOffice) number and place parts differently from exceljs.
 */
import { LIMITS } from "../limits";
import { ZipError, ZipPackage } from "../zip";
import { XmlElement, attrLocal, child, children, esc, parseXml } from "./xml";
import { Edit, applyEdits, prefixOf } from "../write/splice";

export const REL_OFFICE_DOCUMENT =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
export const REL_WORKSHEET =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
export const REL_DRAWING =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
export const REL_CHART =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
export const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const NS_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** Opens an .xlsx. The package keeps views on the caller's buffer and never writes to it. */
export async function loadPackage(xlsx: Buffer): Promise<ZipPackage> {
  if (!(xlsx instanceof Uint8Array)) throw new Error("expected the .xlsx file as a Buffer");
  try {
    return Promise.resolve(ZipPackage.load(Buffer.isBuffer(xlsx) ? xlsx : Buffer.from(xlsx)));
  } catch (e) {
    // The zip's sentence is about "it"; a library caller gets the subject with it.
    if (e instanceof ZipError) throw new Error(`not an .xlsx (zip) file: ${e.message}`);
    throw e;
  }
}

/** A part as text, read whole: at most the limit of one part (README, "Limits"). */
export async function readPart(zip: ZipPackage, part: string): Promise<string | undefined> {
  const data = zip.read(part, LIMITS.partBytes);
  if (data === undefined) return undefined;
  const text = data.toString("utf8");
  return Promise.resolve(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

export async function mustReadPart(zip: ZipPackage, part: string): Promise<string> {
  const text = await readPart(zip, part);
  if (text === undefined) throw new Error(`not an .xlsx package: part ${part} is missing`);
  return text;
}

/** Every part we add or rewrite gets the same date, so the same input gives the same bytes. */
export function writePart(zip: ZipPackage, part: string, text: string): void {
  zip.write(part, text);
}

/** "xl/worksheets/sheet1.xml" -> "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) -> "_rels/.rels". */
export function relsPathFor(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the part that holds the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return normalise(target.slice(1));
  const slash = sourcePart.lastIndexOf("/");
  return normalise(sourcePart.slice(0, slash + 1) + target);
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

/** The relative target from one part to another, e.g. xl/drawings/drawing1.xml -> ../charts/chart1.xml. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function parseRels(text: string | undefined): Relationship[] {
  if (text === undefined) return [];
  return children(parseXml(text), "Relationship").map((r) => ({
    id: r.attrs.Id ?? "",
    type: r.attrs.Type ?? "",
    target: r.attrs.Target ?? "",
    external: r.attrs.TargetMode === "External",
  }));
}

/** The first rIdN not used in the part's relationships. */
export function nextRelId(rels: Relationship[]): string {
  const used = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** A <Relationship> element, under the prefix its part's root uses for the namespace ("" or "ns3:"). */
export function relationshipXml(r: Relationship, prefix = ""): string {
  return `<${prefix}Relationship Id="${esc(r.id)}" Type="${esc(r.type)}" Target="${esc(r.target)}"/>`;
}

/** Adds relationships to a .rels text (or a new one), keeping what was there byte for byte. */
export function addRels(text: string | undefined, added: Relationship[]): string {
  if (text === undefined) {
    const entries = added.map((r) => relationshipXml(r)).join("");
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_RELS}">${entries}</Relationships>`;
  }
  // Some writers put the namespace on a prefix (<ns3:Relationships>): new entries use it too.
  const prefix = prefixOf(parseXml(text, 1).name);
  return insertBeforeClose(text, added.map((r) => relationshipXml(r, prefix)).join(""));
}

/** Inserts markup just before the root element's end tag (expanding a self-closed root). */
export function insertBeforeClose(text: string, markup: string): string {
  const root = parseXml(text, 1);
  if (root.closeStart === root.end) {
    const selfClose = text.lastIndexOf("/>", root.end);
    return `${text.slice(0, selfClose)}>${markup}</${root.name}>${text.slice(root.end)}`;
  }
  return text.slice(0, root.closeStart) + markup + text.slice(root.closeStart);
}

export const CT_RELS = "application/vnd.openxmlformats-package.relationships+xml";

/**
 * [Content_Types].xml without the Overrides of removed parts and with those of added parts. An
 * added part gets an Override unless a Default for its extension already gives it its type (a
 * .rels part, where the package has Default Extension="rels"; packages written by LibreOffice
 * declare every .rels by an Override instead). An Override already there for an added part's name
 * (left by whatever removed that part before) is replaced: the type is the new part's.
 */
export function editContentTypes(
  source: string,
  removed: readonly string[],
  added: readonly { part: string; contentType: string }[]
): string {
  const root = parseXml(source, 2);
  const adding = new Map(added.map((o) => [`/${o.part}`.toLowerCase(), o]));
  const gone = new Set(removed.map((p) => `/${p}`.toLowerCase()));
  const defaults = new Map(
    children(root, "Default").map((d) => [
      (d.attrs.Extension ?? "").toLowerCase(),
      (d.attrs.ContentType ?? "").toLowerCase(),
    ])
  );
  const edits: Edit[] = [];
  for (const o of children(root, "Override")) {
    const name = (o.attrs.PartName ?? "").toLowerCase();
    if (gone.has(name) || adding.has(name))
      edits.push({ at: o.start, remove: o.end - o.start, insert: "" });
  }
  const byDefault = (o: { part: string; contentType: string }) => {
    const ext = /\.([^./]+)$/.exec(o.part)?.[1]?.toLowerCase() ?? "";
    return defaults.get(ext) === o.contentType.toLowerCase();
  };
  // Under the root's prefix, where the namespace is on one (<ns8:Types>, as some writers do).
  const p = prefixOf(root.name);
  const entries = [...adding.values()]
    .filter((o) => !byDefault(o))
    .map((o) => `<${p}Override PartName="/${esc(o.part)}" ContentType="${esc(o.contentType)}"/>`)
    .join("");
  edits.push(
    root.closeStart === root.end
      ? {
          at: root.start,
          remove: root.end - root.start,
          insert: selfClosedRoot(source, root, entries),
        }
      : { at: root.closeStart, remove: 0, insert: entries }
  );
  return applyEdits(source, edits);
}

/** A self-closed <Types/> opened up to hold entries. */
function selfClosedRoot(source: string, root: XmlElement, entries: string): string {
  const tag = source.slice(root.start, root.end).replace(/\s*\/>$/, ">");
  return `${tag}${entries}</${root.name}>`;
}

export interface SheetPart {
  name: string;
  part: string;
}

/** The workbook part, through the package relationships. */
export async function workbookPart(zip: ZipPackage): Promise<string> {
  const rels = parseRels(await mustReadPart(zip, "_rels/.rels"));
  const main = rels.find((r) => r.type === REL_OFFICE_DOCUMENT);
  if (!main && rels.some((r) => r.type.startsWith("http://purl.oclc.org/ooxml/")))
    throw new Error("a Strict Open XML package: its parts use Strict names, not written into here");
  if (!main) throw new Error("not an .xlsx package: no officeDocument relationship in _rels/.rels");
  return resolveTarget("", main.target);
}

/** Worksheets in workbook order, each mapped to its part through workbook.xml and its rels. */
export async function sheetParts(zip: ZipPackage): Promise<SheetPart[]> {
  const wbPart = await workbookPart(zip);
  const wb = parseXml(await mustReadPart(zip, wbPart));
  const rels = parseRels(await readPart(zip, relsPathFor(wbPart)));
  const out: SheetPart[] = [];
  for (const sheet of children(child(wb, "sheets"), "sheet")) {
    const rid = attrLocal(sheet, "id");
    const rel = rels.find((r) => r.id === rid);
    // Chart sheets and dialog sheets have other relationship types; they cannot hold our drawings.
    if (!rel || rel.type !== REL_WORKSHEET) continue;
    out.push({ name: sheet.attrs.name ?? "", part: resolveTarget(wbPart, rel.target) });
  }
  return out;
}

/** A free "prefixN.xml" under a folder (e.g. xl/charts/chart3.xml): the first after those this write took. */
export function freePart(
  zip: ZipPackage,
  folder: string,
  prefix: string,
  taken: Set<string>
): string {
  // Resume after the last number handed out for this folder and prefix: probing from 1 for every
  // new part made a report of thousands of charts quadratic.
  const key = `${folder}/${prefix}`;
  let resume = nextFree.get(taken);
  if (!resume) nextFree.set(taken, (resume = new Map()));
  for (let n = resume.get(key) ?? 1; ; n++) {
    const part = `${folder}/${prefix}${n}.xml`;
    if (!zip.has(part) && !taken.has(part)) {
      taken.add(part);
      resume.set(key, n + 1);
      return part;
    }
  }
}

/** Per `taken` set (one write), where the search for a free part name resumes. */
const nextFree = new WeakMap<Set<string>, Map<string, number>>();
