/**
 * Variation over time: XmR (individuals and moving range) charts with the rules of NHS England's
 * Making Data Count, as NHS-R's NHSRplotthedots implements them (metrics.md, "Variation over time").
 * Choices where metrics.md is silent, each matching NHSRplotthedots 0.2:
 * - Moving ranges are not screened for outliers (NHSRplotthedots can; metrics.md does not).
 * - "The outer third of the band" lies inside the limits: a point beyond a limit is rule 1's, and
 *   does not count towards rule 3 (NHSRplotthedots' close_to_limits excludes it too).
 * - A point shared by two trends (the peak between a rise and a fall) takes the later trend's side.
 * - Values within 1e-10 (relative) of the mean or of a limit count as on it, so a rate series such
 *   as 0.1, 0.2, 0.3 has a point on its mean despite binary rounding of the sum.
 */
import { CoreError, requireFinite } from "./errors";
import { Polarity } from "./status";

/** Fewer points than this make no chart: metrics.md, "at least 12 points". */
export const SPC_MIN_POINTS = 12;
/** The XmR constant: 3 / d2 for moving ranges of two. */
export const XMR_CONSTANT = 2.66;
/** Runs of this many points make a trend or a shift. */
export const SPC_RUN = 7;

export type SpcRule = "outside" | "trend" | "twoOfThree" | "shift";
export type SpcSide = "high" | "low";
export type SpcVariation = "common" | "improving" | "concerning";
export type SpcAssurance = "meets" | "misses" | "hitAndMiss";

export interface SpcLimits {
  mean: number;
  lower: number;
  upper: number;
  /** The mean moving range of the baseline points. */
  movingRange: number;
  /** How many points (from the first) set the limits. */
  baselinePoints: number;
}

/** A point's signal: the first rule (in metrics.md's order) that flags it, and its side. */
export interface SpcSignal {
  rule: SpcRule;
  side: SpcSide;
}

export interface SpcResult {
  limits: SpcLimits;
  /** One per point; null is common cause. */
  signals: (SpcSignal | null)[];
  /** The verdict for the latest point. */
  variation: SpcVariation;
  side: SpcSide | null;
  rule: SpcRule | null;
}

const RULE_ORDER: readonly SpcRule[] = ["outside", "trend", "twoOfThree", "shift"];

/** a - b beyond rounding noise: > 0 above, < 0 below, 0 on it. */
function compare(a: number, b: number): number {
  const d = a - b;
  const eps = 1e-10 * Math.max(Math.abs(a), Math.abs(b));
  return d > eps ? 1 : d < -eps ? -1 : 0;
}

function checkSeries(values: readonly number[]): void {
  values.forEach((v, i) => requireFinite(v, `Point ${i + 1} of the series`));
  if (values.length < SPC_MIN_POINTS) {
    throw new CoreError(
      "NA",
      `A control chart needs at least ${SPC_MIN_POINTS} points; the series has ${values.length}.`
    );
  }
}

/** Checks an optional baseline length: a whole number from 12 to the number of points. */
export function requireBaselinePoints(k: number | undefined, points: number): number {
  if (k === undefined) return points;
  if (!Number.isInteger(k) || k < SPC_MIN_POINTS) {
    throw new CoreError(
      "NUM",
      `The baseline must be a whole number of at least ${SPC_MIN_POINTS} points (got ${k}).`
    );
  }
  if (k > points) {
    throw new CoreError(
      "NUM",
      `The baseline of ${k} points is longer than the series (${points} points).`
    );
  }
  return k;
}

/** Process limits from the first k points (all by default): mean ∓ 2.66 × mean moving range. */
export function spcLimits(values: readonly number[], baselinePoints?: number): SpcLimits {
  checkSeries(values);
  const k = requireBaselinePoints(baselinePoints, values.length);
  let sum = 0;
  let mr = 0;
  for (let i = 0; i < k; i++) {
    const v = values[i] as number;
    sum += v;
    if (i > 0) mr += Math.abs(v - (values[i - 1] as number));
  }
  const mean = sum / k;
  const movingRange = mr / (k - 1);
  return {
    mean,
    lower: mean - XMR_CONSTANT * movingRange,
    upper: mean + XMR_CONSTANT * movingRange,
    movingRange,
    baselinePoints: k,
  };
}

/** Each point's signal against the limits, by the four rules; the first rule in order wins. */
export function spcSignals(values: readonly number[], limits: SpcLimits): (SpcSignal | null)[] {
  const n = values.length;
  const { mean, lower, upper } = limits;
  const nearUpper = mean + ((upper - mean) * 2) / 3;
  const nearLower = mean - ((mean - lower) * 2) / 3;
  const side = new Int8Array(n); // relative to the mean: 1, -1 or 0
  const outside = new Int8Array(n);
  const near = new Uint8Array(n); // in the outer third of the band, inside the limits
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    side[i] = compare(v, mean);
    outside[i] = compare(v, upper) > 0 ? 1 : compare(v, lower) < 0 ? -1 : 0;
    near[i] = outside[i] === 0 && (compare(v, nearUpper) > 0 || compare(v, nearLower) < 0) ? 1 : 0;
  }
  const found: Record<SpcRule, Int8Array> = {
    outside,
    trend: new Int8Array(n),
    twoOfThree: new Int8Array(n),
    shift: new Int8Array(n),
  };
  // Trend: consecutive rises (or falls); an equal value ends it. Runs are marked in time order, so
  // a peak shared by a rise and a fall keeps the later run's side.
  for (let i = 1; i < n; ) {
    const s = compare(values[i] as number, values[i - 1] as number);
    if (s === 0) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < n && compare(values[j + 1] as number, values[j] as number) === s) j++;
    if (j - i + 2 >= SPC_RUN) for (let k = i - 1; k <= j; k++) found.trend[k] = s;
    i = j + 1;
  }
  // Shift: consecutive points on one side of the mean; a point on the mean ends it.
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && side[i] !== 0 && side[i] === side[start]) continue;
    if (side[start] !== 0 && i - start >= SPC_RUN)
      for (let j = start; j < i; j++) found.shift[j] = side[start] as number;
    start = i;
  }
  // Two out of three: three points on one side, two or more of them in the outer third.
  for (let i = 2; i < n; i++) {
    const s = side[i] as number;
    if (s === 0 || side[i - 1] !== s || side[i - 2] !== s) continue;
    if ((near[i] as number) + (near[i - 1] as number) + (near[i - 2] as number) < 2) continue;
    for (let j = i - 2; j <= i; j++) if (near[j]) found.twoOfThree[j] = s;
  }
  const out: (SpcSignal | null)[] = new Array<SpcSignal | null>(n).fill(null);
  for (let i = 0; i < n; i++) {
    for (const rule of RULE_ORDER) {
      const s = found[rule][i] as number;
      if (s !== 0) {
        out[i] = { rule, side: s > 0 ? "high" : "low" };
        break;
      }
    }
  }
  return out;
}

/** Improving or concerning: a side read through the measure's polarity. */
export function spcReading(side: SpcSide, polarity: Polarity): Exclude<SpcVariation, "common"> {
  return (side === "low") === (polarity === "lower") ? "improving" : "concerning";
}

/** Limits, every point's signal, and the verdict for the latest point. */
export function spcAnalysis(
  values: readonly number[],
  polarity: Polarity,
  baselinePoints?: number
): SpcResult {
  const limits = spcLimits(values, baselinePoints);
  const signals = spcSignals(values, limits);
  const last = signals[signals.length - 1] ?? null;
  return {
    limits,
    signals,
    variation: last ? spcReading(last.side, polarity) : "common",
    side: last?.side ?? null,
    rule: last?.rule ?? null,
  };
}

/** metrics.md's words for the latest point's variation. */
export function spcVariationWords(variation: SpcVariation, side: SpcSide | null): string {
  if (variation === "common" || side === null) return "Common cause";
  return `Special cause: ${variation} ${side}`;
}

export const SPC_ASSURANCE_WORDS: Record<SpcAssurance, string> = {
  meets: "Consistently meets target",
  misses: "Consistently misses target",
  hitAndMiss: "Hit and miss",
};

/** Whether the process will meet a target level T: both limits on the met side, both on the other, or neither. */
export function spcAssurance(limits: SpcLimits, target: number, polarity: Polarity): SpcAssurance {
  requireFinite(target, "The target");
  if (polarity === "lower") {
    if (limits.upper <= target) return "meets";
    if (limits.lower > target) return "misses";
  } else {
    if (limits.lower >= target) return "meets";
    if (limits.upper < target) return "misses";
  }
  return "hitAndMiss";
}
