import { Cell, Grid, REPORT_MARKER, TABLE_NAMES, TABLE_SPECS, WorkbookSnapshot } from "../workbook";
import { HostError } from "./errors";

/** What the first sync learns about the workbook, kept for the write step. */
export interface WorkbookInfo {
  snapshot: WorkbookSnapshot;
  structureProtected: boolean;
  protectedSheets: Set<string>;
  /** Syncs the read took: 2 for an ordinary workbook, more only for a large one. */
  readSyncs: number;
}

type ValueType = Excel.RangeValueType | `${Excel.RangeValueType}`;

/** Excel's values and their types as snapshot cells: errors become { error }, blanks null. */
export function toCells(values: readonly unknown[][], types: readonly ValueType[][]): Cell[][] {
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

/**
 * Cells one sync may ask for. Excel on the web refuses responses over 5 MB and every platform limits
 * a get to five million cells, where Range.values may come back null (office-js-docs-pr
 * docs/concepts/resource-limits-and-performance-optimization.md, "Excel add-ins";
 * docs/excel/performance.md, "Payload size limit best practices"). Values and their types take
 * about 30 bytes a cell, so 100,000 cells is near 3 MB; a response refused anyway is read again in
 * halves.
 */
export const READ_CELLS_PER_SYNC = 100_000;
/** Columns read beyond the contract's own in the first pass (a table may have a notes column). */
const SPARE_COLUMNS = 4;

interface PendingGrid {
  name: string;
  sheet: string;
  source: Grid["source"];
  range: Excel.Range;
  /** The top-left part of the range, read with the dimensions in the second sync. */
  window: Excel.Range;
}

/** Rows of one grid still to read after the second sync. */
interface Chunk {
  grid: number;
  first: number;
  count: number;
  columns: number;
}

const codeOf = (e: unknown) => (e as { code?: unknown } | null)?.code;
/** Excel refused to hand over that much (5 MB response, or the cell limit as an error). */
const refused = (e: unknown) =>
  codeOf(e) === "ResponsePayloadSizeLimitExceeded" || codeOf(e) === "RangeExceedsLimit";

function tooLarge(name: string): HostError {
  return new HostError({
    code: "ResponsePayloadSizeLimitExceeded",
    title: "A table is too large for Excel to hand over",
    message: `Excel would not return the cells of "${name}", even a few rows at a time. Check that the table has no stray cells far below or to the right of its data (press Ctrl+End on its sheet), then check again.`,
  });
}

/**
 * Reads the rest of the grids in syncs of at most READ_CELLS_PER_SYNC cells, each chunk a block of
 * whole rows. A refused response is retried with every chunk of that sync cut in half.
 */
async function readChunks(
  ctx: Excel.RequestContext,
  pending: readonly PendingGrid[],
  chunks: Chunk[],
  rows: Cell[][][]
): Promise<number> {
  let syncs = 0;
  let budget = READ_CELLS_PER_SYNC;
  let queue = chunks;
  while (queue.length > 0) {
    const batch: Chunk[] = [];
    let cells = 0;
    while (queue.length > 0) {
      const c = queue[0] as Chunk;
      if (batch.length > 0 && cells + c.count * c.columns > budget) break;
      batch.push(c);
      cells += c.count * c.columns;
      queue = queue.slice(1);
    }
    const ranges = batch.map((c) => {
      const p = pending[c.grid] as PendingGrid;
      const r = p.range.getCell(c.first, 0).getResizedRange(c.count - 1, c.columns - 1);
      r.load("values,valueTypes");
      return r;
    });
    try {
      await ctx.sync();
      syncs++;
    } catch (e) {
      syncs++;
      if (!refused(e)) throw e;
      const only = batch[0] as Chunk;
      if (batch.length === 1 && only.count === 1)
        throw tooLarge((pending[only.grid] as PendingGrid).name);
      // Half the cells per sync from now on, and every chunk of this sync cut in two.
      budget = Math.max(1, Math.floor(cells / 2));
      const halves = batch.flatMap((c) => {
        if (c.count === 1) return [c];
        const a = Math.ceil(c.count / 2);
        return [
          { ...c, count: a },
          { ...c, first: c.first + a, count: c.count - a },
        ];
      });
      queue = [...halves, ...queue];
      continue;
    }
    batch.forEach((c, i) => {
      const r = ranges[i] as Excel.Range;
      if (r.values === null || r.valueTypes === null)
        throw tooLarge((pending[c.grid] as PendingGrid).name);
      const target = rows[c.grid] as Cell[][];
      toCells(r.values, r.valueTypes).forEach((row, k) => (target[c.first + k] = row));
    });
  }
  return syncs;
}

function specColumns(name: string): number {
  const key = TABLE_NAMES.find((n) => n.toLowerCase() === name.toLowerCase());
  if (!key) return 1;
  const spec = TABLE_SPECS[key];
  return spec.required.length + spec.optional.length;
}

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
  const found: Omit<PendingGrid, "window">[] = [];
  const tableNames = new Set<string>();
  for (const t of tables.items) {
    if (!wanted.has(t.name.toLowerCase())) continue;
    tableNames.add(t.name.toLowerCase());
    // Table.getRange() includes a totals row (ExcelApi 1.3, Table.showTotals): it is not data.
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
  const share = Math.floor(READ_CELLS_PER_SYNC / Math.max(1, found.length));
  const pending: PendingGrid[] = found.map((f) => {
    const cols = specColumns(f.name) + SPARE_COLUMNS;
    const rows = Math.max(1, Math.floor(share / cols));
    f.range.load("rowIndex,columnIndex,rowCount,columnCount");
    const window = f.range.getIntersectionOrNullObject(
      f.range.getCell(0, 0).getResizedRange(rows - 1, cols - 1)
    );
    window.load("values,valueTypes,rowCount,columnCount");
    return { ...f, window };
  });
  let readSyncs = 2;
  let windows = true;
  try {
    await ctx.sync();
  } catch (e) {
    if (!refused(e)) throw e;
    // Even the first rows were too much: learn each range's size alone, then read in chunks.
    windows = false;
    for (const p of pending) p.range.load("rowIndex,columnIndex,rowCount,columnCount");
    await ctx.sync();
    readSyncs++;
  }

  const rows: Cell[][][] = [];
  const chunks: Chunk[] = [];
  pending.forEach((p, g) => {
    const w = p.window;
    const total = p.range.rowCount;
    const width = p.range.columnCount;
    const whole = windows && !w.isNullObject && w.columnCount === width;
    if (whole && (w.values === null || w.valueTypes === null)) throw tooLarge(p.name);
    const got = whole ? toCells(w.values, w.valueTypes) : [];
    rows.push(got);
    const per = Math.max(1, Math.floor(READ_CELLS_PER_SYNC / width));
    for (let first = got.length; first < total; first += per)
      chunks.push({ grid: g, first, count: Math.min(per, total - first), columns: width });
  });
  readSyncs += await readChunks(ctx, pending, chunks, rows);

  const blank = (p: PendingGrid, r: Cell[][]) =>
    p.source === "sheet" && r.length === 1 && r[0]?.length === 1 && r[0][0] === null;
  const grids = (source: Grid["source"]): Grid[] =>
    pending
      .map((p, g) => ({ p, r: rows[g] as Cell[][] }))
      .filter(({ p, r }) => p.source === source && !blank(p, r))
      .map(({ p, r }) => ({
        name: p.name,
        sheet: p.sheet,
        source,
        origin: { row: p.range.rowIndex, col: p.range.columnIndex },
        rows: r,
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
    readSyncs,
  };
}
