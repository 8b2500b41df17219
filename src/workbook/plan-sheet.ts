import { a1 } from "./snapshot";
import {
  HeaderFooterText,
  PageBlock,
  PlanCell,
  PlanChart,
  PlanPage,
  PlanSheet,
  PlanStyle,
} from "./plan-types";
import { layoutPage } from "./plan-page";
import {
  DEFAULT_COLUMN_WIDTH,
  MAX_ROW_HEIGHT,
  columnPoints,
  roundHeight,
  textHeight,
} from "./plan-text";

/** A sheet while it is built: everything but its page setup, which comes last. */
export type DraftSheet = Omit<PlanSheet, "page">;

/** How a sheet prints, given when it is started: the rest is computed when it is finished. */
export interface PageSpec {
  orientation: PlanPage["orientation"];
  /** The last printed column; chart data beyond it stays on screen. */
  lastCol: number;
}

/** Builds one plan sheet cell by cell; keeps layout code short and readable. */
export class SheetBuilder {
  readonly sheet: DraftSheet;
  private readonly blocks: PageBlock[] = [];
  /** Row heights by row, the same objects as in sheet.rowHeights (a sheet can have thousands). */
  private readonly heights = new Map<number, { row: number; height: number }>();
  private repeat: { first: number; last: number; through: number } | null = null;

  constructor(
    name: string,
    role: PlanSheet["role"],
    private readonly pageSpec: PageSpec
  ) {
    this.sheet = {
      name,
      role,
      cells: [],
      merges: [],
      columnWidths: [],
      rowHeights: [],
      charts: [],
    };
  }

  set(
    row: number,
    col: number,
    value: PlanCell["value"],
    numFmt?: string,
    style?: PlanStyle
  ): this {
    let v = value;
    if (typeof v === "string" && v.length > CELL_TEXT_MAX) {
      (this.sheet.truncated ??= []).push({ cell: a1(row, col), length: v.length });
      v = `${cutText(v, CELL_TEXT_MAX - 1)}…`;
    }
    const cell: PlanCell = { row, col, value: v };
    if (numFmt) cell.numFmt = numFmt;
    if (style) cell.style = style;
    this.sheet.cells.push(cell);
    return this;
  }

  /** A row of values from `col` rightwards, all with the same style. */
  row(row: number, col: number, values: PlanCell["value"][], style?: PlanStyle): this {
    values.forEach((v, i) => this.set(row, col + i, v, undefined, style));
    return this;
  }

  merge(row: number, fromCol: number, toCol: number, toRow = row): this {
    this.sheet.merges.push({ from: { row, col: fromCol }, to: { row: toRow, col: toCol } });
    return this;
  }

  /**
   * A sentence across columns A to `toCol` of one row: wrapped, top-aligned, at least `height`
   * points tall and as tall as its lines need.
   */
  paragraph(row: number, text: string, toCol: number, height: number, style?: PlanStyle): this {
    return this.text(row, 0, toCol, text, { wrap: true, valign: "top", ...style }, height);
  }

  /** A figure's caption across columns A to `toCol`: bold, wrapped when long. */
  caption(row: number, text: string, toCol: number, size = 12): this {
    return this.text(row, 0, toCol, text, { bold: true, size, wrap: true, valign: "top" }, 0);
  }

  /**
   * Text in columns `col`..`toCol` of one row (merged when more than one), the row at least
   * `minHeight` points and as tall as the wrapped text needs.
   */
  text(
    row: number,
    col: number,
    toCol: number,
    text: string,
    style: PlanStyle,
    minHeight: number
  ): this {
    this.set(row, col, text, undefined, style);
    if (toCol > col) this.merge(row, col, toCol);
    return this.fit(row, col, toCol, text, style, minHeight);
  }

  /** Makes a row at least as tall as a text in columns `col`..`toCol` needs (and `minHeight`). */
  fit(
    row: number,
    col: number,
    toCol: number,
    text: string,
    style: PlanStyle,
    minHeight = 0
  ): this {
    const size = style.size ?? 11;
    const need = style.wrap
      ? textHeight(text, this.spanPoints(col, toCol), size, style.bold === true)
      : roundHeight(size * 1.3);
    return this.height(row, Math.max(minHeight, need));
  }

  /** Width of columns `col`..`toCol` in points. */
  spanPoints(col: number, toCol: number): number {
    let total = 0;
    for (let c = col; c <= toCol; c++) total += columnPoints(this.widthOf(c));
    return total;
  }

  private widthOf(col: number): number {
    return this.sheet.columnWidths.find((w) => w.col === col)?.width ?? DEFAULT_COLUMN_WIDTH;
  }

  widths(widths: number[]): this {
    widths.forEach((width, col) => this.sheet.columnWidths.push({ col, width }));
    return this;
  }

  /** Sets a row's height (at most Excel's 409.5 points); a row given several keeps the tallest. */
  height(row: number, requested: number): this {
    const height = Math.min(MAX_ROW_HEIGHT, requested);
    const have = this.heights.get(row);
    if (have) have.height = Math.max(have.height, height);
    else {
      const h = { row, height };
      this.heights.set(row, h);
      this.sheet.rowHeights.push(h);
    }
    return this;
  }

  chart(chart: PlanChart): this {
    this.sheet.charts.push(chart);
    return this;
  }

  /** Rows `first`..`last` print on one page (a figure, a table, a heading with what follows). */
  keep(first: number, last: number, kind: PageBlock["kind"]): this {
    if (last >= first) this.blocks.push({ first, last, kind });
    return this;
  }

  /** A table's heading rows, repeated at the top of each page if its rows up to `through` run over one. */
  repeatRows(first: number, last: number, through: number): this {
    this.repeat = { first, last, through };
    return this;
  }

  /** The finished sheet with its page setup: breaks, print titles, header and footer. */
  finish(heads: { header: HeaderFooterText; footer: HeaderFooterText }): PlanSheet {
    const page = layoutPage(this.sheet, this.pageSpec.orientation, this.pageSpec.lastCol, {
      blocks: this.blocks,
      repeat: this.repeat,
      heads,
    });
    return { ...this.sheet, page };
  }
}

/** "L5:L16" for a block of cells in one column. */
export function columnRange(col: number, fromRow: number, toRow: number): string {
  return `${a1(fromRow, col)}:${a1(toRow, col)}`;
}

/** Excel's limits: 31 characters in a sheet name, 32,767 in a cell. */
export const SHEET_NAME_MAX = 31;
export const CELL_TEXT_MAX = 32_767;

/** Names Excel keeps for itself (case-insensitively): a sheet cannot take them. */
const RESERVED_SHEET_NAMES = new Set(["history"]);

/** The first `max` UTF-16 units of `s`, never splitting a surrogate pair (an emoji). */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s;
  const code = s.charCodeAt(max - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** A sheet name as Excel allows it: no : \ / ? * [ ] or control characters, no apostrophe at either end. */
function tidyName(s: string, max: number): string {
  let name = cutText(s, max);
  // Stripping can expose another apostrophe or a space, and a cut can land on one: repeat until stable.
  for (let prev = ""; prev !== name; ) {
    prev = name;
    name = name.replace(/^['\s]+|['\s]+$/g, "");
  }
  return name;
}

/**
 * Picks a sheet name: the wanted one, unless a user's own sheet has it (compared without case, as
 * Excel does) or Excel reserves it; then "Name (2)" and so on, always within Excel's rules.
 */
export function allocateName(wanted: string, taken: Set<string>): string {
  const clean =
    tidyName(
      // eslint-disable-next-line no-control-regex -- control characters are not allowed in names
      wanted.replace(/[\\/?*[\]:]/g, " ").replace(/[\u0000-\u001f\u007f-\u009f]/g, " "),
      SHEET_NAME_MAX
    ) || "Report";
  const isTaken = (n: string) =>
    taken.has(n.toLowerCase()) || RESERVED_SHEET_NAMES.has(n.toLowerCase());
  let name = clean;
  for (let i = 2; isTaken(name); i++) {
    const suffix = ` (${i})`;
    name = `${tidyName(clean, SHEET_NAME_MAX - suffix.length) || "Report"}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}
