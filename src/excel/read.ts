import { Cell, Grid, REPORT_MARKER, TABLE_NAMES, TABLE_SPECS, WorkbookSnapshot } from "../workbook";
import { readRanges } from "./ranges";

/** What the first sync learns about the workbook, kept for the write step. */
export interface WorkbookInfo {
  snapshot: WorkbookSnapshot;
  structureProtected: boolean;
  protectedSheets: Set<string>;
  /** Report sheets hidden with VeryHidden, which Excel will not delete until they are shown. */
  veryHidden: Set<string>;
  /** Syncs the read took: 2 for an ordinary workbook, more only for a large one. */
  readSyncs: number;
}

/** Columns read beyond the contract's own in the first pass (a table may have a notes column). */
const SPARE_COLUMNS = 4;

interface Found {
  name: string;
  sheet: string;
  source: Grid["source"];
  range: Excel.Range;
}

function specColumns(name: string): number {
  const key = TABLE_NAMES.find((n) => n.toLowerCase() === name.toLowerCase());
  if (!key) return 1;
  const spec = TABLE_SPECS[key];
  return spec.required.length + spec.optional.length;
}

/**
 * The tables that hold a row per month (and per area): they take most of the first read's cells,
 * the short tables (Settings, Measures, MARAC, ...) the rest, so a quarter's workbook with its
 * areas is read whole in the first read rather than needing another sync for AreaMonthly.
 */
const FIRST_READ_WEIGHT: Record<string, number> = {
  monthly: 8,
  peers: 4,
  areamonthly: 8,
  areas: 2,
};

/**
 * Reads the contract's tables into a snapshot. The first sync finds sheets, tables, markers and
 * protection; the second loads each range's size with its first rows (all of them in an ordinary
 * workbook); only a large workbook needs more syncs, each under READ_CELLS_PER_SYNC cells.
 */
export async function readWorkbook(ctx: Excel.RequestContext): Promise<WorkbookInfo> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name,items/visibility,items/names/items/name,items/protection/protected");
  const tables = ctx.workbook.tables;
  tables.load("items/name,items/worksheet/name,items/showTotals");
  const protection = ctx.workbook.protection;
  protection.load("protected");
  await ctx.sync();

  const wanted = new Set(TABLE_NAMES.map((n) => n.toLowerCase()));
  const found: Found[] = [];
  const tableNames = new Set<string>();
  for (const t of tables.items) {
    if (!wanted.has(t.name.toLowerCase())) continue;
    tableNames.add(t.name.toLowerCase());
    // Table.getRange() includes a totals row (Table.showTotals, ExcelApi 1.1): it is not data.
    const range = t.showTotals ? t.getRange().getResizedRange(-1, 0) : t.getRange();
    found.push({ name: t.name, sheet: t.worksheet.name, source: "table", range });
  }
  for (const s of sheets.items) {
    const key = s.name.toLowerCase();
    if (!wanted.has(key) || tableNames.has(key)) continue; // a table of that name wins: no need to read the sheet
    // getUsedRange, not ...OrNullObject: a blank sheet gives its top-left cell, so nothing below
    // is called on a null object.
    found.push({ name: s.name, sheet: s.name, source: "sheet", range: s.getUsedRange(true) });
  }
  const read = await readRanges(
    ctx,
    found.map((f) => ({
      name: f.name,
      range: f.range,
      expectedColumns: specColumns(f.name) + SPARE_COLUMNS,
      weight: FIRST_READ_WEIGHT[f.name.toLowerCase()] ?? 1,
    }))
  );
  const readSyncs = 1 + read.syncs;

  const blank = (f: Found, r: Cell[][]) =>
    f.source === "sheet" && r.length === 1 && r[0]?.length === 1 && r[0][0] === null;
  const grids = (source: Grid["source"]): Grid[] =>
    found
      .map((f, g) => ({ f, r: read.ranges[g] as { origin: Grid["origin"]; rows: Cell[][] } }))
      .filter(({ f, r }) => f.source === source && !blank(f, r.rows))
      .map(({ f, r }) => ({
        name: f.name,
        sheet: f.sheet,
        source,
        origin: r.origin,
        rows: r.rows,
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
    veryHidden: new Set(
      sheets.items
        .filter((s) => s.visibility === "VeryHidden" && reportSheets.includes(s.name))
        .map((s) => s.name)
    ),
    readSyncs,
  };
}
