/**
 * The report's pages in Excel (the fake, under each platform profile): the plan's page setup goes
 * through Worksheet.pageLayout and horizontalPageBreaks where Excel has ExcelApi 1.9, every printed
 * row gets an explicit height on every platform, and Excel 2019 (ExcelApi 1.7) gets the report
 * without page setup and a sentence saying what to set by hand.
 */
import { FakeExcel } from "../fake-excel";
import { ALL_PROFILES } from "../fake-excel/profiles";
import { MAX_REQUEST_BYTES, capabilityLimits, detectCapabilities, generateReport } from "../../src/excel";
import { DataSheet, columnLetter, sampleWorkbook } from "../../src/workbook";
import { longLabelSample, tenTimesSample } from "../support/big-workbook";

const SHAPES: [string, () => DataSheet[]][] = [
  ["the sample", sampleWorkbook],
  ["ten times the sample", tenTimesSample],
  ["very long labels", longLabelSample],
];

describe.each(ALL_PROFILES)("$label", (profile) => {
  let restore: (() => void) | null = null;
  afterEach(() => {
    restore?.();
    restore = null;
  });
  async function generated(sheets: DataSheet[]) {
    const fake = new FakeExcel({ currentYear: 2010, profile }).seed(sheets);
    restore = fake.install();
    const caps = detectCapabilities();
    const r = await generateReport(fake.context, caps, { undoLossConfirmed: true });
    if (r.status !== "written") throw new Error("the report was not written");
    return { fake, r, caps };
  }

  it.each(SHAPES)("prints %s as planned, within the sync and request budgets", async (_, data) => {
    const { fake, r, caps } = await generated(data());
    expect(fake.syncCount).toBeLessThanOrEqual(4);
    expect(fake.maxRequestBytes).toBeLessThan(MAX_REQUEST_BYTES);
    const has19 = profile.id !== "excel2019";
    expect(caps.pageLayout).toBe(has19);
    for (const sheet of r.plan.sheets) {
      const view = fake.sheet(sheet.name);
      // Every printed row has a height from the add-in: Excel fits no row to its text afterwards.
      const explicit = view.explicitRowHeights();
      const planned = new Map(sheet.rowHeights.map((h) => [h.row + 1, h.height]));
      for (let row = 1; row <= sheet.page.lastRow + 1; row++)
        expect({ sheet: sheet.name, row, height: explicit.get(row) }).toEqual({
          sheet: sheet.name,
          row,
          height: planned.get(row) ?? sheet.page.defaultRowHeight,
        });
      const page = view.page();
      if (!has19) {
        expect(page.horizontalBreaks).toEqual([]);
        expect(page.paperSize).toBe("Letter"); // untouched: the sentence below says what to set
        continue;
      }
      expect(page).toMatchObject({
        paperSize: "A4",
        orientation: sheet.page.orientation === "portrait" ? "Portrait" : "Landscape",
        zoom: { horizontalFitToPages: 1 },
        headerFooterState: "Default",
        margins: { leftMargin: 50.4, rightMargin: 50.4, topMargin: 54, bottomMargin: 54, headerMargin: 21.6, footerMargin: 21.6 },
      });
      expect(page.zoom.verticalFitToPages).toBeUndefined();
      expect(page.printArea).toEqual({ r0: 0, c0: 0, r1: sheet.page.lastRow, c1: sheet.page.lastCol });
      expect(page.horizontalBreaks).toEqual(sheet.page.rowBreaks);
      expect(page.printTitleRows).toEqual(sheet.page.printTitleRows);
      expect(page.defaultForAllPages).toEqual({
        leftHeader: "South Cambridgeshire",
        centerHeader: "&BOFFICIAL-SENSITIVE&B",
        rightHeader: "Q1 2010-11",
        leftFooter: "&A",
        centerFooter: "&BOFFICIAL-SENSITIVE&B",
        rightFooter: "Page &P of &N",
      });
      expect(columnLetter(sheet.page.lastCol)).toMatch(/^[A-Z]$/);
    }
    expect(r.notes).toEqual(capabilityLimits(caps, "generate"));
    const said = (r.notes ?? []).some((n) => n.includes("cannot set page layout"));
    expect(said).toBe(!has19);
  });
});

describe("a Summary whose table runs over a page", () => {
  it("repeats its heading row at the top of each page (setPrintTitleRows, whole rows)", async () => {
    const fake = new FakeExcel({ currentYear: 2010, profile: "web" }).seed(tenTimesSample());
    const restore = fake.install();
    try {
      const r = await generateReport(fake.context, detectCapabilities(), { undoLossConfirmed: true });
      if (r.status !== "written") throw new Error("not written");
      const summary = r.plan.sheets[0]!;
      expect(summary.page.rowBreaks.length).toBeGreaterThan(0);
      expect(summary.page.printTitleRows).toEqual({ first: 3, last: 3 });
      expect(fake.sheet("Summary").page().printTitleRows).toEqual({ first: 3, last: 3 });
    } finally {
      restore();
    }
  });
});
