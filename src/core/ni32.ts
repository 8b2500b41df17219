import { CoreError, requireCount } from "./errors";
import { Ymd, addMonths, serialToYmd, ymdToSerial } from "./dates";

export interface Ni32 {
  repeats: number;
  cases: number;
  rate: number;
}

/**
 * NI 32 from counts: pool first, then divide. Averaging area percentages is wrong: the county's
 * "30.5% (27% / 34%)" is such a mean; the pooled 46/146 is 31.5%.
 */
export function ni32FromCounts(repeats: readonly number[], cases: readonly number[]): Ni32 {
  let r = 0;
  let c = 0;
  repeats.forEach((x, i) => (r += requireCount(x, `Repeat cases (value ${i + 1})`)));
  cases.forEach((x, i) => (c += requireCount(x, `Cases (value ${i + 1})`)));
  if (c === 0) throw new CoreError("DIV0", "There are no MARAC cases, so there is no repeat rate.");
  if (r > c) throw new CoreError("NUM", `Repeat cases (${r}) cannot be more than cases (${c}).`);
  return { repeats: r, cases: c, rate: r / c };
}

export interface MaracHearing {
  victim: string;
  /** Excel serial date of the hearing. */
  date: number;
}

/**
 * NI 32 from a case list. A case heard in [periodStart, periodEnd] is a repeat when the same victim
 * had a hearing in the 12 calendar months before it (on or after the same date a year earlier,
 * strictly before this hearing); hearings before the period count as history. Victims are matched
 * on their trimmed, case-insensitive id. O(n log n): hearings are grouped by victim and sorted.
 */
export function ni32FromHearings(
  hearings: readonly MaracHearing[],
  periodStart: number,
  periodEnd: number
): Ni32 {
  if (periodEnd < periodStart) {
    throw new CoreError("VALUE", "The period end is before the period start.");
  }
  const byVictim = new Map<string, number[]>();
  for (const h of hearings) {
    const key = h.victim.trim().toLowerCase();
    const list = byVictim.get(key);
    if (list) list.push(Math.floor(h.date));
    else byVictim.set(key, [Math.floor(h.date)]);
  }
  const start = Math.floor(periodStart);
  const end = Math.floor(periodEnd);
  let cases = 0;
  let repeats = 0;
  for (const dates of byVictim.values()) {
    dates.sort((a, b) => a - b);
    let previousDistinct: number | null = null; // latest hearing strictly before the current one
    for (let i = 0; i < dates.length; i++) {
      const d = dates[i] as number;
      if (i > 0 && (dates[i - 1] as number) < d) previousDistinct = dates[i - 1] as number;
      if (d < start || d > end) continue;
      cases++;
      if (previousDistinct !== null && previousDistinct >= yearBefore(d)) repeats++;
    }
  }
  if (cases === 0)
    throw new CoreError(
      "DIV0",
      "No MARAC case was heard in the period, so there is no repeat rate."
    );
  return { repeats, cases, rate: repeats / cases };
}

const yearBeforeCache = new Map<number, number>();

/** The serial of the same calendar date 12 months earlier (29 Feb -> 28 Feb). */
function yearBefore(serial: number): number {
  let s = yearBeforeCache.get(serial);
  if (s === undefined) {
    const ymd: Ymd = serialToYmd(serial);
    s = ymdToSerial(addMonths(ymd, -12));
    if (yearBeforeCache.size > 100_000) yearBeforeCache.clear();
    yearBeforeCache.set(serial, s);
  }
  return s;
}
