/**
 * The fake's page layout and series markers against Microsoft's documentation
 * (tests/fake-excel/README.md, "Page layout (ExcelApi 1.9)"): what Excel takes, what it refuses,
 * and that an Excel without ExcelApi 1.9 has none of it.
 */
import { FakeExcel } from "./fake-excel";

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

function fakeOn(profile: "web" | "excel2019"): FakeExcel {
  return new FakeExcel({ profile }).seed([{ name: "Sheet1", rows: [["a"]] }]);
}

describe("Worksheet.pageLayout and horizontalPageBreaks (excel.pagelayout.yml, excel.pagebreakcollection.yml)", () => {
  it("a new sheet prints as Excel's default: Letter, portrait, Normal margins, 100%, no breaks", () => {
    const page = fakeOn("web").sheet("Sheet1").page();
    expect(page).toMatchObject({ paperSize: "Letter", orientation: "Portrait", zoom: { scale: 100 }, horizontalBreaks: [], printArea: null });
    expect(page.margins).toEqual({ leftMargin: 50.4, rightMargin: 50.4, topMargin: 54, bottomMargin: 54, headerMargin: 21.6, footerMargin: 21.6 });
  });

  it("takes paper, orientation, margins in points, a zoom set whole, a print area, title rows, header and footer", async () => {
    const fake = fakeOn("web");
    const ws = fake.context.workbook.worksheets.getItem("Sheet1");
    const layout = ws.pageLayout;
    layout.paperSize = "A4";
    layout.orientation = "Landscape";
    layout.leftMargin = 36;
    layout.zoom = { horizontalFitToPages: 1 };
    layout.setPrintArea("A1:I40");
    layout.setPrintTitleRows("$4:$4");
    layout.headersFooters.state = "Default";
    layout.headersFooters.defaultForAllPages.centerFooter = "Page &P of &N";
    ws.horizontalPageBreaks.add("A21:E21");
    ws.horizontalPageBreaks.add("A10");
    await fake.context.sync();
    const page = fake.sheet("Sheet1").page();
    expect(page).toMatchObject({ paperSize: "A4", orientation: "Landscape", zoom: { horizontalFitToPages: 1 } });
    expect(page.margins.leftMargin).toBe(36);
    expect(page.printArea).toEqual({ r0: 0, c0: 0, r1: 39, c1: 8 });
    expect(page.printTitleRows).toEqual({ first: 3, last: 3 });
    expect(page.defaultForAllPages.centerFooter).toBe("Page &P of &N");
    // "Adds a page break before the top-left cell of the range": rows 21 and 10 start pages.
    expect(page.horizontalBreaks).toEqual([9, 20]);
  });

  it.each<[string, (l: Excel.PageLayout) => void]>([
    ["a scale over 400", (l) => void (l.zoom = { scale: 401 })],
    ["a scale under 10", (l) => void (l.zoom = { scale: 5 })],
    ["title rows that are not whole rows", (l) => l.setPrintTitleRows("A4:C4")],
    ["a paper size Excel does not have", (l) => void (l.paperSize = "A0" as Excel.PaperType)],
    ["an orientation Excel does not have", (l) => void (l.orientation = "Sideways" as Excel.PageOrientation)],
  ])("refuses %s with InvalidArgument", async (_, write) => {
    const fake = fakeOn("web");
    write(fake.context.workbook.worksheets.getItem("Sheet1").pageLayout);
    expect(await codeOf(fake.context.sync())).toBe("InvalidArgument");
  });

  it("is ExcelApi 1.9: an Excel 2019 without it fails with ApiNotFound", async () => {
    for (const write of [
      (ws: Excel.Worksheet) => void (ws.pageLayout.paperSize = "A4"),
      (ws: Excel.Worksheet) => void ws.horizontalPageBreaks.add("A5"),
      (ws: Excel.Worksheet) => void (ws.pageLayout.headersFooters.defaultForAllPages.leftHeader = "x"),
    ]) {
      const fake = fakeOn("excel2019");
      write(fake.context.workbook.worksheets.getItem("Sheet1"));
      expect(await codeOf(fake.context.sync())).toBe("ApiNotFound");
    }
  });
});

describe("ChartSeries markers (excel.chartseries.yml, ExcelApi 1.7)", () => {
  it("take HTML colours and a size from 2 to 72, refusing others with InvalidArgument", async () => {
    const fake = new FakeExcel({ profile: "excel2019" }).seed([
      { name: "Sheet1", rows: [["Month", "Value"], ["Jan", 1], ["Feb", 2]] },
    ]);
    const ws = fake.context.workbook.worksheets.getItem("Sheet1");
    const chart = ws.charts.add("Line", ws.getRange("A1:B3"), "Columns");
    const s = chart.series.getItemAt(0);
    s.markerStyle = "Circle";
    s.markerBackgroundColor = "#00b0f0";
    s.markerSize = 7;
    s.format.line.lineStyle = "None";
    await fake.context.sync();
    expect(fake.sheet("Sheet1").charts()[0]!.series[0]).toMatchObject({ markerColor: "#00B0F0", markerSize: 7, lineStyle: "None" });
    s.markerSize = 80;
    expect(await codeOf(fake.context.sync())).toBe("InvalidArgument");
  });
});
