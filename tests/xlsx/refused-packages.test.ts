/**
 * Packages cdrp reads and checks but does not write a report into, saying so in a sentence with
 * what to do (exit 2): Strict Open XML ("Strict Open XML Spreadsheet" in Excel's Save As: the
 * same workbook under the ISO/IEC 29500 Strict names), and a workbook listing sheets the file does
 * not hold (as LibreOffice saves a workbook's macro sheets), which Excel repairs and renumbers.
 * And a macro-enabled workbook's report, which Excel opens only under the .xlsm extension.
 */
import { existsSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import { sampleWorkbook } from "../../src/workbook";
import { readWorkbook, writeDataWorkbook } from "../../src/xlsx";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp";
import { partsOf, patchXlsx } from "../support/zip-craft";

const { dir, cleanup } = tempDir("strict");
afterAll(cleanup);

/** Transitional names to Strict ones, as Excel writes a Strict package. */
const STRICT: [string, string][] = [
  [
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
  ],
  [
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
  ],
  [
    "http://schemas.openxmlformats.org/drawingml/2006/main",
    "http://purl.oclc.org/ooxml/drawingml/main",
  ],
];

async function strictSample(): Promise<Buffer> {
  return patchXlsx(await writeDataWorkbook(sampleWorkbook()), (_name, text) => {
    let out = text;
    for (const [from, to] of STRICT) out = out.split(from).join(to);
    return out.replace(/<workbook /, '<workbook conformance="strict" ');
  });
}

describe("a Strict Open XML workbook", () => {
  it("is read and checked like the same workbook saved as an Excel Workbook", async () => {
    const strict = await readWorkbook(await strictSample());
    const plain = await readWorkbook(await writeDataWorkbook(sampleWorkbook()));
    expect(strict.strict).toBe(true);
    expect(plain.strict).toBe(false);
    expect(strict.snapshot).toEqual(plain.snapshot);
    writeFileSync(path.join(dir, "strict.xlsx"), await strictSample());
    expect((await runCli("validate", path.join(dir, "strict.xlsx"))).code).toBe(0);
  });

  it("gets a sentence saying what it is and how to save it, exit 2, and no report", async () => {
    const input = path.join(dir, "strict.xlsx");
    writeFileSync(input, await strictSample());
    const r = await runCli("report", input, "--out", path.join(dir, "strict-report.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "strict.xlsx is saved as a Strict Open XML Spreadsheet, which cdrp checks but does not write a report into"
    );
    expect(r.stderr).toContain('save it as "Excel Workbook (*.xlsx)"');
    expect(r.stderr).not.toMatch(/cdrp failed|not an \.xlsx/);
  });
});

describe("a workbook listing sheets the file does not hold", () => {
  /** The sample with two sheet entries and nothing behind them, before its own sheets. */
  async function brokenSample(): Promise<Buffer> {
    return patchXlsx(await writeDataWorkbook(sampleWorkbook()), (name, text) =>
      name === "xl/workbook.xml"
        ? text.replace(
            "<sheets>",
            '<sheets><sheet name="Module1" sheetId="90" state="veryHidden" r:id=""/><sheet name="Old" sheetId="91" r:id="rId90"/>'
          )
        : text
    );
  }

  it("is read and checked (its other sheets are all there)", async () => {
    writeFileSync(path.join(dir, "broken.xlsx"), await brokenSample());
    expect((await runCli("validate", path.join(dir, "broken.xlsx"))).code).toBe(0);
  });

  it("gets a sentence naming the sheets, exit 2, and no report", async () => {
    const input = path.join(dir, "broken.xlsx");
    writeFileSync(input, await brokenSample());
    const out = path.join(dir, "broken-report.xlsx");
    const r = await runCli("report", input, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'broken.xlsx lists sheets with nothing behind them ("Module1", "Old"): the file holds no sheet for them'
    );
    expect(r.stderr).toContain(
      "Open it in Excel, let Excel repair it, save it and run the report again."
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe("a macro-enabled workbook (.xlsm)", () => {
  const MACRO = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
  /** The sample as Excel saves a macro-enabled workbook: its workbook part's type says so. */
  async function xlsm(): Promise<Buffer> {
    return patchXlsx(await writeDataWorkbook(sampleWorkbook()), (name, text) =>
      name === "[Content_Types].xml"
        ? text.replace(/(PartName="\/xl\/workbook\.xml" ContentType=")[^"]*"/, `$1${MACRO}"`)
        : text
    );
  }

  it("gets its report as an .xlsm, the only name Excel opens it under", async () => {
    const input = path.join(dir, "macros.xlsm");
    writeFileSync(input, await xlsm());
    const refused = await runCli("report", input, "--out", path.join(dir, "macros-report.xlsx"));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      "macros.xlsm is a macro-enabled workbook (.xlsm), and its report is a copy of it: Excel opens that only under a name ending .xlsm, not macros-report.xlsx."
    );
    expect(existsSync(path.join(dir, "macros-report.xlsx"))).toBe(false);
    expect((await runCli("report", input, "--out", path.join(dir, "m.xlsm"))).code).toBe(0);
    const batch = await runCli("report", input, "--out-dir", path.join(dir, "batch"));
    expect(batch.code).toBe(0);
    expect(batch.stdout).toContain(`Wrote ${path.join(dir, "batch", "macros-report.xlsm")}`);
    const ct = (await partsOf(readFileSync(path.join(dir, "m.xlsm")))).get("[Content_Types].xml");
    expect(ct).toContain(MACRO);
  });
});
