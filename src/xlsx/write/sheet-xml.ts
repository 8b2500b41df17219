/**
 * A report sheet's worksheet part, written straight from the plan. Text goes in as inline strings
 * (t="inlineStr"): it is literal text that no reader takes for a formula, and it needs no entry in
 * the input's shared strings, so a later run that removes the sheet leaves nothing behind.
 * Element order follows CT_Worksheet (ECMA-376 Part 1, 18.3.1.99).
 */
import { PlanCell, PlanSheet, a1 } from "../../workbook";
import { escText } from "../charts/xml";
import { pageSetupXml } from "./page-xml";

export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const CT_WORKSHEET =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Excel reads "_x0041_" in text as an escaped character; a literal one escapes its underscore. */
function excelText(text: string): string {
  return text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
}

function cellXml(c: PlanCell, style: number): string {
  const s = style > 0 ? ` s="${style}"` : "";
  const ref = a1(c.row, c.col);
  if (typeof c.value === "number" && Number.isFinite(c.value))
    return `<c r="${ref}"${s}><v>${String(c.value)}</v></c>`;
  // Characters XML cannot hold are dropped; text left empty is a blank cell.
  const text = typeof c.value === "string" ? escText(excelText(c.value)) : "";
  if (text !== "") {
    const space = /^\s|\s$/.test(text) ? ` xml:space="preserve"` : "";
    return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
  }
  return style > 0 ? `<c r="${ref}"${s}/>` : "";
}

/** The last row the sheet uses, counting the charts' frames (printing covers them too). */
export function lastRowOf(sheet: PlanSheet): number {
  // Loops, not Math.max(...cells): a report of thousands of measures has too many cells to spread.
  let last = 0;
  for (const c of sheet.cells) if (c.row > last) last = c.row;
  for (const c of sheet.charts) if (c.to.row > last) last = c.to.row;
  return last;
}

/** The last column the sheet uses: its page width, or a cell beyond it. */
function lastColOf(sheet: PlanSheet): number {
  let last = Math.max(0, sheet.page.lastCol);
  for (const c of sheet.cells) if (c.col > last) last = c.col;
  return last;
}

export interface SheetXmlOptions {
  /** The tab is the workbook's active one. */
  selected: boolean;
}

export function sheetXml(
  sheet: PlanSheet,
  styleOf: (c: PlanCell) => number,
  opts: SheetXmlOptions
): string {
  // One cell per address, the plan's last word winning; rows and cells in ascending order.
  const rows = new Map<number, Map<number, PlanCell>>();
  for (const c of sheet.cells) {
    const row = rows.get(c.row) ?? new Map<number, PlanCell>();
    row.set(c.col, c);
    rows.set(c.row, row);
  }
  const heights = new Map(sheet.rowHeights.map((h) => [h.row, h.height]));
  // Every printed row at an explicit height: the page breaks were computed for these heights, and
  // a renderer sizing a row itself (LibreOffice fits rows to their text on opening) would move them.
  for (let r = 0; r <= sheet.page.lastRow; r++)
    if (!heights.has(r)) heights.set(r, sheet.page.defaultRowHeight);
  const rowNumbers = [...new Set([...rows.keys(), ...heights.keys()])].sort((a, b) => a - b);
  const sheetData = rowNumbers
    .map((r) => {
      const cells = [...(rows.get(r)?.values() ?? [])]
        .sort((a, b) => a.col - b.col)
        .map((c) => cellXml(c, styleOf(c)))
        .join("");
      const h = heights.get(r);
      const ht = h !== undefined ? ` ht="${h}" customHeight="1"` : "";
      return cells || ht ? `<row r="${r + 1}"${ht}>${cells}</row>` : "";
    })
    .join("");

  const widths = new Map(sheet.columnWidths.map((w) => [w.col, w.width]));
  const cols = [...widths.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([col, w]) => `<col min="${col + 1}" max="${col + 1}" width="${w}" customWidth="1"/>`)
    .join("");
  const merges = sheet.merges
    .map((m) => `<mergeCell ref="${a1(m.from.row, m.from.col)}:${a1(m.to.row, m.to.col)}"/>`)
    .join("");
  const lastCol = lastColOf(sheet);
  const tab = sheet.tabColor ? `<tabColor rgb="FF${sheet.tabColor.toUpperCase()}"/>` : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    `<sheetPr>${tab}<pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="A1:${a1(lastRowOf(sheet), lastCol)}"/>` +
    `<sheetViews><sheetView${opts.selected ? ` tabSelected="1"` : ""} workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : "") +
    (sheetData ? `<sheetData>${sheetData}</sheetData>` : "<sheetData/>") +
    (merges ? `<mergeCells count="${sheet.merges.length}">${merges}</mergeCells>` : "") +
    pageSetupXml(sheet.page) +
    `</worksheet>`
  );
}
