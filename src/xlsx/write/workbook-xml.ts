/**
 * The workbook part: the earlier report's <sheet> entries out, the new ones in at the end, their
 * markers and print areas added. Everything else is spliced around, so a user's own defined names
 * and print areas keep their bytes (only a localSheetId moves when a sheet before it went).
 */
import { markerXml } from "../markers";
import { quoteSheetName } from "../charts/refs";
import { XmlElement, attrLocal, child, children, esc, escText, parseXml } from "../charts/xml";
import { Edit, applyEdits, prefixOf, rewriteAttr, startTagEnd } from "./splice";

const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** CT_Workbook children that come before <definedNames>, last first. */
const BEFORE_DEFINED_NAMES = ["externalReferences", "functionGroups", "sheets"];

export interface NewSheet {
  name: string;
  relId: string;
  /** Absolute print area on the sheet, e.g. "$A$1:$M$22". */
  printArea: string;
  /** Rows repeated at the top of each printed page, e.g. "$4:$4"; null for none. */
  printTitles?: string | null;
}

export interface WorkbookEdit {
  xml: string;
  /** Relationship ids of the removed sheets, to drop from the workbook's rels. */
  removedRelIds: string[];
  /** sheetIds of the removed sheets (a calcChain names sheets by these). */
  removedSheetIds: number[];
  /** Names of the sheets in the new workbook order, worksheets or not. */
  sheetNames: string[];
  /** Index of the workbook's active tab afterwards. */
  activeTab: number;
}

/** The sheet names of workbook.xml in order (every <sheet>, as localSheetId counts them). */
export function sheetNamesOf(workbookXml: string): string[] {
  return children(child(parseXml(workbookXml, 3), "sheets"), "sheet").map(
    (s) => s.attrs.name ?? ""
  );
}

export function printAreaXml(
  prefix: string,
  localSheetId: number,
  sheet: string,
  area: string,
  name: "_xlnm.Print_Area" | "_xlnm.Print_Titles" = "_xlnm.Print_Area"
): string {
  const ref = `${quoteSheetName(sheet)}!${area}`;
  return `<${prefix}definedName name="${name}" localSheetId="${localSheetId}">${escText(ref)}</${prefix}definedName>`;
}

export function editWorkbook(
  source: string,
  remove: readonly string[],
  add: readonly NewSheet[]
): WorkbookEdit {
  const root = parseXml(source, 3);
  const p = prefixOf(root.name);
  const sheetsEl = child(root, "sheets");
  if (!sheetsEl) throw new Error("the workbook part has no <sheets>");
  const sheets = children(sheetsEl, "sheet");
  const removing = new Set(remove);
  const edits: Edit[] = [];
  const removedRelIds: string[] = [];
  const removedSheetIds: number[] = [];
  /** Old index -> new index, undefined for a removed sheet. */
  const moved: (number | undefined)[] = [];
  const kept: string[] = [];
  for (const s of sheets) {
    const name = s.attrs.name ?? "";
    if (removing.has(name)) {
      edits.push({ at: s.start, remove: s.end - s.start, insert: "" });
      const rid = attrLocal(s, "id");
      if (rid) removedRelIds.push(rid);
      removedSheetIds.push(Number(s.attrs.sheetId));
      moved.push(undefined);
    } else {
      moved.push(kept.length);
      kept.push(name);
    }
  }
  const clash = add.find((a) => kept.some((k) => k.toLowerCase() === a.name.toLowerCase()));
  if (clash) throw new Error(`a sheet named "${clash.name}" is already in the workbook`);

  // Our relationship prefix: the root's own for the namespace, or one declared on each element.
  const rPrefix = Object.entries(root.attrs)
    .find(([k, v]) => k.startsWith("xmlns:") && v === NS_R)?.[0]
    .slice(6);
  const rid = (id: string) =>
    rPrefix ? `${rPrefix}:id="${id}"` : `xmlns:r="${NS_R}" r:id="${id}"`;
  let sheetId = Math.max(0, ...sheets.map((s) => Number(s.attrs.sheetId) || 0));
  const added = add
    .map((a) => `<${p}sheet name="${esc(a.name)}" sheetId="${++sheetId}" ${rid(a.relId)}/>`)
    .join("");
  edits.push(...insertChildren(source, sheetsEl, added));

  const first = kept.length;
  const names = add
    .flatMap((a, i) => [
      markerXml(p, first + i),
      printAreaXml(p, first + i, a.name, a.printArea),
      a.printTitles ? printAreaXml(p, first + i, a.name, a.printTitles, "_xlnm.Print_Titles") : "",
    ])
    .join("");
  const definedNames = child(root, "definedNames");
  if (definedNames) {
    for (const d of children(definedNames, "definedName")) {
      const from = Number(d.attrs.localSheetId ?? NaN);
      // Workbook names, and names scoped to no sheet we know of, are not ours to touch.
      if (!Number.isInteger(from) || from < 0 || from >= moved.length) continue;
      const to = moved[from];
      if (to === undefined) edits.push({ at: d.start, remove: d.end - d.start, insert: "" });
      else if (to !== from) edits.push(retag(source, d, "localSheetId", to));
    }
    edits.push(...insertChildren(source, definedNames, names));
  } else {
    const after = BEFORE_DEFINED_NAMES.map((l) => child(root, l)).find((e) => e !== undefined);
    const at = (after ?? sheetsEl).end;
    edits.push({ at, remove: 0, insert: `<${p}definedNames>${names}</${p}definedNames>` });
  }

  const activeTab = bookViewEdits(source, root, moved, first, edits);
  return {
    xml: applyEdits(source, edits),
    removedRelIds,
    removedSheetIds,
    sheetNames: [...kept, ...add.map((a) => a.name)],
    activeTab,
  };
}

/** Active and first tabs follow their sheets; a removed active tab hands over to the new report. */
function bookViewEdits(
  source: string,
  root: XmlElement,
  moved: (number | undefined)[],
  firstNew: number,
  edits: Edit[]
): number {
  let active: number | undefined;
  for (const view of children(child(root, "bookViews"), "workbookView")) {
    const oldActive = Number(view.attrs.activeTab ?? 0);
    const newActive = moved[oldActive] ?? firstNew;
    const oldFirst = Number(view.attrs.firstSheet ?? 0);
    const newFirst = Math.min(moved[oldFirst] ?? 0, newActive);
    let tag = source.slice(view.start, tagEnd(source, view));
    if (newActive !== oldActive) tag = rewriteAttr(tag, "activeTab", String(newActive));
    if (newFirst !== oldFirst) tag = rewriteAttr(tag, "firstSheet", String(newFirst));
    if (tag !== source.slice(view.start, tagEnd(source, view)))
      edits.push({ at: view.start, remove: tagEnd(source, view) - view.start, insert: tag });
    active ??= newActive;
  }
  return active ?? 0;
}

function tagEnd(source: string, el: XmlElement): number {
  return startTagEnd(source, el.start);
}

function retag(source: string, el: XmlElement, attr: string, value: number): Edit {
  const end = tagEnd(source, el);
  return {
    at: el.start,
    remove: end - el.start,
    insert: rewriteAttr(source.slice(el.start, end), attr, String(value)),
  };
}

/** Inserts markup at the end of an element's children, expanding it when self-closed. */
function insertChildren(source: string, el: XmlElement, markup: string): Edit[] {
  if (markup === "") return [];
  if (el.closeStart !== el.end) return [{ at: el.closeStart, remove: 0, insert: markup }];
  const end = tagEnd(source, el);
  return [{ at: end, remove: el.end - end, insert: `>${markup}</${el.name}>` }];
}
