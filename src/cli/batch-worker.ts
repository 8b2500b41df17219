/**
 * A worker thread of a batch (./batch.ts): makes the reports it is given, one at a time, and hands
 * back their messages and bytes (moved, not copied). It never writes a file: the main thread does,
 * in input order, and alone knows which temporary files a signal must remove.
 */
import { parentPort } from "worker_threads";
import { WorkerJob, WorkerMessage, jobResult } from "./batch-jobs";
import { makeReport } from "./report-make";

const port = parentPort;
if (port) {
  const send = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
  // Jobs queue up in the port and run in turn: the next is there when one ends.
  let chain = Promise.resolve();
  port.on("message", (job: WorkerJob) => {
    chain = chain.then(async () => {
      const progress = (text: string) => send({ kind: "progress", text });
      const r = await jobResult(
        job.index,
        makeReport(job.file, job.out, { json: job.json, keepPlan: job.keepPlan }, progress)
      );
      const out = r.kind === "made" ? r.made.output : null;
      // A buffer that is its whole memory moves to the main thread instead of being copied.
      const whole =
        out !== null && out.byteOffset === 0 && out.byteLength === out.buffer.byteLength;
      send(r, whole ? [out.buffer as ArrayBuffer] : []);
    });
  });
}
