import { Cell, a1, isCellError, parseA1 } from "../workbook";
import { CellWrite, TableEdit, mergeImport } from "../workbook/import/merge";
import type { ImportWarning } from "../workbook/import/police-tally";
import type { PoliceImport } from "../workbook/import/police-import";
import { MAX_REQUEST_BYTES, WriteBatch, opBytes } from "./batch";
import { HostCapabilities, capabilityLimits, detectCapabilities } from "./capabilities";
import { CellBlock, TEXT_FORMAT, addTableRows, columnWidthPoints, splitRows } from "./cells";
import { HostError, describeError } from "./errors";
import { readRanges } from "./ranges";
import { readWorkbook } from "./read";

/** A rectangle of writes on a sheet: one range, its values and (unless left alone) its formats. */
export interface WriteBlock extends CellBlock {
  sheet: string;
}

/** A block of cells is at most this much of a request. */
const MAX_BLOCK_BYTES = MAX_REQUEST_BYTES / 4;
/** Blank rows added to a table per TableRowCollection.add (their blanks travel in the request). */
const ROWS_PER_ADD = 20_000;

const value = (c: Cell): string | number | boolean => (c === null || isCellError(c) ? "" : c);

/**
 * A table's cell writes as few rectangles as possible: runs of neighbouring cells in a row, then
 * rows with the same run one under another (an appended month is one block for all its columns).
 */
export function writeBlocks(
  sheet: string,
  origin: { row: number; col: number },
  writes: readonly CellWrite[]
): WriteBlock[] {
  const byRow = new Map<number, CellWrite[]>();
  for (const w of writes) {
    const list = byRow.get(w.row);
    if (list) list.push(w);
    else byRow.set(w.row, [w]);
  }
  interface Run {
    row: number;
    from: number;
    cells: CellWrite[];
    formatted: boolean;
  }
  const runs: Run[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cells = (byRow.get(row) as CellWrite[]).sort((a, b) => a.col - b.col);
    let run: Run | null = null;
    for (const c of cells) {
      const formatted = c.numFmt !== null;
      if (run && run.from + run.cells.length === c.col && run.formatted === formatted)
        run.cells.push(c);
      else runs.push((run = { row, from: c.col, cells: [c], formatted }));
    }
  }
  const blocks: { first: Run; rows: Run[] }[] = [];
  for (const r of runs) {
    const last = blocks[blocks.length - 1];
    const prev = last?.rows[last.rows.length - 1];
    if (
      last &&
      prev &&
      prev.row + 1 === r.row &&
      prev.from === r.from &&
      prev.cells.length === r.cells.length &&
      prev.formatted === r.formatted
    )
      last.rows.push(r);
    else blocks.push({ first: r, rows: [r] });
  }
  return blocks.map(({ first, rows }) => {
    const top = origin.row + first.row;
    const left = origin.col + first.from;
    const values = rows.map((r) => r.cells.map((c) => value(c.value)));
    const numberFormat = first.formatted
      ? rows.map((r) => r.cells.map((c) => c.numFmt as string))
      : null;
    const address = `${a1(top, left)}:${a1(top + rows.length - 1, left + first.cells.length - 1)}`;
    return { sheet, address, values, numberFormat };
  });
}

/** A block cut into blocks of whole rows that each fit MAX_BLOCK_BYTES. */
function bounded(b: WriteBlock): WriteBlock[] {
  const top = parseA1(b.address.split(":")[0] as string);
  return splitRows(top.row, top.col, b.values, b.numberFormat, MAX_BLOCK_BYTES).map((x) => ({
    ...x,
    sheet: b.sheet,
  }));
}

export interface PaneImportResult {
  /** The tables changed or created. */
  tables: string[];
  warnings: ImportWarning[];
  syncs: number;
  /** The estimate of each write request, each an upper bound of what was sent. */
  requestEstimates?: number[];
  /** What this Excel could not do (the same sentences as after Generate). */
  notes?: string[];
}

/**
 * Reads a sheet's used range for a peer list or a population table, through the bounded reader
 * (ranges.ts): 1 sync for an ordinary sheet, more pieces for a large one, never an unbounded get.
 */
export async function readSheetCells(ctx: Excel.RequestContext, sheet: string): Promise<Cell[][]> {
  // getUsedRange, not ...OrNullObject: a blank sheet gives its top-left cell (excel.worksheet.yml).
  const used = ctx.workbook.worksheets.getItem(sheet).getUsedRange(true);
  const read = await readRanges(ctx, [{ name: sheet, range: used, expectedColumns: 8 }]);
  const rows = read.ranges[0]?.rows ?? [];
  return rows.length === 1 && rows[0]?.length === 1 && rows[0][0] === null ? [] : rows;
}

/** The workbook's sheet names, for the pane's lists (1 sync). */
export async function listSheets(ctx: Excel.RequestContext): Promise<string[]> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name");
  await ctx.sync();
  return sheets.items.map((s) => s.name);
}

/** Queues a table the import creates, on a new sheet (a name no sheet has). */
async function created(
  ctx: Excel.RequestContext,
  batch: WriteBatch,
  edit: TableEdit,
  taken: Set<string>
): Promise<void> {
  const c = edit.created;
  if (!c) return;
  let name: string = edit.table;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${edit.table} (${i})`;
  taken.add(name.toLowerCase());
  const sheetName = name;
  const ws = () => ctx.workbook.worksheets.getItem(sheetName);
  await batch.add(opBytes(1, name), () => ctx.workbook.worksheets.add(sheetName), true);
  const rows: Cell[][] = [c.header, ...(c.rows.length > 0 ? c.rows : [c.header.map(() => null)])];
  const formats = rows.map((row, r) =>
    row.map((v, i) =>
      typeof v === "string" || r === 0 ? TEXT_FORMAT : (c.columns[i]?.numFmt ?? "General")
    )
  );
  const values = rows.map((row) => row.map(value));
  for (const block of splitRows(0, 0, values, formats, MAX_BLOCK_BYTES))
    await batch.cells(() => ws().getRange(block.address), block);
  const address = `A1:${a1(rows.length - 1, c.header.length - 1)}`;
  await batch.add(opBytes(4 * c.columns.length + 4, edit.table), () => {
    c.columns.forEach(
      (col, i) =>
        (ws().getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth =
          columnWidthPoints(col.width))
    );
    ws().tables.add(address, true).name = edit.table;
  });
}

/**
 * The pane's import: the same merge as `cdrp import --into`, into the open workbook. Reads the
 * contract's tables (2 syncs), merges in memory, then writes in as few requests as stay under 4 MB
 * (one for an ordinary import; the first typed write of a session goes alone): tables grow by rows
 * added at their end, and every change is a cell write through cells.ts, so text stays text.
 */
export async function importIntoWorkbook(
  ctx: Excel.RequestContext,
  imp: PoliceImport,
  caps: HostCapabilities = detectCapabilities()
): Promise<PaneImportResult> {
  const info = await readWorkbook(ctx);
  const plan = mergeImport(info.snapshot, imp);
  const touched = plan.edits.map((e) => e.grid?.sheet).filter((s): s is string => s !== undefined);
  const locked = [...new Set(touched.filter((s) => info.protectedSheets.has(s)))];
  if (locked.length > 0) {
    throw new HostError({
      code: "AccessDenied",
      title: "A sheet is protected",
      message: `The import writes to ${locked.map((s) => `"${s}"`).join(", ")}, which ${locked.length > 1 ? "are" : "is"} protected. Unprotect ${locked.length > 1 ? "them" : "it"} (Review > Unprotect Sheet) and import again. Nothing was written.`,
    });
  }
  if (info.structureProtected && plan.edits.some((e) => e.created)) {
    throw new HostError({
      code: "AccessDenied",
      title: "The workbook's structure is protected",
      message:
        "The import needs to add a sheet. Unprotect the workbook (Review > Protect Workbook) and import again. Nothing was written.",
    });
  }
  const batch = new WriteBatch(ctx, caps);
  try {
    await writeEdits(ctx, batch, plan.edits, info.snapshot.sheetNames);
  } catch (e) {
    throw batch.applied > 0 ? partWay(e, plan.edits) : e;
  }
  return {
    tables: plan.edits.filter((e) => e.created || e.writes.length > 0).map((e) => e.table),
    warnings: plan.warnings,
    syncs: info.readSyncs + batch.syncs,
    requestEstimates: [...batch.estimates],
    notes: capabilityLimits(caps, "import"),
  };
}

/**
 * A large import takes several requests, and Office.js undoes none of them when a later one fails:
 * the sentence says so rather than "nothing was changed".
 */
function partWay(e: unknown, edits: readonly TableEdit[]): HostError {
  const problem = describeError(e);
  const tables = [...new Set(edits.map((x) => `"${x.table}"`))].join(", ");
  return new HostError({
    code: problem.code,
    title: "The import stopped part-way",
    message: `${problem.title}: ${problem.message} Some of the import was already written to ${tables}: rows added at the end of a table may be blank. Delete any blank rows at the end of those tables, then import again; the import merges, so rows already written are not doubled.`,
  });
}

/** Queues every table edit of the merge: new tables, rows added at a table's end, cell writes. */
async function writeEdits(
  ctx: Excel.RequestContext,
  batch: WriteBatch,
  edits: readonly TableEdit[],
  sheetNames: readonly string[]
): Promise<void> {
  const taken = new Set(sheetNames.map((s) => s.toLowerCase()));
  for (const edit of edits) {
    if (edit.created) {
      await created(ctx, batch, edit, taken);
      continue;
    }
    const grid = edit.grid;
    if (!grid) continue;
    const width = (grid.rows[0] ?? []).length;
    const grow = edit.rowCount - grid.rows.length;
    if (grow > 0 && grid.source === "table") {
      // Excel inserts the rows inside the table, moving whatever is below it down.
      for (let done = 0; done < grow; done += ROWS_PER_ADD) {
        const count = Math.min(ROWS_PER_ADD, grow - done);
        await batch.add(opBytes(2) + count * (2 + 3 * width), () =>
          addTableRows(ctx.workbook.tables.getItem(grid.name), count, width)
        );
      }
    }
    const ws = () => ctx.workbook.worksheets.getItem(grid.sheet);
    for (const b of writeBlocks(grid.sheet, grid.origin, edit.writes).flatMap(bounded))
      await batch.cells(() => ws().getRange(b.address), b);
  }
  await batch.flush();
}
