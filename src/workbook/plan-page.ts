/**
 * Page layout, computed in the plan so both hosts print the same pages: A4, one page wide, every row
 * at an explicit height, and a manual break before every page, placed so that no figure (caption,
 * chart, sentence) or table crosses the foot of a page.
 *
 * The breaks are computed in the units the renderer paginates in. Fitting a sheet to one page wide
 * shrinks it by printable width / width of the printed columns, and that shrinks the rows too: a page
 * holds printable height / zoom points of rows. Renderers round their fit scale down (to a whole
 * percent) and measure columns at least as wide as Excel's pixel rule does, so their pages hold at
 * least what is computed here; every page ends at a manual break, so they never need a break of
 * their own.
 */
import { ReportModel } from "./model-types";
import { HeaderFooterText, PageBlock, PlanPage, PlanSheet } from "./plan-types";
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, columnPoints } from "./plan-text";

/** A4 in points (210 × 297 mm). */
export const A4 = { width: (210 / 25.4) * 72, height: (297 / 25.4) * 72 } as const;
/** Excel's "Normal" margins, in inches. */
export const MARGINS: PlanPage["margins"] = {
  left: 0.7,
  right: 0.7,
  top: 0.75,
  bottom: 0.75,
  header: 0.3,
  footer: 0.3,
};
/** A page is filled to this share of its height: what rounding and font metrics might take. */
const PAGE_FILL = 0.97;

/** Printable width and height of a page in points. */
export function printable(orientation: PlanPage["orientation"]): { width: number; height: number } {
  const [w, h] = orientation === "portrait" ? [A4.width, A4.height] : [A4.height, A4.width];
  return {
    width: w - (MARGINS.left + MARGINS.right) * 72,
    height: h - (MARGINS.top + MARGINS.bottom) * 72,
  };
}

/** The width of columns A..lastCol in points. */
export function printedWidth(sheet: Pick<PlanSheet, "columnWidths">, lastCol: number): number {
  const widths = new Map(sheet.columnWidths.map((w) => [w.col, w.width]));
  let total = 0;
  for (let c = 0; c <= lastCol; c++) total += columnPoints(widths.get(c) ?? DEFAULT_COLUMN_WIDTH);
  return total;
}

/** The fit-to-width scale: printable width over the printed columns' width, never above 1. */
export function fitZoom(
  sheet: Pick<PlanSheet, "columnWidths">,
  lastCol: number,
  orientation: PlanPage["orientation"]
): number {
  return Math.min(1, printable(orientation).width / printedWidth(sheet, lastCol));
}

/** How many points of rows one page holds at a zoom. */
export function pageCapacity(orientation: PlanPage["orientation"], zoom: number): number {
  return (printable(orientation).height / zoom) * PAGE_FILL;
}

/** The last row a sheet prints: its last cell in columns A..lastCol, or the foot of a chart. */
export function lastPrintedRow(
  sheet: Pick<PlanSheet, "cells" | "charts">,
  lastCol: number
): number {
  let last = 0;
  for (const c of sheet.cells) if (c.col <= lastCol && c.row > last) last = c.row;
  // A chart's frame ends at the top of its `to` row, so the row above is its last.
  for (const c of sheet.charts) if (c.to.row - 1 > last) last = c.to.row - 1;
  return last;
}

export interface Pagination {
  /** Rows that start a new page, ascending (row 0 starts the first). */
  breaks: number[];
  /** Each page's first and last row. */
  pages: { first: number; last: number }[];
}

/**
 * Places the page breaks: rows fill a page in order; a block that would cross the foot of the page
 * starts a new one (a block taller than a page starts a new page and then runs over, which the plan
 * avoids by keeping figures shorter than a page); title rows, once passed, take their height at the
 * top of every later page.
 */
export function paginate(
  heightOf: (row: number) => number,
  lastRow: number,
  capacity: number,
  blocks: readonly PageBlock[],
  titles: { first: number; last: number } | null = null
): Pagination {
  const blockAt = new Map<number, PageBlock>();
  for (const b of blocks) {
    const have = blockAt.get(b.first);
    if (!have || b.last > have.last) blockAt.set(b.first, b);
  }
  let titleHeight = 0;
  if (titles) for (let r = titles.first; r <= titles.last; r++) titleHeight += heightOf(r);
  const room = (start: number) =>
    titles && start > titles.last ? capacity - titleHeight : capacity;
  const breaks: number[] = [];
  const pages: { first: number; last: number }[] = [];
  let start = 0;
  let used = 0;
  const newPage = (row: number) => {
    pages.push({ first: start, last: row - 1 });
    breaks.push(row);
    start = row;
    used = 0;
  };
  let inside = -1; // the last row of the block being placed
  for (let r = 0; r <= lastRow; r++) {
    const h = heightOf(r);
    const block = r > inside ? blockAt.get(r) : undefined;
    if (block) {
      let need = 0;
      for (let k = block.first; k <= Math.min(block.last, lastRow); k++) need += heightOf(k);
      if (used > 0 && used + need > room(start)) newPage(r);
      inside = block.last;
    }
    if (used > 0 && used + h > room(start)) newPage(r);
    used += h;
  }
  pages.push({ first: start, last: lastRow });
  return { breaks, pages };
}

/** Text for a header or footer: Excel reads "&" as the start of a code, so a literal one is "&&". */
export function headerText(text: string, max = 80): string {
  const cut = [...text.replace(/[\r\n\t]+/g, " ")].slice(0, max).join("");
  return cut.replace(/&/g, "&&");
}

export interface RunningHeads {
  partnership: string;
  period: string;
  marking: string | null;
}

/**
 * Every page: partnership on the left and the quarter on the right of the header, "Page N of M"
 * in the footer, the sheet's name at its left, and the protective marking (where there is one)
 * centred in bold at the head and the foot of the page, as UK public bodies mark their papers.
 */
export function runningHeads(h: RunningHeads): {
  header: HeaderFooterText;
  footer: HeaderFooterText;
} {
  // Each line within Excel's 255 characters: the partnership's name gives way first.
  for (let max = 80; ; max -= 5) {
    const marking = h.marking ? `&B${headerText(h.marking, Math.max(max, 20))}&B` : "";
    const header = {
      left: headerText(h.partnership, max),
      center: marking,
      right: headerText(h.period, 40),
    };
    const footer = { left: "&A", center: marking, right: "Page &P of &N" };
    if (
      max <= 20 ||
      (headerFooterString(header).length <= HEADER_FOOTER_MAX &&
        headerFooterString(footer).length <= HEADER_FOOTER_MAX)
    )
      return { header, footer };
  }
}

/** The running heads of every report sheet of a model. */
export function reportHeads(model: ReportModel): {
  header: HeaderFooterText;
  footer: HeaderFooterText;
} {
  return runningHeads({
    partnership: model.partnership,
    period: model.period.label,
    marking: model.marking,
  });
}

/** Excel limits a header or a footer, codes included, to 255 characters. */
export const HEADER_FOOTER_MAX = 255;

/** The three parts as one header or footer string (&L, &C, &R). */
export function headerFooterString(t: HeaderFooterText): string {
  return `&L${t.left}&C${t.center}&R${t.right}`;
}

export interface LayoutInput {
  /** Rows that must share a page. */
  blocks: PageBlock[];
  /** A table's heading rows, repeated on every page after the first if the table runs over one. */
  repeat: { first: number; last: number; through: number } | null;
  heads: { header: HeaderFooterText; footer: HeaderFooterText };
}

/**
 * The sheet's page setup: zoom, last row, breaks and print titles, from its column widths, row
 * heights and blocks. Pure; the sheet's cells and charts are final when it runs.
 */
export function layoutPage(
  sheet: Pick<PlanSheet, "cells" | "charts" | "columnWidths" | "rowHeights">,
  orientation: PlanPage["orientation"],
  lastCol: number,
  input: LayoutInput
): PlanPage {
  const zoom = fitZoom(sheet, lastCol, orientation);
  const lastRow = lastPrintedRow(sheet, lastCol);
  const heights = new Map(sheet.rowHeights.map((h) => [h.row, h.height]));
  const heightOf = (r: number) => heights.get(r) ?? DEFAULT_ROW_HEIGHT;
  const capacity = pageCapacity(orientation, zoom);
  const blocks = input.blocks.filter((b) => b.first <= lastRow);
  let titles: PlanPage["printTitleRows"] = null;
  let layout = paginate(heightOf, lastRow, capacity, blocks);
  const repeat = input.repeat;
  if (repeat && layout.breaks.some((b) => b > repeat.last + 1 && b <= repeat.through)) {
    titles = { first: repeat.first, last: repeat.last };
    layout = paginate(heightOf, lastRow, capacity, blocks, titles);
  }
  return {
    orientation,
    paper: "A4",
    lastCol,
    lastRow,
    margins: { ...MARGINS },
    fitToWidth: 1,
    zoom: Math.round(zoom * 10000) / 10000,
    defaultRowHeight: DEFAULT_ROW_HEIGHT,
    rowBreaks: layout.breaks,
    printTitleRows: titles,
    header: input.heads.header,
    footer: input.heads.footer,
    blocks,
  };
}
