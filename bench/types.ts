/**
 * What a bench section reports. Timed figures and scaling checks are printed, never asserted:
 * DESIGN.md keeps budgets in the bench, not in timed tests.
 */

/** Memory around one call: heap sampled before and right after it, rss sampled while it ran. */
export interface MemoryFigure {
  /** heapUsed after a forced GC, just before the call (the input is already built). */
  heapBeforeMb: number;
  /** heapUsed sampled right after the call, before any GC: input + result + uncollected garbage. */
  heapAfterMb: number;
  /** heapAfterMb - heapBeforeMb, the largest over the runs. */
  heapGrowthMb: number;
  /** Process rss just before the call (rss keeps memory an earlier figure freed). */
  rssBeforeMb: number;
  /** Process rss, polled every millisecond by a worker thread while the call ran; the peak. */
  peakRssMb: number;
}

export interface TimedFigure {
  /** camelCase, unique within its section: "ni32Cases100k". */
  key: string;
  /** What was called: "NI32_CASES". */
  label: string;
  /** The input size and what it counts: 100000 "cases". */
  n: number;
  unit: string;
  /** Time of one call, in milliseconds: median, fastest and slowest of the timed runs. */
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
  /** Calls per timed run (fast calls are repeated so a run lasts long enough to time). */
  callsPerRun: number;
  /** n / median time: units per second. */
  perSecond: number;
  /** Null when the figure has no budget of its own (the 10x sizes are there for scaling). */
  budgetMs: number | null;
  overBudget: boolean;
  memory: MemoryFigure | null;
  note: string | null;
}

export type ScalingVerdict = "within n log n" | "faster than n log n";

export interface ScalingFigure {
  key: string;
  label: string;
  /** The figures compared, by key. */
  small: string;
  large: string;
  nSmall: number;
  nLarge: number;
  unit: string;
  /** large.medianMs / small.medianMs */
  ratio: number;
  /** (nLarge / nSmall) * log(nLarge) / log(nSmall) * allowance */
  allowedRatio: number;
  verdict: ScalingVerdict;
}

/** A figure that is a count rather than a time (syncs per report, bytes per sync). */
export interface CountFigure {
  key: string;
  label: string;
  value: number;
  unit: string;
  budget: number | null;
  overBudget: boolean;
}

export interface SectionResult {
  figures: TimedFigure[];
  scaling: ScalingFigure[];
  counts: CountFigure[];
  notes: string[];
  /** Plain figures merged into the section's JSON object (the office budgets' own keys). */
  json?: Record<string, unknown>;
  /** Plain figures merged into the top level of the JSON output (taskpaneGzipBytes). */
  topLevel?: Record<string, unknown>;
}

export interface BenchContext {
  /** Progress for a person watching: goes to stderr, so stdout stays one JSON object. */
  progress(message: string): void;
}

/** One part of the bench. Sections are registered in sections.ts and run in that order. */
export interface Section {
  /** camelCase: the section's key in the JSON output. */
  key: string;
  title: string;
  run(ctx: BenchContext): Promise<SectionResult>;
}

export function emptyResult(): SectionResult {
  return { figures: [], scaling: [], counts: [], notes: [] };
}
