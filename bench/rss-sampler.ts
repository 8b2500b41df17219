import { Worker } from "node:worker_threads";

/**
 * Peak rss while synchronous code runs. A timer on the main thread cannot fire during a
 * synchronous call, so a worker thread polls the process's rss (shared by all threads) every
 * millisecond and keeps the maximum in shared memory. It runs on the other core.
 */
const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const cells = new Int32Array(workerData);
while (Atomics.load(cells, 0) === 0) {
  const kb = Math.round(process.memoryUsage.rss() / 1024);
  if (kb > Atomics.load(cells, 1)) Atomics.store(cells, 1, kb);
  Atomics.wait(cells, 0, 0, 1);
}
`;

const STOP = 0;
const PEAK_KB = 1;

export class RssSampler {
  private readonly cells: Int32Array;
  private readonly worker: Worker;

  constructor() {
    const shared = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
    this.cells = new Int32Array(shared);
    this.reset();
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: shared });
    this.worker.unref();
  }

  /** Starts a new peak from the current rss, and returns that rss in MB. */
  reset(): number {
    const kb = Math.round(process.memoryUsage.rss() / 1024);
    Atomics.store(this.cells, PEAK_KB, kb);
    return kb / 1024;
  }

  /** The largest rss seen since the last reset, in MB. */
  peakMb(): number {
    const nowKb = Math.round(process.memoryUsage.rss() / 1024);
    return Math.max(Atomics.load(this.cells, PEAK_KB), nowKb) / 1024;
  }

  async stop(): Promise<void> {
    Atomics.store(this.cells, STOP, 1);
    Atomics.notify(this.cells, STOP);
    await this.worker.terminate();
  }
}
