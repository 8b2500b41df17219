import fc from "fast-check";
import path from "path";
import ExcelJS from "exceljs";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp";
import { expectExcelClean } from "../support/ooxml-check";
import { sampleCopy, sheet, writeXlsx } from "../support/workbooks";
import { DataSheet } from "../../src/workbook";

/** Every workbook the command line writes must open in Excel without a repair (tools/ooxml-check). */
const { dir, cleanup } = tempDir("clean");
afterAll(cleanup);
const file = (name: string) => path.join(dir, name);

async function sheetNames(f: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  return wb.worksheets.map((w) => w.name);
}

/** The sample with its measures' priorities (and optionally labels) replaced. */
function withPriorities(priorities: string[], labels?: string[]): DataSheet[] {
  const s = sampleCopy();
  const m = sheet(s, "Measures");
  const p = m.columns.findIndex((c) => c.header === "Priority");
  m.rows.forEach((r, i) => {
    r[p] = priorities[i % priorities.length] ?? null;
    if (labels) r[1] = labels[i % labels.length] ?? null;
  });
  return s;
}

async function report(name: string, sheets: DataSheet[]) {
  await writeXlsx(file(`${name}.xlsx`), sheets);
  const r = await runCli(
    "report",
    file(`${name}.xlsx`),
    "--out",
    file(`${name}-report.xlsx`),
    "--json"
  );
  return { ...r, out: file(`${name}-report.xlsx`) };
}

describe("workbooks the command line writes pass the ooxml checker", () => {
  it("the sample, the template and the demo's report", async () => {
    expect((await runCli("sample", "--out", file("sample.xlsx"))).code).toBe(0);
    expect((await runCli("template", "--out", file("template.xlsx"))).code).toBe(0);
    expect((await runCli("demo", "--out-dir", file("demo"))).code).toBe(0);
    for (const f of ["sample.xlsx", "template.xlsx", "demo/sample.xlsx", "demo/sample-report.xlsx"])
      expectExcelClean(file(f));
  });

  it("a report over a report (its sheets replaced) and beside a user's own Summary", async () => {
    expect((await runCli("report", file("sample.xlsx"), "--out", file("r1.xlsx"))).code).toBe(0);
    expect((await runCli("report", file("r1.xlsx"), "--out", file("r2.xlsx"))).code).toBe(0);
    expectExcelClean(file("r2.xlsx"));
  });
});

describe("priority titles and labels Excel is strict about", () => {
  it("keeps sheet names within Excel's rules: History, an apostrophe or an emoji at the 31st character, forbidden characters", async () => {
    const apostrophe = `${"A".repeat(30)}'s Services`; // the cut lands after the apostrophe
    const emoji = `${"B".repeat(30)}\u{1F600} Safety`; // the emoji straddles characters 31 and 32
    const r = await report("names", withPriorities(["History", apostrophe, emoji]));
    expect(r.code).toBe(0);
    const sheets = (JSON.parse(r.stdout) as { sheets: string[] }).sheets;
    expect(sheets).toEqual([
      "Summary",
      "History (2)",
      "A".repeat(30),
      "B".repeat(30),
      "Domestic Abuse",
    ]);
    expect(await sheetNames(r.out)).toEqual(expect.arrayContaining(sheets));
    expectExcelClean(r.out);
  });

  // The print area of a sheet named with an apostrophe must double it ('Children''s Services'!...).
  it(
    "writes a sheet named with an apostrophe that Excel opens without a repair",
    async () => {
      const r = await report("apostrophe", withPriorities(["Children's Services"]));
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as { sheets: string[] }).sheets).toContain(
        "Children's Services"
      );
      expectExcelClean(r.out);
    }
  );

  it("cuts a 40,000-character label to Excel's 32,767 per cell, and says so", async () => {
    const long = "Very long label ".repeat(2500);
    const r = await report(
      "long",
      withPriorities(
        ["1 Reducing Serious Acquisitive Crime"],
        [long, "Theft of Vehicles", "Theft from Vehicles"]
      )
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /warning: Summary!\w+\d+: its text was cut to 32,767 characters, Excel's limit for a cell \(it had 39,999\)/
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.out);
    let longest = 0;
    const reportSheets = (JSON.parse(r.stdout) as { sheets: string[] }).sheets;
    wb.worksheets
      .filter((ws) => reportSheets.includes(ws.name))
      .forEach((ws) =>
        ws.eachRow((row) =>
          row.eachCell((c) => (longest = Math.max(longest, String(c.value ?? "").length)))
        )
      );
    expect(longest).toBe(32_767);
  });

  it("writes a clean workbook when a label near the limit makes longer sentences", async () => {
    // A label Excel could hold (the 40,000 above is copied through in the user's own Measures
    // sheet, which is never changed); the sentences quoting it are cut.
    const label = "Near the limit ".repeat(2180); // 32,700 characters
    const r = await report(
      "near",
      withPriorities(
        ["1 Reducing Serious Acquisitive Crime"],
        [label, "Theft of Vehicles", "Theft from Vehicles"]
      )
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/its text was cut to 32,767 characters/);
    expectExcelClean(r.out);
  });

  it("writes a clean workbook for random labels and priority titles (property)", async () => {
    const text = fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(text, { minLength: 1, maxLength: 3 }),
        fc.array(text, { minLength: 3, maxLength: 3 }),
        async (priorities, labels) => {
          const r = await report(`prop-${n++}`, withPriorities(priorities, labels));
          if (r.code === 1) return; // a blank label or priority is a validation error, not a crash
          expect(r.code).toBe(0);
          expectExcelClean(r.out);
        }
      ),
      { numRuns: 4, seed: Number(process.env.CDRP_SEED ?? 8), endOnFailure: true }
    );
  });
});
