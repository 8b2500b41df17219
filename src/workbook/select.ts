import { MonthKey, MonthWindow, PeriodRef, periodWindow, windowMonths } from "../core";
import { MonthlyRow, PeriodRow } from "./contract";

/** Monthly rows of one measure indexed by month (the first row wins; duplicates are reported). */
export function monthIndex(rows: readonly MonthlyRow[]): Map<string, Map<MonthKey, MonthlyRow>> {
  const out = new Map<string, Map<MonthKey, MonthlyRow>>();
  for (const r of rows) {
    let m = out.get(r.measure);
    if (!m) out.set(r.measure, (m = new Map()));
    if (!m.has(r.month)) m.set(r.month, r);
  }
  return out;
}

export interface WindowSum {
  total: number | null; // null: no month of the window has data
  missing: MonthKey[]; // months of the window with no row (when some have data)
}

export function sumWindow(
  months: Map<MonthKey, MonthlyRow> | undefined,
  w: MonthWindow
): WindowSum {
  let total = 0;
  let found = 0;
  const missing: MonthKey[] = [];
  for (const k of windowMonths(w)) {
    const row = months?.get(k);
    if (row) {
      total += row.count;
      found++;
    } else missing.push(k);
  }
  if (found === 0) return { total: null, missing: [] };
  return { total, missing };
}

function within(ref: PeriodRef, w: MonthWindow, startMonth: number): boolean {
  const pw = periodWindow(ref, startMonth);
  return pw.start >= w.start && pw.end <= w.end;
}

export interface PeriodSelection<R extends PeriodRow> {
  rows: R[]; // the rows that make up the window (quarters, or one year row)
  complete: boolean; // the rows cover every month of the window
  partial: boolean; // some quarters of the window are present, not all
}

/**
 * The rows of a period table that cover a month window: its quarters when all are given, else a
 * year row equal to the window. Quarters take precedence because year-to-date windows are made of them.
 */
export function selectPeriodRows<R extends PeriodRow>(
  rows: readonly R[],
  w: MonthWindow,
  startMonth: number
): PeriodSelection<R> {
  const quarters = rows.filter(
    (r) => r.period.kind === "quarter" && within(r.period, w, startMonth)
  );
  const covered = new Set<number>();
  for (const q of quarters) covered.add(periodWindow(q.period, startMonth).start);
  const needed = (w.end - w.start + 1) / 3;
  if (Number.isInteger(needed) && covered.size === needed)
    return { rows: quarters, complete: true, partial: false };
  const year = rows.filter((r) => {
    if (r.period.kind !== "year") return false;
    const pw = periodWindow(r.period, startMonth);
    return pw.start === w.start && pw.end === w.end;
  });
  if (year.length > 0) return { rows: year, complete: true, partial: false };
  return { rows: [], complete: false, partial: covered.size > 0 };
}

const norm = (s: string) => s.trim().toLowerCase();
export const isTotalArea = (area: string) => norm(area) === "total";
export const sameArea = (a: string, b: string) => norm(a) === norm(b);

/** MARAC rows to use: the partnership's own rows if present, else a stated Total, else every area. */
export function maracRowsFor<R extends PeriodRow>(rows: readonly R[], partnership: string): R[] {
  const own = rows.filter((r) => sameArea(r.area, partnership));
  if (own.length > 0) return own;
  const totals = rows.filter((r) => isTotalArea(r.area));
  if (totals.length > 0) return totals;
  return [...rows];
}
