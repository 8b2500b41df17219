import ExcelJS from "exceljs";
import { DataSheet } from "../workbook";

/** Writes a host-neutral workbook (the template, the sample) with each table as an Excel table. */
export async function writeDataWorkbook(sheets: readonly DataSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "CDRP analyst add-in";
  for (const s of sheets) {
    const ws = workbook.addWorksheet(s.name);
    s.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = c.width;
    });
    if (s.table === null) {
      ws.getCell(1, 1).value = s.columns[0]?.header ?? s.name;
      ws.getCell(1, 1).font = { bold: true, size: 13 };
      s.rows.forEach((row, r) =>
        row.forEach(
          (v, c) =>
            (ws.getCell(r + 2, c + 1).value = v === null || typeof v === "object" ? null : v)
        )
      );
      continue;
    }
    // An Excel table needs at least one data row; an empty contract table gets one blank row.
    const rows = s.rows.length > 0 ? s.rows : [s.columns.map(() => null)];
    ws.addTable({
      name: s.table,
      ref: "A1",
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: s.columns.map((c) => ({ name: c.header, filterButton: true })),
      rows: rows.map((r) => r.map((v) => (v === null || typeof v === "object" ? null : v))),
    });
    s.columns.forEach((c, i) => {
      if (!c.numFmt) return;
      for (let r = 0; r < rows.length; r++) ws.getCell(r + 2, i + 1).numFmt = c.numFmt;
    });
    for (const f of s.cellFormats ?? []) ws.getCell(f.row + 2, f.col + 1).numFmt = f.numFmt;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
