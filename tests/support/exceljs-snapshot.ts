import ExcelJS from "exceljs";
import { Cell, Grid, TABLE_NAMES, WorkbookSnapshot, parseA1 } from "../../src/workbook";
import { toCell } from "../../src/xlsx/excel-values";

/**
 * The reader the command line used before the bounded one: the whole workbook through exceljs.
 * Kept as an oracle: on ordinary workbooks the bounded reader must see exactly the grids it saw.
 */
export async function exceljsSnapshot(buffer: Buffer): Promise<WorkbookSnapshot> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer
  );
  const wanted = new Set(TABLE_NAMES.map((n) => n.toLowerCase()));
  const tables: Grid[] = [];
  const sheets: Grid[] = [];
  const gridOf = (
    ws: ExcelJS.Worksheet,
    name: string,
    source: Grid["source"],
    top: number,
    left: number,
    bottom: number,
    right: number
  ): Grid => {
    const rows: Cell[][] = [];
    for (let r = top; r <= bottom; r++) {
      const row = ws.getRow(r + 1);
      const cells: Cell[] = [];
      for (let c = left; c <= right; c++) cells.push(toCell(row.getCell(c + 1).value));
      rows.push(cells);
    }
    return { name, sheet: ws.name, source, origin: { row: top, col: left }, rows };
  };
  workbook.eachSheet((ws) => {
    const map =
      (ws as unknown as { tables?: Record<string, { table?: { tableRef?: unknown } }> }).tables ??
      {};
    for (const [name, t] of Object.entries(map)) {
      const ref = t.table?.tableRef;
      if (typeof ref !== "string" || !wanted.has(name.toLowerCase())) continue;
      const [from, to] = ref.split(":");
      const a = parseA1(from as string);
      const b = parseA1((to ?? from) as string);
      tables.push(gridOf(ws, name, "table", a.row, a.col, b.row, b.col));
    }
    if (wanted.has(ws.name.toLowerCase()) && ws.actualRowCount > 0) {
      sheets.push(
        gridOf(
          ws,
          ws.name,
          "sheet",
          0,
          0,
          Math.max(ws.rowCount - 1, 0),
          Math.max(ws.columnCount - 1, 0)
        )
      );
    }
  });
  return { sheetNames: workbook.worksheets.map((w) => w.name), tables, sheets, reportSheets: [] };
}
