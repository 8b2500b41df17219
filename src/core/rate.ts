import { CoreError, requireCount, requireFinite } from "./errors";
import { Interval, poissonCountInterval } from "./significance";

/** Crimes per `per` people (1,000 by default, as iQuanta publishes MSG rates). */
export function rate(count: number, population: number, per = 1000): number {
  requireCount(count, "The count");
  requireFinite(population, "The population");
  requireFinite(per, "The rate base");
  if (population <= 0)
    throw new CoreError("NUM", `The population must be more than 0 (got ${population}).`);
  if (per <= 0) throw new CoreError("NUM", `The rate base must be more than 0 (got ${per}).`);
  return (count / population) * per;
}

/** The 95% interval of a rate, from the interval of its count. */
export function rateInterval(count: number, population: number, per = 1000): Interval {
  const { lower, upper } = poissonCountInterval(count);
  return { lower: rate(lower, population, per), upper: rate(upper, population, per) };
}

/** part / total: South Cambridgeshire's 33 of 268 IDVAS referrals is 0.1231. */
export function share(part: number, total: number): number {
  requireCount(part, "The part");
  requireCount(total, "The total");
  if (total === 0) throw new CoreError("DIV0", "The total is 0, so there is no share.");
  return part / total;
}
