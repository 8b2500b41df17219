import { spawn } from "child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { sampleWorkbook } from "../src/workbook";
import { writeDataWorkbook } from "../src/xlsx";
import { countFigure } from "./figures";
import { BenchContext, Section, SectionResult, emptyResult } from "./types";

/** DESIGN.md: "batches use every core (40 workbooks on 2 cores: at most 0.65x of one job)". */
const BATCH_RATIO_BUDGET = 0.65;
/** DESIGN.md: at or under the time exceljs takes to read and write the same workbooks. */
const EXCELJS_RATIO_BUDGET = 1.0;
const WORKBOOKS = 40;
/** Rounds, each running the three side by side, so a busy moment on the machine hits all three. */
const ROUNDS = 3;

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "cdrp.js");
const WORKER = path.join(ROOT, "lib", "cli", "batch-worker.js");

/** exceljs reading and writing each workbook in turn: the floor DESIGN.md measures against. */
const EXCELJS_SCRIPT = `
const ExcelJS = require(${JSON.stringify(require.resolve("exceljs"))});
const fs = require("fs");
(async () => {
  for (const f of process.argv.slice(1)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(f));
    fs.writeFileSync(f + ".exceljs.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
  }
})();`;

/** Wall time of a child process from spawn to exit, node's start included (as a user waits). */
function timed(args: string[]): Promise<{ ms: number; code: number | null; err: string }> {
  const start = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("close", (code) =>
      resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, code, err: err.slice(0, 300) })
    );
  });
}

/** Several commands at once, each in its own process: wall time until the last one ends. */
async function timedTogether(
  commands: string[][]
): Promise<{ ms: number; code: number | null; err: string }> {
  const start = process.hrtime.bigint();
  const runs = await Promise.all(commands.map(timed));
  const failed = runs.find((r) => r.code !== 0);
  return {
    ms: Number(process.hrtime.bigint() - start) / 1e6,
    code: failed ? failed.code : 0,
    err: failed ? failed.err : "",
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

/** Same names, same bytes, in two folders. */
function sameFiles(a: string, b: string): boolean {
  const names = readdirSync(a).sort();
  if (names.join("\n") !== readdirSync(b).sort().join("\n")) return false;
  return names.every((n) => readFileSync(path.join(a, n)).equals(readFileSync(path.join(b, n))));
}

/**
 * `cdrp report` on 40 sample workbooks with --jobs 1 and with one job per core, side by side with
 * exceljs reading and writing the same 40 workbooks (one process, one core: exceljs has no
 * parallel mode), each in a fresh process, in rounds; medians of the rounds.
 */
async function run(ctx: BenchContext): Promise<SectionResult> {
  const result = emptyResult();
  if (!existsSync(WORKER))
    throw new Error("the command line is not built: run npm run build:cli (npm run bench does)");
  const cores =
    typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  const dir = mkdtempSync(path.join(os.tmpdir(), "cdrp-bench-batch-"));
  try {
    const bytes = await writeDataWorkbook(sampleWorkbook());
    const inputs = Array.from({ length: WORKBOOKS }, (_, i) => {
      const f = path.join(dir, `district-${String(i + 1).padStart(2, "0")}.xlsx`);
      writeFileSync(f, bytes);
      return f;
    });
    const times = {
      one: [] as number[],
      all: [] as number[],
      byDefault: [] as number[],
      apart: [] as number[],
      excelJs: [] as number[],
    };
    // The ceiling of any split of whole reports over the cores: one process per core, each with
    // its share of the workbooks on one job, sharing nothing but the machine.
    const shares = Array.from({ length: cores }, (_, k) =>
      inputs.filter((_, i) => i % cores === k)
    );
    const out = (k: string) => path.join(dir, `out-${k}`);
    for (let round = 1; round <= ROUNDS; round++) {
      ctx.progress(
        `batch: round ${round} of ${ROUNDS} (${WORKBOOKS} workbooks: 1 and ${cores} jobs, the default, ${cores} processes, exceljs)`
      );
      for (const [key, jobs] of [
        ["one", 1],
        ["all", cores],
      ] as const) {
        rmSync(out(key), { recursive: true, force: true });
        const r = await timed([BIN, "report", ...inputs, "--out-dir", out(key), `--jobs=${jobs}`]);
        if (r.code !== 0) throw new Error(`cdrp report --jobs=${jobs} exited ${r.code}: ${r.err}`);
        times[key].push(r.ms);
      }
      rmSync(out("default"), { recursive: true, force: true });
      const d = await timed([BIN, "report", ...inputs, "--out-dir", out("default")]);
      if (d.code !== 0) throw new Error(`cdrp report (default jobs) exited ${d.code}: ${d.err}`);
      times.byDefault.push(d.ms);
      rmSync(out("apart"), { recursive: true, force: true });
      const a = await timedTogether(
        shares.map((files) => [BIN, "report", ...files, "--out-dir", out("apart"), "--jobs=1"])
      );
      if (a.code !== 0)
        throw new Error(`cdrp report in ${cores} processes exited ${a.code}: ${a.err}`);
      times.apart.push(a.ms);
      const e = await timed(["-e", EXCELJS_SCRIPT, ...inputs]);
      if (e.code !== 0) throw new Error(`exceljs exited ${e.code}: ${e.err}`);
      times.excelJs.push(e.ms);
    }
    const one = median(times.one);
    const all = median(times.all);
    const excelJs = median(times.excelJs);
    const byDefault = median(times.byDefault);
    const apart = median(times.apart);
    const round2 = (x: number) => Math.round(x * 100) / 100;
    result.counts.push(
      countFigure(
        "jobsOneMs",
        `cdrp report, ${WORKBOOKS} workbooks, --jobs 1`,
        Math.round(one),
        "ms",
        null
      ),
      countFigure(
        "jobsAllMs",
        `cdrp report, ${WORKBOOKS} workbooks, --jobs ${cores} (every core)`,
        Math.round(all),
        "ms",
        null
      ),
      countFigure(
        "excelJsMs",
        `exceljs read + write, ${WORKBOOKS} workbooks`,
        Math.round(excelJs),
        "ms",
        null
      ),
      countFigure(
        "allVsOne",
        `--jobs ${cores} / --jobs 1`,
        round2(all / one),
        "x",
        cores >= 2 ? BATCH_RATIO_BUDGET : null
      ),
      countFigure(
        "apartVsOne",
        `${cores} separate processes, each on 1/${cores} of the workbooks / --jobs 1 (the ceiling of any split)`,
        round2(apart / one),
        "x",
        null
      ),
      countFigure(
        "defaultVsOne",
        "no --jobs (as many as pay) / --jobs 1",
        round2(byDefault / one),
        "x",
        null
      ),
      countFigure(
        "oneVsExcelJs",
        "--jobs 1 / exceljs",
        round2(one / excelJs),
        "x",
        EXCELJS_RATIO_BUDGET
      ),
      countFigure(
        "allVsExcelJs",
        `--jobs ${cores} / exceljs`,
        round2(all / excelJs),
        "x",
        EXCELJS_RATIO_BUDGET
      )
    );
    const [l1, l5] = os.loadavg();
    result.notes.push(
      `${ROUNDS} rounds, medians; wall time of each command in a fresh process, node's start included. ` +
        `Rounds (ms): --jobs 1 ${times.one.map(Math.round).join(", ")}; --jobs ${cores} ${times.all.map(Math.round).join(", ")}; no --jobs ${times.byDefault.map(Math.round).join(", ")}; ${cores} processes ${times.apart.map(Math.round).join(", ")}; exceljs ${times.excelJs.map(Math.round).join(", ")}.`,
      `When ${cores} separate processes, each making 1/${cores} of the reports, take more than ${BATCH_RATIO_BUDGET}x of one process making them all, no way of sharing whole reports over threads can meet the budget on this machine: each thread pays its own start (the engine loaded and compiled again), and V8 already runs its compiler and garbage collector on the other cores beside one job.`,
      `Outputs of --jobs 1 beside --jobs ${cores}, no --jobs and ${cores} processes: ${["all", "default", "apart"].map((k) => (sameFiles(out("one"), out(k)) ? "identical, byte for byte" : "DIFFERENT")).join("; ")}.`,
      `Load average at the end: ${l1?.toFixed(2)} (1 min), ${l5?.toFixed(2)} (5 min) on ${cores} cores: other work on the machine slows every figure and flattens the ratio of jobs.`
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

export const batchSection: Section = {
  key: "batch",
  title:
    "Batches on every core: cdrp report --out-dir with 1 job, one per core, the default and one process per core, beside exceljs",
  run,
};
