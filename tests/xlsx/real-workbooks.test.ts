/**
 * The file host on workbooks nobody here wrote: a few dozen of the oddest files of other
 * spreadsheet libraries' public test suites (tests/fixtures/real-workbooks; LICENSES names each
 * one's repository, path, commit and licence), kept from the corpus that `npm run corpus` runs
 * (scripts/corpus.ts). For each: `cdrp validate` answers with an exit code and a sentence; the
 * contract's sheets are added by the file host's own writer; `cdrp report` writes a report that
 * keeps every input part (tests/support/kept.ts), and ooxml-check finds no error in it that the
 * input did not already have. Files the report refuses are refused with the sentence listed here.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { ZipPackage } from "../../src/xlsx/zip";
import { withContractSheets } from "../support/contract-sheets";
import { keptProblems, newCheckErrors } from "../support/kept";
import { ooxmlCheckAvailable, ooxmlProblemsAsync } from "../support/ooxml-check";
import { runCli } from "../support/run-cli";

const DIR = path.join(__dirname, "..", "fixtures", "real-workbooks");

/** What is odd about a fixture, and what cdrp must answer where it is not a report (exit 0). */
interface Expect {
  why: string;
  /** `cdrp validate` refuses the file (exit 2) with this sentence. */
  unreadable?: RegExp;
  /** The writer refuses to add the contract's sheets, with this sentence. */
  notWritten?: RegExp;
  /** `cdrp report` refuses the file with the sheets added (exit 2), with this sentence. */
  refused?: RegExp;
}

const BROKEN_SHEETS = /lists (a sheet|sheets) with nothing behind (it|them)/;
const NOT_A_WORKBOOK = /could not be read|not an \.xlsx|is not a|cannot be read/i;

const FIXTURES: Record<string, Expect> = {
  "closedxml-SheetsWithoutRelId.xlsx": {
    why: "<sheet> entries without r:id",
    refused: BROKEN_SHEETS,
  },
  "closedxml-tdf111974.xlsm": {
    why: "LibreOffice macro sheets listed with no part behind them",
    refused: BROKEN_SHEETS,
  },
  "closedxml-NoReferencesOnRowsOrCells.xlsx": { why: "fonts referenced past the end of the list" },
  "closedxml-empty-noconf.xlsx": { why: "LibreOffice: .rels declared by Overrides" },
  "closedxml-page_scale.xlsx": { why: "LibreOffice: .rels by Overrides, page setup" },
  "closedxml-external-refs.xlsx": { why: "external links" },
  "closedxml-ChartsheetAndPivotTable.xlsx": { why: "a chart sheet and a pivot table" },
  "closedxml-FileWithButton.xlsm": { why: "macro-enabled, a form control" },
  "closedxml-InvalidPrintTitles2.xlsx": { why: "print titles Excel calls invalid" },
  "edr-Fillreport.xlsx": { why: "prefixed workbook and styles (x:), styles in the wrong place" },
  "edr-Test_Issue_NoStyles_NoRAttribute.xlsx": { why: "no styles part, no app.xml, no r=" },
  "edr-Test_git_issue_301_IgnoreCase.xlsx": { why: "xl/WorkBook.xml, names in another case" },
  "edr-Test_git_issue_68_NullSheetPath.xlsm": {
    why: "a sheet whose relationship has no part",
    refused: BROKEN_SHEETS,
  },
  "edr-Test_git_issue682.xlsx": { why: "prefixed .rels (<ns3:Relationships>)" },
  "edr-test_git_issue_354.xlsx": { why: "a <sheet> without r:id" },
  "edr-strict-Test_git_issue578.xlsx": {
    why: "Strict Open XML",
    notWritten: /Strict Open XML/,
  },
  "edr-Test_git_Issue_649_Date1904_Parsings.xlsx": { why: "1904 date system" },
  "edr-Test_googlesourced.xlsx": { why: "Google Sheets export, data descriptors" },
  "edr-Test_git_issue_385_backslash.xlsx": {
    why: "part names with backslashes",
    unreadable: NOT_A_WORKBOOK,
  },
  "edr-Test_git_issue_629.xlsx": { why: "workbook.xml at the package root" },
  "edr-EmptyZipFile.xlsx": { why: "an empty zip", unreadable: NOT_A_WORKBOOK },
  "edr-Test_Issue_11522_OpenXml.xlsx": { why: "Open XML SDK, prefixed parts, stored entries" },
  "phpspreadsheet-namespacenonstd.xlsx": { why: "non-standard namespace prefixes throughout" },
  "phpspreadsheet-issue.3720.xlsx": {
    why: "prefixed [Content_Types].xml (<ns8:Types>) and .rels, generic application/xml types",
  },
  "phpspreadsheet-rootZipFiles.xlsx": { why: "every part at the zip's root" },
  "phpspreadsheet-ChartSheet.xlsx": { why: "a chart sheet" },
  "phpspreadsheet-utf16be.xlsx": { why: "parts in UTF-16BE", unreadable: NOT_A_WORKBOOK },
  "phpspreadsheet-issue.1482.xlsx": { why: "odd styles lists" },
  "phpspreadsheet-PivotTableSimple.xlsx": { why: "a pivot table" },
  "sheetjs-wtf_path.xlsx": { why: "the workbook part at wtf/workbook.xml" },
  "sheetjs-1904.xlsx": { why: "1904 date system" },
  "sheetjs-hyperlink_no_rels.xlsm": { why: "a hyperlink without its relationship" },
  "poi-50154.xlsx": { why: "POI bug 50154" },
};

/** A command's answer is a sentence: no stack trace, and something said when it is not 0. */
function expectSentence(r: { code: number; stdout: string; stderr: string }) {
  expect(r.stderr).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
  if (r.code !== 0) expect(`${r.stdout}${r.stderr}`.trim()).not.toBe("");
}

let work: string;
beforeAll(() => (work = mkdtempSync(path.join(os.tmpdir(), "cdrp-real-"))));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test("every fixture is listed here, and every one listed is there", () => {
  const files = readdirSync(DIR).filter((f) => /\.(xlsx|xlsm)$/.test(f));
  expect(files.sort()).toEqual(Object.keys(FIXTURES).sort());
  const licences = readFileSync(path.join(DIR, "LICENSES"), "utf8");
  for (const f of files) expect(licences).toContain(`| ${f} |`);
});

// Concurrent: ooxml-check runs in child processes while the next fixture is reported.
test.concurrent.each(Object.entries(FIXTURES))("%s", async (name, expected) => {
  const file = path.join(DIR, name);
  const v = await runCli("validate", file);
  expectSentence(v);
  if (expected.unreadable) {
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(expected.unreadable);
    return;
  }
  expect([0, 1]).toContain(v.code);

  const input = readFileSync(file);
  const ext = path.extname(name);
  const injected = path.join(work, name.replace(/\.\w+$/, `-in${ext}`));
  if (expected.notWritten) {
    await expect(withContractSheets(input)).rejects.toThrow(expected.notWritten);
    return;
  }
  writeFileSync(injected, await withContractSheets(input));
  const out = path.join(work, name.replace(/\.\w+$/, `-report${ext}`));
  const r = await runCli("report", injected, "--out", out, "--json");
  expectSentence(r);
  if (expected.refused) {
    expect({ code: r.code, said: r.stderr }).toEqual({
      code: 2,
      said: expect.stringMatching(expected.refused),
    });
    return;
  }
  expect({ code: r.code, said: r.stderr }).toEqual({ code: 0, said: "" });
  const output = readFileSync(out);
  expect(keptProblems(input, output)).toEqual([]);

  if (!ooxmlCheckAvailable) return;
  const outErrors = (await ooxmlProblemsAsync(out)) ?? [];
  // The input is checked only when the report has something to compare (the check is slow).
  const inErrors = outErrors.length > 0 ? ((await ooxmlProblemsAsync(file)) ?? []) : [];
  const parts = new Set(ZipPackage.load(input).names());
  expect(newCheckErrors(inErrors, outErrors, parts)).toEqual([]);
});
