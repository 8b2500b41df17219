/**
 * A plan sheet's cells by address, built once per sheet for both its writers: the sheet XML
 * (rows and cells in ascending order) and the charts' caches (the value at an address). One cell
 * per address, the plan's last word winning, as Excel would hold it.
 */
import { PlanCell, PlanSheet } from "../../workbook";

export class SheetCells {
  /** Rows in ascending order, each with its cells in ascending columns (rows with a height too). */
  readonly rows: { row: number; cells: PlanCell[] }[];
  private readonly byRow = new Map<number, PlanCell[]>();

  constructor(sheet: PlanSheet) {
    const rows = new Map<number, PlanCell[]>();
    for (const c of sheet.cells) {
      const row = rows.get(c.row);
      if (row) row.push(c);
      else rows.set(c.row, [c]);
    }
    for (const h of sheet.rowHeights) if (!rows.has(h.row)) rows.set(h.row, []);
    // Rows are grouped first and sorted each on its own: a row holds a few cells, a sheet a million.
    this.rows = [...rows.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([row, cells]) => {
        // A stable sort keeps the plan's order within a column: the last of a column wins.
        const sorted = cells.length > 1 ? [...cells].sort((a, b) => a.col - b.col) : cells;
        const unique = sorted.filter((c, i) => sorted[i + 1]?.col !== c.col);
        this.byRow.set(row, unique);
        return { row, cells: unique };
      });
  }

  /** The value at an address; null where the plan has no cell. */
  value(row: number, col: number): string | number | null {
    const cells = this.byRow.get(row);
    if (!cells) return null;
    let lo = 0;
    let hi = cells.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = cells[mid] as PlanCell;
      if (c.col === col) return c.value;
      if (c.col < col) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }
}
