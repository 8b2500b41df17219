import { writeFileSync } from "fs";
import { Cell, DataSheet, sampleWorkbook } from "../../src/workbook";
import { writeDataWorkbook } from "../../src/xlsx";

/** A deep copy of the sample, to change one thing in. */
export function sampleCopy(): DataSheet[] {
  return sampleWorkbook().map((s) => ({ ...s, columns: [...s.columns], rows: s.rows.map((r) => [...r]) }));
}

export function sheet(sheets: DataSheet[], name: string): DataSheet {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Sets one cell of a data sheet (row index among data rows, column by header). */
export function setCell(sheets: DataSheet[], name: string, row: number, header: string, value: Cell): void {
  const s = sheet(sheets, name);
  const col = s.columns.findIndex((c) => c.header === header);
  const r = s.rows[row];
  if (col < 0 || !r) throw new Error(`no cell ${name}[${row}].${header}`);
  r[col] = value;
}

export async function writeXlsx(file: string, sheets: DataSheet[]): Promise<void> {
  writeFileSync(file, await writeDataWorkbook(sheets));
}
