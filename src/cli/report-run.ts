/**
 * `cdrp report` on one workbook, in two halves: making the report (./report-make: read, check,
 * render; what a batch's worker threads do, holding no file open for writing) and finishing it
 * (here: printing what the first half said, writing the file whole or not at all, always on the
 * main thread, which alone knows the temporary files a signal must remove). This half loads
 * nothing of the engine, so a batch's main thread starts its workers at once.
 */
import path from "path";
import type { ReportPlan } from "../workbook";
import { WorkbookReadError } from "../xlsx/errors";
import { fileKeys, sameFile, writeAtomic } from "./files";
import { PdfError, pdfPathFor, writeReportPdf } from "./pdf";

export const EXIT = { ok: 0, invalid: 1, unreadable: 2 } as const;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  progress: (text: string) => void;
}

/** A line printed by a report, kept until the report's turn to print comes. */
export interface Line {
  to: "out" | "err";
  text: string;
}

/** A report made, not yet printed or written. */
export interface MadeReport {
  code: number;
  json: unknown;
  /** Printed before the file is written, and after it (with "Wrote ..."). */
  before: Line[];
  after: Line[];
  /** The report's bytes; null when there are errors and nothing is written. */
  output: Buffer | null;
  /** The plan, kept only when a PDF is to be printed from it (--pdf). */
  plan: ReportPlan | null;
}

/** How a report is finished: --json, and LibreOffice's program when --pdf asks for a PDF. */
export interface FinishOptions {
  json: boolean;
  soffice: string | null;
}

/** A report finished: its exit code, its JSON, and its PDF when one was printed. */
export interface Finished {
  code: number;
  json: unknown;
  pdf?: string;
}

export class UsageError extends Error {}

const print = (io: Io, lines: readonly Line[]) => {
  for (const l of lines) io[l.to](l.text);
};

/**
 * Prints a made report's lines and writes its file (atomically) between them; with --pdf, then
 * prints its PDF beside it. A PDF LibreOffice could not make leaves the workbook written, says
 * why, and is exit 2.
 */
export async function finishReport(
  made: MadeReport,
  out: string,
  io: Io,
  opts: FinishOptions
): Promise<Finished> {
  print(io, made.before);
  if (made.output) {
    io.progress(`Writing ${out}…`);
    await writeAtomic(out, made.output);
  }
  let pdf: string | undefined;
  let pdfFailed: string | null = null;
  if (opts.soffice && made.output && made.plan) {
    pdf = pdfPathFor(out);
    io.progress(`Printing ${pdf}…`);
    try {
      await writeReportPdf(made.plan, pdf, opts.soffice);
    } catch (e) {
      if (!(e instanceof PdfError)) throw e;
      pdfFailed = `${out} was written, but its PDF was not: ${e.message}`;
      pdf = undefined;
    }
  }
  print(io, made.after);
  if (pdf && !opts.json) io.out(`Wrote ${pdf}`);
  if (pdfFailed) {
    io.err(pdfFailed);
    return { code: EXIT.unreadable, json: made.json };
  }
  return { code: made.code, json: made.json, ...(pdf ? { pdf } : {}) };
}

/** The output must not be the input, by any path to it. */
export async function checkNotInput(file: string, out: string): Promise<void> {
  if (await sameFile(file, out)) {
    throw new UsageError(
      `The output ${out} is the input workbook; the input is never overwritten. Choose another --out.`
    );
  }
}

export async function reportOne(
  file: string,
  out: string,
  opts: FinishOptions,
  io: Io
): Promise<Finished> {
  await checkNotInput(file, out);
  const { makeReport } = await import("./report-make");
  const made = await makeReport(
    file,
    out,
    { json: opts.json, keepPlan: opts.soffice !== null },
    io.progress
  );
  return finishReport(made, out, io, opts);
}

/** One batch member as the batch's JSON lists it, and the exit code it adds. */
export interface BatchEntry {
  code: number;
  json: unknown;
}

/** A batch member that could not be read: its sentence, exit 2. */
export function unreadable(file: string, e: WorkbookReadError, io: Io): BatchEntry {
  io.err(e.message);
  return { code: EXIT.unreadable, json: { file, out: null, error: e.message } };
}

/**
 * A batch member done: the JSON entry names its output when one was written (a PDF that failed
 * leaves its workbook written), and with --pdf its PDF (null when none was made).
 */
export function batchEntry(file: string, out: string, r: Finished, pdf: boolean): BatchEntry {
  return {
    code: r.code,
    json: {
      file,
      out: r.code !== EXIT.invalid ? out : null,
      ...(pdf ? { pdf: r.pdf ?? null } : {}),
      ...(r.json as object),
    },
  };
}

/**
 * One output per input in --out-dir: `<name>-report.xlsx`, or `<name>-report-2.xlsx` (and so on)
 * where that would be one of the inputs or another member's report. Says so when it renames.
 */
export async function batchOutputs(
  files: readonly string[],
  outDir: string
): Promise<{ file: string; out: string; note: string | null }[]> {
  const taken: string[] = [];
  const result: { file: string; out: string; note: string | null }[] = [];
  // Each input's keys once (not once per candidate name: a batch of n inputs would take n^2).
  const inputs = await Promise.all(files.map(async (f) => ({ f, keys: await fileKeys(f) })));
  const inputAt = async (out: string): Promise<string | null> => {
    const keys = await fileKeys(out);
    return inputs.find((i) => i.keys.some((k) => keys.includes(k)))?.f ?? null;
  };
  for (const file of files) {
    const base = path.basename(file, path.extname(file));
    // A macro-enabled workbook's or a template's report keeps its kind, and so its extension.
    const ext = /^\.(xlsm|xltx|xltm)$/i.test(path.extname(file))
      ? path.extname(file).toLowerCase()
      : ".xlsx";
    let why: string | null = null;
    for (let i = 1; ; i++) {
      const out = path.join(outDir, `${base}-report${i === 1 ? "" : `-${i}`}${ext}`);
      // Case-insensitive: two names differing only in case are one file on Windows and macOS.
      const key = path.resolve(out).toLowerCase();
      const input = await inputAt(out);
      if (input === null && !taken.includes(key)) {
        taken.push(key);
        const first = path.join(outDir, `${base}-report${ext}`);
        result.push({
          file,
          out,
          note: why ? `${file}: ${first} ${why}, so its report is ${out}.` : null,
        });
        break;
      }
      why ??= input !== null ? `is one of the inputs` : `is another input's report`;
    }
  }
  return result;
}
