import {
  MonthKey,
  Polarity,
  SPC_MIN_POINTS,
  keyMonth,
  keyYear,
  monthName,
  spcAnalysis,
  spcReading,
  spcSentence,
  spcVariationWords,
} from "../core";
import { MonthlyRow } from "./contract";
import { SpcModel } from "./model-types";

/** The months of the longest run of consecutive months with data that ends at `end`. */
export function runEndingAt(
  months: Map<MonthKey, MonthlyRow> | undefined,
  end: MonthKey
): MonthKey[] {
  const out: MonthKey[] = [];
  for (let k = end; months?.has(k); k--) out.push(k);
  return out.reverse();
}

const monthText = (k: MonthKey) => `${monthName(keyMonth(k))} ${keyYear(k)}`;
const shortMonth = (k: MonthKey) => `${monthName(keyMonth(k)).slice(0, 3)} ${keyYear(k)}`;

/**
 * A measure's control chart over its run of months to the period end (workbook.md): null with
 * fewer than 12 months. Limits from the first `baselineMonths` (the setting) when the run is that long.
 */
export function spcOf(
  label: string,
  polarity: Polarity,
  months: Map<MonthKey, MonthlyRow> | undefined,
  end: MonthKey,
  baselineMonths: number | null
): { spc: SpcModel | null; months: number } {
  const run = runEndingAt(months, end);
  if (run.length < SPC_MIN_POINTS) return { spc: null, months: run.length };
  const values = run.map((k) => (months?.get(k) as MonthlyRow).count);
  const k = baselineMonths !== null && baselineMonths <= run.length ? baselineMonths : undefined;
  const result = spcAnalysis(values, polarity, k);
  const names = run.map(monthText);
  return {
    months: run.length,
    spc: {
      months: run.map(shortMonth),
      values,
      baselinePoints: result.limits.baselinePoints,
      mean: result.limits.mean,
      lower: result.limits.lower,
      upper: result.limits.upper,
      points: result.signals.map((s) =>
        s ? { rule: s.rule, side: s.side, reading: spcReading(s.side, polarity) } : null
      ),
      variation: result.variation,
      side: result.side,
      rule: result.rule,
      words: spcVariationWords(result.variation, result.side),
      sentence: spcSentence({
        label,
        months: names,
        result,
        polarity,
        kind: "count",
        baselineAsked: baselineMonths,
      }),
    },
  };
}

/** What a measure without a chart says instead. */
export function noSpcText(label: string, months: number): string {
  return `${label}: ${months === 0 ? "no" : `only ${months}`} consecutive month${months === 1 ? "" : "s"} of data to the period end; a control chart needs at least ${SPC_MIN_POINTS}.`;
}
