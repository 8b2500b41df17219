import { CoreError, requireFinite } from "./errors";
import { excelRound, formatCount } from "./rounding";

/** (current - comparator) / comparator, unrounded. A zero comparator has no percentage change. */
export function change(current: number, comparator: number): number {
  requireFinite(current, "The current value");
  requireFinite(comparator, "The comparator");
  if (comparator === 0) {
    throw new CoreError("DIV0", "The comparator is 0, so there is no percentage change.");
  }
  return (current - comparator) / comparator;
}

/** The change as the report prints it: a whole percent, rounded half away from zero. */
export function roundedPercentChange(current: number, comparator: number): number {
  return excelRound(change(current, comparator) * 100, 0);
}

/** A change between two rates or percentages, in percentage points (0.315 vs 0.28 -> 3.5). */
export function percentagePointChange(current: number, comparator: number): number {
  requireFinite(current, "The current rate");
  requireFinite(comparator, "The comparator rate");
  return (current - comparator) * 100;
}

/**
 * "15% higher than for 2008-09 (91)", "37% lower than for 2008-09 (49)", "the same as for 2008-09 (91)".
 * A change that rounds to 0% but is not zero says so ("less than 1% higher") rather than "0% higher".
 */
export function changeText(current: number, comparator: number, label?: string): string {
  const pct = roundedPercentChange(current, comparator);
  const target =
    label && label.trim() !== ""
      ? `for ${label.trim()} (${formatCount(comparator)})`
      : `${formatCount(comparator)}`;
  if (current === comparator) return `the same as ${target}`;
  const word = current > comparator ? "higher" : "lower";
  const size = pct === 0 ? "less than 1%" : `${Math.abs(pct)}%`;
  return `${size} ${word} than ${target}`;
}
