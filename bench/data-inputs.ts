import { MaracHearing, ymdToSerial } from "../src/core";
import { randomInt, seededRandom } from "./random";

/**
 * Synthetic inputs, seeded. A MARAC case list: hearings spread over three financial years
 * (2008-09 to 2010-11), victims drawn from 0.6 n ids so that many have earlier hearings; the period is 2010-11, so the
 * earlier two years are history and about a third of the cases are in the period.
 */
export interface CaseList {
  victims: string[];
  dates: number[];
  periodStart: number;
  periodEnd: number;
}

const FIRST_DAY = ymdToSerial({ year: 2008, month: 4, day: 1 });
const LAST_DAY = ymdToSerial({ year: 2011, month: 3, day: 31 });

export function caseList(n: number, seed = 32): CaseList {
  const random = seededRandom(seed);
  const victimIds = Math.max(1, Math.round(n * 0.6));
  const victims = new Array<string>(n);
  const dates = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    victims[i] = `V${String(randomInt(random, 1, victimIds)).padStart(7, "0")}`;
    dates[i] = randomInt(random, FIRST_DAY, LAST_DAY);
  }
  return {
    victims,
    dates,
    periodStart: ymdToSerial({ year: 2010, month: 4, day: 1 }),
    periodEnd: LAST_DAY,
  };
}

export function hearingsOf(cases: CaseList): MaracHearing[] {
  return cases.victims.map((victim, i) => ({ victim, date: cases.dates[i] as number }));
}

/** A one-column range as Excel passes it to a custom function: [[v], [v], ...]. */
export function asColumn<T>(values: readonly T[]): T[][] {
  return values.map((v) => [v]);
}

/** Rates per 1,000 people for a most similar group of n members, two decimals, all positive. */
export function peerRates(n: number, seed = 15): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => Math.round((0.1 + random() * 1.9) * 100) / 100);
}

/** Monthly counts for a range of n cells. */
export function counts(n: number, seed = 91): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => randomInt(random, 0, 60));
}
