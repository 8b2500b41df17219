import ExcelJS from "exceljs";
import { Cell } from "../workbook";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/** exceljs hands dates back as JS Dates at UTC midnight; the snapshot carries Excel serials. */
export function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / MS_PER_DAY;
}

export function serialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * MS_PER_DAY));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** An exceljs cell value as a snapshot cell: formulas by their result, rich text as its text. */
export function toCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v);
  if (!isObject(v)) return null;
  if (typeof v.error === "string") return { error: v.error };
  if ("result" in v || "formula" in v || "sharedFormula" in v) {
    const result = v.result as ExcelJS.CellValue | undefined;
    return result === undefined ? null : toCell(result);
  }
  if (Array.isArray(v.richText)) {
    return v.richText
      .map((r: unknown) => (isObject(r) && typeof r.text === "string" ? r.text : ""))
      .join("");
  }
  if (typeof v.text === "string") return v.text; // hyperlink
  return null;
}
