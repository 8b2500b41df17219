/**
 * Custom function names by Microsoft's rules (office-js-docs-pr docs/excel/custom-functions-naming.md,
 * "Custom functions naming guidelines" and "Naming constraints quick reference"), checked on the
 * built dist/functions.json: at least three characters, starting with a letter, only A-Z 0-9 _ .,
 * not an Excel function's name, not readable as a cell address (A1 to XFD1048576, R1C1 to
 * R1048576C16384), not an Excel 4.0 macro function. NI32 reads as cell NI32 and is the one name kept
 * on purpose: the users asked for it (README, troubleshooting).
 */
import { existsSync, readFileSync } from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const BUILT = path.join(ROOT, "dist", "functions.json");
/** The documented exception: NI32 is the indicator's own name (issue 7, finding 5). */
const KEPT_ON_PURPOSE = new Set(["NI32"]);

/**
 * Excel's worksheet functions as Microsoft lists them: the members of Excel.Functions
 * (office-js-docs-reference docs/docs-ref-autogen/excel/excel/excel.functions.yml), read from
 * @types/office-js; `beta_Dist` is BETA.DIST. The two Excel 4.0 macro functions the naming page
 * names are added.
 */
function excelFunctionNames(): Set<string> {
  const types = readFileSync(
    path.join(ROOT, "node_modules", "@types", "office-js", "index.d.ts"),
    "utf8"
  ).split("\n");
  const start = types.findIndex((l) =>
    /^ {4}class Functions extends OfficeExtension.ClientObject/.test(l)
  );
  const names = new Set(["RUN", "ECHO"]);
  for (let i = start + 1; i < types.length && !/^ {4}}/.test(types[i] as string); i++) {
    const m = /^ {8}([a-zA-Z0-9_]+)\(/.exec(types[i] as string);
    if (m) names.add((m[1] as string).toUpperCase().replace(/_/g, "."));
  }
  return names;
}

const BUILT_IN = excelFunctionNames();

function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
}

/** True when Excel could read the name as a cell reference in A1 or R1C1 style. */
export function readsAsCellAddress(name: string): boolean {
  const a1 = /^([A-Z]{1,3})([0-9]+)$/.exec(name.toUpperCase());
  if (a1) {
    const row = Number(a1[2]);
    return columnNumber(a1[1] as string) <= 16384 && row >= 1 && row <= 1048576;
  }
  const r1c1 = /^R([0-9]+)C([0-9]+)$/.exec(name.toUpperCase());
  if (r1c1) {
    const row = Number(r1c1[1]);
    const col = Number(r1c1[2]);
    return row >= 1 && row <= 1048576 && col >= 1 && col <= 16384;
  }
  return false;
}

/** Every rule a name breaks, in words. */
export function namingProblems(name: string): string[] {
  const out: string[] = [];
  if (name.length < 3) out.push("shorter than three characters");
  if (!/^[A-Za-z]/.test(name)) out.push("does not start with a letter");
  if (!/^[A-Z0-9_.]+$/.test(name)) out.push("uses a character other than A-Z, 0-9, _ and .");
  if (BUILT_IN.has(name.toUpperCase())) out.push("is the name of an Excel function");
  if (readsAsCellAddress(name)) out.push("reads as a cell address");
  return out;
}

describe("the naming rules themselves", () => {
  it("knows Excel's own functions from Microsoft's list", () => {
    expect(BUILT_IN.size).toBeGreaterThan(300);
    for (const n of ["RATE", "SUM", "BETA.DIST", "RUN", "CHISQ.DIST.RT"])
      expect(BUILT_IN).toContain(n);
  });
  it.each([
    ["FY", "shorter than three characters"],
    ["RATE", "is the name of an Excel function"],
    ["NI32", "reads as a cell address"],
    ["XFD1048576", "reads as a cell address"],
    ["R1C1", "reads as a cell address"],
    ["1ST", "does not start with a letter"],
    ["CRIME-RATE", "uses a character other than A-Z, 0-9, _ and ."],
  ])("rejects %s: %s", (name, problem) => {
    expect(namingProblems(name)).toContain(problem);
  });
  it.each(["CRIME_RATE", "FIN_YEAR", "FIN_QUARTER", "XFE1", "NI32_CASES", "A1048577"])(
    "accepts %s",
    (name) => expect(namingProblems(name)).toEqual([])
  );
});

describe("dist/functions.json", () => {
  if (!existsSync(BUILT))
    throw new Error(
      "dist/functions.json is missing: run `npm run build` (npm test does it first)."
    );
  const metadata = JSON.parse(readFileSync(BUILT, "utf8")) as {
    functions: { id: string; name: string }[];
  };
  const names = metadata.functions.flatMap((f) => [f.id, f.name]);

  it.each([...new Set(names)])("%s follows the naming rules (NI32 excepted on purpose)", (name) => {
    const problems = namingProblems(name);
    if (KEPT_ON_PURPOSE.has(name)) expect(problems).toEqual(["reads as a cell address"]);
    else expect(problems).toEqual([]);
  });
});
