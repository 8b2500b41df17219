import { spawn, spawnSync } from "child_process";
import { existsSync } from "fs";
import path from "path";

/**
 * ../shared/tools/ooxml-check (ISO 29500 schemas plus what Excel is strict about) on a written
 * workbook: fails on any ERROR or SCHEMA line. Where xmllint or the checker is missing the check is
 * skipped with a warning, unless CDRP_REQUIRE_OOXML=1 (set by .ci/run), where it must run.
 */
const CHECK =
  process.env.OOXML_CHECK ??
  path.resolve(__dirname, "..", "..", "..", "shared", "tools", "ooxml-check", "check.py");
const hasXmllint = spawnSync("sh", ["-c", "command -v xmllint && command -v python3"]).status === 0;
const required = process.env.CDRP_REQUIRE_OOXML === "1";
export const ooxmlCheckAvailable = hasXmllint && existsSync(CHECK);
let warned = false;

/** The checker's ERROR and SCHEMA lines for a file ([] when clean); null when it cannot run here. */
export function ooxmlProblems(file: string): string[] | null {
  if (!ooxmlCheckAvailable) {
    if (required)
      throw new Error(`ooxml-check cannot run: xmllint, python3 or ${CHECK} is missing`);
    if (!warned) console.warn(`ooxml-check SKIPPED: xmllint, python3 or ${CHECK} is missing`);
    warned = true;
    return null;
  }
  const r = spawnSync("python3", [CHECK, file], { encoding: "utf8", timeout: 120_000 });
  const lines = `${r.stdout}\n${r.stderr}`.split("\n");
  const problems = lines.filter((l) => /^(ERROR|SCHEMA)\b/.test(l));
  if (r.status !== 0 && problems.length === 0)
    return [`check.py exited ${String(r.status)}: ${lines.slice(-5).join(" / ")}`];
  return problems;
}

/** ooxmlProblems in a child process of its own, so several checks can run at once. */
export function ooxmlProblemsAsync(file: string): Promise<string[] | null> {
  if (!ooxmlCheckAvailable) return Promise.resolve(ooxmlProblems(file));
  return new Promise((resolve) => {
    const child = spawn("python3", [CHECK, file]);
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("close", (status) => {
      clearTimeout(timer);
      const lines = output.split("\n");
      const problems = lines.filter((l) => /^(ERROR|SCHEMA)\b/.test(l));
      resolve(
        status !== 0 && problems.length === 0
          ? [`check.py exited ${String(status)}: ${lines.slice(-5).join(" / ")}`]
          : problems
      );
    });
  });
}

/** Fails the test when the checker finds anything Excel would repair or refuse. */
export function expectExcelClean(file: string): void {
  const problems = ooxmlProblems(file);
  if (problems !== null)
    expect({ file: path.basename(file), problems }).toEqual({
      file: path.basename(file),
      problems: [],
    });
}
