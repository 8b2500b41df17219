/** What passes between a batch's main thread and its workers (./batch.ts, ./batch-worker.ts). */
import { WorkbookReadError } from "../xlsx/errors";
import type { MadeReport } from "./report-run";

export interface WorkerJob {
  index: number;
  file: string;
  out: string;
  json: boolean;
  /** The plan goes back with the report (--pdf prints from it on the main thread). */
  keepPlan: boolean;
}

/** What a job came to: a report made, a file that is not a workbook, or a failure of cdrp's own. */
export type JobResult =
  | { index: number; kind: "made"; made: MadeReport }
  | { index: number; kind: "unreadable"; message: string }
  | { index: number; kind: "failed"; message: string };

export type WorkerMessage = JobResult | { kind: "progress"; text: string };

/** A job's result, whichever way making its report ends. */
export async function jobResult(index: number, making: Promise<MadeReport>): Promise<JobResult> {
  try {
    return { index, kind: "made", made: await making };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { index, kind: e instanceof WorkbookReadError ? "unreadable" : "failed", message };
  }
}
