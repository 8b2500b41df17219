/**
 * A new sheet holding one Excel table (a contract table the --into workbook lacks): the sheet part
 * and the table part, written from scratch. Text is written as inline strings (no shared strings
 * part is touched); numbers carry the contract's number formats through the styles given.
 */
import { Cell, a1, isCellError } from "../../workbook";
import { esc, escText } from "../charts/xml";
import { NS_MAIN } from "./sheet-xml";

const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const CT_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
export const REL_TABLE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";

export interface TableSheet {
  header: string[];
  rows: Cell[][];
  /** Column widths in characters. */
  widths: number[];
  /** The cellXfs index of a data cell (0: the default). */
  styleOf: (row: number, col: number, value: Cell) => number;
}

function cell(row: number, col: number, v: Cell, style: number): string {
  const ref = a1(row, col);
  const s = style ? ` s="${style}"` : "";
  if (v === null || isCellError(v) || v === "") return "";
  if (typeof v === "number") return `<c r="${ref}"${s}><v>${String(v)}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v !== "string") return "";
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escText(v)}</t></is></c>`;
}

/** An Excel table needs one data row: an empty table gets a blank one. */
const bodyOf = (t: TableSheet): Cell[][] =>
  t.rows.length > 0 ? t.rows : [t.header.map(() => null)];

export function tableRef(t: TableSheet): string {
  return `A1:${a1(bodyOf(t).length, t.header.length - 1)}`;
}

export function tableSheetXml(t: TableSheet, tableRelId: string): string {
  const cols = t.widths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join("");
  const header = `<row r="1">${t.header.map((h, c) => cell(0, c, h, 0)).join("")}</row>`;
  const body = bodyOf(t)
    .map(
      (r, i) =>
        `<row r="${i + 2}">${r.map((v, c) => cell(i + 1, c, v, t.styleOf(i, c, v))).join("")}</row>`
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><dimension ref="${tableRef(t)}"/>` +
    `<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `<cols>${cols}</cols><sheetData>${header}${body}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<tableParts count="1"><tablePart r:id="${tableRelId}"/></tableParts></worksheet>`
  );
}

export function tablePartXml(t: TableSheet, id: number, name: string): string {
  const ref = tableRef(t);
  const columns = t.header.map((h, i) => `<tableColumn id="${i + 1}" name="${esc(h)}"/>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${NS_MAIN}" id="${id}" name="${esc(name)}" displayName="${esc(name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${t.header.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}
