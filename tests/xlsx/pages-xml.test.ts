/**
 * The pages as written: every report the file host writes (the sample, ten times it, hundreds of
 * measures, very long labels) is read back from its XML alone, its pages laid out as Excel lays
 * them out (its own pixel rule for column widths, the written margins, A4, the fit-to-width scale,
 * the written row heights, the written manual breaks and print titles), and no chart anchor spans a
 * break, each figure's caption, chart and sentence share a page, and no page holds more than it can.
 */
import { parseA1 } from "../../src/workbook";
import { readCharts, renderPlan, writeDataWorkbook } from "../../src/xlsx";
import { ZipPackage } from "../../src/xlsx/zip";
import { XmlElement, child, children, parseXml } from "../../src/xlsx/charts/xml";
import { mustReadPart, sheetParts } from "../../src/xlsx/charts/opc";
import { REPORT_SHAPES, figuresOf, pageOfRow, planOf } from "../support/report-shapes";

/** ECMA-376 Part 1, 18.3.1.13: a column's pixels for Calibri 11's 7-pixel digit, in points. */
const excelColumnPoints = (w: number) => Math.trunc(((256 * w + Math.trunc(128 / 7)) / 256) * 7) * 0.75;
const A4 = { width: (210 / 25.4) * 72, height: (297 / 25.4) * 72 };

interface WrittenSheet {
  name: string;
  xml: XmlElement;
  heights: Map<number, number>;
  customHeights: Set<number>;
  widths: Map<number, number>;
  breaks: number[];
  cells: { row: number; col: number; value: string | number | null }[];
}

function readSheet(name: string, text: string): WrittenSheet {
  const xml = parseXml(text);
  const heights = new Map<number, number>();
  const customHeights = new Set<number>();
  const cells: WrittenSheet["cells"] = [];
  for (const row of children(child(xml, "sheetData"), "row")) {
    const r = Number(row.attrs.r) - 1;
    if (row.attrs.ht !== undefined) heights.set(r, Number(row.attrs.ht));
    if (row.attrs.customHeight === "1") customHeights.add(r);
    for (const c of children(row, "c")) {
      const at = parseA1(c.attrs.r ?? "A1");
      const t = child(child(c, "is"), "t")?.text;
      const v = child(c, "v")?.text;
      cells.push({ row: at.row, col: at.col, value: t ?? (v !== undefined ? Number(v) : null) });
    }
  }
  const widths = new Map<number, number>();
  for (const col of children(child(xml, "cols"), "col"))
    for (let c = Number(col.attrs.min); c <= Number(col.attrs.max); c++) widths.set(c - 1, Number(col.attrs.width));
  const breaks = children(child(xml, "rowBreaks"), "brk").map((b) => Number(b.attrs.id));
  return { name, xml, heights, customHeights, widths, breaks, cells };
}

/** A defined name of a sheet from workbook.xml ("'Priority 1'!$A$1:$I$185" -> "$A$1:$I$185"). */
function definedName(workbook: XmlElement, name: string, sheetIndex: number): string | null {
  const d = children(child(workbook, "definedNames"), "definedName").find(
    (x) => x.attrs.name === name && Number(x.attrs.localSheetId) === sheetIndex
  );
  return d ? d.text.replace(/^.*!/, "") : null;
}

describe.each(REPORT_SHAPES)("the written pages of $name", ({ data }) => {
  let written: WrittenSheet[] = [];
  let workbook: XmlElement;
  let charts: Awaited<ReturnType<typeof readCharts>> = [];
  let sheetIndex = new Map<string, number>();
  const plan = planOf(data());

  beforeAll(async () => {
    const bytes = await renderPlan(await writeDataWorkbook(data()), plan, []);
    const zip = ZipPackage.load(bytes);
    workbook = parseXml(await mustReadPart(zip, "xl/workbook.xml"));
    const names = children(child(workbook, "sheets"), "sheet").map((s) => s.attrs.name ?? "");
    sheetIndex = new Map(names.map((n, i) => [n, i]));
    const parts = await sheetParts(zip);
    written = await Promise.all(
      plan.sheets.map(async (s) => readSheet(s.name, await mustReadPart(zip, parts.find((p) => p.name === s.name)!.part)))
    );
    charts = await readCharts(bytes);
  }, 120_000);

  it("print on A4, one page wide with automatic height, with the plan's margins", () => {
    for (const s of written) {
      const setup = child(s.xml, "pageSetup")!;
      expect(setup.attrs).toMatchObject({ paperSize: "9", fitToWidth: "1", fitToHeight: "0" });
      expect(child(child(s.xml, "sheetPr"), "pageSetUpPr")?.attrs.fitToPage).toBe("1");
      // The Summary and the Priority areas table are wide: landscape; the others portrait.
      const role = plan.sheets.find((p) => p.name === s.name)?.role;
      expect(setup.attrs.orientation).toBe(
        role === "summary" || role === "areas" ? "landscape" : "portrait"
      );
    }
  });

  it("carry the running heads on every page: partnership, quarter, sheet, Page N of M, marking", () => {
    for (const s of written) {
      const hf = child(s.xml, "headerFooter");
      const header = child(hf, "oddHeader")?.text ?? "";
      const footer = child(hf, "oddFooter")?.text ?? "";
      expect(header).toMatch(/^&LSouth Cambridgeshire&C&BOFFICIAL-SENSITIVE&B&RQ1 2010-11$/);
      expect(footer).toBe("&L&A&C&BOFFICIAL-SENSITIVE&B&RPage &P of &N");
    }
  });

  it("give every printed row an explicit height, break only by hand, and fill no page past its height", () => {
    for (const s of written) {
      const index = sheetIndex.get(s.name)!;
      const area = definedName(workbook, "_xlnm.Print_Area", index)!;
      const [, to] = area.split(":");
      const last = parseA1(to!.replace(/\$/g, ""));
      for (let r = 0; r <= last.row; r++) expect({ sheet: s.name, row: r + 1, custom: s.customHeights.has(r) }).toEqual({ sheet: s.name, row: r + 1, custom: true });
      // Excel's own scale for fitting columns A..last to the printable width.
      const m = child(s.xml, "pageMargins")!.attrs;
      const landscape = child(s.xml, "pageSetup")!.attrs.orientation === "landscape";
      const [w, h] = landscape ? [A4.height, A4.width] : [A4.width, A4.height];
      let columns = 0;
      for (let c = 0; c <= last.col; c++) columns += excelColumnPoints(s.widths.get(c) ?? 8.43);
      const zoom = Math.min(1, (w - (Number(m.left) + Number(m.right)) * 72) / columns);
      const room = (h - (Number(m.top) + Number(m.bottom)) * 72) / zoom;
      const titles = definedName(workbook, "_xlnm.Print_Titles", index);
      const titleRows = titles ? titles.split(":").map((t) => Number(t.replace(/\$/g, "")) - 1) : null;
      const starts = [0, ...s.breaks];
      starts.forEach((start, i) => {
        const end = (starts[i + 1] ?? last.row + 1) - 1;
        let used = 0;
        for (let r = start; r <= end; r++) used += s.heights.get(r)!;
        if (titleRows && start > titleRows[1]!) for (let r = titleRows[0]!; r <= titleRows[1]!; r++) used += s.heights.get(r)!;
        expect({ sheet: s.name, page: i + 1, fits: used <= room }).toEqual({ sheet: s.name, page: i + 1, fits: true });
      });
    }
  });

  it("keep each chart's anchor, its caption and its sentence on one page", () => {
    let checked = 0;
    for (const s of written) {
      const pageOf = pageOfRow(s.breaks);
      const anchored = charts.filter((c) => c.sheetName === s.name);
      expect(anchored.length).toBe(plan.sheets.find((p) => p.name === s.name)!.charts.length);
      for (const f of figuresOf({ cells: s.cells, charts: anchored })) {
        const pages = new Set([f.captionRow, f.chartRows[0], f.chartRows[1], f.sentenceRow].map(pageOf));
        expect({ figure: f.caption.slice(0, 60), pages: pages.size }).toEqual({ figure: f.caption.slice(0, 60), pages: 1 });
        checked++;
      }
    }
    expect(checked).toBe(charts.length);
  });
});
