import { spawnSync } from "child_process";
import { existsSync } from "fs";
import path from "path";

/**
 * The shared ooxml checker (ISO 29500 schemas plus what Excel is strict about), beside the repo as
 * ../shared/tools/ooxml-check, or where CDRP_OOXML_CHECK points. It needs python3 and xmllint.
 */
const CHECKER =
  process.env.CDRP_OOXML_CHECK ??
  path.join(__dirname, "..", "..", "..", "shared", "tools", "ooxml-check", "check.py");

const has = (cmd: string) => spawnSync(cmd, ["--version"], { stdio: "ignore" }).status === 0;

/** Whether the checker can run here; CI (CDRP_REQUIRE_RENDER=1) requires it. */
export const ooxmlCheckAvailable = existsSync(CHECKER) && has("python3") && has("xmllint");

const required =
  process.env.CDRP_REQUIRE_RENDER === "1" || process.env.CDRP_REQUIRE_OOXML_CHECK === "1";
let warned = false;

/** The checker's failing lines for a file (ERROR, SCHEMA, SETUP); empty when Excel would open it cleanly. */
export function ooxmlProblems(file: string): string[] {
  const r = spawnSync("python3", [CHECKER, file], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status === 0) return [];
  const lines = `${r.stdout ?? ""}\n${r.stderr ?? ""}`.split("\n").map((l) => l.trim());
  const failing = lines.filter((l) => l !== "" && !l.startsWith("WARN") && !/^\d+ parts;/.test(l));
  return failing.length > 0 ? failing : [`checker exit ${r.status}`];
}

/**
 * Fails the test when the checker reports any ERROR or SCHEMA line for `file`. Without the checker
 * (no python3, xmllint or ../shared) it passes with a note, unless CI requires it.
 */
export function expectExcelClean(file: string): void {
  if (!ooxmlCheckAvailable) {
    if (required) throw new Error(`ooxml-check cannot run (need ${CHECKER}, python3 and xmllint)`);
    if (!warned)
      process.stderr.write(`ooxml-check not available (${CHECKER}); workbooks not checked\n`);
    warned = true;
    return;
  }
  expect({ file: path.basename(file), problems: ooxmlProblems(file) }).toEqual({
    file: path.basename(file),
    problems: [],
  });
}
