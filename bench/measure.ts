import { RssSampler } from "./rss-sampler";
import { MemoryFigure } from "./types";

/**
 * The timing harness: warm-up, then several timed runs with process.hrtime.bigint, reporting the
 * median. A call faster than minSampleMs is repeated inside each run and the run's time divided,
 * so microsecond calls are not lost in the timer's resolution.
 */
export interface MeasureOptions {
  /** Timed runs (default: 7, or 3 when one call takes over a second). */
  runs?: number;
  /** Warm-up calls before timing (default 1 batch). */
  warmups?: number;
  /** A timed run lasts at least this long (default 20 ms). */
  minSampleMs?: number;
  /** Sample heap and rss around single calls. */
  memory?: RssSampler;
}

export interface Measurement {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
  callsPerRun: number;
  memory: MemoryFigure | null;
}

type Call = () => unknown;

/** Keeps results alive so the optimiser cannot drop a call whose result is unused. */
let sink: unknown = null;
export function lastResult(): unknown {
  return sink;
}

const MB = 1024 * 1024;

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

/** Awaits only a call that returned a promise, so synchronous calls are timed without microtasks. */
async function timeBatch(fn: Call, calls: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) {
    const r = fn();
    sink = r instanceof Promise ? await r : r;
  }
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** One run of calls, with memory sampled around it when a sampler is given. */
async function sampledRun(
  fn: Call,
  calls: number,
  sampler: RssSampler | undefined
): Promise<{ ms: number; memory: MemoryFigure | null }> {
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = sampler?.reset() ?? 0;
  const ms = await timeBatch(fn, calls);
  const heapAfter = process.memoryUsage().heapUsed;
  if (!sampler) return { ms, memory: null };
  const memory: MemoryFigure = {
    heapBeforeMb: heapBefore / MB,
    heapAfterMb: heapAfter / MB,
    heapGrowthMb: (heapAfter - heapBefore) / MB,
    rssBeforeMb: rssBefore,
    peakRssMb: sampler.peakMb(),
  };
  return { ms, memory };
}

/**
 * Memory is sampled around single calls. A slow call is timed and sampled in the same runs; a
 * fast one is timed in batches and sampled in 3 extra single-call runs, so the timing stays steady.
 */
export async function measure(fn: Call, options: MeasureOptions = {}): Promise<Measurement> {
  const minSampleMs = options.minSampleMs ?? 20;
  collectGarbage();
  const first = await timeBatch(fn, 1);
  const callsPerRun = first >= minSampleMs ? 1 : Math.ceil(minSampleMs / Math.max(first, 1e-3));
  for (let w = 0; w < (options.warmups ?? 1); w++) await timeBatch(fn, callsPerRun);
  const runs = options.runs ?? (first > 1000 ? 3 : 7);
  const sampleWhileTiming = callsPerRun === 1 ? options.memory : undefined;
  const times: number[] = [];
  let memory: MemoryFigure | null = null;
  const keep = (m: MemoryFigure | null) => {
    if (m) memory = memory ? largerMemory(memory, m) : m;
  };
  for (let r = 0; r < runs; r++) {
    const run = await sampledRun(fn, callsPerRun, sampleWhileTiming);
    times.push(run.ms / callsPerRun);
    keep(run.memory);
  }
  if (options.memory && !sampleWhileTiming) {
    for (let r = 0; r < 3; r++) keep((await sampledRun(fn, 1, options.memory)).memory);
  }
  return {
    medianMs: median(times),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    runs,
    callsPerRun,
    memory,
  };
}

/** The larger of each memory figure over two runs. */
function largerMemory(a: MemoryFigure, b: MemoryFigure): MemoryFigure {
  return {
    heapBeforeMb: Math.max(a.heapBeforeMb, b.heapBeforeMb),
    heapAfterMb: Math.max(a.heapAfterMb, b.heapAfterMb),
    heapGrowthMb: Math.max(a.heapGrowthMb, b.heapGrowthMb),
    rssBeforeMb: Math.max(a.rssBeforeMb, b.rssBeforeMb),
    peakRssMb: Math.max(a.peakRssMb, b.peakRssMb),
  };
}
