/**
 * The Office.js host against the in-memory Excel fake, under each platform profile (web, Windows,
 * Mac, Excel 2019): sync budgets, the marking and replacing of generated sheets, failures
 * mid-generation, protection, cell-edit mode, and text kept literal.
 */
import { CellView, FakeExcel } from "../fake-excel";
import { ALL_PROFILES, PlatformProfile } from "../fake-excel/profiles";
import {
  checkWorkbook,
  describeError,
  generateReport,
  goToCell,
  HostError,
  insertDataSheets,
  MAX_REQUEST_BYTES,
  readWorkbook,
  runExcel,
} from "../../src/excel";
import {
  DataSheet,
  REPORT_MARKER,
  a1,
  parseA1,
  sampleWorkbook,
  templateWorkbook,
} from "../../src/workbook";
import { sampleCopy, sheet } from "../support/workbooks";
import { tenTimesSample } from "../support/big-workbook";

/** The person agreed that generating may clear Undo (asked in the pane; see round-two.test.ts). */
const AGREED = { undoLossConfirmed: true };

const DATA_SHEETS = [
  "Settings",
  "Measures",
  "Monthly",
  "Peers",
  "MARAC",
  "Referrals",
  "About this sample",
];
const REPORT = ["Summary", "Priority 1", "Domestic Abuse"];

let profile: PlatformProfile = ALL_PROFILES[0] as PlatformProfile;
let restore: (() => void) | null = null;

/** A fake under the current profile, installed so that isSetSupported answers as it would. */
function fakeWith(sheets: DataSheet[] = sampleWorkbook()): FakeExcel {
  restore?.();
  const fake = new FakeExcel({ currentYear: 2010, profile }).seed(sheets);
  restore = fake.install();
  return fake;
}

afterEach(() => {
  restore?.();
  restore = null;
});

/** Every cell of a sheet's used range: value, formula, number format and style. */
function cellsOf(fake: FakeExcel, name: string): Record<string, CellView> {
  const view = fake.sheet(name);
  const used = view.usedRange(false);
  const out: Record<string, CellView> = {};
  if (!used) return out;
  const [from, to] = (used.split("!").pop() as string).split(":");
  const a = parseA1(from as string);
  const b = parseA1((to ?? from) as string);
  for (let r = a.row; r <= b.row; r++)
    for (let c = a.col; c <= b.col; c++) out[a1(r, c)] = view.cell(a1(r, c));
  return out;
}

/** Every value and format of the data sheets, to prove they are never changed. */
function dataState(fake: FakeExcel): string {
  return JSON.stringify(
    DATA_SHEETS.filter((n) => fake.sheetNames().includes(n)).map((n) => cellsOf(fake, n))
  );
}

async function errorOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a failure");
}

describe.each(ALL_PROFILES)("$label", (p) => {
  beforeAll(() => (profile = p));

  describe("checking the workbook", () => {
    it("reads every table in at most 2 syncs and finds no problem in the sample", async () => {
      const fake = fakeWith();
      const r = await checkWorkbook(fake.context);
      expect(fake.syncCount).toBeLessThanOrEqual(2);
      expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
      expect(r.ok).toBe(true);
      expect(r.model?.measures.find((m) => m.id === "DWELLING_BURGLARY")).toMatchObject({
        current: 105,
        baseline: 91,
        status: "red",
      });
    });
    it("stays within 2 syncs for a workbook ten times the sample", async () => {
      const fake = fakeWith(tenTimesSample());
      const r = await checkWorkbook(fake.context);
      expect(r.ok).toBe(true);
      expect(fake.syncCount).toBeLessThanOrEqual(2);
    });
    it("reads a text count and an error value as they are, and names their cells", async () => {
      const sheets = sampleCopy();
      const monthly = sheet(sheets, "Monthly");
      (monthly.rows[0] as unknown[])[2] = "thirty";
      (monthly.rows[1] as unknown[])[2] = { error: "#REF!" };
      const r = await checkWorkbook(fakeWith(sheets).context);
      expect(r.ok).toBe(false);
      expect(r.issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: "COUNT_NOT_NUMBER", sheet: "Monthly", cell: "C2" }),
          expect.objectContaining({ code: "CELL_ERROR", sheet: "Monthly", cell: "C3" }),
        ])
      );
    });
    it("does not read a table's totals row as data", async () => {
      const sheets = sampleCopy();
      const monthly = sheet(sheets, "Monthly");
      const total = monthly.rows.reduce((n, r) => n + (typeof r[2] === "number" ? r[2] : 0), 0);
      monthly.rows.push(["Total", null, total]);
      const fake = fakeWith(sheets);
      const table = fake.wb.tables.find((t) => t.name === "Monthly");
      expect(table).toBeDefined();
      table!.showTotals = true; // its range's last row, "Total", is now the totals row
      const r = await checkWorkbook(fake.context);
      expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
      expect(r.model?.measures.find((m) => m.id === "DWELLING_BURGLARY")?.current).toBe(105);
      expect(fake.syncCount).toBeLessThanOrEqual(2);
    });
    it("says an empty workbook is empty, so the pane can offer the template and the sample", async () => {
      const fake = fakeWith([]).seed([{ name: "Sheet1", rows: [] }]);
      const r = await checkWorkbook(fake.context);
      expect(r.empty).toBe(true);
      expect(r.ok).toBe(false);
    });
    it("never changes the workbook", async () => {
      const fake = fakeWith();
      const before = dataState(fake);
      expect(Object.keys(cellsOf(fake, "Monthly")).length).toBeGreaterThan(200);
      await checkWorkbook(fake.context);
      expect(dataState(fake)).toBe(before);
    });
  });

  describe("generating the report", () => {
    it("writes the report sheets with charts in at most 4 syncs, every request under 4 MB", async () => {
      const fake = fakeWith();
      const before = dataState(fake);
      const r = await generateReport(fake.context, undefined, AGREED);
      expect(r.status).toBe("written");
      expect(fake.syncCount).toBeLessThanOrEqual(4);
      expect(fake.maxRequestBytes).toBeLessThan(MAX_REQUEST_BYTES);
      expect(fake.sheetNames()).toEqual([...DATA_SHEETS, ...REPORT]);
      expect(dataState(fake)).toBe(before);
      const summary = fake.sheet("Summary");
      expect(summary.cell("A1").value).toBe("South Cambridgeshire Performance Summary, Q1 2010-11");
      expect(summary.cell("D5")).toMatchObject({ value: 105, numberFormat: "#,##0" });
      expect(summary.cell("J5")).toMatchObject({ value: "Worse position" });
      expect(summary.cell("J5").style.fill?.toUpperCase()).toBe("#FFC7CE");
      const charts = fake.sheet("Priority 1").charts();
      expect(charts).toHaveLength(9); // per measure: trend, XmR, position
      const xmr = charts.filter((c) => c.series.some((s) => s.name === "Upper process limit"));
      expect(xmr.map((c) => c.from)).toEqual(["A25", "A86", "A147"]);
      expect(xmr[0]!.series.map((s) => [s.name, s.lineStyle])).toEqual([
        ["Dwelling Burglary", "Continuous"],
        ["Mean", "Continuous"],
        ["Lower process limit", "Dash"],
        ["Upper process limit", "Dash"],
        ["Special cause: concerning", "None"],
      ]);
      // December 2009, the 21st month from April 2008, is above the upper limit: concerning, an
      // orange marker of a series of its own, blank at every other month; no per-point colours.
      const special = xmr[0]!.series[4]!;
      expect(special).toMatchObject({ markerStyle: "Circle", markerColor: "#E46C0A" });
      expect(xmr[0]!.series.every((s) => s.pointMarkers === undefined)).toBe(true);
      const p1 = fake.sheet("Priority 1");
      const cells = (ref: string) => p1.values(ref.replace(/^.*!/, "").replace(/\$/g, "")).flat();
      const marked = cells(special.values!).flatMap((v, i) => (v === null ? [] : [i]));
      expect(marked).toEqual([20]);
      expect(cells(special.values!)[20]).toBe(cells(xmr[0]!.series[0]!.values!)[20]);
      const incidents = fake.sheet("Domestic Abuse").charts();
      expect(incidents.map((c) => c.series.map((s) => s.name))).toEqual([
        [
          "Police domestic abuse incidents",
          "Mean",
          "Lower process limit",
          "Upper process limit",
          "Special cause: improving",
          "Special cause: concerning",
        ],
      ]);
      const position = charts.find((c) => c.series.some((s) => s.chartType === "ColumnClustered"))!;
      expect(position.series.map((s) => s.chartType)).toEqual(["ColumnClustered", "Line"]);
      expect(Object.values(position.series[0]!.pointColors)).toHaveLength(1);
      expect(position.series[1]!.name).toBe("MSG mean");
      for (const name of REPORT)
        expect(
          fake
            .sheet(name)
            .names()
            .map((n) => n.name)
        ).toContain(REPORT_MARKER);
      expect(fake.formulaLog).toEqual([]);
      expect(fake.activeSheet).toBe("Summary");
    });

    it("stays within 4 syncs and 4 MB per request for a workbook ten times the sample", async () => {
      const fake = fakeWith(tenTimesSample());
      const r = await generateReport(fake.context, undefined, AGREED);
      expect(r.status).toBe("written");
      expect(fake.syncCount).toBeLessThanOrEqual(4);
      expect(fake.maxRequestBytes).toBeLessThan(MAX_REQUEST_BYTES);
    });

    it("replaces its own sheets on the next run and leaves a user's sheet of the same name alone", async () => {
      const sheets = sampleWorkbook();
      sheets.push({
        name: "Priority 1",
        table: null,
        columns: [{ header: "My notes", width: 20, kind: "text" }],
        rows: [["keep me"]],
      });
      const fake = fakeWith(sheets);
      await generateReport(fake.context, undefined, AGREED);
      const first = fake.sheetNames();
      expect(first).toContain("Priority 1 (2)");
      fake.sheet("Summary"); // the first report is there
      const asked = await generateReport(fake.context);
      expect(asked).toEqual({
        status: "confirm",
        reason: "replace",
        replace: ["Summary", "Priority 1 (2)", "Domestic Abuse"],
      });
      const r = await generateReport(fake.context, undefined, AGREED);
      expect(r.status).toBe("written");
      expect(fake.sheetNames()).toEqual(first);
      expect(fake.sheet("Priority 1").cell("A2").value).toBe("keep me");
      expect(fake.sheet("Priority 1").names()).toEqual([]);
    });

    it("writes nothing when the workbook has errors", async () => {
      const sheets = sampleCopy();
      (sheet(sheets, "Monthly").rows[0] as unknown[])[2] = -4;
      const fake = fakeWith(sheets);
      const r = await generateReport(fake.context, undefined, AGREED);
      expect(r.status).toBe("invalid");
      expect(fake.sheetNames()).toEqual(DATA_SHEETS);
      expect(fake.syncCount).toBeLessThanOrEqual(2);
    });

    it("leaves no half report when a write fails in the middle, and keeps the previous report", async () => {
      const fake = fakeWith();
      await generateReport(fake.context, undefined, AGREED);
      const previous = cellsOf(fake, "Summary");
      const before = dataState(fake);
      fake.failOn((op) => op.type === "ChartCollection" && op.name === "add", "GeneralException");
      const e = await errorOf(generateReport(fake.context, undefined, AGREED));
      expect(describeError(e).title).toBe("Excel reported an internal error");
      expect(fake.sheetNames()).toEqual([...DATA_SHEETS, ...REPORT]);
      expect(cellsOf(fake, "Summary")).toEqual(previous);
      expect(dataState(fake)).toBe(before);
    });

    it("leaves no half report when the first write sync fails", async () => {
      const fake = fakeWith();
      fake.failOnSync(3, "GeneralException");
      await errorOf(generateReport(fake.context, undefined, AGREED));
      expect(fake.sheetNames()).toEqual(DATA_SHEETS);
    });

    it("says what to do when a previous report sheet is protected, and writes nothing", async () => {
      const fake = fakeWith();
      await generateReport(fake.context, undefined, AGREED);
      fake.protectSheet("Summary");
      const names = fake.sheetNames();
      const e = await errorOf(generateReport(fake.context, undefined, AGREED));
      expect(e).toBeInstanceOf(HostError);
      expect(describeError(e).message).toContain('"Summary"');
      expect(describeError(e).message).toContain("Unprotect");
      expect(fake.sheetNames()).toEqual(names);
    });

    it("says what to do when the workbook's structure is protected", async () => {
      const fake = fakeWith();
      fake.protectStructure();
      const e = await errorOf(generateReport(fake.context, undefined, AGREED));
      expect(describeError(e).title).toBe("The workbook's structure is protected");
      expect(fake.sheetNames()).toEqual(DATA_SHEETS);
    });

    it("turns cell-edit mode into a sentence, and waits instead when run with delayForCellEdit", async () => {
      const fake = fakeWith();
      fake.cellEditMode = true;
      const e = await errorOf(fake.run((ctx) => generateReport(ctx)));
      expect(describeError(e)).toMatchObject({
        code: "InvalidOperationInCellEditMode",
        title: "Excel is editing a cell",
      });
      const restore = fake.install();
      try {
        const r = await runExcel((ctx) => generateReport(ctx, undefined, AGREED));
        expect(r.status).toBe("written");
      } finally {
        restore();
      }
    });

    it("keeps text literal: a partnership named like a formula and labels like 2009-10", async () => {
      const name = '=HYPERLINK("x")';
      const sheets = sampleCopy();
      (sheet(sheets, "Settings").rows[0] as unknown[])[1] = name;
      for (const s of ["Peers", "Referrals"]) {
        const t = sheet(sheets, s);
        const col = t.columns.findIndex(
          (c) => c.header === (s === "Peers" ? "Partnership" : "Area")
        );
        for (const row of t.rows) if (row[col] === "South Cambridgeshire") row[col] = name;
      }
      const fake = fakeWith(sheets);
      const r = await generateReport(fake.context, undefined, AGREED);
      expect(r.status).toBe("written");
      expect(fake.formulaLog).toEqual([]);
      expect(fake.sheet("Summary").cell("A1").value).toBe(
        `${name} Performance Summary, Q1 2010-11`
      );
      const labels = Object.values(cellsOf(fake, "Domestic Abuse")).map((c) => c.value);
      expect(labels).toContain("2009-10");
      expect(labels).toContain("Q1 2010-11");
    });
  });

  describe("template, sample and going to a cell", () => {
    it("inserts the sample as Excel tables that pass the check", async () => {
      const fake = fakeWith([]).seed([{ name: "Sheet1", rows: [] }]);
      const names = await insertDataSheets(fake.context, sampleWorkbook());
      expect(names).toEqual(DATA_SHEETS);
      expect(fake.tables().map((t) => t.name)).toEqual([
        "Settings",
        "Measures",
        "Monthly",
        "Peers",
        "MARAC",
        "Referrals",
      ]);
      expect(fake.formulaLog).toEqual([]);
      expect(fake.sheet("Settings").cell("B4").value).toBe("2008-09");
      const r = await checkWorkbook(fake.context);
      expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    });
    it("refuses to write over existing sheets, and writes nothing", async () => {
      const fake = fakeWith();
      const before = fake.sheetNames();
      const e = await errorOf(insertDataSheets(fake.context, templateWorkbook()));
      expect(describeError(e).message).toContain('"Settings"');
      expect(fake.sheetNames()).toEqual(before);
    });
    it("activates the sheet and selects the cell of an issue", async () => {
      const fake = fakeWith();
      await goToCell(fake.context, "Monthly", "C7");
      expect(fake.activeSheet).toBe("Monthly");
      expect(fake.selection).toBe("Monthly!C7");
      const e = await errorOf(goToCell(fake.context, "Gone", "A1"));
      expect(describeError(e).title).toBe("That sheet is no longer there");
    });
    it("reads markers and protection in the first sync", async () => {
      const fake = fakeWith();
      await generateReport(fake.context, undefined, AGREED);
      fake.protectSheet("Monthly");
      const info = await readWorkbook(fake.context);
      expect(info.snapshot.reportSheets).toEqual(REPORT);
      expect([...info.protectedSheets]).toEqual(["Monthly"]);
    });
  });
});
