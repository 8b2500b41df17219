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
    const cell: PlanCell = { row, col, value };
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

/** Picks a sheet name: the wanted one, unless a user's own sheet has it; Excel's 31-character limit kept. */
export function allocateName(wanted: string, taken: Set<string>): string {
  const clean =
    wanted
      .replace(/[\\/?*[\]:]/g, " ")
      .replace(/^'+|'+$/g, "")
      .trim()
      .slice(0, 31) || "Report";
  const isTaken = (n: string) => taken.has(n.toLowerCase());
  let name = clean;
  for (let i = 2; isTaken(name); i++) {
    const suffix = ` (${i})`;
    name = `${clean.slice(0, 31 - suffix.length)}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}
