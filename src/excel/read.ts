import { Cell, Grid, REPORT_MARKER, TABLE_NAMES, WorkbookSnapshot } from "../workbook";

/** What the first sync learns about the workbook, kept for the write step. */
export interface WorkbookInfo {
  snapshot: WorkbookSnapshot;
  structureProtected: boolean;
  protectedSheets: Set<string>;
}

type ValueType = Excel.RangeValueType | `${Excel.RangeValueType}`;

/** Excel's values and their types as snapshot cells: errors become { error }, blanks null. */
export function toCells(values: unknown[][], types: ValueType[][]): Cell[][] {
  return values.map((row, r) =>
    row.map((v, c): Cell => {
      const t = types[r]?.[c];
      if (t === "Empty" || v === "" || v === null || v === undefined) return null;
      if (t === "Error") return { error: String(v) };
      if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
      return String(v);
    })
  );
}

interface PendingGrid {
  name: string;
  sheet: string;
  source: Grid["source"];
  range: Excel.Range;
}

/**
 * Reads the contract's tables into a snapshot in two syncs whatever the workbook's size: the first
 * finds sheets, tables, markers and protection; the second loads every needed range at once.
 */
export async function readWorkbook(ctx: Excel.RequestContext): Promise<WorkbookInfo> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name,items/visibility,items/names/items/name,items/protection/protected");
  const tables = ctx.workbook.tables;
  tables.load("items/name,items/worksheet/name");
  const protection = ctx.workbook.protection;
  protection.load("protected");
  await ctx.sync();

  const wanted = new Set(TABLE_NAMES.map((n) => n.toLowerCase()));
  const pending: PendingGrid[] = [];
  const tableNames = new Set<string>();
  for (const t of tables.items) {
    if (!wanted.has(t.name.toLowerCase())) continue;
    tableNames.add(t.name.toLowerCase());
    const range = t.getRange();
    range.load("values,valueTypes,rowIndex,columnIndex");
    pending.push({ name: t.name, sheet: t.worksheet.name, source: "table", range });
  }
  for (const s of sheets.items) {
    const key = s.name.toLowerCase();
    if (!wanted.has(key) || tableNames.has(key)) continue; // a table of that name wins: no need to read the sheet
    const range = s.getUsedRangeOrNullObject(true);
    range.load("values,valueTypes,rowIndex,columnIndex");
    pending.push({ name: s.name, sheet: s.name, source: "sheet", range });
  }
  await ctx.sync();

  const grids = (source: Grid["source"]): Grid[] =>
    pending
      .filter((p) => p.source === source && !p.range.isNullObject)
      .map((p) => ({
        name: p.name,
        sheet: p.sheet,
        source,
        origin: { row: p.range.rowIndex, col: p.range.columnIndex },
        rows: toCells(p.range.values, p.range.valueTypes),
      }));
  const reportSheets = sheets.items
    .filter((s) => s.names.items.some((n) => n.name === REPORT_MARKER))
    .map((s) => s.name);
  return {
    snapshot: {
      sheetNames: sheets.items.map((s) => s.name),
      tables: grids("table"),
      sheets: grids("sheet"),
      reportSheets,
    },
    structureProtected: protection.protected,
    protectedSheets: new Set(sheets.items.filter((s) => s.protection.protected).map((s) => s.name)),
  };
}
