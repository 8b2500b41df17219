import { REPORT_MARKER } from "../workbook";
import { child, children, esc, parseXml } from "./charts/xml";

/**
 * The report's sheets carry a hidden sheet-scoped name, so the next run (here or in Excel)
 * replaces exactly those sheets and no user sheet. A sheet-scoped name follows its sheet through
 * renames and moves. The writer adds one per report sheet (src/xlsx/write/workbook-xml.ts).
 */
export function markerXml(prefix: string, localSheetId: number): string {
  return `<${prefix}definedName name="${esc(REPORT_MARKER)}" localSheetId="${localSheetId}" hidden="1">TRUE</${prefix}definedName>`;
}

/** The names of the sheets that carry the marker, read from the workbook part's XML. */
export function markedSheetsIn(workbookXml: string): string[] {
  const root = parseXml(workbookXml, 3);
  const names = children(child(root, "sheets"), "sheet").map((s) => s.attrs.name ?? "");
  const marked: string[] = [];
  for (const d of children(child(root, "definedNames"), "definedName")) {
    if (d.attrs.name !== REPORT_MARKER || d.attrs.localSheetId === undefined) continue;
    const name = names[Number(d.attrs.localSheetId)];
    if (name !== undefined && !marked.includes(name)) marked.push(name);
  }
  return marked;
}
