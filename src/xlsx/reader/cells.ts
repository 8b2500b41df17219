import { Cell } from "../../workbook";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;
const DAYS_1900_TO_1970 = 25569;
const DAYS_1904_OFFSET = 1462;

/**
 * A date-formatted number as a 1900-system serial, rounded to the millisecond (as Excel shows it,
 * and as the exceljs reader this replaced did). 1904-system workbooks are shifted onto 1900.
 */
export function dateSerial(v: number, date1904: boolean): number {
  const ms = Math.round((v - DAYS_1900_TO_1970 + (date1904 ? DAYS_1904_OFFSET : 0)) * MS_PER_DAY);
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return v; // past JavaScript's dates: keep the number
  return (ms - EXCEL_EPOCH_MS) / MS_PER_DAY;
}

/** An ISO 8601 date cell (t="d") as a serial; text when it does not parse. */
export function isoDateSerial(text: string): Cell {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  return Number.isFinite(ms) ? (ms - EXCEL_EPOCH_MS) / MS_PER_DAY : text;
}

/** "AB12" -> zero-based { row, col } without a regex (called once per cell of big sheets). */
export function parseRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c === 36) continue; // $
    const u = c >= 97 && c <= 122 ? c - 32 : c;
    if (u < 65 || u > 90) break;
    col = col * 26 + (u - 64);
  }
  let row = 0;
  let digits = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c === 36 && digits === 0) continue;
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
    digits++;
  }
  if (col === 0 || digits === 0 || row === 0) return null;
  return { row: row - 1, col: col - 1 };
}

/** "A1:C1048576" (or one cell) -> zero-based corners. */
export function parseRange(
  ref: string
): { top: number; left: number; bottom: number; right: number } | null {
  const [a, b] = ref.split(":");
  const from = parseRef(a ?? "");
  const to = parseRef(b ?? a ?? "");
  if (!from || !to) return null;
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.col, to.col),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.col, to.col),
  };
}
