import {
  MonthKey,
  Ymd,
  daysInMonth,
  keyMonth,
  keyYear,
  monthKey,
  yearLabel,
  yearStartOf,
} from "../../core";
import { monthText } from "./police-format";
import { ImportWarning } from "./police-tally";
import { monthList } from "./police-areas";

export type ImportWindow = "year to date" | "quarter";

/** The Settings an imported workbook gets, chosen so it validates and reports as it stands. */
export interface ImportSettings {
  /** The last quarter end the partnership's months cover whole; null when none. */
  quarterEnd: MonthKey | null;
  periodEnd: Ymd | null;
  window: ImportWindow;
  baselineStartYear: number | null;
  /** Months left out of Monthly: they would make a compared window partial. */
  leftOut: MonthKey[];
  warnings: ImportWarning[];
}

export const lastDay = (key: MonthKey): Ymd => {
  const year = keyYear(key);
  const month = keyMonth(key);
  return { year, month, day: daysInMonth(year, month) };
};

export const range = (from: MonthKey, to: MonthKey): MonthKey[] =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/** The last quarter end (March, June, September, December) whose three months are all present. */
export function lastCoveredQuarterEnd(months: ReadonlySet<MonthKey>): MonthKey | null {
  const sorted = [...months].sort((a, b) => b - a);
  for (const k of sorted) {
    if (keyMonth(k) % 3 === 0 && months.has(k - 1) && months.has(k - 2)) return k;
  }
  return null;
}

const span = (w: readonly MonthKey[]) =>
  `${monthText(w[0] as number)} to ${monthText(w[w.length - 1] as number)}`;

/**
 * Settings from the months the partnership has counts for (spec/open-data.md): Period end the
 * last quarter end they cover; Window "year to date" when they cover every month from April of
 * that year, else "quarter"; Baseline year the first financial year they cover whole, else the
 * first whose months of the window they cover, else the year before. The report compares the
 * window with the same months of the previous and the baseline year, and a partly covered one is
 * refused by validation (MONTH_MISSING): its months are left out of Monthly, with a warning.
 */
export function importSettings(months: ReadonlySet<MonthKey>, area: string): ImportSettings {
  const warnings: ImportWarning[] = [];
  const has = (k: MonthKey) => months.has(k);
  const end = lastCoveredQuarterEnd(months);
  if (end === null) {
    warnings.push({
      code: "NO_WHOLE_QUARTER",
      message: `${area}'s data covers no whole quarter (three months ending March, June, September or December), so Period end is left blank and the workbook cannot be reported on until it does.`,
    });
    return {
      quarterEnd: null,
      periodEnd: null,
      window: "year to date",
      baselineStartYear: null,
      leftOut: [],
      warnings,
    };
  }
  const year = yearStartOf(end, 4);
  const ytd = range(monthKey(year, 4), end);
  const window: ImportWindow = ytd.every(has) ? "year to date" : "quarter";
  const current = window === "year to date" ? ytd : range(end - 2, end);
  if (window === "quarter" && ytd.length > 3) {
    warnings.push({
      code: "WINDOW_QUARTER",
      message: `The data does not cover every month from ${monthText(monthKey(year, 4))} to ${monthText(end)}, so Window is "quarter" (${span(current)}) rather than "year to date".`,
    });
  }
  const back = (years: number) => current.map((k) => k - 12 * years);
  const first = Math.min(...months);
  const years = range(yearStartOf(first, 4), year - 1);
  let baseline = years.find((y) => range(monthKey(y, 4), monthKey(y + 1, 3)).every(has)) ?? null;
  if (baseline === null) {
    baseline = years.find((y) => back(year - y).every(has)) ?? null;
    if (baseline !== null) {
      warnings.push({
        code: "BASELINE_SHORT",
        message: `The data covers no whole financial year before ${yearLabel(year, 4)}; the baseline year is ${yearLabel(baseline, 4)}, whose ${span(back(year - baseline))} it covers (the months the report compares).`,
      });
    }
  }
  if (baseline === null) {
    baseline = year - 1;
    warnings.push({
      code: "BASELINE_SHORT",
      message: `The data covers the months compared (${span(current)}) in no year before ${yearLabel(year, 4)}, so the baseline year is set to ${yearLabel(baseline, 4)} and the report has no baseline figures; download at least the year before the reporting year.`,
    });
  }
  const leftOut = new Set<MonthKey>();
  const compared: [string, MonthKey[]][] = [["previous year", back(1)]];
  if (baseline !== year - 1) compared.push(["baseline year", back(year - baseline)]);
  for (const [what, w] of compared) {
    const present = w.filter(has);
    if (present.length === 0 || present.length === w.length) continue;
    for (const k of present) leftOut.add(k);
    const missing = w.filter((k) => !has(k));
    warnings.push({
      code: "MONTHS_LEFT_OUT",
      message: `${monthList(present)} ${present.length === 1 ? "is" : "are"} left out of Monthly: the ${what}'s window (${span(w)}) lacks ${monthList(missing)}, and a partial window would be compared as if whole. Add ${missing.length === 1 ? "that month" : "those months"} to compare with it.`,
    });
  }
  return {
    quarterEnd: end,
    periodEnd: lastDay(end),
    window,
    baselineStartYear: baseline,
    leftOut: [...leftOut].sort((a, b) => a - b),
    warnings,
  };
}
