import path from "path";
import { stat } from "fs/promises";
import { parseArgs } from "util";
import { WorkbookReadError } from "../xlsx/errors";
import { BatchJob, defaultJobs, runBatch } from "./batch";
import { readInput, writeAtomic } from "./files";
export { installSignalCleanup } from "./files";
import { formatIssues, terminalSafe } from "./format";
import { NO_LIBREOFFICE, findSoffice } from "./pdf";
import { EXIT, Io, UsageError, batchOutputs, reportOne } from "./report-run";

/** Exit codes of spec/workbook.md: 0 fine (warnings allowed), 1 validation errors, 2 not a workbook / bad usage. */
export { EXIT };
export type { Io };

const defaultIo: Io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  progress: (t) => {
    if (process.stderr.isTTY) process.stderr.write(`${t}\n`);
  },
};

const HELP: Record<string, string> = {
  main: `cdrp: quarterly Community Safety Partnership performance reports from an Excel workbook.

Usage:
  cdrp validate <workbook.xlsx> [--json]          check the workbook against the contract
  cdrp report <workbook.xlsx> --out <report.xlsx> [--pdf] [--json]
  cdrp report <a.xlsx> <b.xlsx> ... --out-dir <folder> [--jobs N] [--pdf] [--json]   one report per workbook
  cdrp template --out <file.xlsx>                 an empty workbook with the contract's tables
  cdrp sample --out <file.xlsx>                   the sample: South Cambridgeshire, Q1 2010-11
  cdrp demo [--out-dir out] [--pdf]               writes the sample, reports it, prints the summary
  cdrp import police-uk <download.zip | folder | file.csv>... --partnership <district or CSP> --out <file.xlsx>
                                                  a quarter's workbook from police.uk open data
  cdrp <command> --help                           help for one command

Exit codes: 0 no errors (warnings allowed), 1 validation errors (no report written),
2 the file cannot be read as a workbook, the command is wrong, or --pdf cannot be made.`,
  validate: `cdrp validate <workbook.xlsx> [--json]

Checks every table of the workbook against the contract and lists each problem with its sheet and
cell. --json prints {"issues": [{"severity", "code", "sheet", "cell", "message"}]}.
Exit 0 when there are no errors (warnings allowed), 1 when there are errors, 2 when the file cannot
be read as a workbook.`,
  report: `cdrp report <workbook.xlsx> --out <report.xlsx> [--pdf] [--json]
cdrp report <a.xlsx> [<b.xlsx> ...] --out-dir <folder> [--jobs N] [--pdf] [--json]

Validates first: with errors nothing is written and the exit code is 1. Otherwise writes a new
workbook holding the input's sheets plus the report sheets (Summary, one per priority with native
charts, Domestic Abuse). The input is never overwritten; the output appears whole or not at all.
--pdf also prints the report sheets to a PDF beside each report workbook (report.pdf beside
report.xlsx) through LibreOffice; without LibreOffice it says how to install it and exits 2
before writing anything.
--json prints the summary (one object; with several inputs, {"reports": [...]}).
--jobs N reports N workbooks at a time (default: one per core when the workbooks average 1 MB or
more, else one: for smaller ones a second thread costs more than it saves); messages, files and
the exit code are the same as with --jobs 1, in the order the workbooks were given.`,
  template: `cdrp template --out <file.xlsx>

Writes an empty workbook with the contract's tables (Settings, Measures, Monthly, Peers, MARAC,
Referrals) as Excel tables, ready to fill in.`,
  sample: `cdrp sample --out <file.xlsx>

Writes the sample workbook: South Cambridgeshire CDRP, Q1 2010-11, rebuilt from the published
report (its "About this sample" sheet says which figures are published and which illustrative).`,
  demo: `cdrp demo [--out-dir out] [--pdf]

Writes the sample to <out-dir>/sample.xlsx, reports it into <out-dir>/sample-report.xlsx and prints
the summary table; --pdf also prints the report to <out-dir>/sample-report.pdf (LibreOffice).`,
};

interface Parsed {
  command: string;
  files: string[];
  out: string | undefined;
  outDir: string | undefined;
  jobs: string | undefined;
  json: boolean;
  pdf: boolean;
  help: boolean;
}

function parse(argv: string[]): Parsed {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: "string", short: "o" },
      "out-dir": { type: "string" },
      jobs: { type: "string" },
      json: { type: "boolean", default: false },
      pdf: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command = "help", ...files] = positionals;
  return {
    command,
    files,
    out: values.out,
    outDir: values["out-dir"],
    jobs: values.jobs,
    json: values.json === true,
    pdf: values.pdf === true,
    help: values.help === true,
  };
}

async function validateCommand(p: Parsed, io: Io): Promise<number> {
  const [file] = p.files;
  if (!file || p.files.length > 1)
    throw new UsageError(
      "cdrp validate takes one workbook: cdrp validate <workbook.xlsx> [--json]"
    );
  const { readWorkbook } = await import("../xlsx/read");
  const { analyse } = await import("../workbook");
  io.progress(`Reading ${file}…`);
  const { snapshot } = await readWorkbook(await readInput(file), path.basename(file));
  // The report's own check (validation, then the model), so validate and report always agree.
  const v = analyse(snapshot);
  if (p.json) io.out(JSON.stringify({ issues: v.issues }, null, 2));
  else io.out(formatIssues(v.issues, file));
  return v.issues.some((i) => i.severity === "error") ? EXIT.invalid : EXIT.ok;
}

/** The inputs' sizes in bytes (0 for one that cannot be read: its own message comes later). */
const sizesOf = (files: readonly string[]): Promise<number[]> =>
  Promise.all(
    files.map((f) =>
      stat(f).then(
        (s) => (s.isFile() ? s.size : 0),
        () => 0
      )
    )
  );

/** --jobs: a whole number of at least 1; when not given, as many as pay (see defaultJobs). */
async function jobsOf(p: Parsed): Promise<number> {
  if (p.jobs === undefined) return defaultJobs(p.files.length > 1 ? await sizesOf(p.files) : []);
  const n = Number(p.jobs);
  if (!/^\d+$/.test(p.jobs.trim()) || !Number.isSafeInteger(n) || n < 1)
    throw new UsageError(`--jobs takes a whole number of at least 1 (not "${p.jobs}").`);
  return n;
}

/** LibreOffice's program when --pdf is asked for (null when it is not); absent: a usage error. */
function pdfProgram(p: Parsed): string | null {
  if (!p.pdf) return null;
  const soffice = findSoffice();
  if (!soffice) throw new UsageError(NO_LIBREOFFICE);
  return soffice;
}

async function reportCommand(p: Parsed, io: Io): Promise<number> {
  if (p.files.length === 0)
    throw new UsageError(
      "cdrp report needs a workbook: cdrp report <workbook.xlsx> --out <report.xlsx>"
    );
  const jobs = await jobsOf(p);
  const soffice = pdfProgram(p);
  if (p.files.length === 1 && p.out) {
    const r = await reportOne(p.files[0] as string, p.out, { json: p.json, soffice }, io);
    if (p.json) io.out(JSON.stringify(r.json, null, 2));
    return r.code;
  }
  if (!p.outDir)
    throw new UsageError(
      "Give --out <report.xlsx> for one workbook, or --out-dir <folder> for several."
    );
  const batch: BatchJob[] = await batchOutputs(p.files, p.outDir);
  const entries = await runBatch(batch, { json: p.json, soffice }, io, jobs);
  if (p.json) io.out(JSON.stringify({ reports: entries.map((e) => e.json) }, null, 2));
  return entries.reduce((worst, e) => Math.max(worst, e.code), EXIT.ok as number);
}

async function writeWorkbookCommand(
  p: Parsed,
  io: Io,
  which: "template" | "sample"
): Promise<number> {
  if (!p.out) throw new UsageError(`cdrp ${which} needs --out <file.xlsx>`);
  const { sampleWorkbook, templateWorkbook } = await import("../workbook");
  const { writeDataWorkbook } = await import("../xlsx/write-data");
  const data = await writeDataWorkbook(which === "sample" ? sampleWorkbook() : templateWorkbook());
  await writeAtomic(p.out, data);
  io.out(`Wrote ${p.out}`);
  return EXIT.ok;
}

async function demoCommand(p: Parsed, io: Io): Promise<number> {
  const soffice = pdfProgram(p);
  const dir = p.outDir ?? "out";
  const sample = path.join(dir, "sample.xlsx");
  const { sampleWorkbook } = await import("../workbook");
  const { writeDataWorkbook } = await import("../xlsx/write-data");
  await writeAtomic(sample, await writeDataWorkbook(sampleWorkbook()));
  io.out(`Wrote ${sample} (the sample: South Cambridgeshire, Q1 2010-11)\n`);
  const out = path.join(dir, "sample-report.xlsx");
  return (await reportOne(sample, out, { json: false, soffice }, io)).code;
}

/** Runs the command line; returns the exit code. Never throws: every failure becomes a sentence. */
export async function main(argv: string[], rawIo: Io = defaultIo): Promise<number> {
  const io: Io = {
    out: (t) => rawIo.out(terminalSafe(t)),
    err: (t) => rawIo.err(terminalSafe(t)),
    progress: (t) => rawIo.progress(terminalSafe(t)),
  };
  // import has options of its own (--partnership, --into, ...): src/cli/import.ts parses them.
  if (argv[0] === "import") return (await import("./import")).importCommand(argv.slice(1), io);
  let p: Parsed;
  try {
    p = parse(argv);
  } catch (e) {
    io.err(`${e instanceof Error ? e.message : String(e)}\n\n${HELP.main}`);
    return EXIT.unreadable;
  }
  if (p.command === "help" || (p.help && !(p.command in HELP))) {
    io.out(HELP.main as string);
    return EXIT.ok;
  }
  if (p.help) {
    io.out(HELP[p.command] as string);
    return EXIT.ok;
  }
  try {
    switch (p.command) {
      case "validate":
        return await validateCommand(p, io);
      case "report":
        return await reportCommand(p, io);
      case "template":
      case "sample":
        return await writeWorkbookCommand(p, io, p.command);
      case "demo":
        return await demoCommand(p, io);
      default:
        throw new UsageError(`Unknown command "${p.command}".\n\n${HELP.main}`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof WorkbookReadError) {
      io.err(e.message);
      return EXIT.unreadable;
    }
    io.err(`cdrp failed: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT.unreadable;
  }
}
