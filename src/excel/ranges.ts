import { Cell } from "../workbook";
import { HostError } from "./errors";

/**
 * The one place that reads cell values through Office.js (a test fails the build if another file in
 * src/ loads `values`): the check, generate and the import's tables, and the import's peer and
 * population sheets, all read here, in bounded pieces, never trusting `values` to be there.
 */

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

/** A range to read, with how many columns it is expected to have (to size the first read). */
export interface RangeToRead {
  /** What the person knows it as (a table or sheet name), for the sentence when it cannot be read. */
  name: string;
  range: Excel.Range;
  expectedColumns: number;
  /**
   * Its share of the first read relative to the others' (1 if not given): a table that usually
   * holds thousands of rows takes a larger share, so an ordinary workbook is read in one sync.
   */
  weight?: number;
}

/** A range's cells, where it starts, and what it took. */
export interface RangeCells {
  origin: { row: number; col: number };
  rows: Cell[][];
}

interface Pending extends RangeToRead {
  /** The top-left part of the range, read with the dimensions in the first sync. */
  window: Excel.Range;
}

/** Rows of one range still to read after the first sync. */
interface Chunk {
  range: number;
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
    message: `Excel would not return the cells of "${name}", even a few rows at a time. Check that it has no stray cells far below or to the right of its data (press Ctrl+End on its sheet), then try again.`,
  });
}

/** Values and types of a loaded range, or the sentence when Excel sent null (over its cell limit). */
function cellsOf(r: Excel.Range, name: string): Cell[][] {
  if (r.values === null || r.valueTypes === null) throw tooLarge(name);
  return toCells(r.values, r.valueTypes);
}

/**
 * Reads the rest of the ranges in syncs of at most READ_CELLS_PER_SYNC cells, each chunk a block of
 * whole rows. A refused response is retried with every chunk of that sync cut in half.
 */
async function readChunks(
  ctx: Excel.RequestContext,
  pending: readonly Pending[],
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
      const p = pending[c.range] as Pending;
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
        throw tooLarge((pending[only.range] as Pending).name);
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
      const p = pending[c.range] as Pending;
      const target = rows[c.range] as Cell[][];
      cellsOf(ranges[i] as Excel.Range, p.name).forEach((row, k) => (target[c.first + k] = row));
    });
  }
  return syncs;
}

/**
 * Reads ranges whose size is not known yet. The first sync loads each range's size with its first
 * rows (all of them in an ordinary workbook: the ranges share READ_CELLS_PER_SYNC cells by weight); only large
 * ranges need more syncs, each under READ_CELLS_PER_SYNC cells and refused responses halved.
 */
export async function readRanges(
  ctx: Excel.RequestContext,
  targets: readonly RangeToRead[]
): Promise<{ ranges: RangeCells[]; syncs: number }> {
  if (targets.length === 0) return { ranges: [], syncs: 0 };
  const weights = targets.reduce((n, t) => n + (t.weight ?? 1), 0);
  const pending: Pending[] = targets.map((t) => {
    const share = Math.floor((READ_CELLS_PER_SYNC * (t.weight ?? 1)) / weights);
    const cols = Math.max(1, t.expectedColumns);
    const rows = Math.max(1, Math.floor(share / cols));
    t.range.load("rowIndex,columnIndex,rowCount,columnCount");
    const window = t.range.getIntersectionOrNullObject(
      t.range.getCell(0, 0).getResizedRange(rows - 1, cols - 1)
    );
    window.load("values,valueTypes,rowCount,columnCount");
    return { ...t, window };
  });
  let syncs = 1;
  let windows = true;
  try {
    await ctx.sync();
  } catch (e) {
    if (!refused(e)) throw e;
    // Even the first rows were too much: learn each range's size alone, then read in chunks.
    windows = false;
    for (const p of pending) p.range.load("rowIndex,columnIndex,rowCount,columnCount");
    await ctx.sync();
    syncs++;
  }

  const rows: Cell[][][] = [];
  const chunks: Chunk[] = [];
  pending.forEach((p, i) => {
    const w = p.window;
    const total = p.range.rowCount;
    const width = p.range.columnCount;
    const whole = windows && !w.isNullObject && w.columnCount === width;
    const got = whole ? cellsOf(w, p.name) : [];
    rows.push(got);
    const per = Math.max(1, Math.floor(READ_CELLS_PER_SYNC / width));
    for (let first = got.length; first < total; first += per)
      chunks.push({ range: i, first, count: Math.min(per, total - first), columns: width });
  });
  syncs += await readChunks(ctx, pending, chunks, rows);
  return {
    ranges: pending.map((p, i) => ({
      origin: { row: p.range.rowIndex, col: p.range.columnIndex },
      rows: rows[i] as Cell[][],
    })),
    syncs,
  };
}
