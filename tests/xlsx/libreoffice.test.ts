/**
 * Workbooks saved by LibreOffice, as analysts receive them from other tools: tables without
 * <tableStyleInfo>, a different package layout. Made here with `soffice --convert-to`; skipped where
 * LibreOffice is absent, except in CI (CDRP_REQUIRE_RENDER=1), which installs it.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import path from "path";
import { TABLE_NAMES, WorkbookSnapshot } from "../../src/workbook";
import { findGrid } from "../../src/workbook/tables";
import { readWorkbook } from "../../src/xlsx";
import { expectExcelClean } from "../support/ooxml-check";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp";

const hasSoffice = spawnSync("sh", ["-c", "command -v soffice"]).status === 0;
const required = process.env.CDRP_REQUIRE_RENDER === "1";
const loTest = hasSoffice || required ? it : it.skip;
if (!hasSoffice && !required)
  console.warn("libreoffice.test.ts: SKIPPED: soffice is not installed");

const { dir, cleanup } = tempDir("lo");
afterAll(cleanup);
const file = (name: string) => path.join(dir, name);

/** Converts with a private profile (two conversions sharing one block each other). */
function convert(input: string, to: "ods" | "xlsx", outDir: string): string {
  const profile = mkdtempSync(path.join(dir, "profile-"));
  try {
    const r = spawnSync(
      "soffice",
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=file://${profile}`,
        "--convert-to",
        to,
        "--outdir",
        outDir,
        input,
      ],
      { encoding: "utf8", timeout: 300_000 }
    );
    const out = path.join(outDir, `${path.basename(input, path.extname(input))}.${to}`);
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
    return out;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const seen = (s: WorkbookSnapshot) => TABLE_NAMES.map((n) => findGrid(s, n)?.rows ?? null);

describe("a workbook saved by LibreOffice", () => {
  let ods = "";
  let xlsx = "";
  beforeAll(async () => {
    if (!hasSoffice && !required) return;
    expect((await runCli("sample", "--out", file("sample.xlsx"))).code).toBe(0);
    ods = convert(file("sample.xlsx"), "ods", dir);
    const back = path.join(dir, "lo");
    spawnSync("mkdir", ["-p", back]);
    xlsx = convert(ods, "xlsx", back);
  }, 300_000);

  loTest("as .ods is refused with exit 2 and a sentence", async () => {
    const r = await runCli("validate", ods);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is an OpenDocument spreadsheet (.ods), not an .xlsx workbook");
  });

  loTest(
    "as .xlsx (tables without <tableStyleInfo>) validates, with the same values as Excel's",
    async () => {
      expect(readFileSync(xlsx).includes("tableStyleInfo")).toBe(false);
      const r = await runCli("validate", xlsx);
      expect(r.code).toBe(0);
      const lo = (await readWorkbook(readFileSync(xlsx))).snapshot;
      const original = (await readWorkbook(readFileSync(file("sample.xlsx")))).snapshot;
      expect(seen(lo)).toEqual(seen(original));
    }
  );

  // exceljs failed here ("Cannot read properties of null (reading 'theme')"); the package-copying
  // writer does not depend on a table's optional parts.
  loTest("as .xlsx is reported, and Excel would open the report without a repair", async () => {
    const r = await runCli("report", xlsx, "--out", file("lo-report.xlsx"));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expectExcelClean(file("lo-report.xlsx"));
  });
});
