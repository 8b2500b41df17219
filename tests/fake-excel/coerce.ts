/**
 * What Excel (en-US) does with a value an add-in writes through Range.values, as when a person types
 * it: "=..." (and "+x", "-x" that are not numbers) become formulas, numeric text becomes a number,
 * date-like text a date serial, "TRUE" a Boolean, "#N/A" an error. A Text ("@") number format or a
 * leading apostrophe keeps the text as it is. When the cell's format is General, Excel also gives it
 * the format it recognised (a date format, a percentage, thousands separators).
 */

export type ErrorValue = { error: string };
export type CellValue = number | string | boolean | ErrorValue | null;

export const ERROR_LITERALS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
];

export type Coerced =
  | { kind: "unchanged" }
  | { kind: "value"; value: CellValue; format?: string }
  | { kind: "formula"; formula: string };

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Excel's serial number of a date (1900 date system, valid from 1 March 1900). */
export function dateSerial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** The date of a serial, as [year, month (1-12), day]. */
export function serialDate(serial: number): [number, number, number] {
  const t = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000;
  const d = new Date(t);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 9999) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

function year2(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

function monthOf(name: string): number {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  if (i < 0) return 0;
  const full = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
  ][i] as string;
  const lower = name.toLowerCase();
  return lower.length === 3 || full === lower || (lower === "sept" && i === 8) ? i + 1 : 0;
}

/** A date-like string as { serial, format } (en-US reading), or null. */
export function parseDate(
  s: string,
  currentYear: number
): { serial: number; format: string } | null {
  const t = s.trim();
  let m: RegExpExecArray | null;
  const out = (y: number, mo: number, d: number, format: string) =>
    validDate(y, mo, d) ? { serial: dateSerial(y, mo, d), format } : null;
  // ISO: 2010-06-30, 2010/06/30
  if ((m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t)))
    return out(Number(m[1]), Number(m[2]), Number(m[3]), "m/d/yyyy");
  // Year and month: 2009-10 (October 2009), 2009/10
  if ((m = /^(\d{4})[-/](\d{1,2})$/.exec(t))) return out(Number(m[1]), Number(m[2]), 1, "mmm-yy");
  // m/d/yy(yy), m-d-yyyy
  if ((m = /^(\d{1,2})([-/])(\d{1,2})\2(\d{2}|\d{4})$/.exec(t)))
    return out(year2(m[4] as string), Number(m[1]), Number(m[3]), "m/d/yyyy");
  // m/d or m-d in the current year; if d cannot be a day, m/yy
  if ((m = /^(\d{1,2})[-/](\d{1,4})$/.exec(t))) {
    const mo = Number(m[1]);
    const n = Number(m[2]);
    if ((m[2] as string).length <= 2 && validDate(currentYear, mo, n))
      return out(currentYear, mo, n, "d-mmm");
    if ((m[2] as string).length === 2 || (m[2] as string).length === 4)
      return out(year2(m[2] as string), mo, 1, "mmm-yy");
    return null;
  }
  // 30-Jun-2010, 30 June 10, 30-Jun
  if ((m = /^(\d{1,2})[- ]([A-Za-z]{3,9})(?:[- ,]+(\d{2}|\d{4}))?$/.exec(t))) {
    const mo = monthOf(m[2] as string);
    if (!mo) return null;
    const y = m[3] ? year2(m[3]) : currentYear;
    return out(y, mo, Number(m[1]), m[3] ? "d-mmm-yy" : "d-mmm");
  }
  // Jun-10 (10 June this year, or June 2010 when 10 cannot be a day), Jun 2010, June 30, 2010
  if ((m = /^([A-Za-z]{3,9})[- ](\d{1,2})(?:,? (\d{4}))?$/.exec(t))) {
    const mo = monthOf(m[1] as string);
    if (!mo) return null;
    if (m[3]) return out(Number(m[3]), mo, Number(m[2]), "d-mmm-yy");
    const n = Number(m[2]);
    if (validDate(currentYear, mo, n)) return out(currentYear, mo, n, "d-mmm");
    return out(year2(m[2] as string), mo, 1, "mmm-yy");
  }
  if ((m = /^([A-Za-z]{3,9})[- ](\d{4})$/.exec(t))) {
    const mo = monthOf(m[1] as string);
    return mo ? out(Number(m[2]), mo, 1, "mmm-yy") : null;
  }
  return null;
}

/** A time like "10:30", "9:05:10 PM" as a fraction of a day, or null. */
function parseTime(s: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/.exec(s.trim());
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const sec = m[3] ? Number(m[3]) : 0;
  if (m[4]) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (m[4].toLowerCase() === "pm" ? 12 : 0);
  }
  if (min > 59 || sec > 59 || h > 23) return null;
  return (h * 3600 + min * 60 + sec) / 86400;
}

/** A numeric-looking string as { value, format }, or null ("0123", "1e5", "1,234", "12%", "$5", "(3)"). */
export function parseNumber(s: string): { value: number; format?: string } | null {
  let t = s.trim();
  if (t === "") return null;
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  let sign = 1;
  if (t.startsWith("-") || t.startsWith("+")) {
    sign = t.startsWith("-") ? -1 : 1;
    t = t.slice(1).trim();
  }
  let currency = false;
  if (t.startsWith("$")) {
    currency = true;
    t = t.slice(1).trim();
  }
  let percent = false;
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  const thousands = /^\d{1,3}(,\d{3})+(\.\d*)?$/.test(t);
  if (thousands) t = t.replace(/,/g, "");
  if (!/^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return null;
  let value = Number(t) * sign * (negative ? -1 : 1);
  if (!Number.isFinite(value)) return null;
  let format: string | undefined;
  if (percent) {
    value /= 100;
    format = /\./.test(t) ? "0.00%" : "0%";
  } else if (currency) format = /\./.test(t) ? "$#,##0.00" : "$#,##0";
  else if (thousands) format = /\./.test(t) ? "#,##0.00" : "#,##0";
  else if (/[eE]/.test(t)) format = "0.00E+00";
  return format ? { value, format } : { value };
}

/**
 * One written value (after the JSON round trip of the request) in a cell whose number format is
 * `cellFormat`. `formulasProperty` is true when written through Range.formulas.
 */
export function coerceInput(
  raw: unknown,
  cellFormat: string,
  currentYear: number,
  textFormatKeepsText = true
): Coerced {
  if (raw === null || raw === undefined) return { kind: "unchanged" };
  if (typeof raw === "number") return { kind: "value", value: raw };
  if (typeof raw === "boolean") return { kind: "value", value: raw };
  if (typeof raw !== "string") throw new TypeError("not a cell value");
  if (raw === "") return { kind: "value", value: null };
  if (raw.startsWith("'")) return { kind: "value", value: raw.slice(1) };
  // The assumption (profiles.ts): the Range.values reference documents no exception for Text cells.
  if (cellFormat === "@" && textFormatKeepsText) return { kind: "value", value: raw };
  if (raw.startsWith("=") && raw.length > 1) return { kind: "formula", formula: raw };
  const num = parseNumber(raw);
  if (num)
    return { kind: "value", value: num.value, ...(num.format ? { format: num.format } : {}) };
  if ((raw.startsWith("+") || raw.startsWith("-")) && raw.trim().length > 1)
    return { kind: "formula", formula: `=${raw}` };
  const upper = raw.trim().toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { kind: "value", value: upper === "TRUE" };
  if (ERROR_LITERALS.includes(upper)) return { kind: "value", value: { error: upper } };
  const date = parseDate(raw, currentYear);
  if (date) return { kind: "value", value: date.serial, format: date.format };
  const time = parseTime(raw);
  if (time !== null) return { kind: "value", value: time, format: "h:mm" };
  return { kind: "value", value: raw };
}

/** The fake does not calculate: a formula's value is its constant if it is one, else #NAME?. */
export function formulaValue(formula: string): CellValue {
  const body = formula.slice(1).trim();
  const upper = body.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return upper === "TRUE";
  const num = parseNumber(body);
  if (num && !/[,$%()]/.test(body)) return num.value;
  const str = /^"((?:[^"]|"")*)"$/.exec(body);
  if (str) return (str[1] as string).replace(/""/g, '"');
  if (ERROR_LITERALS.includes(upper)) return { error: upper };
  return { error: "#NAME?" };
}
