/*
 * npm run corpus -- <folder or file>... [--jobs=N] [--out=DIR] [--check=distinct|all|none] [--limit=N]
 *
 * The file host on workbooks nobody here wrote (other libraries' public test suites: see
 * tests/fixtures/real-workbooks/LICENSES for where ours came from). For each .xlsx/.xlsm/.xltx
 * found under the arguments:
 *   1. `cdrp validate` on it as it is: exit 0, 1 or 2 with a sentence; no crash, no hang;
 *   2. the contract's sheets added (tests/support/contract-sheets.ts: the sample's tables, written
 *      by the file host's own writer), then `cdrp report` on that;
 *   3. every part of the input kept in the report byte for byte (the package index and the
 *      styles' growing lists aside: tests/support/kept.ts);
 *   4. ../shared/tools/ooxml-check on the input and on the report: no error the input did not
 *      already have.
 * Each step that could hang runs in a child process with a time limit. Prints a summary and the
 * files behind each kind of failure; writes every result to <out>/results.jsonl. Not part of
 * npm test: the corpus is large and not committed (a few dozen of its oddest files are, as
 * fixtures, with tests/xlsx/real-workbooks.test.ts).
 */
import { spawn } from "child_process";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from "fs";
import { createHash } from "crypto";
import os from "os";
import path from "path";
import { ZipPackage } from "../src/xlsx/zip";
import { withContractSheets } from "../tests/support/contract-sheets";
import { keptProblems, newCheckErrors } from "../tests/support/kept";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "cdrp.js");
const CHECK =
  process.env.OOXML_CHECK ?? path.resolve(ROOT, "..", "shared", "tools", "ooxml-check", "check.py");
const STEP_MS = 120_000;

interface Ran {
  code: number | null;
  signal: string | null;
  ms: number;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[]): Promise<Ran> {
  const start = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), STEP_MS);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: Date.now() - start, stdout, stderr });
    });
  });
}

/** ooxml-check's ERROR and SCHEMA lines, or null when the checker itself failed on the file. */
async function check(file: string): Promise<string[] | null> {
  const r = await run("python3", [CHECK, file]);
  const lines = `${r.stdout}\n${r.stderr}`.split("\n").filter((l) => /^(ERROR|SCHEMA)\b/.test(l));
  if (r.code !== 0 && lines.length === 0) return null;
  return lines;
}

/** A command's answer is a sentence: an exit code of its own, and no stack trace. */
function answered(r: Ran): string | null {
  if (r.signal) return `ended by ${r.signal} after ${r.ms} ms (a hang, or a crash)`;
  if (r.code === null || r.code > 2) return `exit ${String(r.code)}`;
  if (/^\s+at .*:\d+:\d+\)?$/m.test(r.stderr)) return "a stack trace";
  if (r.code > 0 && r.stderr.trim() === "" && r.stdout.trim() === "") return "no message";
  return null;
}

interface Result {
  file: string;
  validate: { code: number | null; ms: number; message: string; problem: string | null };
  inject?: string | null;
  report?: { code: number | null; ms: number; message: string; problem: string | null };
  kept?: string[];
  /** ooxml-check ran on the report (see indexShape). */
  checked?: boolean;
  inputErrors?: string[] | null;
  newErrors?: string[];
}

const lastLine = (r: Ran) =>
  `${r.stderr}\n${r.stdout}`
    .trim()
    .split("\n")
    .filter((l) => l.trim() !== "")
    .pop() ?? "";

/**
 * What of a package the report's writer edits or depends on: its content types' Defaults (and
 * whether .rels parts are declared one by one), its styles part as it is, and the workbook part's
 * elements with their attribute names (not values). Two inputs alike in this get reports alike in
 * everything ooxml-check could find new, so by default only the first of each is checked (the
 * check takes seconds a file): --check=all checks every one.
 */
function indexShape(input: Buffer): string {
  const zip = ZipPackage.load(input);
  const read = (p: string) => {
    try {
      return zip.read(p, 64 * 1024 * 1024)?.toString("utf8") ?? "";
    } catch {
      return "";
    }
  };
  const ct = read("[Content_Types].xml");
  const defaults = [...ct.matchAll(/<(?:\w+:)?Default\b[^>]*>/g)].map((m) => m[0].toLowerCase());
  const relsByOverride = /PartName="[^"]*\.rels"/i.test(ct);
  const wbName =
    /Target="\/?([^"]*)"[^>]*Type="[^"]*\/officeDocument"|Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]*)"/.exec(
      read("_rels/.rels")
    );
  const wb = read(wbName?.[1] ?? wbName?.[2] ?? "xl/workbook.xml");
  const shape = [...wb.matchAll(/<([\w:]+)((?:\s+[\w:]+\s*=\s*(?:"[^"]*"|'[^']*'))*)/g)]
    .map(
      (m) => `${m[1]}(${[...(m[2] ?? "").matchAll(/([\w:]+)\s*=/g)].map((a) => a[1]).join(",")})`
    )
    .join("");
  const styles = zip.names().find((n) => /styles\.xml$/i.test(n));
  return createHash("sha1")
    .update(`${defaults.sort().join("")}|${relsByOverride}|${shape}|${styles ? read(styles) : ""}`)
    .digest("hex");
}

const checkedShapes = new Set<string>();

async function one(file: string, work: string, checkAll: boolean | null): Promise<Result> {
  const v = await run(process.execPath, [BIN, "validate", file]);
  const result: Result = {
    file,
    validate: { code: v.code, ms: v.ms, message: lastLine(v), problem: answered(v) },
  };
  if (v.code === 2) return result; // not a workbook cdrp reads: nothing to add sheets to
  const base = path.join(work, path.basename(file).replace(/\.\w+$/, ""));
  // The file's own extension: a macro-enabled workbook's report must keep it (and so its input).
  const ext = path.extname(file).toLowerCase();
  const injected = `${base}-${process.hrtime.bigint()}-in${ext}`;
  // In this process: the writer ran on the same file in `validate`'s reader already.
  try {
    writeFileSync(injected, await withContractSheets(readFileSync(file)));
    result.inject = null;
  } catch (e) {
    result.inject = e instanceof Error ? e.message : String(e);
    return result;
  }
  const out = injected.replace(/-in\.\w+$/, `-report${ext}`);
  const r = await run(process.execPath, [BIN, "report", injected, "--out", out, "--json"]);
  result.report = { code: r.code, ms: r.ms, message: lastLine(r), problem: answered(r) };
  if (r.code !== 0 || !existsSync(out)) return result;
  const input = readFileSync(file);
  result.kept = keptProblems(input, readFileSync(out));
  const shape = indexShape(input);
  const doCheck = checkAll === true || (checkAll === false && !checkedShapes.has(shape));
  checkedShapes.add(shape);
  result.checked = doCheck;
  if (doCheck) {
    const outErrors = (await check(out)) ?? ["checker failed on the report"];
    // The input is checked only when the report has something to compare (the check is slow).
    result.inputErrors = outErrors.length > 0 ? await check(file) : [];
    const parts = new Set(ZipPackage.load(input).names());
    result.newErrors = newCheckErrors(result.inputErrors ?? [], outErrors, parts);
  }
  return result;
}

function filesUnder(p: string): string[] {
  if (statSync(p).isDirectory())
    return readdirSync(p)
      .sort()
      .flatMap((n) => filesUnder(path.join(p, n)));
  return /\.(xlsx|xlsm|xltx|xltm)$/i.test(p) ? [p] : [];
}

function summary(results: Result[]): string {
  const out: string[] = [];
  const list = (title: string, rows: [string, string][]) => {
    out.push(`\n${title}: ${rows.length}`);
    for (const [f, why] of rows) out.push(`  ${f}\n      ${why.slice(0, 300)}`);
  };
  const by = (code: number | null) => results.filter((r) => r.validate.code === code).length;
  out.push(
    `${results.length} workbooks; cdrp validate: ${by(0)} exit 0, ${by(1)} exit 1, ${by(2)} exit 2`
  );
  const reported = results.filter((r) => r.report?.code === 0);
  out.push(
    `contract sheets added to ${results.filter((r) => r.inject === null).length}; reports written: ${reported.length}; ` +
      `checked by ooxml-check: ${results.filter((r) => r.checked).length} (one per distinct package index)`
  );
  list(
    "validate without a sentence (crash, hang, stack trace)",
    results.filter((r) => r.validate.problem).map((r) => [r.file, r.validate.problem as string])
  );
  list(
    "contract sheets could not be added (the writer refused the package)",
    results.filter((r) => r.inject).map((r) => [r.file, r.inject as string])
  );
  list(
    "report refused or failed after the sheets were added",
    results
      .filter((r) => r.report && r.report.code !== 0)
      .map((r) => [r.file, `exit ${String(r.report?.code)}: ${r.report?.message}`])
  );
  list(
    "input parts not kept",
    results.filter((r) => (r.kept ?? []).length > 0).map((r) => [r.file, (r.kept ?? []).join("; ")])
  );
  list(
    "new ooxml-check errors (not in the input)",
    results
      .filter((r) => (r.newErrors ?? []).length > 0)
      .map((r) => [r.file, (r.newErrors ?? []).join("\n      ")])
  );
  const slow = [...results].sort((a, b) => (b.report?.ms ?? 0) - (a.report?.ms ?? 0))[0];
  if (slow?.report) out.push(`\nslowest report: ${slow.report.ms} ms (${slow.file})`);
  return `${out.join("\n")}\n`;
}

async function main(argv: string[]): Promise<number> {
  const opt = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const paths = argv.filter((a) => !a.startsWith("--"));
  if (paths.length === 0) {
    process.stderr.write("usage: npm run corpus -- <folder or file>... [--jobs=N] [--out=DIR]\n");
    return 2;
  }
  const work = opt("out") ?? path.join(os.tmpdir(), `cdrp-corpus-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const files = paths.flatMap(filesUnder).slice(0, Number(opt("limit") ?? Infinity));
  const jobs = Number(opt("jobs") ?? 2);
  const mode = opt("check") ?? "distinct";
  const checkAll = mode === "none" ? null : mode === "all";
  const results: Result[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const log = path.join(work, "results.jsonl");
  writeFileSync(log, "");
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const r = await one(files[i] as string, work, checkAll);
      results[i] = r;
      appendFileSync(log, `${JSON.stringify(r)}\n`);
      if (++done % 25 === 0) process.stderr.write(`corpus: ${done} of ${files.length}\n`);
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  process.stdout.write(summary(results));
  process.stdout.write(`results: ${log}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
);
