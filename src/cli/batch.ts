/**
 * `cdrp report a.xlsx b.xlsx ... --out-dir`: workbooks spread over threads (--jobs, by default
 * one per core). Each thread makes a report (read, check, render); the main thread prints each
 * member's messages and writes its file in input order, so the output, the messages and the exit
 * code are those of --jobs 1, whatever finishes first.
 */
import { existsSync } from "fs";
import os from "os";
import path from "path";
import { Worker } from "worker_threads";
import { WorkbookReadError } from "../xlsx/errors";
import {
  BatchEntry,
  FinishOptions,
  Io,
  MadeReport,
  batchEntry,
  checkNotInput,
  finishReport,
  reportOne,
  unreadable,
} from "./report-run";
import { JobResult, WorkerJob, WorkerMessage, jobResult } from "./batch-jobs";

export interface BatchJob {
  file: string;
  out: string;
  note: string | null;
}

/** A worker's heap, at most: twice what any report under the file limit needs (README, Limits). */
export const WORKER_HEAP_MB = 2048;
const GB = 1024 * 1024 * 1024;

/**
 * The workbooks' mean size from which a second thread pays. Below it, each thread's own start
 * (its engine loaded and compiled again, V8's compiler busy on the other core for most of a
 * report) costs more than it saves: on 2 cores, --jobs 2 took 1.1x the time of --jobs 1 for 40
 * sample workbooks (23 KB), 1.06x for 95 KB ones, 0.93x for 214 KB, 0.8-1.0x for 640 KB, and
 * 0.64x for 3.5 MB (README, "Batches").
 */
export const PARALLEL_MIN_MEAN_BYTES = 1024 * 1024;

/**
 * One job per core, no more than the machine's memory holds at a gigabyte per report, and one
 * alone when the workbooks are too small for threads to pay (`sizes`: the inputs' bytes).
 */
export function defaultJobs(sizes: readonly number[]): number {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (sizes.length < 2 || total / sizes.length < PARALLEL_MIN_MEAN_BYTES) return 1;
  const cores =
    typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores, Math.floor(os.totalmem() / GB)));
}

/** The worker's compiled script; absent when running from the TypeScript sources (the tests). */
const WORKER_FILE = path.join(__dirname, "batch-worker.js");

export async function runBatch(
  jobs: readonly BatchJob[],
  opts: FinishOptions,
  io: Io,
  threads: number
): Promise<BatchEntry[]> {
  const n = Math.min(threads, jobs.length);
  if (n <= 1 || !existsSync(WORKER_FILE)) return runInOrder(jobs, opts, io);
  return runOnWorkers(jobs, opts, io, n);
}

async function runInOrder(jobs: readonly BatchJob[], opts: FinishOptions, io: Io) {
  const pdf = opts.soffice !== null;
  const entries: BatchEntry[] = [];
  for (const { file, out, note } of jobs) {
    if (note) io.err(note);
    try {
      entries.push(batchEntry(file, out, await reportOne(file, out, opts, io), pdf));
    } catch (e) {
      if (!(e instanceof WorkbookReadError)) throw e;
      entries.push(unreadable(file, e, io));
    }
  }
  return entries;
}

/** A Buffer again: a structured clone turns one into a plain Uint8Array. */
const asBuffer = (u: Uint8Array | null) =>
  u === null ? null : Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/** Jobs a worker holds at once: the one it runs and the next, so it never waits for the main thread. */
const PER_WORKER = 2;

/**
 * The main thread makes reports too, beside n - 1 workers: a worker's start (loading the engine,
 * warming it up) costs about as much as several small reports, so n - 1 of them are enough for n
 * cores. The main thread prints and writes each member in input order as its turn comes.
 */
async function runOnWorkers(
  jobs: readonly BatchJob[],
  opts: FinishOptions,
  io: Io,
  n: number
): Promise<BatchEntry[]> {
  const { json } = opts;
  const keepPlan = opts.soffice !== null;
  for (const job of jobs) await checkNotInput(job.file, job.out);
  const settle: ((r: JobResult) => void)[] = [];
  const results = jobs.map((_, i) => new Promise<JobResult>((resolve) => (settle[i] = resolve)));
  const retry: number[] = [];
  let next = 0;
  let printed = 0;
  let stopping = false;
  const waiting: (() => void)[] = [];
  // Made reports wait, bytes and all, until their turn to print: at most this many ahead of it.
  const window = 2 * n;
  /** The next job to start, or null to wait (too far ahead of printing) or stop (none left). */
  const claim = (): number | null | "wait" => {
    if (stopping) return null;
    if (retry.length > 0) return retry.shift() as number;
    if (next >= jobs.length) return null;
    if (next - printed >= window) return "wait";
    return next++;
  };
  const workers = new Set<Worker>();

  const startWorker = (): void => {
    const worker = new Worker(WORKER_FILE, {
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    workers.add(worker);
    const held: number[] = [];
    let failure: (Error & { code?: string }) | null = null;
    const topUp = (): void => {
      while (held.length < PER_WORKER) {
        const i = claim();
        if (i === null) return;
        if (i === "wait") return void waiting.push(topUp);
        held.push(i);
        const job = jobs[i] as BatchJob;
        const message: WorkerJob = { index: i, file: job.file, out: job.out, json, keepPlan };
        worker.postMessage(message);
      }
    };
    worker.on("message", (m: WorkerMessage) => {
      if (m.kind === "progress") return io.progress(m.text);
      held.splice(held.indexOf(m.index), 1);
      settle[m.index]?.(m);
      topUp();
    });
    worker.on("error", (e: Error & { code?: string }) => (failure = e));
    worker.on("exit", () => {
      workers.delete(worker);
      if (stopping) return;
      // The worker is gone (out of memory, or a crash): the job it ran fails, the one it held
      // goes to another, and a new worker takes its place.
      const [running, ...queued] = held.splice(0);
      if (running !== undefined) {
        const file = (jobs[running] as BatchJob).file;
        settle[running]?.(
          failure?.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? {
                index: running,
                kind: "unreadable",
                message: `${file} needs more memory than cdrp gives one workbook (${WORKER_HEAP_MB / 1024} GB). Split the workbook (one partnership or year per file).`,
              }
            : {
                index: running,
                kind: "failed",
                message: failure?.message ?? "a worker thread stopped",
              }
        );
      }
      retry.push(...queued);
      if (retry.length > 0 || next < jobs.length) startWorker();
    });
    topUp();
  };

  const runHere = async (): Promise<void> => {
    const { makeReport } = await import("./report-make");
    for (;;) {
      const i = claim();
      if (i === null) return;
      if (i === "wait") {
        await new Promise<void>((resolve) => waiting.push(resolve));
        continue;
      }
      const job = jobs[i] as BatchJob;
      settle[i]?.(
        await jobResult(i, makeReport(job.file, job.out, { json, keepPlan }, io.progress))
      );
      // Let the workers' messages in before the next report (a report runs in long stretches).
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  for (let w = 1; w < n; w++) startWorker();
  const here = runHere();
  try {
    const entries: BatchEntry[] = [];
    for (const [i, job] of jobs.entries()) {
      const r = await (results[i] as Promise<JobResult>);
      if (job.note) io.err(job.note);
      if (r.kind === "failed") throw new Error(r.message);
      if (r.kind === "unreadable")
        entries.push(unreadable(job.file, new WorkbookReadError(r.message), io));
      else {
        const made: MadeReport = { ...r.made, output: asBuffer(r.made.output) };
        entries.push(
          batchEntry(job.file, job.out, await finishReport(made, job.out, io, opts), keepPlan)
        );
      }
      printed = i + 1;
      for (const wake of waiting.splice(0)) wake();
    }
    return entries;
  } finally {
    stopping = true;
    for (const wake of waiting.splice(0)) wake();
    await Promise.all([...workers].map((w) => w.terminate()));
    await here;
  }
}
