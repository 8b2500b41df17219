import ExcelJS from "exceljs";
import { a1, columnLetter, isCellError } from "../workbook";
import { MergeError, TableEdit } from "../workbook/import";

/** exceljs's typings omit a loaded table's model; these are the fields an import changes. */
interface TableModel {
  tableRef?: string;
  autoFilterRef?: string;
  totalsRow?: boolean;
}

function tableModel(ws: ExcelJS.Worksheet, name: string): TableModel | null {
  const map = (ws as unknown as { tables?: Record<string, { model?: TableModel }> }).tables ?? {};
  const key = Object.keys(map).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? null : (map[key]?.model ?? null);
}

function uniqueSheetName(workbook: ExcelJS.Workbook, name: string): string {
  const taken = new Set(workbook.worksheets.map((w) => w.name.toLowerCase()));
  if (!taken.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) if (!taken.has(`${name} (${i})`.toLowerCase())) return `${name} (${i})`;
}

function applyEdit(workbook: ExcelJS.Workbook, edit: TableEdit): void {
  if (edit.created) {
    const { header, rows, columns } = edit.created;
    const ws = workbook.addWorksheet(uniqueSheetName(workbook, edit.table));
    columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
    const body = rows.length > 0 ? rows : [header.map(() => null)];
    ws.addTable({
      name: edit.table,
      ref: "A1",
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: header.map((name) => ({ name, filterButton: true })),
      rows: body.map((r) => r.map((v) => (v === null || isCellError(v) ? null : v))),
    });
    columns.forEach((c, i) => {
      if (!c.numFmt) return;
      for (let r = 0; r < body.length; r++) ws.getCell(r + 2, i + 1).numFmt = c.numFmt;
    });
    return;
  }
  const grid = edit.grid;
  if (!grid) return;
  const ws = workbook.getWorksheet(grid.sheet);
  if (!ws) throw new MergeError(grid.sheet, "A1", "the sheet could not be found again.");
  const { row: top, col: left } = grid.origin;
  const width = (grid.rows[0] ?? []).length;
  const model = grid.source === "table" ? tableModel(ws, grid.name) : null;
  if (edit.rowCount > grid.rows.length) {
    // The table grows downwards: the cells it grows into must be free (nothing is pushed aside).
    for (let r = grid.rows.length; r < edit.rowCount; r++) {
      for (let c = 0; c < width; c++) {
        const v = ws.getCell(top + r + 1, left + c + 1).value;
        if (v !== null && v !== undefined && v !== "") {
          throw new MergeError(
            grid.sheet,
            a1(top + r, left + c),
            `the ${edit.table} table needs to grow to row ${top + edit.rowCount}, but this cell below it holds data; move it and import again.`
          );
        }
      }
    }
    if (model?.totalsRow) {
      throw new MergeError(
        grid.sheet,
        a1(top, left),
        `the ${edit.table} table has a totals row; remove it and import again.`
      );
    }
    if (model) {
      const last = `${columnLetter(left + width - 1)}${top + edit.rowCount}`;
      model.tableRef = `${a1(top, left)}:${last}`;
      if (model.autoFilterRef) model.autoFilterRef = model.tableRef;
    }
  }
  for (const w of edit.writes) {
    const cell = ws.getCell(top + w.row + 1, left + w.col + 1);
    cell.value = w.value === null || isCellError(w.value) ? null : w.value;
    if (w.numFmt) cell.numFmt = w.numFmt;
  }
}

/**
 * Applies an import's table edits to a loaded workbook and returns the new file's bytes. The
 * workbook goes through exceljs, as `cdrp report` does: every sheet's values, formats, tables,
 * merges and column widths are kept, but not charts, pivot tables or macros that a sheet may hold.
 */
export async function writeImportEdits(
  input: Buffer,
  edits: readonly TableEdit[]
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength) as ArrayBuffer
  );
  for (const e of edits) applyEdit(workbook, e);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
