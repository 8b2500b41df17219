/**
 * The review of issue 7: what Microsoft's documentation says real Excel does, under each platform
 * profile. Each test failed against the host as it was (mergeUndoGroup on every run, Text-format
 * text, one unbounded read, ChartAxis.numberFormat everywhere, a swallowed clean-up failure).
 */
import { FakeExcel } from "../fake-excel";
import { ALL_PROFILES, PROFILES, PlatformProfile } from "../fake-excel/profiles";
import {
  HostError,
  READ_CELLS_PER_SYNC,
  capabilityLimits,
  checkWorkbook,
  describeError,
  detectCapabilities,
  generateReport,
  readWorkbook,
  runExcel,
  typedValuesState,
} from "../../src/excel";
import { excelPaneHost } from "../../src/taskpane/pane-host";
import { Cell, DataSheet, sampleWorkbook } from "../../src/workbook";
import { sampleCopy, sheet } from "../support/workbooks";
import { bigMonthlySample } from "../support/big-workbook";

const FOUR_MB = 4 * 1024 * 1024;
/** The person agreed that generating may clear Undo (asked in the pane; see round-two.test.ts). */
const AGREED = { undoLossConfirmed: true };
let restore: (() => void) | null = null;

function installed(profile: PlatformProfile, sheets: DataSheet[] = sampleWorkbook()): FakeExcel {
  restore?.();
  const fake = new FakeExcel({ currentYear: 2010, profile }).seed(sheets);
  restore = fake.install();
  return fake;
}

afterEach(() => {
  restore?.();
  restore = null;
});

async function errorOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a failure");
}

const bigMonthly = bigMonthlySample;

describe.each(ALL_PROFILES)("$label", (profile) => {
  const grouped = profile.sets.ExcelApi === "1.21";

  it("1. generates and regenerates as the pane runs it: no undo group around a sheet delete or rename", async () => {
    const fake = installed(profile);
    expect((await runExcel((ctx) => generateReport(ctx, undefined, AGREED))).status).toBe(
      "written"
    );
    // Replacing deletes the previous report: asked first, then done.
    expect((await runExcel(generateReport)).status).toBe("confirm");
    const again = await runExcel((ctx) => generateReport(ctx, undefined, AGREED));
    expect(again.status).toBe("written");
    expect(fake.sheetNames()).toContain("Summary");
  });

  it("1. inserts the sample as one Undo step where ExcelApi 1.20 groups it, and still inserts it elsewhere", async () => {
    const fake = installed(profile, []).seed([{ name: "Sheet1", rows: [] }]);
    await excelPaneHost.insertSample();
    expect(fake.sheetNames()).toContain("Monthly");
    if (grouped) expect(fake.undoSteps).toBe(1); // the read and the write, one Undo
  });

  it("1. says which unfinished sheets are left when the clean-up after a failure fails too", async () => {
    const fake = installed(profile);
    expect((await runExcel((ctx) => generateReport(ctx, undefined, AGREED))).status).toBe(
      "written"
    );
    fake.failOn((op) => op.type === "ChartCollection" && op.name === "add", "InvalidArgument");
    fake.failOn((op) => op.type === "Worksheet" && op.name === "delete", "InvalidArgument");
    const e = await errorOf(runExcel((ctx) => generateReport(ctx, undefined, AGREED)));
    expect(e).toBeInstanceOf(HostError);
    const p = describeError(e);
    expect(p.title).toBe("The report was not finished");
    expect(p.message).toContain('"CDRP working 1"');
    expect(fake.sheetNames()).toContain("CDRP working 1");
  });

  it("2. keeps text as text by a documented mechanism where there is one", async () => {
    const sheets = sampleCopy();
    const name = '=HYPERLINK("x")';
    (sheet(sheets, "Settings").rows[0] as Cell[])[1] = name;
    for (const s of ["Peers", "Referrals"]) {
      const t = sheet(sheets, s);
      const col = t.columns.findIndex((c) => c.header === (s === "Peers" ? "Partnership" : "Area"));
      for (const row of t.rows) if (row[col] === "South Cambridgeshire") row[col] = name;
    }
    const fake = installed(profile, sheets);
    expect((await generateReport(fake.context, undefined, AGREED)).status).toBe("written");
    expect(fake.formulaLog).toEqual([]);
    expect(fake.sheet("Summary").cell("A1").value).toBe(`${name} Performance Summary, Q1 2010-11`);
    // valuesAsJson where the host has it and it works (not Excel 2019, not Excel 2021 retail).
    expect(typedValuesState() === "works").toBe(!profile.textFormatKeepsText);
  });

  it("3. reads a 150,000-row table in syncs under the cell budget, no response over 4 MB", async () => {
    const fake = installed(profile, bigMonthly(150_000));
    const info = await readWorkbook(fake.context);
    const monthly = info.snapshot.tables.find((t) => t.name === "Monthly");
    expect(monthly?.rows.length).toBeGreaterThanOrEqual(150_001);
    expect(info.readSyncs).toBeGreaterThan(2);
    expect(fake.maxResponseBytes).toBeLessThan(FOUR_MB);
  }, 60_000);

  it("3. reads again in halves when Excel refuses a response, and says so when even a row is too much", async () => {
    const small = new FakeExcel({ currentYear: 2010, profile, responseLimitBytes: 400_000 });
    small.seed(bigMonthly(20_000));
    const info = await readWorkbook(small.context);
    expect(info.snapshot.tables.find((t) => t.name === "Monthly")?.rows.length).toBeGreaterThan(
      20_000
    );
    // One row alone is larger than the limit: no split can help, and the sentence says where.
    const tiny = new FakeExcel({ currentYear: 2010, profile, responseLimitBytes: 4_000 });
    const sheets = bigMonthly(10);
    (sheet(sheets, "Monthly").rows[3] as Cell[])[0] = "x".repeat(6_000);
    tiny.seed(sheets);
    const e = await errorOf(checkWorkbook(tiny.context));
    expect(describeError(e).code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(describeError(e).title).toBe("A table is too large for Excel to hand over");
    expect(describeError(e).message).toContain('"Monthly"');
  });

  it("3. turns values that come back null (a get over Excel's cell limit) into a sentence", async () => {
    const fake = new FakeExcel({ currentYear: 2010, profile, getCellLimit: 50 });
    fake.seed(sampleWorkbook());
    const e = await errorOf(checkWorkbook(fake.context));
    expect(describeError(e).title).toBe("A table is too large for Excel to hand over");
    expect(describeError(e).message).toMatch(/"(Settings|Measures|Monthly|Peers|MARAC|Referrals)"/);
  });

  it("3. reads a blank sheet named like a contract table as no data (getUsedRange gives A1)", async () => {
    const sheets = sampleCopy().filter((x) => x.name !== "MARAC");
    sheets.push({ name: "MARAC", table: null, columns: [], rows: [] });
    const fake = installed(profile, sheets);
    const info = await readWorkbook(fake.context);
    expect(info.snapshot.sheets.map((g) => g.name)).not.toContain("MARAC");
    expect(info.readSyncs).toBe(2);
  });

  it("6. degrades what this platform lacks with a sentence, never an exception", async () => {
    const fake = installed(profile);
    const caps = detectCapabilities();
    expect(caps.undoGroup).toBe(grouped);
    const r = await generateReport(fake.context, undefined, AGREED);
    expect(r.status === "written" && r.notes).toEqual(capabilityLimits(caps, "generate"));
    const limits = capabilityLimits(caps);
    // Excel 2019 (ExcelApi 1.7): no axis formats (1.8), no page layout (1.9), no typed values
    // (1.16), no undo groups (1.20). Excel 2021 retail: valuesAsJson broken (issue 4750), no 1.20.
    if (profile.id === "excel2019") expect(limits).toHaveLength(4);
    else if (profile.id === "excel2021retail") expect(limits).toHaveLength(2);
    else expect(limits).toEqual([]);
  });
});

describe("4. every documented code the host can meet has its own sentence", () => {
  const DOCUMENTED = [
    "UndoNotSupported",
    "RequestPayloadSizeLimitExceeded",
    "ResponsePayloadSizeLimitExceeded",
    "RangeExceedsLimit",
    "InvalidOperation",
    "InvalidOperationInCellEditMode",
    "AccessDenied",
    "ItemNotFound",
    "ApiNotFound",
  ];
  it.each(DOCUMENTED)("%s", (code) => {
    const p = describeError({ code, message: "x" });
    expect(p.code).toBe(code);
    expect(p.title).not.toBe("Excel could not complete the change");
    expect(p.message).not.toContain("x Try again");
  });
  it("has no sentence for PayloadTooLarge, which is not an Office code", () => {
    expect(describeError({ code: "PayloadTooLarge", message: "x" }).title).toBe(
      "Excel could not complete the change"
    );
  });
});

describe("6. requirement sets", () => {
  it("the fake refuses members above the profile, as Excel's ApiNotFound", async () => {
    const fake = new FakeExcel({ profile: PROFILES.excel2019 });
    fake.seed([{ name: "Sheet1", rows: [] }]);
    const ctx = fake.context;
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").valuesAsJson = [
      [{ type: "String", basicValue: "x" }],
    ];
    expect(describeError(await errorOf(ctx.sync())).code).toBe("ApiNotFound");
    expect(READ_CELLS_PER_SYNC).toBeLessThan(5_000_000);
  });
});
