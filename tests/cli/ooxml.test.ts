/**
 * Every workbook the command line writes passes ../shared/tools/ooxml-check: the template, the
 * sample, the report, and the report of a report (a rerun over its own output).
 */
import path from "path";
import { expectExcelClean } from "../support/ooxml-check";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp";

const { dir, cleanup } = tempDir("ooxml");
afterAll(cleanup);
const file = (name: string) => path.join(dir, name);

it("template, sample, report and rerun are Excel-clean", async () => {
  expect((await runCli("template", "--out", file("template.xlsx"))).code).toBe(0);
  expect((await runCli("demo", "--out-dir", dir)).code).toBe(0);
  expect(
    (await runCli("report", file("sample-report.xlsx"), "--out", file("rerun.xlsx"))).code
  ).toBe(0);
  for (const f of ["template.xlsx", "sample.xlsx", "sample-report.xlsx", "rerun.xlsx"])
    expectExcelClean(file(f));
}, 120_000);
