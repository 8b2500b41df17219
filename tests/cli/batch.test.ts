/**
 * `cdrp report ... --out-dir --jobs N` through the built command line (worker threads run the
 * compiled lib/): the same files byte for byte, the same messages in input order and the same exit
 * code as --jobs 1, whichever workbook finishes first.
 */
import { spawn } from "child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from "fs";
import os from "os";
import path from "path";
import { PARALLEL_MIN_MEAN_BYTES, defaultJobs } from "../../src/cli/batch";
import { writeDataWorkbook } from "../../src/xlsx";
import { tenTimesSample } from "../support/big-workbook";
import { tempDir } from "../support/temp";
import { sampleCopy, setCell, writeXlsx } from "../support/workbooks";

const { dir, cleanup } = tempDir("batch");
afterAll(cleanup);
const file = (...p: string[]) => path.join(dir, ...p);
const BIN = path.join(__dirname, "..", "..", "bin", "cdrp.js");
const LIB = path.join(__dirname, "..", "..", "lib", "cli", "batch-worker.js");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cdrp(...args: string[]): Promise<Run> {
  return cdrpWith(process.env, ...args);
}

function cdrpWith(env: NodeJS.ProcessEnv, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Inputs in the order given: a slow one first, so later ones finish before it on other threads. */
const inputs: string[] = [];

beforeAll(async () => {
  expect(existsSync(LIB)).toBe(true); // npm test builds the command line first
  writeFileSync(file("big.xlsx"), await writeDataWorkbook(tenTimesSample()));
  await writeXlsx(file("sample.xlsx"), sampleCopy());
  const bad = sampleCopy();
  setCell(bad, "Monthly", 4, "Count", "thirty");
  await writeXlsx(file("bad.xlsx"), bad);
  writeFileSync(file("notes.xlsx"), "Measure,Month,Count\n");
  inputs.push(file("big.xlsx"));
  for (let i = 0; i < 6; i++) {
    copyFileSync(file("sample.xlsx"), file(`district${i}.xlsx`));
    inputs.push(file(`district${i}.xlsx`));
  }
  inputs.splice(3, 0, file("bad.xlsx"), file("notes.xlsx"));
  // An input named like another member's report: that report gets a numbered name, and says so.
  copyFileSync(file("sample.xlsx"), file("district0-report.xlsx"));
  inputs.push(file("district0-report.xlsx"));
});

/** A run's text with its output folder's name taken out, to compare runs into two folders. */
const same = (r: Run, out: string) => ({
  code: r.code,
  stdout: r.stdout.split(out).join("<out>"),
  stderr: r.stderr.split(out).join("<out>"),
});

describe("cdrp report --jobs", () => {
  it("writes the same files, messages and exit code on 1 thread and on 3", async () => {
    const one = await cdrp("report", ...inputs, "--out-dir", file("one"), "--jobs", "1");
    const three = await cdrp("report", ...inputs, "--out-dir", file("three"), "--jobs", "3");
    expect(one.code).toBe(2); // notes.xlsx is not a workbook
    expect(same(three, file("three"))).toEqual(same(one, file("one")));
    const written = readdirSync(file("one")).sort();
    expect(readdirSync(file("three")).sort()).toEqual(written);
    expect(written.length).toBe(inputs.length - 2); // bad.xlsx and notes.xlsx get none
    for (const f of written)
      expect(readFileSync(file("three", f)).equals(readFileSync(file("one", f)))).toBe(true);
    // Messages in input order: each member's "Wrote" line, and bad.xlsx's errors between them.
    const wrote = [...one.stdout.matchAll(/^Wrote (.*)$/gm)].map((m) => path.basename(m[1]!));
    expect(wrote).toEqual([
      "big-report.xlsx",
      "district0-report.xlsx",
      "district1-report.xlsx",
      "district2-report.xlsx",
      "district3-report.xlsx",
      "district4-report.xlsx",
      "district5-report.xlsx",
      "district0-report-report.xlsx",
    ]);
    expect(one.stderr.indexOf("No report written")).toBeLessThan(one.stderr.indexOf("notes.xlsx"));
    expect(one.stderr).toContain("is not an Excel workbook");
  });

  it("prints the same JSON, in input order, on any number of threads", async () => {
    const one = await cdrp("report", ...inputs, "--out-dir", file("j1"), "--jobs=1", "--json");
    const two = await cdrp("report", ...inputs, "--out-dir", file("j2"), "--jobs=2", "--json");
    expect(same(two, file("j2"))).toEqual(same(one, file("j1")));
    const reports = (JSON.parse(one.stdout) as { reports: { file: string }[] }).reports;
    expect(reports.map((r) => r.file)).toEqual(inputs);
  });

  it("prints each report's PDF (--pdf) from the plan a worker made, as on one thread", async () => {
    // A stand-in for LibreOffice: a "PDF" naming the workbook it was given, by its bytes.
    const bin = file("fake-bin");
    mkdirSync(bin);
    writeFileSync(
      path.join(bin, "soffice"),
      `#!/bin/sh\nfor a; do case "$prev" in --outdir) out="$a";; esac; prev="$a"; last="$a"; done\n` +
        `printf '%%PDF-1.4 stand-in %s\\n' "$(sha256sum < "$last" | cut -c1-64)" > "$out/report.pdf"\n`
    );
    chmodSync(path.join(bin, "soffice"), 0o755);
    const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}` };
    const some = [inputs[0]!, inputs[1]!, file("bad.xlsx"), inputs[5]!];
    const one = await cdrpWith(
      env,
      "report",
      ...some,
      "--out-dir",
      file("p1"),
      "--pdf",
      "--jobs=1",
      "--json"
    );
    const two = await cdrpWith(
      env,
      "report",
      ...some,
      "--out-dir",
      file("p2"),
      "--pdf",
      "--jobs=2",
      "--json"
    );
    expect(same(two, file("p2"))).toEqual(same(one, file("p1")));
    const written = readdirSync(file("p1")).sort();
    expect(written.filter((f) => f.endsWith(".pdf"))).toHaveLength(some.length - 1);
    expect(readdirSync(file("p2")).sort()).toEqual(written);
    for (const f of written)
      expect(readFileSync(file("p2", f)).equals(readFileSync(file("p1", f)))).toBe(true);
    const reports = (JSON.parse(two.stdout) as { reports: { pdf: string | null }[] }).reports;
    expect(reports.map((r) => r.pdf && path.basename(r.pdf))).toEqual([
      "big-report.pdf",
      "district0-report.pdf",
      null,
      "district2-report.pdf",
    ]);
  });

  it("refuses a --jobs that is not a whole number of at least 1", async () => {
    for (const bad of ["0", "two", "1.5", "-3"]) {
      const r = await cdrp("report", inputs[1]!, "--out-dir", file("x"), `--jobs=${bad}`);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("--jobs takes a whole number of at least 1");
    }
    expect(existsSync(file("x"))).toBe(false);
  });
});

describe("the default number of jobs", () => {
  const MB = 1024 * 1024;
  const cores = Math.min(os.availableParallelism(), Math.floor(os.totalmem() / (1024 * MB)));

  it("is one for a single workbook, or for workbooks too small for a second thread to pay", () => {
    expect(defaultJobs([])).toBe(1);
    expect(defaultJobs([50 * MB])).toBe(1);
    expect(defaultJobs(Array<number>(40).fill(23_000))).toBe(1);
    expect(defaultJobs([PARALLEL_MIN_MEAN_BYTES - 1, PARALLEL_MIN_MEAN_BYTES - 1])).toBe(1);
    // The mean decides: one large workbook among many small ones leaves little to share out.
    expect(defaultJobs([3 * MB, ...Array<number>(9).fill(10_000)])).toBe(1);
  });

  it("is one per core (as memory allows) once the workbooks average the threshold", () => {
    expect(defaultJobs([PARALLEL_MIN_MEAN_BYTES, PARALLEL_MIN_MEAN_BYTES])).toBe(
      Math.max(1, cores)
    );
    expect(defaultJobs([4 * MB, 0, 0])).toBe(Math.max(1, cores));
  });
});
