import { CoreError } from "./errors";
import { Ymd, daysInMonth, monthName } from "./dates";

/**
 * Periods of the report. Months are handled as integer keys (year * 12 + month - 1) so windows
 * are plain integer ranges and "the same period N years earlier" is a subtraction of 12 N.
 * A year is identified by the calendar year in which it starts: 2010-11 is 2010.
 */
export type MonthKey = number;

export interface MonthWindow {
  start: MonthKey; // inclusive
  end: MonthKey; // inclusive
}

export type WindowKind = "year to date" | "quarter" | "rolling 12 months";
export const WINDOW_KINDS: readonly WindowKind[] = ["year to date", "quarter", "rolling 12 months"];

export type PeriodRef =
  | { kind: "year"; startYear: number }
  | { kind: "quarter"; startYear: number; quarter: 1 | 2 | 3 | 4 };

export function monthKey(year: number, month: number): MonthKey {
  return year * 12 + (month - 1);
}

export function monthKeyOf(date: Ymd): MonthKey {
  return monthKey(date.year, date.month);
}

export function keyYear(key: MonthKey): number {
  return Math.floor(key / 12);
}

export function keyMonth(key: MonthKey): number {
  return key - keyYear(key) * 12 + 1;
}

/** "Jun 2010" */
export function keyLabel(key: MonthKey): string {
  return `${monthName(keyMonth(key)).slice(0, 3)} ${keyYear(key)}`;
}

export function requireStartMonth(startMonth: number): number {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new CoreError(
      "VALUE",
      `The year start month must be a whole number from 1 to 12 (got ${startMonth}).`
    );
  }
  return startMonth;
}

/** The start year of the (financial or calendar) year holding this month. */
export function yearStartOf(key: MonthKey, startMonth: number): number {
  return keyMonth(key) >= startMonth ? keyYear(key) : keyYear(key) - 1;
}

/** "2010-11" for a financial year, "2010" for a calendar year (start month 1). */
export function yearLabel(startYear: number, startMonth: number): string {
  if (startMonth === 1) return String(startYear);
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, "0")}`;
}

export function quarterOf(
  key: MonthKey,
  startMonth: number
): { startYear: number; quarter: 1 | 2 | 3 | 4 } {
  const startYear = yearStartOf(key, startMonth);
  const offset = key - monthKey(startYear, startMonth);
  return { startYear, quarter: (Math.floor(offset / 3) + 1) as 1 | 2 | 3 | 4 };
}

export function periodLabel(ref: PeriodRef, startMonth: number): string {
  const year = yearLabel(ref.startYear, startMonth);
  return ref.kind === "year" ? year : `Q${ref.quarter} ${year}`;
}

export function periodWindow(ref: PeriodRef, startMonth: number): MonthWindow {
  const yearStart = monthKey(ref.startYear, startMonth);
  if (ref.kind === "year") return { start: yearStart, end: yearStart + 11 };
  const start = yearStart + (ref.quarter - 1) * 3;
  return { start, end: start + 2 };
}

const YEAR_RE = /^(?:FY\s*)?(\d{4})(?:\s*[-/]\s*(\d{2}|\d{4}))?$/i;

/**
 * Parses a year label: "2008-09" / "2008/09" / "FY 2008-09" for a financial year, "2008" for a
 * calendar year. Returns null for anything else, or when the form does not fit the year kind.
 */
export function parseYearLabel(text: string, startMonth: number): number | null {
  const m = YEAR_RE.exec(text.trim());
  if (!m) return null;
  const start = Number(m[1]);
  const second = m[2];
  if (second === undefined) return startMonth === 1 ? start : null;
  if (startMonth === 1) return null;
  const next = second.length === 2 ? (start + 1) % 100 : start + 1;
  return Number(second) === next ? start : null;
}

/** Parses "2009-10", "Q1 2010-11", "2010-11 Q1" (the IDVAS table's header order), "Q1 2020". */
export function parsePeriodLabel(text: string, startMonth: number): PeriodRef | null {
  const t = text.trim().replace(/\s+/g, " ");
  const q = /^Q([1-4])\s+(.+)$/i.exec(t) ?? /^(.+?)\s+Q([1-4])$/i.exec(t);
  if (q) {
    const [quarterText, yearText] = /^Q/i.test(t) ? [q[1], q[2]] : [q[2], q[1]];
    const startYear = parseYearLabel(yearText ?? "", startMonth);
    if (startYear === null) return null;
    return { kind: "quarter", startYear, quarter: Number(quarterText) as 1 | 2 | 3 | 4 };
  }
  const startYear = parseYearLabel(t, startMonth);
  return startYear === null ? null : { kind: "year", startYear };
}

export function samePeriod(a: PeriodRef, b: PeriodRef): boolean {
  return (
    a.kind === b.kind &&
    a.startYear === b.startYear &&
    (a.kind === "year" || (b.kind === "quarter" && a.quarter === b.quarter))
  );
}

export interface ReportingWindow {
  /** The quarter the period end falls in: the report's label ("Q1 2010-11"). */
  quarter: PeriodRef & { kind: "quarter" };
  label: string;
  window: MonthWindow;
  /** The last day of the window: the period end should be on or after it. */
  windowEnd: Ymd;
  /** False when the window runs past the period end: its data cannot be complete yet. */
  ended: boolean;
}

/**
 * The window compared for a report whose period ends on `periodEnd`. The reporting period is the
 * quarter holding `periodEnd`; the window is its year to date (default), the quarter itself, or the
 * 12 months ending with it.
 */
export function reportingWindow(
  periodEnd: Ymd,
  kind: WindowKind,
  startMonth: number
): ReportingWindow {
  requireStartMonth(startMonth);
  const q = quarterOf(monthKey(periodEnd.year, periodEnd.month), startMonth);
  const quarter = { kind: "quarter" as const, startYear: q.startYear, quarter: q.quarter };
  const qWindow = periodWindow(quarter, startMonth);
  const end = qWindow.end;
  const start =
    kind === "quarter"
      ? qWindow.start
      : kind === "rolling 12 months"
        ? end - 11
        : monthKey(q.startYear, startMonth);
  const windowEnd = {
    year: keyYear(end),
    month: keyMonth(end),
    day: daysInMonth(keyYear(end), keyMonth(end)),
  };
  const ended =
    periodEnd.year * 10000 + periodEnd.month * 100 + periodEnd.day >=
    windowEnd.year * 10000 + windowEnd.month * 100 + windowEnd.day;
  return {
    quarter,
    label: periodLabel(quarter, startMonth),
    window: { start, end },
    windowEnd,
    ended,
  };
}

/** The same months `years` whole years earlier (positive `years` goes back). */
export function shiftBack(w: MonthWindow, years: number): MonthWindow {
  return { start: w.start - 12 * years, end: w.end - 12 * years };
}

export function windowLength(w: MonthWindow): number {
  return w.end - w.start + 1;
}

export function inWindow(key: MonthKey, w: MonthWindow): boolean {
  return key >= w.start && key <= w.end;
}

/** Every month of the window, in order. */
export function windowMonths(w: MonthWindow): MonthKey[] {
  const out: MonthKey[] = [];
  for (let k = w.start; k <= w.end; k++) out.push(k);
  return out;
}

const NUMBER_WORDS = [
  "",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
];

/**
 * The window in the report's words: "the first three months of 2010-11", "2010-11" for a whole year,
 * "Q2 2010-11" for a quarter, "the 12 months to June 2010".
 */
export function windowPhrase(rw: ReportingWindow, kind: WindowKind, startMonth: number): string {
  const year = yearLabel(rw.quarter.startYear, startMonth);
  const n = windowLength(rw.window);
  if (kind === "rolling 12 months") {
    return `the 12 months to ${monthName(keyMonth(rw.window.end))} ${keyYear(rw.window.end)}`;
  }
  if (kind === "quarter") return rw.label;
  return n === 12 ? year : `the first ${NUMBER_WORDS[n] ?? n} months of ${year}`;
}

/** "the past three months" for the peer sentence. */
export function pastPhrase(w: MonthWindow): string {
  const n = windowLength(w);
  return `the past ${NUMBER_WORDS[n] ?? n} months`;
}
