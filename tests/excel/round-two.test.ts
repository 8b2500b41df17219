/**
 * The review of issue 16 ("Excel as documented, round two"): each finding under every platform
 * profile, as the pane runs it. Each test failed against the host as it was (the import's
 * Range.values, valuesAsJson without a fallback, an unbounded read of a peer sheet, writes over
 * 5 MB at about 17x, a first report that cleared Undo, a very hidden sheet, long series names).
 */
import { FakeExcel } from "../fake-excel";
import { ALL_PROFILES, PlatformProfile } from "../fake-excel/profiles";
import {
  HostError,
  MAX_REQUEST_BYTES,
  capabilityLimits,
  describeError,
  detectCapabilities,
  generateReport,
  runExcel,
  typedValuesState,
} from "../../src/excel";
import { importIntoWorkbook, readSheetCells } from "../../src/excel/import";
import { MAX_SERIES_NAME } from "../../src/excel/charts";
import { excelPaneHost } from "../../src/taskpane/pane-host";
import { Cell, REPORT_MARKER, sampleWorkbook, templateWorkbook } from "../../src/workbook";
import { PoliceCsvReader, PoliceTally, buildPoliceImport } from "../../src/workbook/import";
import { loadGeography } from "../../src/cli/geography";
import { Row, policeCsv } from "../support/police-csv";
import { bigPoliceImport } from "../support/big-import";
import { timesSample } from "../support/big-workbook";
import { sampleCopy, sheet } from "../support/workbooks";

const geo = loadGeography();
const FORCE = "Cambridgeshire Constabulary";
/** Text Range.values would store as a formula: here a crime type, as police.uk could name one. */
const FORMULA_LIKE = "=HYPERLINK(1)";
const DISTRICTS = ["South Cambridgeshire", "Cambridge", "East Cambridgeshire"];
const population = new Map(DISTRICTS.map((d, i) => [d, 100_000 + i * 1_000]));
const TEXT_NOTE = capabilityLimits(
  {
    axisNumberFormat: true,
    pageLayout: true,
    typedValues: false,
    undoGroup: true,
    chartLayout: true,
    bubbleScale: true,
  },
  "generate"
);

/** The person agreed that generating may clear Undo (the pane asks: "5." below). */
const AGREED = { undoLossConfirmed: true };

let restore: (() => void) | null = null;
function installed(profile: PlatformProfile, sheets: Parameters<FakeExcel["seed"]>[0]): FakeExcel {
  restore?.();
  const fake = new FakeExcel({ currentYear: 2023, profile }).seed(sheets);
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

/** police.uk rows for 15 months of three districts, one crime type named like a formula. */
function tally(): PoliceTally {
  const t = new PoliceTally();
  for (let k = 0; k < 15; k++) {
    const key = 2021 * 12 + 3 + k;
    const m = `${Math.floor(key / 12)}-${String((key % 12) + 1).padStart(2, "0")}`;
    const rows: Row[] = DISTRICTS.flatMap((d, di) => [
      ...Array.from({ length: di + 1 + (k % 2) }, () => ({
        month: m,
        force: FORCE,
        lsoa: `${d} 001A`,
        type: "Burglary",
      })),
      { month: m, force: FORCE, lsoa: `${d} 002A`, type: FORMULA_LIKE },
    ]);
    const path = `${m}/${m}-cambridgeshire-street.csv`;
    t.beginFile(path);
    const reader = new PoliceCsvReader(path, t.row);
    reader.push(policeCsv(rows));
    reader.end();
    t.endFile();
  }
  return t;
}

/** Every write request's estimate is at least what was sent (the last requests are the writes). */
function expectUpperBounds(fake: FakeExcel, estimates: readonly number[]): void {
  const sent = fake.requestBytes.slice(-estimates.length);
  sent.forEach((bytes, i) => expect(bytes).toBeLessThanOrEqual(estimates[i] as number));
}

describe.each(ALL_PROFILES)("$label", (profile) => {
  it("1. the pane's import writes a crime type named like a formula as text, never a formula", async () => {
    const fake = installed(profile, templateWorkbook());
    const imp = buildPoliceImport(tally(), geo, {
      partnership: "South Cambridgeshire",
      peers: DISTRICTS,
      population,
    });
    const r = await runExcel((ctx) => importIntoWorkbook(ctx, imp));
    expect(r.tables).toContain("Measures");
    expect(fake.formulaLog).toEqual([]);
    const labels = fake.sheet("Measures").values("A1:B20").flat();
    expect(labels).toContain(FORMULA_LIKE);
    expect(fake.sheet("Peers").values("A1:C200").flat()).toContain("Cambridge");
  });

  it("2. generate, the sample, the template and the import end complete, text kept, whatever valuesAsJson does", async () => {
    const sheets = sampleCopy();
    (sheet(sheets, "Settings").rows[0] as Cell[])[1] = FORMULA_LIKE;
    for (const [s, header] of [
      ["Peers", "Partnership"],
      ["Referrals", "Area"],
    ] as const) {
      const t = sheet(sheets, s);
      const col = t.columns.findIndex((c) => c.header === header);
      for (const row of t.rows) if (row[col] === "South Cambridgeshire") row[col] = FORMULA_LIKE;
    }
    let fake = installed(profile, sheets);
    const r = await runExcel((ctx) => generateReport(ctx, undefined, AGREED));
    expect(r.status).toBe("written");
    expect(fake.formulaLog).toEqual([]);
    expect(fake.sheet("Summary").cell("A1").value).toBe(
      `${FORMULA_LIKE} Performance Summary, Q1 2010-11`
    );
    const broken = profile.brokenMembers["Range.valuesAsJson"] !== undefined;
    expect(typedValuesState()).toBe(
      broken ? "broken" : detectCapabilities().typedValues ? "works" : "unknown"
    );
    // The note older Excel gets, exactly when text went the older way.
    const notes = r.status === "written" ? (r.notes ?? []) : [];
    expect(notes.some((n) => TEXT_NOTE.includes(n))).toBe(
      !detectCapabilities().typedValues || broken
    );
    // The rest of the session goes the way that works, without failing first.
    const before = fake.syncCount;
    const again = await runExcel((ctx) => generateReport(ctx, undefined, AGREED));
    expect(again.status).toBe("written");
    expect(fake.syncCount - before).toBeLessThanOrEqual(4);

    fake = installed(profile, [{ name: "Sheet1", table: null, columns: [], rows: [] }]);
    expect(await excelPaneHost.insertSample()).toContain("Monthly");
    expect(fake.formulaLog).toEqual([]);
    expect(fake.sheet("Settings").cell("B4").value).toBe("2008-09");
    expect((await excelPaneHost.check()).ok).toBe(true);

    fake = installed(profile, [{ name: "Sheet1", table: null, columns: [], rows: [] }]);
    expect(await excelPaneHost.insertTemplate()).toContain("Settings");
    const imp = buildPoliceImport(tally(), geo, {
      partnership: "South Cambridgeshire",
      peers: DISTRICTS,
      population,
    });
    await runExcel((ctx) => importIntoWorkbook(ctx, imp));
    expect(fake.formulaLog).toEqual([]);
    expect((await excelPaneHost.check()).ok).toBe(true);
  });

  it("3. the import's peer sheet is read in bounded pieces, and values Excel sends as null give a sentence", async () => {
    const rows: Cell[][] = Array.from({ length: 60_000 }, (_, i) => [`Area ${i}`, 100_000 + i]);
    const fake = installed(profile, [
      { name: "Populations", rows: [["Area", "Population"], ...rows] },
    ]);
    const cells = await runExcel((ctx) => readSheetCells(ctx, "Populations"));
    expect(cells).toHaveLength(60_001);
    expect(cells[60_000]).toEqual(["Area 59999", 159_999]);
    expect(fake.maxResponseBytes).toBeLessThan(MAX_REQUEST_BYTES);

    const small = new FakeExcel({ profile, getCellLimit: 50 }).seed([
      { name: "Peers list", rows: Array.from({ length: 40 }, (_, i) => [`Area ${i}`, "x"]) },
    ]);
    const e = await errorOf(readSheetCells(small.context, "Peers list"));
    expect(e).toBeInstanceOf(HostError);
    expect(describeError(e).message).toContain('"Peers list"');
    // A blank sheet is no rows (getUsedRange gives its top-left cell).
    const blank = new FakeExcel({ profile }).seed([{ name: "Empty", rows: [] }]);
    expect(await readSheetCells(blank.context, "Empty")).toEqual([]);
  });

  it("4. a workbook fifty times the sample: every request under 4 MB, each estimate an upper bound", async () => {
    const fake = installed(profile, timesSample(50));
    const r = await generateReport(fake.context, undefined, AGREED);
    expect(r.status).toBe("written");
    if (r.status !== "written") return;
    expect(fake.maxRequestBytes).toBeLessThan(MAX_REQUEST_BYTES);
    expect(Math.max(...r.requestEstimates)).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expectUpperBounds(fake, r.requestEstimates);
    expect(fake.sheet("Summary").charts().length + fake.sheetNames().length).toBeGreaterThan(0);
    expect(fake.formulaLog).toEqual([]);
  }, 120_000);

  it("4. an import of 150,000 Monthly rows: every request under 4 MB, each estimate an upper bound", async () => {
    const fake = installed(profile, templateWorkbook());
    const imp = bigPoliceImport(150_000, "South Cambridgeshire");
    const r = await importIntoWorkbook(fake.context, imp);
    expect(r.tables).toContain("Monthly");
    expect(fake.maxRequestBytes).toBeLessThan(MAX_REQUEST_BYTES);
    expect(fake.maxResponseBytes).toBeLessThan(MAX_REQUEST_BYTES);
    expectUpperBounds(fake, r.requestEstimates ?? []);
    const monthly = fake.tables().find((t) => t.name === "Monthly");
    expect(monthly?.address).toBe(`Monthly!A1:C${imp.monthly.length + 1}`);
  }, 120_000);

  it("4. an import that fails after some of its requests says what was written, not that nothing was", async () => {
    const fake = installed(profile, templateWorkbook());
    const imp = bigPoliceImport(150_000, "South Cambridgeshire");
    // A cell write well into the Monthly rows, after earlier requests were carried out.
    fake.failOn(
      (op) =>
        op.type === "Range" && op.kind === "set" && /^Monthly!A1[0-9]{5}:/.test(op.address ?? ""),
      "InvalidArgument"
    );
    const e = await errorOf(importIntoWorkbook(fake.context, imp));
    const p = describeError(e);
    expect(p.title).toBe("The import stopped part-way");
    expect(p.message).toContain('"Monthly"');
    expect(p.message).not.toContain("has not been changed");
  }, 120_000);

  it("5. the first report keeps the person's Undo history where Excel keeps it; otherwise, and before replacing a report, it asks and writes nothing until agreed", async () => {
    const fake = installed(profile, sampleWorkbook());
    const keeps = detectCapabilities().undoGroup; // ExcelApi 1.20
    fake.undoSteps = 3; // the person's own edits before generating
    let requests = fake.syncCount;
    const first = await runExcel(generateReport);
    if (keeps) {
      expect(first.status).toBe("written");
      expect(fake.undoSteps).toBeGreaterThan(3);
    } else {
      expect(first).toEqual({ status: "confirm", reason: "no-undo", replace: [] });
      expect(fake.syncCount - requests).toBeLessThanOrEqual(2); // the read only
      expect(fake.undoSteps).toBe(3);
      const agreed = await runExcel((ctx) => generateReport(ctx, undefined, AGREED));
      expect(agreed.status).toBe("written");
      expect(fake.undoSteps).toBe(0); // as the person was told
    }
    const names = fake.sheetNames();
    requests = fake.syncCount;
    const asked = await runExcel(generateReport);
    expect(asked).toEqual({
      status: "confirm",
      reason: "replace",
      replace: ["Summary", "Priority 1", "Domestic Abuse"],
    });
    expect(fake.sheetNames()).toEqual(names);
    expect(fake.syncCount - requests).toBeLessThanOrEqual(2); // the read only
    const r = await runExcel((ctx) => generateReport(ctx, undefined, AGREED));
    expect(r.status).toBe("written");
    expect(fake.sheetNames()).toEqual(names);
  });

  it("5. a first report that fails, when even the clean-up cannot read the workbook, names the sheets it may have left", async () => {
    const fake = installed(profile, sampleWorkbook());
    let failed = false;
    fake.failOn((op) => {
      failed ||= op.type === "ChartCollection" && op.name === "add";
      return failed;
    }, "InvalidArgument");
    fake.failOn(
      (op) => failed && op.type === "WorksheetCollection" && op.kind === "load",
      "InvalidArgument"
    );
    const e = await errorOf(generateReport(fake.context, undefined, AGREED));
    const p = describeError(e);
    expect(p.title).toBe("The report was not finished");
    expect(p.message).toContain('"Summary", "Priority 1", "Domestic Abuse"');
    expect(p.message).not.toContain("CDRP working");
  });

  it("6. replaces a report sheet someone made very hidden (Excel will not delete one as it is)", async () => {
    const fake = installed(profile, sampleWorkbook());
    await generateReport(fake.context, undefined, AGREED);
    const summary = fake.wb.sheets.find((s) => s.name === "Summary");
    if (!summary) throw new Error("no Summary");
    summary.visibility = "VeryHidden";
    const r = await generateReport(fake.context, undefined, AGREED);
    expect(r.status).toBe("written");
    expect(fake.sheetNames().filter((n) => n === "Summary")).toHaveLength(1);
    expect(
      fake
        .sheet("Summary")
        .names()
        .map((n) => n.name)
    ).toContain(REPORT_MARKER);
  });

  it("7. cuts series names to Excel's 255 characters when a measure's label is longer", async () => {
    const sheets = sampleCopy();
    const label = `Dwelling burglary ${"and related offences ".repeat(20)}`.trim();
    expect(label.length).toBeGreaterThan(MAX_SERIES_NAME);
    const measures = sheet(sheets, "Measures");
    (measures.rows[0] as Cell[])[1] = label;
    const fake = installed(profile, sheets);
    const r = await generateReport(fake.context, undefined, AGREED);
    expect(r.status).toBe("written");
    const series = fake.sheetNames().flatMap((n) =>
      fake
        .sheet(n)
        .charts()
        .flatMap((c) => c.series.map((s) => s.name))
    );
    expect(series.some((n) => n.startsWith("Dwelling burglary and related"))).toBe(true);
    for (const n of series) expect(n.length).toBeLessThanOrEqual(MAX_SERIES_NAME);
  });
});

describe("9. every documented code the host can meet has its own sentence", () => {
  it.each([
    "ItemAlreadyExists",
    "GeneralException",
    "MergedRangeConflict",
    "NonBlankCellOffSheet",
    "InactiveWorkbook",
    "MemoryLimitReached",
    "InvalidSelection",
    "FilteredRangeConflict",
    "PivotTableRangeConflict",
    "ActivityLimitReached",
  ])("%s", (code) => {
    const p = describeError({ code, message: "x" });
    expect(p.code).toBe(code);
    expect(p.title).not.toBe("Excel could not complete the change");
  });

  it("6. InvalidOperation (a very hidden sheet, a filter) does not open with cell editing", () => {
    const p = describeError({ code: "InvalidOperation", message: "x" });
    expect(p.message.startsWith("If you are typing")).toBe(false);
    expect(p.message).toMatch(/state Excel will not change/);
  });
});
