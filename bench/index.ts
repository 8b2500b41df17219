/*
 * npm run bench: times the expensive paths against DESIGN.md's budgets and checks that they grow
 * no faster than n log n. Budgets are printed, never asserted. Options (after `--`): --json prints
 * one JSON object on stdout and nothing else; --only=core,engine runs those sections; --quiet drops
 * the progress lines, which go to stderr.
 */
import { jsonReport, runAll } from "./report";
import { textReport } from "./report-text";
import { SECTIONS } from "./sections";
import { BenchContext } from "./types";

async function main(argv: readonly string[]): Promise<number> {
  const json = argv.includes("--json");
  const quiet = argv.includes("--quiet");
  const ctx: BenchContext = {
    progress: (message) => {
      if (!quiet) process.stderr.write(`bench: ${message}\n`);
    },
  };
  if (typeof (globalThis as { gc?: unknown }).gc !== "function") {
    process.stderr.write(
      "bench: run with node --expose-gc (npm run bench does) for steadier figures\n"
    );
  }
  const only = argv
    .find((a) => a.startsWith("--only="))
    ?.slice("--only=".length)
    .split(",");
  const sections = only ? SECTIONS.filter((s) => only.includes(s.key)) : SECTIONS;
  if (sections.length === 0) {
    process.stderr.write(`bench: --only names none of: ${SECTIONS.map((s) => s.key).join(", ")}\n`);
    return 2;
  }
  const run = await runAll(sections, ctx);
  process.stdout.write(json ? `${JSON.stringify(jsonReport(run), null, 2)}\n` : textReport(run));
  return run.summary.failed.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  }
);
