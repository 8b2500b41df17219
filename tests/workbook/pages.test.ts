/**
 * Board-ready pages, from the plan: every report sheet is A4, one page wide, and its manual breaks
 * keep each figure's caption, chart and sentence on one page, for the sample, ten times the sample,
 * hundreds of measures and very long labels. The page each row prints on is computed here from the
 * plan's own breaks, row heights and column widths, and no page holds more rows than it can.
 */
import fc from "fast-check";
import {
  DEFAULT_ROW_HEIGHT,
  PageBlock,
  PlanSheet,
  columnPoints,
  headerFooterString,
  paginate,
  printable,
  runningHeads,
  textHeight,
  wrappedLines,
} from "../../src/workbook";
import { REPORT_SHAPES, figuresOf, pageOfRow, planOf } from "../support/report-shapes";

/** How much of the sheet's rows a page holds, at the fit-to-width scale of its printed columns. */
function pageRoom(sheet: PlanSheet): number {
  const widths = new Map(sheet.columnWidths.map((w) => [w.col, w.width]));
  let width = 0;
  for (let c = 0; c <= sheet.page.lastCol; c++) width += columnPoints(widths.get(c) ?? 8.43);
  const page = printable(sheet.page.orientation);
  return page.height / Math.min(1, page.width / width);
}

function heightOf(sheet: PlanSheet): (row: number) => number {
  const h = new Map(sheet.rowHeights.map((x) => [x.row, x.height]));
  return (row) => h.get(row) ?? sheet.page.defaultRowHeight;
}

describe.each(REPORT_SHAPES)("the pages of $name", ({ data }) => {
  const plan = planOf(data());

  it("are A4, one page wide, Summary and Priority areas landscape, the priority and Domestic Abuse sheets portrait", () => {
    for (const s of plan.sheets) {
      expect(s.page).toMatchObject({ paper: "A4", fitToWidth: 1 });
      // The Summary and the Priority areas table are wide: landscape.
      expect(s.page.orientation).toBe(
        s.role === "summary" || s.role === "areas" ? "landscape" : "portrait"
      );
    }
  });

  it("keep every figure's caption, chart and sentence on one page, and no chart across a break", () => {
    let figures = 0;
    for (const s of plan.sheets) {
      const pageOf = pageOfRow(s.page.rowBreaks);
      for (const f of figuresOf(s)) {
        figures++;
        const pages = new Set(
          [f.captionRow, f.chartRows[0], f.chartRows[1], f.sentenceRow].map(pageOf)
        );
        expect({ figure: f.caption.slice(0, 60), pages: [...pages] }).toEqual({
          figure: f.caption.slice(0, 60),
          pages: [pageOf(f.chartRows[0])],
        });
      }
      for (const b of s.page.blocks) expect(pageOf(b.first)).toBe(pageOf(b.last));
    }
    expect(figures).toBe(plan.sheets.reduce((n, s) => n + s.charts.length, 0));
  });

  it("put no more rows on a page than it holds, repeated title rows included", () => {
    for (const s of plan.sheets) {
      const room = pageRoom(s);
      const h = heightOf(s);
      const starts = [0, ...s.page.rowBreaks];
      const titles = s.page.printTitleRows;
      starts.forEach((start, i) => {
        const end = (starts[i + 1] ?? s.page.lastRow + 1) - 1;
        let used = 0;
        for (let r = start; r <= end; r++) used += h(r);
        if (titles && start > titles.last)
          for (let r = titles.first; r <= titles.last; r++) used += h(r);
        expect({ sheet: s.name, page: i + 1, fits: used <= room }).toEqual({
          sheet: s.name,
          page: i + 1,
          fits: true,
        });
      });
      expect(s.page.rowBreaks).toEqual([...new Set(s.page.rowBreaks)].sort((a, b) => a - b));
      expect(s.page.rowBreaks.every((b) => b > 0 && b <= s.page.lastRow)).toBe(true);
    }
  });

  it("repeat the Summary's heading row on every page where its table runs over one", () => {
    const summary = plan.sheets.find((s) => s.role === "summary")!;
    const header = summary.cells.find((c) => c.value === "Priority")!.row;
    const measures = summary.cells.filter((c) => c.col === 1 && c.row > header).length;
    const spans = summary.page.rowBreaks.some((b) => b > header + 1 && b <= header + measures);
    expect(summary.page.printTitleRows).toEqual(spans ? { first: header, last: header } : null);
  });

  it("carry partnership, quarter, sheet, page N of M and the marking in the header and footer", () => {
    for (const s of plan.sheets) {
      const header = headerFooterString(s.page.header);
      const footer = headerFooterString(s.page.footer);
      expect(header).toContain("South Cambridgeshire");
      expect(header).toContain("Q1 2010-11");
      expect(footer).toContain("&A");
      expect(footer).toContain("Page &P of &N");
      expect(header).toContain("OFFICIAL-SENSITIVE");
      expect(footer).toContain("OFFICIAL-SENSITIVE");
      expect(header.length).toBeLessThanOrEqual(255);
    }
  });

  it("give every wrapped text they print a row as tall as its lines (up to Excel's 409.5 points)", () => {
    for (const s of plan.sheets) {
      const h = heightOf(s);
      const widths = new Map(s.columnWidths.map((w) => [w.col, w.width]));
      for (const c of s.cells) {
        if (typeof c.value !== "string" || !c.style?.wrap || c.col > s.page.lastCol) continue;
        const merge = s.merges.find((m) => m.from.row === c.row && m.from.col === c.col);
        let width = 0;
        for (let col = c.col; col <= (merge?.to.col ?? c.col); col++)
          width += columnPoints(widths.get(col) ?? 8.43);
        const need = Math.min(
          409.5,
          textHeight(c.value, width, c.style.size ?? 11, c.style.bold === true)
        );
        expect({ cell: `${s.name}!${c.row},${c.col}`, tall: h(c.row) >= need }).toEqual({
          cell: `${s.name}!${c.row},${c.col}`,
          tall: true,
        });
      }
    }
  });
});

describe("the Summary's cells", () => {
  it("sit alike in a measure's row: centred vertically and wrapped, so no text runs into the next cell", () => {
    const summary = planOf(REPORT_SHAPES[0]!.data()).sheets[0]!;
    const header = summary.cells.find((c) => c.value === "Priority")!.row;
    const rows = summary.cells.filter((c) => c.row > header && c.row <= header + 6);
    expect(rows.length).toBe(6 * 14);
    for (const c of rows)
      expect({ at: [c.row, c.col], style: c.style }).toMatchObject({
        at: [c.row, c.col],
        style: { valign: "middle", wrap: true },
      });
    // "n/a" for a missing number is centred in its cell, not pushed against the next cell's text.
    const na = rows.filter((c) => c.value === "n/a" && c.style?.italic);
    expect(na.length).toBeGreaterThan(0);
    for (const c of na) expect(c.style?.align).toBe("center");
  });
});

describe("running heads", () => {
  it("double every & of a name (Excel's code character) and stay within 255 characters", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.option(fc.string({ maxLength: 120 }), { nil: null }),
        (partnership, marking) => {
          const { header, footer } = runningHeads({ partnership, period: "Q1 2010-11", marking });
          for (const line of [headerFooterString(header), headerFooterString(footer)])
            expect(line.length).toBeLessThanOrEqual(255);
          // Outside the codes this module writes, an & is always doubled.
          const literal = header.left.replace(/&&/g, "");
          expect(literal).not.toContain("&");
        }
      )
    );
  });
});

describe("paginate", () => {
  const rowsAndBlocks = fc
    .array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 200 })
    .chain((heights) =>
      fc.record({
        heights: fc.constant(heights),
        blocks: fc.array(fc.tuple(fc.nat(heights.length - 1), fc.integer({ min: 0, max: 12 })), {
          maxLength: 20,
        }),
        capacity: fc.integer({ min: 150, max: 1500 }),
      })
    );

  it("never splits a block that fits on a page, and fills no page past its height unless one row is taller", () => {
    fc.assert(
      fc.property(rowsAndBlocks, ({ heights, blocks, capacity }) => {
        const last = heights.length - 1;
        // Disjoint blocks, as the plan makes them.
        const sorted: PageBlock[] = [];
        for (const [first, len] of [...blocks].sort((a, b) => a[0] - b[0])) {
          const b = { first, last: Math.min(last, first + len), kind: "figure" as const };
          if (sorted.every((x) => x.last < b.first)) sorted.push(b);
        }
        const h = (r: number) => heights[r] ?? DEFAULT_ROW_HEIGHT;
        const { breaks, pages } = paginate(h, last, capacity, sorted);
        const pageOf = pageOfRow(breaks);
        expect(pages.map((p) => p.first)).toEqual([0, ...breaks]);
        for (const b of sorted) {
          let need = 0;
          for (let r = b.first; r <= b.last; r++) need += h(r);
          if (need <= capacity) expect(pageOf(b.first)).toBe(pageOf(b.last));
        }
        for (const p of pages) {
          let used = 0;
          for (let r = p.first; r <= p.last; r++) used += h(r);
          if (p.last > p.first) expect(used).toBeLessThanOrEqual(capacity);
        }
      })
    );
  });
});

describe("wrapped text", () => {
  it("takes more lines in a narrower cell and never fewer than its line feeds make", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.integer({ min: 20, max: 600 }),
        (text, width) => {
          const lines = wrappedLines(text, width);
          expect(lines).toBeGreaterThanOrEqual(text.split(/\r?\n/).length);
          expect(wrappedLines(text, width / 2)).toBeGreaterThanOrEqual(lines);
        }
      )
    );
  });
});
