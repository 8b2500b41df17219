import { SCALING_ALLOWANCE } from "./budgets";
import { Measurement } from "./measure";
import { CountFigure, ScalingFigure, TimedFigure } from "./types";

export interface FigureSpec {
  key: string;
  label: string;
  n: number;
  unit: string;
  budgetMs?: number;
  note?: string;
}

export function timedFigure(spec: FigureSpec, m: Measurement): TimedFigure {
  const budgetMs = spec.budgetMs ?? null;
  return {
    key: spec.key,
    label: spec.label,
    n: spec.n,
    unit: spec.unit,
    medianMs: m.medianMs,
    minMs: m.minMs,
    maxMs: m.maxMs,
    runs: m.runs,
    callsPerRun: m.callsPerRun,
    perSecond: m.medianMs > 0 ? spec.n / (m.medianMs / 1000) : Infinity,
    budgetMs,
    overBudget: budgetMs !== null && m.medianMs > budgetMs,
    memory: m.memory,
    note: spec.note ?? null,
  };
}

/**
 * Growth from n to N against n log n: N log N / (n log n) = (N/n) log N / log n, times the
 * allowance. For N = 10n that is 10 * log(10n) / log(n) * 1.5.
 */
export function allowedRatio(nSmall: number, nLarge: number): number {
  return (nLarge / nSmall) * (Math.log(nLarge) / Math.log(nSmall)) * SCALING_ALLOWANCE;
}

/** The size that grew, when it is not the figures' own n (one table of several). */
export interface ScalingSize {
  nSmall: number;
  nLarge: number;
  unit: string;
}

export function scalingFigure(
  key: string,
  label: string,
  small: TimedFigure,
  large: TimedFigure,
  size: ScalingSize = { nSmall: small.n, nLarge: large.n, unit: small.unit }
): ScalingFigure {
  const ratio = large.medianMs / small.medianMs;
  const allowed = allowedRatio(size.nSmall, size.nLarge);
  return {
    key,
    label,
    small: small.key,
    large: large.key,
    nSmall: size.nSmall,
    nLarge: size.nLarge,
    unit: size.unit,
    ratio,
    allowedRatio: allowed,
    verdict: ratio <= allowed ? "within n log n" : "faster than n log n",
  };
}

/** "10k", "1m", "300": the size part of a figure's key. */
export function sizeTag(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}m`;
  if (n >= 1_000 && n % 1_000 === 0) return `${n / 1_000}k`;
  return String(n);
}

/** A counted figure (syncs, bytes, rows) against an optional budget: over it when larger. */
export function countFigure(
  key: string,
  label: string,
  value: number,
  unit: string,
  budget: number | null
): CountFigure {
  return { key, label, value, unit, budget, overBudget: budget !== null && value > budget };
}
