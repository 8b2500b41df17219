import ExcelJS from "exceljs";
import { sampleWorkbook } from "../../src/workbook";

/** The sample as plain-range sheets (headers in row 1, no Excel tables), to change before writing. */
export function plainSample(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of sampleWorkbook()) {
    if (s.table === null) continue;
    const ws = wb.addWorksheet(s.name);
    ws.addRow(s.columns.map((c) => c.header));
    for (const r of s.rows)
      ws.addRow(r.map((v) => (v === null || typeof v === "object" ? null : v)));
    s.columns.forEach((c, i) => {
      if (c.numFmt) ws.getColumn(i + 1).numFmt = c.numFmt;
    });
  }
  return wb;
}

export async function bufferOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
