import os from "node:os";
import { SCALING_ALLOWANCE, WELL_UNDER_A_SECOND_MS } from "./budgets";
import { BenchContext, Section, SectionResult, emptyResult } from "./types";

/** Running the registered sections and gathering one result for both outputs. */

export interface SectionRun {
  key: string;
  title: string;
  result: SectionResult;
  /** A section that threw (a wrong result, a crash): the bench reports it and exits 1. */
  error: string | null;
}

export interface BenchMeta {
  node: string;
  cpus: number;
  cpuModel: string;
  platform: string;
  gcExposed: boolean;
  wellUnderASecondMs: number;
  scalingAllowance: number;
  totalSeconds: number;
  /** os.loadavg() (1, 5, 15 min) at the start and the end: other work on the machine skews times. */
  loadAverage: { start: number[]; end: number[] };
}

export interface BenchSummary {
  /** "section.figureKey" of every figure over its budget. */
  overBudget: string[];
  /** "section.scalingKey" of every scaling check that grew faster than n log n. */
  fasterThanNLogN: string[];
  failed: string[];
}

export interface BenchRun {
  meta: BenchMeta;
  sections: SectionRun[];
  summary: BenchSummary;
}

async function runSection(section: Section, ctx: BenchContext): Promise<SectionRun> {
  const base = { key: section.key, title: section.title };
  try {
    return { ...base, result: await section.run(ctx), error: null };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    return { ...base, result: emptyResult(), error };
  }
}

function summarise(sections: readonly SectionRun[]): BenchSummary {
  const summary: BenchSummary = { overBudget: [], fasterThanNLogN: [], failed: [] };
  for (const s of sections) {
    if (s.error) summary.failed.push(s.key);
    for (const f of s.result.figures)
      if (f.overBudget) summary.overBudget.push(`${s.key}.${f.key}`);
    for (const c of s.result.counts) if (c.overBudget) summary.overBudget.push(`${s.key}.${c.key}`);
    for (const sc of s.result.scaling) {
      if (sc.verdict !== "within n log n") summary.fasterThanNLogN.push(`${s.key}.${sc.key}`);
    }
  }
  return summary;
}

export async function runAll(sections: readonly Section[], ctx: BenchContext): Promise<BenchRun> {
  const start = process.hrtime.bigint();
  const loadAtStart = os.loadavg();
  const runs: SectionRun[] = [];
  for (const section of sections) runs.push(await runSection(section, ctx));
  const cpus = os.cpus();
  const meta: BenchMeta = {
    node: process.version,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    platform: `${process.platform} ${process.arch}`,
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === "function",
    wellUnderASecondMs: WELL_UNDER_A_SECOND_MS,
    scalingAllowance: SCALING_ALLOWANCE,
    totalSeconds: Number(process.hrtime.bigint() - start) / 1e9,
    loadAverage: { start: loadAtStart, end: os.loadavg() },
  };
  return { meta, sections: runs, summary: summarise(runs) };
}

/** One object: meta, then each section under its key with its figures and checks keyed by theirs. */
export function jsonReport(run: BenchRun): Record<string, unknown> {
  const out: Record<string, unknown> = { meta: run.meta };
  for (const s of run.sections) {
    const r = s.result;
    Object.assign(out, r.topLevel ?? {});
    out[s.key] = {
      ...(r.json ?? {}),
      figures: Object.fromEntries(r.figures.map((f) => [f.key, f])),
      scaling: Object.fromEntries(r.scaling.map((x) => [x.key, x])),
      counts: Object.fromEntries(r.counts.map((c) => [c.key, c])),
      notes: r.notes,
      error: s.error,
    };
  }
  out.summary = run.summary;
  return out;
}
