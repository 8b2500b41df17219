import { Cell, a1, isCellError } from "../workbook";
import { CellWrite, TableEdit, mergeImport } from "../workbook/import/merge";
import type { ImportWarning } from "../workbook/import/police-tally";
import type { PoliceImport } from "../workbook/import/police-import";
import { TEXT_FORMAT, columnWidthPoints } from "./cells";
import { HostError } from "./errors";
import { readWorkbook, toCells } from "./read";
import { MAX_REQUEST_BYTES } from "./render";

/** A rectangle of writes: one range, its values and (unless left alone) its number formats. */
export interface WriteBlock {
  sheet: string;
  address: string;
  values: (string | number | boolean)[][];
  numberFormat: string[][] | null;
  bytes: number;
}

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
    const bytes =
      JSON.stringify(values).length +
      (numberFormat ? JSON.stringify(numberFormat).length : 0) +
      200;
    return { sheet, address, values, numberFormat, bytes };
  });
}

export interface PaneImportResult {
  /** The tables changed or created. */
  tables: string[];
  warnings: ImportWarning[];
  syncs: number;
}

/** Reads a sheet's used range for a peer list or a population table (1 sync). */
export async function readSheetCells(ctx: Excel.RequestContext, sheet: string): Promise<Cell[][]> {
  const used = ctx.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true);
  used.load("values,valueTypes");
  await ctx.sync();
  const cellsOf = (r: Excel.Range): Cell[][] =>
    r.isNullObject ? [] : toCells(r.values, r.valueTypes);
  return cellsOf(used);
}

/** The workbook's sheet names, for the pane's lists (1 sync). */
export async function listSheets(ctx: Excel.RequestContext): Promise<string[]> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name");
  await ctx.sync();
  return sheets.items.map((s) => s.name);
}

/** A piece of the import's writes, with its estimated size in the request. */
interface WritePart {
  bytes: number;
  queue: () => void;
}

/** Rows of a created table written per range: AreaMonthly can hold hundreds of thousands. */
const CREATED_ROWS_PER_BLOCK = 20_000;

/**
 * A table the workbook lacks, on a new sheet: the sheet and its column widths, then its cells in
 * blocks of rows (each its own part, so no request passes the 4 MB limit), then the table over them.
 */
function created(ctx: Excel.RequestContext, edit: TableEdit, taken: Set<string>): WritePart[] {
  const c = edit.created;
  if (!c) return [];
  let name: string = edit.table;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${edit.table} (${i})`;
  taken.add(name.toLowerCase());
  const rows: Cell[][] = [c.header, ...(c.rows.length > 0 ? c.rows : [c.header.map(() => null)])];
  const last = a1(rows.length - 1, c.header.length - 1);
  let ws: Excel.Worksheet | null = null;
  const sheet = (): Excel.Worksheet => ws as Excel.Worksheet;
  const parts: WritePart[] = [
    {
      bytes: 500,
      queue: () => {
        ws = ctx.workbook.worksheets.add(name);
        c.columns.forEach(
          (col, i) =>
            (sheet().getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth =
              columnWidthPoints(col.width))
        );
      },
    },
  ];
  for (let top = 0; top < rows.length; top += CREATED_ROWS_PER_BLOCK) {
    const block = rows.slice(top, top + CREATED_ROWS_PER_BLOCK);
    const formats = block.map((row, r) =>
      row.map((v, i) =>
        typeof v === "string" || top + r === 0 ? TEXT_FORMAT : (c.columns[i]?.numFmt ?? "General")
      )
    );
    const values = block.map((row) => row.map(value));
    parts.push({
      bytes: JSON.stringify(values).length + JSON.stringify(formats).length + 200,
      queue: () => {
        const target = sheet().getRange(
          `${a1(top, 0)}:${a1(top + block.length - 1, c.header.length - 1)}`
        );
        target.numberFormat = formats;
        target.values = values;
      },
    });
  }
  parts.push({
    bytes: 300,
    queue: () => void (sheet().tables.add(`A1:${last}`, true).name = edit.table),
  });
  return parts;
}

/**
 * The pane's import: the same merge as `cdrp import --into`, into the open workbook. Reads the
 * contract's tables (2 syncs), merges in memory, then writes in one batch (more only when the
 * writes pass the 4 MB request limit): tables grow by rows added at their end, and every change is
 * a cell write; text is given the Text format before its value, so it never becomes a formula.
 */
export async function importIntoWorkbook(
  ctx: Excel.RequestContext,
  imp: PoliceImport
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
  let syncs = 2;
  let pending = 0;
  const taken = new Set(info.snapshot.sheetNames.map((s) => s.toLowerCase()));
  const tablesByName = ctx.workbook.tables;
  for (const edit of plan.edits) {
    if (edit.created) {
      for (const part of created(ctx, edit, taken)) {
        if (pending > 0 && pending + part.bytes > MAX_REQUEST_BYTES) {
          await ctx.sync();
          syncs++;
          pending = 0;
        }
        part.queue();
        pending += part.bytes;
      }
      continue;
    }
    const grid = edit.grid;
    if (!grid) continue;
    const width = (grid.rows[0] ?? []).length;
    const grow = edit.rowCount - grid.rows.length;
    if (grow > 0 && grid.source === "table") {
      // Excel inserts the rows inside the table, moving whatever is below it down.
      const blank = Array.from({ length: grow }, () => new Array<string>(width).fill(""));
      tablesByName.getItem(grid.name).rows.add(undefined, blank);
      pending += JSON.stringify(blank).length + 200;
    }
    const ws = ctx.workbook.worksheets.getItem(grid.sheet);
    for (const b of writeBlocks(grid.sheet, grid.origin, edit.writes)) {
      if (pending > 0 && pending + b.bytes > MAX_REQUEST_BYTES) {
        await ctx.sync();
        syncs++;
        pending = 0;
      }
      const block = ws.getRange(b.address);
      if (b.numberFormat) block.numberFormat = b.numberFormat;
      block.values = b.values;
      pending += b.bytes;
    }
  }
  await ctx.sync();
  syncs++;
  return {
    tables: plan.edits.filter((e) => e.created || e.writes.length > 0).map((e) => e.table),
    warnings: plan.warnings,
    syncs,
  };
}
