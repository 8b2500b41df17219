import { FigureSpec, timedFigure } from "./figures";
import { MeasureOptions, measure } from "./measure";
import { BenchContext, TimedFigure } from "./types";

/**
 * Checks one call's result first (the bench measures the normal path, not an error path), then
 * times the call. `check` returns a sentence when the result is wrong.
 */
export async function runFigure<T>(
  ctx: BenchContext,
  spec: FigureSpec,
  call: () => T,
  check: (result: T) => string | null,
  options: MeasureOptions = {}
): Promise<TimedFigure> {
  ctx.progress(`${spec.label} (${spec.n.toLocaleString("en-GB")} ${spec.unit})`);
  const problem = check(call());
  if (problem !== null) throw new Error(`${spec.label}: ${problem}`);
  return timedFigure(spec, await measure(call, options));
}

export function fraction(value: unknown): string | null {
  return typeof value === "number" && value >= 0 && value <= 1
    ? null
    : `expected a fraction, got ${String(value)}`;
}

export function finiteNumber(value: unknown): string | null {
  return typeof value === "number" && Number.isFinite(value)
    ? null
    : `expected a number, got ${String(value)}`;
}
