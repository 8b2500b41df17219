import ExcelJS from "exceljs";
import JSZip from "jszip";
import { Cell, Grid, REPORT_MARKER, TABLE_NAMES, WorkbookSnapshot, parseA1 } from "../workbook";
import { unescape } from "./charts/xml";
import { toCell } from "./excel-values";

/** The file is not a workbook we can read: the CLI's exit code 2. */
export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookReadError";
  }
}

export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  snapshot: WorkbookSnapshot;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Sheets carrying the report marker: sheet-scoped defined names, read from workbook.xml. */
async function markedSheets(buffer: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file("xl/workbook.xml")?.async("string");
  if (!xml) return [];
  const names = [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) =>
    unescape(m[1] as string)
  );
  const marked: string[] = [];
  const re = new RegExp(`<definedName\\b([^>]*)\\bname="${REPORT_MARKER}"([^>]*)>`, "g");
  for (const m of xml.matchAll(re)) {
    const attrs = `${m[1] ?? ""} ${m[2] ?? ""}`;
    const id = /localSheetId="(\d+)"/.exec(attrs);
    const name = id ? names[Number(id[1])] : undefined;
    if (name !== undefined) marked.push(name);
  }
  return marked;
}

/** exceljs's typings omit worksheet.tables (name -> table with its model); this reads it safely. */
function tablesOf(ws: ExcelJS.Worksheet): { name: string; ref: string }[] {
  const map =
    (ws as unknown as { tables?: Record<string, { table?: { tableRef?: unknown } }> }).tables ?? {};
  const out: { name: string; ref: string }[] = [];
  for (const [name, t] of Object.entries(map)) {
    const ref = t.table?.tableRef;
    if (typeof ref === "string") out.push({ name, ref });
  }
  return out;
}

/** exceljs types its input as an ArrayBuffer-like; hand it exactly the bytes of the Node buffer. */
export function asArrayBuffer(buffer: Buffer): ArrayBuffer {
  return buffer.buffer.slice(
    buffer.byteOffset,
    buffer.byteOffset + buffer.byteLength
  ) as ArrayBuffer;
}

function gridOf(
  ws: ExcelJS.Worksheet,
  name: string,
  source: Grid["source"],
  top: number,
  left: number,
  bottom: number,
  right: number
): Grid {
  const rows: Cell[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = ws.getRow(r + 1);
    const cells: Cell[] = [];
    for (let c = left; c <= right; c++) cells.push(toCell(row.getCell(c + 1).value));
    rows.push(cells);
  }
  return { name, sheet: ws.name, source, origin: { row: top, col: left }, rows };
}

/**
 * Reads an .xlsx into the snapshot: the contract's Excel tables, and sheets named like contract
 * tables (read from A1) for files without tables. Anything that is not a readable workbook is a
 * WorkbookReadError with a sentence saying so.
 */
export async function readWorkbook(buffer: Buffer, fileName = "the file"): Promise<LoadedWorkbook> {
  if (buffer.length < 4 || !ZIP_MAGIC.every((b, i) => buffer[i] === b)) {
    throw new WorkbookReadError(
      `${fileName} is not an Excel workbook (.xlsx): it is not a zip package. Save it from Excel as "Excel Workbook (*.xlsx)".`
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(asArrayBuffer(buffer));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new WorkbookReadError(`${fileName} could not be read as an Excel workbook (${why}).`);
  }
  const wanted = new Set(TABLE_NAMES.map((n) => n.toLowerCase()));
  const tables: Grid[] = [];
  const sheets: Grid[] = [];
  workbook.eachSheet((ws) => {
    for (const { name: tableName, ref } of tablesOf(ws)) {
      if (!wanted.has(tableName.toLowerCase())) continue;
      const [from, to] = ref.split(":");
      const a = parseA1(from as string);
      const b = parseA1((to ?? from) as string);
      tables.push(gridOf(ws, tableName, "table", a.row, a.col, b.row, b.col));
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
  const reportSheets = await markedSheets(buffer);
  return {
    workbook,
    snapshot: { sheetNames: workbook.worksheets.map((w) => w.name), tables, sheets, reportSheets },
  };
}
