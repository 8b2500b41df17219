import { requireCount } from "./errors";

/** |z| at or above this is a significant change at the 95% level. */
export const Z_CRITICAL = 1.96;

/**
 * Wheeler's test for two Poisson counts: z = 2(sqrt(current) - sqrt(comparator)). The square root
 * stabilises the variance of a count, so z is roughly standard normal when nothing has changed.
 */
export function poissonZ(current: number, comparator: number): number {
  requireCount(current, "The current count");
  requireCount(comparator, "The comparator count");
  return 2 * (Math.sqrt(current) - Math.sqrt(comparator));
}

export function isSignificant(z: number): boolean {
  return Math.abs(z) >= Z_CRITICAL;
}

export interface Interval {
  lower: number;
  upper: number;
}

/**
 * 95% confidence interval of a Poisson count by Byar's approximation (the method public-health
 * analysts use for crime and health rates; within 1% of the exact interval from about 5 events).
 */
export function poissonCountInterval(count: number, z = Z_CRITICAL): Interval {
  requireCount(count, "The count");
  const lower =
    count === 0 ? 0 : count * Math.pow(1 - 1 / (9 * count) - z / (3 * Math.sqrt(count)), 3);
  const o = count + 1;
  const upper = o * Math.pow(1 - 1 / (9 * o) + z / (3 * Math.sqrt(o)), 3);
  return { lower, upper };
}
