import { CoreError, requireFinite } from "./errors";

export type Polarity = "lower" | "higher";
export type Rag = "green" | "amber" | "red" | "n/a";
export type Direction = "up" | "down" | "level";

export const DEFAULT_TOLERANCE = 0.05;

export type Target =
  | { kind: "below baseline" }
  | { kind: "at most"; value: number }
  | { kind: "at least"; value: number }
  | { kind: "increase on baseline"; fraction: number }
  | { kind: "none" };

export type TargetKind = Target["kind"];
export const TARGET_KINDS: readonly TargetKind[] = [
  "below baseline",
  "at most",
  "at least",
  "increase on baseline",
  "none",
];

/** The report's key, in its own words. Colour is never the only signal: these go in the cell. */
export const RAG_WORDS: Record<Rag, string> = {
  green: "Better position",
  amber: "No change or still some concern",
  red: "Worse position",
  "n/a": "n/a",
};

/** "lower", "lower is better", "Lower" -> "lower"; anything else is not a polarity. */
export function parsePolarity(text: string): Polarity | null {
  const t = text.trim().toLowerCase();
  if (t === "lower" || t === "lower is better") return "lower";
  if (t === "higher" || t === "higher is better") return "higher";
  return null;
}

export function requireTolerance(tolerance: number): number {
  requireFinite(tolerance, "The tolerance");
  if (tolerance < 0)
    throw new CoreError("NUM", `The tolerance cannot be negative (got ${tolerance}).`);
  return tolerance;
}

/**
 * RAG against a level: met -> green; missed by no more than tolerance x |level| -> amber; else red.
 * `strict` makes equality a miss (by zero, so amber): "below baseline" is not met by equalling it.
 */
export function ragAgainstLevel(
  value: number,
  level: number,
  polarity: Polarity,
  tolerance = DEFAULT_TOLERANCE,
  strict = false
): Exclude<Rag, "n/a"> {
  requireFinite(value, "The value");
  requireFinite(level, "The target");
  requireTolerance(tolerance);
  const shortfall = polarity === "lower" ? value - level : level - value;
  const met = strict ? shortfall < 0 : shortfall <= 0;
  if (met) return "green";
  // Compare with a hair of slack so 0.05 x 179 is not lost to binary rounding.
  return shortfall <= tolerance * Math.abs(level) * (1 + 1e-12) ? "amber" : "red";
}

/** The level a target sets and whether meeting it needs strictly better: null when it cannot be set. */
export function targetLevel(
  target: Target,
  baseline: number | null
): { level: number; polarity: Polarity; strict: boolean } | null {
  switch (target.kind) {
    case "below baseline":
      return baseline === null ? null : { level: baseline, polarity: "lower", strict: true };
    case "at most":
      return { level: target.value, polarity: "lower", strict: false };
    case "at least":
      return { level: target.value, polarity: "higher", strict: false };
    case "increase on baseline":
      return baseline === null
        ? null
        : { level: baseline * (1 + target.fraction), polarity: "higher", strict: false };
    case "none":
      return null;
  }
}

/**
 * Status of a measure against its target. The target kind says which side is "met" (at most is a
 * ceiling, at least a floor); n/a when there is no target, no current value or no baseline to
 * compare with.
 */
export function measureStatus(
  target: Target,
  current: number | null,
  baseline: number | null,
  tolerance = DEFAULT_TOLERANCE
): Rag {
  if (current === null) return "n/a";
  const t = targetLevel(target, baseline);
  if (t === null) return "n/a";
  return ragAgainstLevel(current, t.level, t.polarity, tolerance, t.strict);
}

/** The polarity a target kind implies; null for targets that imply none. */
export function impliedPolarity(kind: TargetKind): Polarity | null {
  if (kind === "below baseline" || kind === "at most") return "lower";
  if (kind === "at least" || kind === "increase on baseline") return "higher";
  return null;
}

/** Direction of travel: level when within tolerance x |previous| of the previous value. */
export function directionOfTravel(
  current: number,
  previous: number,
  tolerance = DEFAULT_TOLERANCE
): Direction {
  requireFinite(current, "The current value");
  requireFinite(previous, "The previous value");
  requireTolerance(tolerance);
  const diff = current - previous;
  if (Math.abs(diff) <= tolerance * Math.abs(previous)) return "level";
  return diff > 0 ? "up" : "down";
}

/** Whether a direction is an improvement for this polarity (level is neither). */
export function isImprovement(direction: Direction, polarity: Polarity): boolean | null {
  if (direction === "level") return null;
  return (direction === "down") === (polarity === "lower");
}
