/**
 * Data sheets added to a written workbook as new sheets, each holding its Excel table, by the
 * package writer (write/table-sheet.ts: the sheet's XML as text) rather than exceljs, which keeps
 * an object per cell: a new import's AreaMonthly can hold hundreds of thousands of rows, which
 * exceljs would take hundreds of megabytes to write (spec/open-data.md's memory budget).
 */
import { DataSheet } from "../workbook";
import type { TableEdit } from "../workbook/import";
import { writeImportEdits } from "./import-write";

export async function appendDataSheets(
  workbook: Buffer,
  sheets: readonly DataSheet[]
): Promise<Buffer> {
  if (sheets.length === 0) return workbook;
  const edits: TableEdit[] = sheets.map((s) => ({
    table: s.table as TableEdit["table"],
    grid: null,
    rowCount: s.rows.length + 1,
    writes: [],
    created: { header: s.columns.map((c) => c.header), rows: s.rows, columns: s.columns },
  }));
  return writeImportEdits(workbook, edits);
}
