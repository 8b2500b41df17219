import { a1 } from "./snapshot";
import { PlanCell, PlanChart, PlanSheet, PlanStyle } from "./plan-types";

/** Builds one plan sheet cell by cell; keeps layout code short and readable. */
export class SheetBuilder {
  readonly sheet: PlanSheet;

  constructor(name: string, role: PlanSheet["role"], page: PlanSheet["page"]) {
    this.sheet = {
      name,
      role,
      cells: [],
      merges: [],
      columnWidths: [],
      rowHeights: [],
      charts: [],
      page,
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

  /** A sentence across columns A to `toCol` of one row: wrapped, top-aligned, `height` points tall. */
  paragraph(row: number, text: string, toCol: number, height: number): this {
    return this.set(row, 0, text, undefined, { wrap: true, valign: "top" })
      .merge(row, 0, toCol)
      .height(row, height);
  }

  widths(widths: number[]): this {
    widths.forEach((width, col) => this.sheet.columnWidths.push({ col, width }));
    return this;
  }

  height(row: number, height: number): this {
    this.sheet.rowHeights.push({ row, height });
    return this;
  }

  chart(chart: PlanChart): this {
    this.sheet.charts.push(chart);
    return this;
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
