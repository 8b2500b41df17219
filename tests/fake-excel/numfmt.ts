/**
 * Range.text: a cell's value as Excel displays it under its number format. Covers General, Text,
 * fixed decimals, thousands separators, percentages, scientific, literal text and dates/times;
 * anything else is shown as General. Column width (####) is not simulated.
 */
import { CellValue, serialDate } from "./coerce";

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export function general(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) {
    const [m, e] = n.toExponential(5).split("e");
    const mant = String(Number(m));
    const exp = Number(e);
    return `${mant.includes(".") ? Number(m).toFixed(2) : mant}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  const digits = Math.max(0, 10 - Math.floor(Math.log10(abs)));
  return String(Number(n.toFixed(Math.min(digits, 9))));
}

function stripLiterals(section: string): { pattern: string; literal: (s: string) => string } {
  let pattern = "";
  let prefix = "";
  let suffix = "";
  let seenDigit = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] as string;
    let lit: string | null = null;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      lit = section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end;
    } else if (ch === "\\") {
      lit = section[i + 1] ?? "";
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      i = end < 0 ? section.length : end; // colours and conditions are not shown
      continue;
    } else if (ch === "_" || ch === "*") {
      i++;
      continue;
    } else if ((ch === "+" || ch === "-") && /[Ee]$/.test(pattern)) {
      pattern += ch; // the sign of a scientific exponent
      continue;
    } else if ("$-+/():! ".includes(ch)) lit = ch;
    if (lit !== null) {
      if (seenDigit) suffix += lit;
      else prefix += lit;
    } else {
      if ("0#?.,%Ee".includes(ch)) seenDigit = true;
      pattern += ch;
    }
  }
  return { pattern, literal: (s) => prefix + s + suffix };
}

function numberWith(n: number, pattern: string): string | null {
  if (!/^[0#?,.%Ee+-]*$/.test(pattern) || !/[0#?]/.test(pattern)) return null;
  let v = n;
  const percents = (pattern.match(/%/g) ?? []).length;
  v *= 100 ** percents;
  const sci = /[Ee][+-]/.exec(pattern);
  if (sci) {
    const decimals = (pattern.slice(0, sci.index).split(".")[1] ?? "").replace(
      /[^0#?]/g,
      ""
    ).length;
    const [m, e] = v.toExponential(decimals).split("e");
    const exp = Number(e);
    return `${m}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  const core = pattern.replace(/%/g, "");
  const [intPart = "", decPart = ""] = core.split(".");
  const decimals = decPart.replace(/[^0#?]/g, "").length;
  const minDecimals = decPart.replace(/[^0]/g, "").length;
  const trailingCommas = (/,+$/.exec(intPart)?.[0] ?? "").length;
  v /= 1000 ** trailingCommas;
  let s = Math.abs(v).toFixed(decimals);
  if (decimals > minDecimals) {
    const [i, d = ""] = s.split(".");
    const trimmed = d.replace(/0+$/, "").padEnd(minDecimals, "0");
    s = trimmed ? `${i}.${trimmed}` : `${i}${decPart.length > 0 && minDecimals === 0 ? "." : ""}`;
  }
  let [i, d] = s.split(".") as [string, string | undefined];
  const minInt = intPart.replace(/[^0]/g, "").length;
  if (i === "0" && minInt === 0) i = "";
  i = i.padStart(minInt, "0");
  if (/,/.test(intPart.replace(/,+$/, ""))) i = i.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const body = d !== undefined ? `${i}.${d}` : i;
  return `${body}${"%".repeat(percents)}`;
}

function dateWith(serial: number, section: string): string | null {
  if (!/[ymdhs]/i.test(section.replace(/"[^"]*"/g, ""))) return null;
  const [y, mo, d] = serialDate(serial);
  const frac = serial - Math.floor(serial);
  const total = Math.round(frac * 86400);
  let h = Math.floor(total / 3600);
  const mi = Math.floor((total % 3600) / 60);
  const se = total % 60;
  const ampm = /AM\/PM|A\/P/i.test(section);
  let suffixAmPm = "";
  if (ampm) {
    suffixAmPm = h >= 12 ? "PM" : "AM";
    h = h % 12 || 12;
  }
  const tokens =
    /"[^"]*"|\\.|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|AM\/PM|A\/P|\[[^\]]*\]|./gi;
  let out = "";
  let lastWasHour = false;
  for (const tok of section.match(tokens) ?? []) {
    const low = tok.toLowerCase();
    if (tok.startsWith('"')) out += tok.slice(1, -1);
    else if (tok.startsWith("\\")) out += tok.slice(1);
    else if (tok.startsWith("[")) continue;
    else if (low === "yyyy") out += String(y);
    else if (low === "yy") out += String(y % 100).padStart(2, "0");
    else if (low === "mmmm") out += MONTH_NAMES[mo - 1];
    else if (low === "mmm") out += (MONTH_NAMES[mo - 1] as string).slice(0, 3);
    else if (low === "mm" || low === "m") {
      const v = lastWasHour ? mi : mo; // "mm" after hours means minutes
      out += low === "mm" ? String(v).padStart(2, "0") : String(v);
    } else if (low === "dddd" || low === "ddd") {
      const wd = new Date(Date.UTC(y, mo - 1, d)).toLocaleDateString("en-US", {
        weekday: low === "dddd" ? "long" : "short",
        timeZone: "UTC",
      });
      out += wd;
    } else if (low === "dd") out += String(d).padStart(2, "0");
    else if (low === "d") out += String(d);
    else if (low === "hh") out += String(h).padStart(2, "0");
    else if (low === "h") out += String(h);
    else if (low === "ss") out += String(se).padStart(2, "0");
    else if (low === "s") out += String(se);
    else if (low === "am/pm" || low === "a/p") out += low === "a/p" ? suffixAmPm[0] : suffixAmPm;
    else out += tok;
    if (low === "h" || low === "hh") lastWasHour = true;
    else if (/[a-z]/.test(low)) lastWasHour = false;
  }
  return out;
}

/** The displayed text of a value under a number format. */
export function displayText(value: CellValue, format: string): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "object") return value.error;
  const sections = format.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  if (typeof value === "string") {
    const textSection = sections[3] ?? (format === "@" ? "@" : null);
    return textSection ? textSection.replace(/"([^"]*)"/g, "$1").replace("@", value) : value;
  }
  if (format === "General" || format === "" || format === "@") return general(value);
  let section = sections[0] as string;
  let n = value;
  if (value < 0 && sections[1] !== undefined) {
    section = sections[1];
    n = -value;
  } else if (value === 0 && sections[2] !== undefined) section = sections[2];
  if (/^general$/i.test(section.trim())) return general(n);
  const date = dateWith(n, section);
  if (date !== null) return date;
  const { pattern, literal } = stripLiterals(section);
  const num = numberWith(n, pattern);
  if (num === null) return general(value);
  const negative = n < 0 && Number(num.replace(/[^0-9.]/g, "")) !== 0;
  return (negative ? "-" : "") + literal(num);
}
