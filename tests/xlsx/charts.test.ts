/**
 * Native charts added to an exceljs workbook: read back, reloaded by exceljs, checked part by part,
 * and (where LibreOffice is installed) rendered to PDF and PNG and looked at pixel by pixel.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  addCharts,
  normalizeChartSpec,
  quoteSheetName,
  readCharts,
  sheetRange,
  type ChartSpec,
  type ReadChart,
} from "../../src/xlsx/charts";
import { relativeTarget, resolveTarget } from "../../src/xlsx/charts/opc";
import { parseRef } from "../../src/xlsx/charts/refs";
import { insertDrawingElement } from "../../src/xlsx/charts/sheet-xml";
import { parseXml } from "../../src/xlsx/charts/xml";
import { decodePng } from "../support/png";

const SHEET = "Priority 1 Tom's";
const Q = "'Priority 1 Tom''s'"; // the sheet as a formula must spell it
const MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];
const BASELINE = [52, 48, 50, 47, 55, 51, 49, 46, 44, 50, 45, 53];
const CURRENT: (number | null)[] = [41, 38, null, 44, 40, 39, null, null, null, null, null, null];
const TARGET = MONTHS.map(() => 47);
const PEERS = [
  "Ashby",
  "Brent",
  "Corby",
  "Derby",
  "Epsom",
  "Fylde",
  "Tom's CSP",
  "Hove",
  "Ilkley",
  "Jarrow",
  "Kendal",
  "Luton",
  "Malton",
  "Newark",
  "Oundle",
];
const RATES = [4.1, 4.6, 5.0, 5.2, 5.5, 5.9, 6.3, 6.6, 7.0, 7.4, 7.9, 8.3, 8.8, 9.4, 10.2];
const MEAN = Math.round((RATES.reduce((a, b) => a + b, 0) / RATES.length) * 100) / 100;
const OURS = 6;

// Colours chosen far apart so the rendered PNG can be checked for each series by colour.
const BLUE = "2E75B6";
const RED = "C00000";
const GREEN = "00B050";
const BAR = "5B9BD5";
const AMBER = "FFC000";
const PURPLE = "7030A0";

async function buildWorkbook(withImage = false): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Summary").getCell("A1").value = "Summary & status <draft>";
  const ws = wb.addWorksheet(SHEET);
  ws.getCell("B1").value = "Charts of Priority 1";
  ws.getRow(40).values = [undefined, "Month", "2009/10", "2010/11", "Target"];
  MONTHS.forEach((m, i) => {
    ws.getRow(41 + i).values = [undefined, m, BASELINE[i], CURRENT[i] ?? undefined, TARGET[i]];
  });
  ws.getRow(59).values = [undefined, "Partnership", "Rate per 1,000", "MSG mean"];
  PEERS.forEach((p, i) => {
    ws.getRow(60 + i).values = [undefined, p, RATES[i], MEAN];
  });
  ws.pageSetup = { orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  if (withImage) {
    // A 1x1 PNG: exceljs writes a drawing for it, which addCharts must merge into.
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64"
    );
    ws.addImage(
      wb.addImage({ buffer: png, extension: "png" } as unknown as ExcelJS.Image),
      "A2:B4"
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const lineChart: ChartSpec = {
  sheetName: SHEET,
  from: { col: 6, row: 1 },
  to: { col: 15, row: 19 },
  title: "Serious violent crime: 2010/11 against 2009/10",
  categoriesRef: `${Q}!$B$41:$B$52`,
  categories: MONTHS,
  series: [
    {
      name: "2009/10",
      nameRef: `${Q}!$C$40`,
      valuesRef: `${Q}!$C$41:$C$52`,
      values: BASELINE,
      type: "line",
      color: BLUE,
      marker: true,
    },
    {
      name: "2010/11",
      nameRef: `${Q}!$D$40`,
      valuesRef: `${Q}!$D$41:$D$52`,
      values: CURRENT,
      type: "line",
      color: RED,
    },
    {
      name: "Target",
      valuesRef: `${Q}!$E$41:$E$52`,
      values: TARGET,
      type: "line",
      color: GREEN,
      dash: "dash",
      marker: false,
    },
  ],
  valueAxisTitle: "Offences",
  valueNumberFormat: "0",
  legend: "bottom",
};

const positionChart: ChartSpec = {
  sheetName: SHEET,
  from: { col: 6, row: 20 },
  to: { col: 15, row: 38 },
  title: "Position in the most similar group (rate per 1,000 <lower is better>)",
  categoriesRef: sheetRange(SHEET, 2, 60, 2, 74),
  categories: PEERS,
  series: [
    {
      name: "Rate per 1,000",
      valuesRef: sheetRange(SHEET, 3, 60, 3, 74),
      values: RATES,
      type: "column",
      color: BAR,
      points: [{ index: OURS, color: AMBER }],
    },
    {
      name: "MSG mean",
      nameRef: sheetRange(SHEET, 4, 59),
      valuesRef: sheetRange(SHEET, 4, 60, 4, 74),
      values: PEERS.map(() => MEAN),
      type: "line",
      color: PURPLE,
      dash: "dash",
      marker: false,
    },
  ],
  valueNumberFormat: "0.0",
  legend: "right",
};

/** The specs of read-back charts without the part names, to compare with what was written. */
function specsOf(read: ReadChart[]): ChartSpec[] {
  return read.map((r) => {
    const spec: ChartSpec & { part?: string } = { ...r };
    delete spec.part;
    return spec;
  });
}

async function zipText(buf: Buffer, part: string): Promise<string> {
  const file = (await JSZip.loadAsync(buf)).file(part);
  if (!file) throw new Error(`no part ${part}`);
  return file.async("string");
}

describe("refs", () => {
  test("sheet names are quoted and apostrophes doubled", () => {
    expect(quoteSheetName("Summary")).toBe("Summary");
    expect(quoteSheetName(SHEET)).toBe(Q);
    expect(quoteSheetName("A1")).toBe("'A1'");
    expect(quoteSheetName("2010")).toBe("'2010'");
    expect(sheetRange(SHEET, 3, 41, 3, 52)).toBe(`${Q}!$C$41:$C$52`);
    expect(sheetRange("Data", 28, 1)).toBe("Data!$AB$1");
  });
});

describe("internals", () => {
  test("refs parse back to their sheet and size", () => {
    expect(parseRef(`${Q}!$C$41:$C$52`)).toEqual({
      sheetName: SHEET,
      cells: 12,
      oneDimensional: true,
    });
    expect(parseRef("Data!$B$2:$D$3")).toEqual({
      sheetName: "Data",
      cells: 6,
      oneDimensional: false,
    });
    expect(parseRef("Priority 1!$C$41")).toBeUndefined();
    expect(parseRef("$C$41")).toBeUndefined();
  });

  test("relationship targets resolve both ways", () => {
    expect(resolveTarget("xl/drawings/drawing1.xml", "../charts/chart1.xml")).toBe(
      "xl/charts/chart1.xml"
    );
    expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml")).toBe(
      "xl/worksheets/sheet1.xml"
    );
    expect(relativeTarget("xl/worksheets/sheet1.xml", "xl/drawings/drawing1.xml")).toBe(
      "../drawings/drawing1.xml"
    );
    expect(relativeTarget("xl/workbook.xml", "xl/worksheets/sheet1.xml")).toBe(
      "worksheets/sheet1.xml"
    );
  });

  test("the parser unescapes entities and keeps CDATA", () => {
    const root = parseXml(
      `<?xml version="1.0"?><!-- x --><a k='1 &amp; 2'><b>T&apos;s &#x41;&#66;</b><c><![CDATA[<raw>]]></c></a>`
    );
    expect(root.attrs.k).toBe("1 & 2");
    expect(root.children.map((c) => c.text)).toEqual(["T's AB", "<raw>"]);
    expect(() => parseXml("<a><b></a>")).toThrow(/unexpected <\/a>/);
  });

  test("<drawing> in a prefixed worksheet without an r prefix declares its own", () => {
    const ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const sheet = `<x:worksheet xmlns:x="${ns}"><x:sheetData/><x:pageMargins left="1"/><x:extLst/></x:worksheet>`;
    expect(insertDrawingElement(sheet, "rId7")).toBe(
      `<x:worksheet xmlns:x="${ns}"><x:sheetData/><x:pageMargins left="1"/>` +
        `<x:drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId7"/><x:extLst/></x:worksheet>`
    );
  });
});

describe("addCharts on an exceljs workbook", () => {
  let input: Buffer;
  let inputCopy: Buffer;
  let output: Buffer;

  beforeAll(async () => {
    input = await buildWorkbook();
    inputCopy = Buffer.from(input);
    output = await addCharts(input, [lineChart, positionChart]);
    const dir = path.join(__dirname, "../../artifacts/charts");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "charts.xlsx"), output);
  });

  test("the input buffer is untouched", () => {
    expect(input.equals(inputCopy)).toBe(true);
  });

  test("readCharts returns exactly what was written", async () => {
    const read = await readCharts(output);
    expect(read.map((r) => r.part)).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml"]);
    expect(specsOf(read)).toEqual([lineChart, positionChart].map(normalizeChartSpec));
    // The gaps survive as nulls, not zeros.
    expect(read[0]?.series[1]?.values).toEqual(CURRENT);
    expect(read[1]?.series[0]?.points).toEqual([{ index: OURS, color: AMBER }]);
  });

  test("the input had no charts", async () => {
    expect(await readCharts(input)).toEqual([]);
  });

  test("exceljs still loads the file and the cells are intact", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(output as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Summary", SHEET]);
    expect(wb.getWorksheet("Summary")?.getCell("A1").value).toBe("Summary & status <draft>");
    const ws = wb.getWorksheet(SHEET);
    expect(ws?.getCell("B41").value).toBe("Apr");
    expect(ws?.getCell("C52").value).toBe(53);
    expect(ws?.getCell("D43").value).toBeNull();
    expect(ws?.getCell("B66").value).toBe("Tom's CSP");
    expect(ws?.getCell("C74").value).toBe(10.2);
  });

  test("the package has the parts, relationships and content types", async () => {
    const zip = await JSZip.loadAsync(output);
    const names = Object.keys(zip.files);
    expect(names).toEqual(
      expect.arrayContaining([
        "xl/charts/chart1.xml",
        "xl/charts/chart2.xml",
        "xl/drawings/drawing1.xml",
        "xl/drawings/_rels/drawing1.xml.rels",
        "xl/worksheets/_rels/sheet2.xml.rels",
      ])
    );
    // No folder entries beyond those exceljs wrote.
    const folders = (n: string[]): string[] => n.filter((f) => f.endsWith("/")).sort();
    expect(folders(names)).toEqual(folders(Object.keys((await JSZip.loadAsync(input)).files)));
    const ct = await zipText(output, "[Content_Types].xml");
    expect(ct).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>'
    );
    expect(ct).toContain(
      '<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>'
    );
    expect(ct).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>'
    );

    const sheetRels = await zipText(output, "xl/worksheets/_rels/sheet2.xml.rels");
    expect(sheetRels).toContain(
      'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"'
    );
    const drawingRels = await zipText(output, "xl/drawings/_rels/drawing1.xml.rels");
    expect(drawingRels).toContain(
      'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"'
    );
    expect(drawingRels).toContain(
      'Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart2.xml"'
    );

    // <drawing> after pageSetup and before anything the schema puts later; the Summary sheet is untouched.
    const sheet = await zipText(output, "xl/worksheets/sheet2.xml");
    expect(sheet).toMatch(/<pageSetup [^>]*\/><drawing r:id="rId1"\/><\/worksheet>$/);
    expect(await zipText(output, "xl/worksheets/sheet1.xml")).toBe(
      await zipText(input, "xl/worksheets/sheet1.xml")
    );

    const drawing = await zipText(output, "xl/drawings/drawing1.xml");
    expect(drawing.match(/<xdr:twoCellAnchor>/g)).toHaveLength(2);
    expect(drawing).toContain(
      "<xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row>"
    );
  });

  test("the chart XML holds shared axes, caches, gaps, point colours and escaped text", async () => {
    const line = await zipText(output, "xl/charts/chart1.xml");
    expect(line).toContain("<c:f>'Priority 1 Tom''s'!$D$41:$D$52</c:f>");
    expect(line).toContain('<c:dispBlanksAs val="gap"/>');
    // 2010/11 has 5 of 12 months: ptCount 12, five points.
    const current = line.split("<c:ser>")[2] ?? "";
    expect(current).toContain(
      '<c:ptCount val="12"/><c:pt idx="0"><c:v>41</c:v></c:pt><c:pt idx="1"><c:v>38</c:v></c:pt><c:pt idx="3">'
    );
    expect(line).not.toContain("<c:barChart>");

    const combo = await zipText(output, "xl/charts/chart2.xml");
    expect(combo).toContain('<c:barDir val="col"/>');
    const axIds = (xml: string): string[] =>
      [...xml.matchAll(/<c:axId val="(\d+)"\/>/g)].map((m) => m[1] ?? "");
    const bar = /<c:barChart>.*<\/c:barChart>/.exec(combo)?.[0] ?? "";
    const lineGroup = /<c:lineChart>.*<\/c:lineChart>/.exec(combo)?.[0] ?? "";
    expect(axIds(bar)).toHaveLength(2);
    expect(axIds(bar)).toEqual(axIds(lineGroup));
    expect(combo).toContain(
      `<c:dPt><c:idx val="${OURS}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="${AMBER}"/>`
    );
    expect(combo).toContain("<c:v>Tom's CSP</c:v>");
    expect(combo).toContain("&lt;lower is better&gt;");
    expect(combo).toContain('<c:legendPos val="r"/>');
  });

  test("the same input gives the same bytes", async () => {
    const again = await addCharts(input, [lineChart, positionChart]);
    expect(again.equals(output)).toBe(true);
  });

  test("golden chart and drawing parts", async () => {
    for (const [part, golden] of [
      ["xl/charts/chart1.xml", "line-chart.xml"],
      ["xl/charts/chart2.xml", "position-chart.xml"],
      ["xl/drawings/drawing1.xml", "drawing.xml"],
    ] as const) {
      const file = path.join(__dirname, "fixtures/charts", golden);
      const actual = await zipText(output, part);
      if (process.env.UPDATE_GOLDEN === "1") fs.writeFileSync(file, actual);
      expect(actual).toBe(fs.readFileSync(file, "utf8"));
    }
  });

  test("a second call adds to the sheet's drawing", async () => {
    const third: ChartSpec = {
      ...lineChart,
      from: { col: 16, row: 1 },
      to: { col: 24, row: 19 },
      title: "Again",
    };
    const twice = await addCharts(output, [third]);
    const read = await readCharts(twice);
    expect(read.map((r) => [r.title, r.part])).toEqual([
      [lineChart.title, "xl/charts/chart1.xml"],
      [positionChart.title, "xl/charts/chart2.xml"],
      ["Again", "xl/charts/chart3.xml"],
    ]);
    const sheet = await zipText(twice, "xl/worksheets/sheet2.xml");
    expect(sheet.match(/<drawing /g)).toHaveLength(1);
    expect(await zipText(twice, "xl/drawings/drawing1.xml")).toContain(
      '<xdr:cNvPr id="4" name="Chart 4"'
    );
  });
});

describe("a sheet that already has a drawing (an exceljs image)", () => {
  test("the charts are merged into it and the picture stays", async () => {
    const input = await buildWorkbook(true);
    const output = await addCharts(input, [positionChart]);
    const zip = await JSZip.loadAsync(output);
    expect(
      Object.keys(zip.files).filter((n) => n.startsWith("xl/drawings/") && n.endsWith(".xml"))
    ).toEqual(["xl/drawings/drawing1.xml"]);
    const drawing = await zipText(output, "xl/drawings/drawing1.xml");
    expect(drawing).toContain("<xdr:pic>");
    expect(drawing).toContain('<xdr:cNvPr id="2" name="Chart 2"');
    const rels = await zipText(output, "xl/drawings/_rels/drawing1.xml.rels");
    expect(rels).toContain("../media/image1.png");
    expect(rels).toContain(
      'Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"'
    );
    const sheet = await zipText(output, "xl/worksheets/sheet2.xml");
    expect(sheet.match(/<drawing /g)).toHaveLength(1);

    const read = await readCharts(output);
    expect(specsOf(read)).toEqual([normalizeChartSpec(positionChart)]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(output as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet(SHEET)?.getImages()).toHaveLength(1);
  });
});

describe("other workbook shapes", () => {
  test("a minimal chart on another sheet: no title, no legend, linked number format", async () => {
    const minimal: ChartSpec = {
      sheetName: "Summary",
      from: { col: 1, row: 3 },
      to: { col: 8, row: 18 },
      title: "",
      categoriesRef: lineChart.categoriesRef,
      categories: MONTHS,
      series: [
        {
          name: "2009/10",
          valuesRef: `${Q}!$C$41:$C$52`,
          values: BASELINE,
          type: "column",
          color: "#2e75b6",
        },
      ],
      legend: "none",
    };
    const output = await addCharts(await buildWorkbook(), [minimal]);
    const read = await readCharts(output);
    expect(specsOf(read)).toEqual([normalizeChartSpec(minimal)]);
    expect(read[0]?.series[0]?.color).toBe(BLUE);
    const xml = await zipText(output, "xl/charts/chart1.xml");
    expect(xml).toContain('<c:autoTitleDeleted val="1"/>');
    expect(xml).not.toContain("<c:legend>");
    expect(xml).not.toContain("<c:lineChart>");
    expect(await zipText(output, "xl/worksheets/_rels/sheet1.xml.rels")).toContain(
      "../drawings/drawing1.xml"
    );
  });

  test("sheets are found through workbook.xml and its rels, not by file order", async () => {
    // Swap the two worksheet parts and their relationship targets: "Summary" is now sheet2.xml.
    const zip = await JSZip.loadAsync(await buildWorkbook());
    const one = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const two = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    zip.file("xl/worksheets/sheet1.xml", two);
    zip.file("xl/worksheets/sheet2.xml", one);
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file(
      "xl/_rels/workbook.xml.rels",
      rels
        .replace("worksheets/sheet1.xml", "worksheets/TMP")
        .replace("worksheets/sheet2.xml", "worksheets/sheet1.xml")
        .replace("worksheets/TMP", "worksheets/sheet2.xml")
    );
    const swapped = await zip.generateAsync({ type: "nodebuffer" });
    const output = await addCharts(swapped, [lineChart]);
    expect(await zipText(output, "xl/worksheets/sheet1.xml")).toContain("<drawing r:id=");
    expect(await zipText(output, "xl/worksheets/sheet2.xml")).not.toContain("<drawing");
    expect((await readCharts(output))[0]?.sheetName).toBe(SHEET);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(output as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet(SHEET)?.getCell("C52").value).toBe(53);
  });

  test("<drawing> goes before tableParts and legacyDrawing (a sheet with a table and a note)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(SHEET);
    ws.addTable({
      name: "Months",
      ref: "B40",
      columns: [{ name: "Month" }, { name: "2009/10" }],
      rows: MONTHS.map((m, i) => [m, BASELINE[i]]),
    });
    ws.getCell("A1").note = "checked";
    ws.getCell("A2").value = { text: "source", hyperlink: "https://example.org/" };
    const input = Buffer.from(await wb.xlsx.writeBuffer());
    const spec: ChartSpec = { ...lineChart, series: [lineChart.series[0]!] };
    const output = await addCharts(input, [spec]);
    const sheet = await zipText(output, "xl/worksheets/sheet1.xml");
    expect(sheet.indexOf("<drawing ")).toBeGreaterThan(sheet.indexOf("<pageSetup"));
    expect(sheet.indexOf("<drawing ")).toBeLessThan(sheet.indexOf("<tableParts"));
    expect(sheet.indexOf("<drawing ")).toBeLessThan(sheet.indexOf("<legacyDrawing"));
    const sheetRels = await zipText(output, "xl/worksheets/_rels/sheet1.xml.rels");
    const drawingRel =
      /Id="(rId\d+)" Type="[^"]*\/drawing" Target="..\/drawings\/drawing1.xml"/.exec(sheetRels);
    expect(drawingRel).not.toBeNull();
    expect(sheet).toContain(`<drawing r:id="${drawingRel?.[1]}"/>`);
    // The relationships exceljs wrote are all still there.
    expect(sheetRels).toContain("example.org");
    expect(sheetRels).toContain("../comments1.xml");
    expect(sheetRels).toContain("../tables/table1.xml");
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(output as unknown as ExcelJS.Buffer);
    // exceljs does not read notes back, so check the comments part itself survived as it was.
    expect(await zipText(output, "xl/comments1.xml")).toBe(
      await zipText(input, "xl/comments1.xml")
    );
    expect(back.getWorksheet(SHEET)?.getCell("A2").value).toEqual({
      text: "source",
      hyperlink: "https://example.org/",
    });
    expect(back.getWorksheet(SHEET)?.getTable("Months")).toBeDefined();
    expect((await readCharts(output)).map((c) => c.series.length)).toEqual([1]);
  });
});

describe("an XmR chart: marker colours on line points, a fixed axis minimum", () => {
  const xmr: ChartSpec = {
    ...lineChart,
    title: "Variation: values, mean and limits",
    series: [
      { ...lineChart.series[0]!, points: [{ index: 4, color: "#00b0f0" }, { index: 1, color: RED }] },
      lineChart.series[2]!,
    ],
    valueAxisMin: 0,
  };

  test("written as c:dPt markers in the line group and c:scaling/c:min; read back the same", async () => {
    const out = await addCharts(await buildWorkbook(), [xmr]);
    const xml = await zipText(out, "xl/charts/chart1.xml");
    const line = xml.slice(xml.indexOf("<c:lineChart>"), xml.indexOf("</c:lineChart>"));
    expect(line).toContain(
      '<c:dPt><c:idx val="1"/><c:marker><c:symbol val="circle"/><c:size val="7"/><c:spPr><a:solidFill><a:srgbClr val="C00000"/></a:solidFill>'
    );
    // CT_LineSer order: marker, then dPt, then cat.
    expect(line.indexOf("</c:marker><c:dPt>")).toBeGreaterThan(0);
    expect(line.indexOf("</c:dPt><c:cat>")).toBeGreaterThan(0);
    expect(xml).toContain('<c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>');
    const [read] = await readCharts(out);
    const { part, ...spec } = read!;
    expect(part).toBe("xl/charts/chart1.xml");
    expect(spec).toEqual(normalizeChartSpec(xmr));
    expect(spec.series[0]!.points).toEqual([
      { index: 1, color: RED },
      { index: 4, color: "00B0F0" },
    ]);
  });

  test("a line without markers cannot colour its points; the minimum must be a number", async () => {
    const noMarkers = { ...xmr, series: [{ ...xmr.series[0]!, marker: false }], valueAxisMin: NaN };
    const err = addCharts(await buildWorkbook(), [noMarkers]);
    await expect(err).rejects.toThrow(/colour its markers: it needs markers/);
    await expect(err).rejects.toThrow(/valueAxisMin NaN is not a finite number/);
  });
});

describe("invalid input", () => {
  let input: Buffer;
  let inputCopy: Buffer;
  beforeAll(async () => {
    input = await buildWorkbook();
    inputCopy = Buffer.from(input);
  });
  afterEach(() => {
    expect(input.equals(inputCopy)).toBe(true);
  });

  test("unknown sheet name", async () => {
    await expect(addCharts(input, [{ ...lineChart, sheetName: "Priority 9" }])).rejects.toThrow(
      /chart 1 .*sheet "Priority 9" is not in the workbook \(sheets: "Summary", "Priority 1 Tom's"\)/
    );
  });

  test("a series whose length differs from the categories", async () => {
    const series = [{ ...lineChart.series[0]!, values: BASELINE.slice(0, 11) }];
    await expect(addCharts(input, [{ ...lineChart, series }])).rejects.toThrow(
      /series 1 \("2009\/10"\): has 11 values but there are 12 categories/
    );
  });

  test("zero series", async () => {
    await expect(addCharts(input, [lineChart, { ...positionChart, series: [] }])).rejects.toThrow(
      /chart 2 .*a chart needs at least one series/
    );
  });

  test("a ref whose sheet name is not quoted, and one of the wrong size", async () => {
    const series = [
      { ...lineChart.series[0]!, valuesRef: "Priority 1 Tom's!$C$41:$C$52" },
      { ...lineChart.series[1]!, valuesRef: `${Q}!$D$41:$D$50` },
    ];
    const err = addCharts(input, [{ ...lineChart, series }]);
    await expect(err).rejects.toThrow(
      /valuesRef "Priority 1 Tom's!\$C\$41:\$C\$52" is not a sheet-qualified ref/
    );
    await expect(err).rejects.toThrow(/covers 10 cells, expected 12/);
  });

  test("bad colours, point indexes and frames", async () => {
    const series = [
      { ...positionChart.series[0]!, color: "blue", points: [{ index: 15, color: AMBER }] },
    ];
    const err = addCharts(input, [{ ...positionChart, series, to: { col: 6, row: 38 } }]);
    await expect(err).rejects.toThrow(/color "blue" is not RRGGBB hex/);
    await expect(err).rejects.toThrow(/point index 15 is outside 0\.\.14/);
    await expect(err).rejects.toThrow(/the frame is empty/);
  });

  test("not an xlsx", async () => {
    await expect(addCharts(Buffer.from("hello"), [lineChart])).rejects.toThrow(
      /not an \.xlsx \(zip\) file/
    );
  });
});


/** How many pixels are within a small distance of each colour, and how many are not white. */
function countColours(
  file: string,
  colours: string[]
): { nonWhite: number; byColour: Record<string, number> } {
  const png = decodePng(fs.readFileSync(file));
  const targets = colours.map(
    (c) =>
      [
        c,
        parseInt(c.slice(0, 2), 16),
        parseInt(c.slice(2, 4), 16),
        parseInt(c.slice(4, 6), 16),
      ] as const
  );
  const byColour: Record<string, number> = Object.fromEntries(colours.map((c) => [c, 0]));
  let nonWhite = 0;
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const [r, g, b] = png.rgb(x, y);
      if (r < 245 || g < 245 || b < 245) nonWhite++;
      for (const [name, tr, tg, tb] of targets) {
        if (Math.abs(r - tr) + Math.abs(g - tg) + Math.abs(b - tb) <= 30)
          byColour[name] = (byColour[name] ?? 0) + 1;
      }
    }
  }
  return { nonWhite, byColour };
}

const hasLibreOffice =
  spawnSync("sh", ["-c", "command -v libreoffice && command -v pdftoppm"]).status === 0;
// CI installs LibreOffice and sets CDRP_REQUIRE_RENDER=1: there, a missing renderer is a failure.
const renderTest = hasLibreOffice || process.env.CDRP_REQUIRE_RENDER === "1" ? test : test.skip;
if (!hasLibreOffice) {
  console.warn(
    "charts.test.ts: SKIPPING the LibreOffice render test: `libreoffice` or `pdftoppm` is not on PATH (apt-get install -y libreoffice-calc poppler-utils)"
  );
}

describe("rendered by LibreOffice", () => {
  renderTest(
    "the charts draw: lines, bars, the highlighted bar and the mean line",
    async () => {
      const input = await buildWorkbook();
      const output = await addCharts(input, [lineChart, positionChart]);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "charts-render-"));
      const keep = path.join(__dirname, "../../artifacts/charts");
      try {
        const xlsx = path.join(dir, "charts.xlsx");
        fs.writeFileSync(xlsx, output);
        const script = path.join(__dirname, "../../scripts/render-xlsx.sh");
        const pdf = execFileSync("bash", [script, xlsx, dir], {
          encoding: "utf8",
          timeout: 300_000,
        }).trim();
        expect(fs.statSync(pdf).size).toBeGreaterThan(1000);
        expect(fs.readFileSync(pdf, "latin1")).toMatch(/\/Type\s*\/Page[^s]/);
        const pngs = fs
          .readdirSync(dir)
          .filter((f) => f.endsWith(".png"))
          .sort();
        expect(pngs.length).toBeGreaterThan(0);
        fs.mkdirSync(keep, { recursive: true });
        for (const f of pngs) fs.copyFileSync(path.join(dir, f), path.join(keep, f));

        // Sum over pages: where LibreOffice breaks the pages is its business, not ours.
        const totals: Record<string, number> = {};
        let nonWhite = 0;
        for (const f of pngs) {
          const counts = countColours(path.join(dir, f), [BLUE, RED, GREEN, BAR, AMBER, PURPLE]);
          nonWhite += counts.nonWhite;
          for (const [c, n] of Object.entries(counts.byColour)) totals[c] = (totals[c] ?? 0) + n;
        }
        console.log(
          `rendered ${pngs.length} page(s): ${nonWhite} non-white pixels; by series colour ${JSON.stringify(totals)}`
        );
        expect(nonWhite).toBeGreaterThan(5000);
        for (const colour of [BLUE, RED, GREEN, PURPLE]) expect(totals[colour]).toBeGreaterThan(20); // the lines
        expect(totals[BAR]).toBeGreaterThan(500); // fourteen bars
        expect(totals[AMBER]).toBeGreaterThan(20); // our bar, in its own colour
        expect(totals[AMBER]).toBeLessThan((totals[BAR] ?? 0) / 4);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    300_000
  );

  renderTest(
    "LibreOffice reads them as charts and writes the same series back",
    async () => {
      const output = await addCharts(await buildWorkbook(), [lineChart, positionChart]);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "charts-roundtrip-"));
      try {
        fs.mkdirSync(path.join(dir, "in"));
        fs.writeFileSync(path.join(dir, "in", "charts.xlsx"), output);
        const profile = `-env:UserInstallation=file://${path.join(dir, "profile")}`;
        const args = [
          "--headless",
          "--norestore",
          profile,
          "--convert-to",
          "xlsx",
          "--outdir",
          dir,
        ];
        execFileSync("libreoffice", [...args, path.join(dir, "in", "charts.xlsx")], {
          timeout: 300_000,
          stdio: "ignore",
        });
        const read = await readCharts(fs.readFileSync(path.join(dir, "charts.xlsx")));
        // LibreOffice re-anchors frames with offsets and names parts its own way; the charts themselves must survive.
        const essentials = (charts: ChartSpec[]): unknown =>
          charts.map((c) => ({
            sheet: c.sheetName,
            title: c.title,
            categoriesRef: c.categoriesRef,
            categories: c.categories,
            legend: c.legend,
            format: c.valueNumberFormat,
            series: c.series.map((s) => [
              s.name,
              s.valuesRef,
              s.values,
              s.type,
              s.color,
              s.points,
              s.dash,
              s.marker,
            ]),
          }));
        expect(essentials(read)).toEqual(
          essentials([lineChart, positionChart].map(normalizeChartSpec))
        );
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    300_000
  );
});
