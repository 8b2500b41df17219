import { CoreError, requireFinite } from "./errors";
import { Polarity } from "./status";
import { rateInterval } from "./rate";

export type Band = "better" | "average" | "worse";
export type BandMethod = "sd" | "ci";

export const BAND_WORDS: Record<Band, string> = {
  better: "Better than average",
  average: "Average",
  worse: "Worse than average",
};

/** a is strictly better than b for this polarity. */
function better(a: number, b: number, polarity: Polarity): boolean {
  return polarity === "lower" ? a < b : a > b;
}

function requireRates(values: readonly number[], what: string): void {
  values.forEach((v, i) => requireFinite(v, `${what} (value ${i + 1})`));
}

/** 1 + the number of peers strictly better: ties share a position (1, 2, 2, 4). */
export function peerPosition(
  value: number,
  peers: readonly number[],
  polarity: Polarity = "lower"
): number {
  requireFinite(value, "The value");
  if (peers.length === 0) throw new CoreError("NA", "There are no peers to compare with.");
  requireRates(peers, "Peer rates");
  let ahead = 0;
  for (const p of peers) if (better(p, value, polarity)) ahead++;
  return ahead + 1;
}

/**
 * Positions of every member at once (competition ranking, ties share the best position), in the
 * input order. Sorting makes it O(n log n) for a whole group.
 */
export function positions(values: readonly number[], polarity: Polarity = "lower"): number[] {
  requireRates(values, "Rates");
  const order = values
    .map((v, i) => ({ v, i }))
    .sort((a, b) => (polarity === "lower" ? a.v - b.v : b.v - a.v));
  const out = new Array<number>(values.length);
  let position = 1;
  order.forEach((entry, k) => {
    const prev = order[k - 1];
    if (k > 0 && prev !== undefined && prev.v !== entry.v) position = k + 1;
    out[entry.i] = position;
  });
  return out;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new CoreError("NA", "There are no values to average.");
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Sample standard deviation (n - 1), as Excel's STDEV.S. */
export function sampleSd(values: readonly number[]): number {
  if (values.length < 2)
    throw new CoreError("NA", "A standard deviation needs at least two values.");
  const m = mean(values);
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  return Math.sqrt(ss / (values.length - 1));
}

export const MIN_GROUP = 3;

export interface SdBand {
  band: Band;
  mean: number;
  sd: number;
}

/**
 * Band by the `sd` method: outside the MSG mean +/- one sample SD (members' simple mean, the
 * partnership included) on the good side is better, on the bad side worse, otherwise average.
 */
export function peerBandSd(
  value: number,
  peers: readonly number[],
  polarity: Polarity = "lower"
): SdBand {
  requireFinite(value, "The value");
  if (peers.length < MIN_GROUP) {
    throw new CoreError(
      "NA",
      `A most similar group needs at least ${MIN_GROUP} members (got ${peers.length}).`
    );
  }
  requireRates(peers, "Peer rates");
  const m = mean(peers);
  const sd = sampleSd(peers);
  let band: Band = "average";
  if (value < m - sd) band = polarity === "lower" ? "better" : "worse";
  else if (value > m + sd) band = polarity === "lower" ? "worse" : "better";
  return { band, mean: m, sd };
}

/**
 * Band by the `ci` method: the partnership's 95% Poisson interval on its rate lies wholly below the
 * MSG mean (better where lower is better), wholly above, or straddles it (average).
 */
export function peerBandCi(
  count: number,
  population: number,
  groupMean: number,
  polarity: Polarity = "lower",
  per = 1000
): Band {
  requireFinite(groupMean, "The group mean");
  const { lower, upper } = rateInterval(count, population, per);
  if (upper < groupMean) return polarity === "lower" ? "better" : "worse";
  if (lower > groupMean) return polarity === "lower" ? "worse" : "better";
  return "average";
}

/** "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "112th". */
export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  const suffix = ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}

export type Movement = "slipped" | "improved" | "remains" | "new";

export function movementOf(previous: number | null, current: number): Movement {
  if (previous === null) return "new";
  if (current === previous) return "remains";
  return current > previous ? "slipped" : "improved";
}

/** "slipped from 3rd to 4th", "improved from 5th to 3rd", "remains in 12th"; "12th" with no history. */
export function movementPhrase(previous: number | null, current: number): string {
  switch (movementOf(previous, current)) {
    case "new":
      return ordinal(current);
    case "remains":
      return `remains in ${ordinal(current)}`;
    case "slipped":
      return `slipped from ${ordinal(previous as number)} to ${ordinal(current)}`;
    case "improved":
      return `improved from ${ordinal(previous as number)} to ${ordinal(current)}`;
  }
}
