import { isoDate, monthKeyOf, serialToYmd } from "../../core";
import { Cell, Grid, WorkbookSnapshot, a1 } from "../snapshot";
import { TABLE_SPECS, blank, findGrid } from "../tables";
import { CONTRACT_COLUMNS, DataColumn } from "../workbook-data";
import { normalName } from "./police-format";
import { PoliceImport } from "./police-import";
import { ImportWarning } from "./police-tally";
import { IMPORT_TABLES, ImportRow, ImportTable, importedRows } from "./tables";

/** One cell to write. `row` indexes grid rows (0 is the header); rows past the end grow the table. */
export interface CellWrite {
  row: number;
  col: number;
  value: Cell;
  /** The number format to give the cell ("@" for text); null leaves the cell's format alone. */
  numFmt: string | null;
}

/**
 * How one contract table changes: cell writes only, so a host never moves the user's rows. Rows of
 * a replaced month or group are rewritten in place; a row left over is blanked (validation skips
 * blank rows); new rows fill blank rows at the end, then grow the table.
 */
export interface TableEdit {
  table: ImportTable;
  /** The table as read; null when the workbook has none and it is created (`created` holds it). */
  grid: Grid | null;
  /** Grid rows after the edit, header included (>= grid.rows.length). */
  rowCount: number;
  writes: CellWrite[];
  created: { header: string[]; rows: Cell[][]; columns: DataColumn[] } | null;
}

export interface MergePlan {
  edits: TableEdit[];
  warnings: ImportWarning[];
}

/** The --into workbook cannot take the import (a contract table lacks a column it needs): exit 2. */
export class MergeError extends Error {
  constructor(
    readonly sheet: string,
    readonly cell: string,
    message: string
  ) {
    super(`${sheet}!${cell}: ${message}`);
    this.name = "MergeError";
  }
}

const OPTIONAL_TABLES: ReadonlySet<ImportTable> = new Set(["Peers", "Areas", "AreaMonthly"]);

const same = (a: Cell, b: Cell): boolean =>
  (blank(a) && blank(b)) || (typeof a === typeof b && a === b);

const text = (c: Cell | undefined): string => (typeof c === "string" ? c.trim() : "");

function monthOf(c: Cell | undefined): number | null {
  if (typeof c !== "number") return null;
  try {
    return monthKeyOf(serialToYmd(c));
  } catch {
    return null;
  }
}

/** The format a written cell gets: text as Text, numbers as the contract's column says. */
function formatFor(table: ImportTable, header: string, value: Cell, row: ImportRow): string | null {
  if (value === null || typeof value === "object") return null;
  if (typeof value === "string") return "@";
  if (table === "Settings")
    return text(row.setting).toLowerCase() === "period end" ? "yyyy-mm-dd" : "General";
  const col = (CONTRACT_COLUMNS[table] ?? []).find((c) => c.header.toLowerCase() === header);
  return col?.numFmt && col.numFmt !== "@" ? col.numFmt : "General";
}

interface Keys {
  /** Identifies the row: an imported row with the same key rewrites it in place. */
  key: (get: (h: string) => Cell | undefined) => string | null;
  /** Rows of a group the import replaces whole (a month, a peer period); null: never replaced. */
  group: (get: (h: string) => Cell | undefined) => string | null;
  /** False: an existing row with an imported key is kept as the user wrote it (Measures). */
  update: boolean;
}

const KEYS: Record<Exclude<ImportTable, "Settings">, Keys> = {
  Measures: {
    key: (g) => text(g("measure")).toUpperCase() || null,
    group: () => null,
    update: false,
  },
  Monthly: {
    key: (g) => {
      const m = monthOf(g("month"));
      const id = text(g("measure")).toUpperCase();
      return m === null || id === "" ? null : `${id}|${m}`;
    },
    group: (g) => KEYS.Monthly.key(g),
    update: true,
  },
  Areas: {
    key: (g) => text(g("area code")).toUpperCase() || null,
    group: () => null,
    update: true,
  },
  AreaMonthly: {
    key: (g) => {
      const m = monthOf(g("month"));
      const area = text(g("area code")).toUpperCase();
      const id = text(g("measure")).toUpperCase();
      return m === null || id === "" || area === "" ? null : `${area}|${id}|${m}`;
    },
    group: (g) => KEYS.AreaMonthly.key(g),
    update: true,
  },
  Peers: {
    key: (g) => {
      const grp = KEYS.Peers.group(g);
      return grp === null ? null : `${grp}|${normalName(text(g("partnership")))}`;
    },
    group: (g) => {
      const end = g("period end");
      const id = text(g("measure")).toUpperCase();
      return typeof end !== "number" || id === "" ? null : `${id}|${Math.floor(end)}`;
    },
    update: true,
  },
};

function columnsOf(grid: Grid): Map<string, number> {
  const map = new Map<string, number>();
  (grid.rows[0] ?? []).forEach((h, i) => {
    if (typeof h === "string" && h.trim() !== "" && !map.has(h.trim().toLowerCase()))
      map.set(h.trim().toLowerCase(), i);
  });
  return map;
}

function requireColumns(table: ImportTable, grid: Grid, columns: Map<string, number>): void {
  for (const h of TABLE_SPECS[table].required) {
    if (!columns.has(h.toLowerCase())) {
      throw new MergeError(
        grid.sheet,
        a1(grid.origin.row, grid.origin.col),
        `the ${table} table has no "${h}" column, so the import cannot be merged into it; add the column (${TABLE_SPECS[table].required.join(", ")}).`
      );
    }
  }
}

/** Upserts imported rows into one table by its keys (see TableEdit). */
function upsert(
  table: Exclude<ImportTable, "Settings">,
  grid: Grid,
  rows: ImportRow[],
  warnings: ImportWarning[]
): TableEdit {
  const keys = KEYS[table];
  const columns = columnsOf(grid);
  requireColumns(table, grid, columns);
  const width = (grid.rows[0] ?? []).length;
  const skipped = Object.keys(rows[0] ?? {}).filter((h) => !columns.has(h));
  if (skipped.length > 0 && rows.length > 0) {
    warnings.push({
      code: "COLUMN_NOT_WRITTEN",
      message: `The ${table} table on sheet ${grid.sheet} has no ${skipped.map((h) => `"${h}"`).join(" or ")} column; those values are not written.`,
    });
  }
  const byKey = new Map<string, ImportRow>();
  const groups = new Set<string>();
  for (const r of rows) {
    const get = (h: string) => r[h];
    const k = keys.key(get);
    if (k !== null) byKey.set(k, r);
    const g = keys.group(get);
    if (g !== null) groups.add(g);
  }
  const writes: CellWrite[] = [];
  const put = (row: number, r: ImportRow, clearOthers: boolean) => {
    const existing = grid.rows[row] ?? [];
    for (let col = 0; col < width; col++) {
      const header = text((grid.rows[0] ?? [])[col]).toLowerCase();
      const known = columns.get(header) === col && header in r;
      if (!known && !clearOthers) continue;
      const value = known ? (r[header] ?? null) : null;
      if (same(existing[col] ?? null, value)) continue;
      writes.push({ row, col, value, numFmt: formatFor(table, header, value, r) });
    }
  };
  const used = new Set<string>();
  const freed: number[] = [];
  let lastFilled = 0;
  for (let row = 1; row < grid.rows.length; row++) {
    const cells = grid.rows[row] ?? [];
    if (cells.every((c) => blank(c))) continue;
    lastFilled = row;
    const get = (h: string) => {
      const c = columns.get(h);
      return c === undefined ? undefined : cells[c];
    };
    const k = keys.key(get);
    if (k !== null && byKey.has(k) && !used.has(k)) {
      used.add(k);
      if (keys.update) put(row, byKey.get(k) as ImportRow, false);
      continue;
    }
    const g = keys.group(get);
    if (g !== null && groups.has(g)) freed.push(row); // a duplicate, or a member no longer in the group
  }
  const slots = [...freed];
  for (let row = lastFilled + 1; row < grid.rows.length; row++) slots.push(row);
  let next = grid.rows.length;
  for (const r of rows) {
    const k = keys.key((h) => r[h]);
    if (k !== null && used.has(k)) continue;
    if (k !== null) used.add(k);
    put(slots.shift() ?? next++, r, true);
  }
  // Rows of replaced groups left over: blanked whole, so nothing of them is read again.
  for (const row of slots.filter((s) => s <= lastFilled)) {
    const cells = grid.rows[row] ?? [];
    for (let col = 0; col < width; col++)
      if (!blank(cells[col] ?? null)) writes.push({ row, col, value: null, numFmt: null });
  }
  return { table, grid, rowCount: Math.max(next, grid.rows.length), writes, created: null };
}

function mergeSettings(
  grid: Grid,
  imp: PoliceImport,
  rows: ImportRow[],
  warnings: ImportWarning[],
  ownSettings: boolean
): TableEdit {
  const columns = columnsOf(grid);
  requireColumns("Settings", grid, columns);
  const sCol = columns.get("setting") as number;
  const vCol = columns.get("value") as number;
  const writes: CellWrite[] = [];
  const found = new Map<string, number>();
  let lastFilled = 0;
  grid.rows.forEach((cells, row) => {
    if (row === 0 || cells.every((c) => blank(c))) return;
    lastFilled = row;
    const name = text(cells[sCol]).toLowerCase();
    if (name !== "" && !found.has(name)) found.set(name, row);
  });
  const pRow = found.get("partnership");
  const own = pRow === undefined ? "" : text(grid.rows[pRow]?.[vCol]);
  if (own !== "" && normalName(own) !== normalName(imp.partnership)) {
    warnings.push({
      code: "PARTNERSHIP_DIFFERS",
      message: `The workbook's Partnership is "${own}", but the imported counts are ${imp.partnership}'s; the setting is kept as it is. Check that this is the workbook you meant.`,
    });
  }
  const peRow = found.get("period end");
  const newEnd = imp.periodEnd;
  if (peRow !== undefined && newEnd) {
    const serial = rows.find((r) => text(r.setting).toLowerCase() === "period end")?.value ?? null;
    const old = grid.rows[peRow]?.[vCol];
    if (typeof serial === "number" && (typeof old !== "number" || Math.floor(old) < serial)) {
      writes.push({ row: peRow, col: vCol, value: serial, numFmt: "yyyy-mm-dd" });
      const was = typeof old === "number" ? isoDate(serialToYmd(old)) : "blank";
      warnings.push({
        code: "PERIOD_END_MOVED",
        message: `Settings: Period end moves from ${was} to ${isoDate(newEnd)}, the last quarter end the imported data covers.`,
      });
    }
  }
  // Settings left blank (a template) are filled, required ones the workbook lacks are added;
  // every setting the user gave stays as it is.
  let next = lastFilled + 1;
  for (const r of rows) {
    const name = text(r.setting).toLowerCase();
    const at = found.get(name);
    if (at !== undefined) {
      const current = grid.rows[at]?.[vCol] ?? null;
      // A template's Window is the import's (so data starting after April validates).
      const fill =
        blank(current) || (!ownSettings && name === "window" && !same(current, r.value ?? null));
      if (name !== "period end" && fill && !blank(r.value ?? null)) {
        const v = r.value ?? null;
        writes.push({ row: at, col: vCol, value: v, numFmt: formatFor("Settings", "value", v, r) });
      }
      continue;
    }
    if (!["partnership", "period end", "baseline year"].includes(name)) continue;
    const row = next++;
    writes.push({ row, col: sCol, value: r.setting ?? null, numFmt: "@" });
    writes.push({
      row,
      col: vCol,
      value: r.value ?? null,
      numFmt: formatFor("Settings", "value", r.value ?? null, r),
    });
  }
  return {
    table: "Settings",
    grid,
    rowCount: Math.max(next, grid.rows.length),
    writes,
    created: null,
  };
}

/**
 * True when the Settings table gives a Baseline year of its own: the workbook has been set up,
 * and its Window and Baseline year stay. A template's (Baseline year blank) are the import's.
 */
function hasOwnSettings(grid: Grid | null): boolean {
  if (!grid) return false;
  const columns = columnsOf(grid);
  const sCol = columns.get("setting");
  const vCol = columns.get("value");
  if (sCol === undefined || vCol === undefined) return false;
  return grid.rows.some(
    (r, i) => i > 0 && text(r[sCol]).toLowerCase() === "baseline year" && !blank(r[vCol] ?? null)
  );
}

/**
 * Merges an import into a workbook's tables (spec/open-data.md, --into): imported months replace
 * the rows of the same measure and month, imported peer periods replace that period's group, new
 * measures are added and existing Measures rows kept; Settings keep the user's values except Period
 * end, which moves forward when the data does. Pure: the hosts apply the edits.
 */
export function mergeImport(snapshot: WorkbookSnapshot, imp: PoliceImport): MergePlan {
  // A workbook whose Window or Baseline year is its own keeps them, and so every imported month;
  // one whose Settings the import fills gets the import's, with their warnings.
  const ownSettings = hasOwnSettings(findGrid(snapshot, "Settings"));
  const rows = importedRows(imp, ownSettings);
  const warnings: ImportWarning[] = ownSettings ? [] : [...imp.settingsWarnings];
  const edits: TableEdit[] = [];
  for (const table of IMPORT_TABLES) {
    const grid = findGrid(snapshot, table);
    if (!grid) {
      // Optional tables the import has no rows for are not created.
      if (OPTIONAL_TABLES.has(table) && rows[table].length === 0) continue;
      const columns = CONTRACT_COLUMNS[table] as DataColumn[];
      const created = rows[table].map((r) => columns.map((c) => r[c.header.toLowerCase()] ?? null));
      edits.push({
        table,
        grid: null,
        rowCount: created.length + 1,
        writes: [],
        created: { header: columns.map((c) => c.header), rows: created, columns },
      });
      continue;
    }
    const edit =
      table === "Settings"
        ? mergeSettings(grid, imp, rows.Settings, warnings, ownSettings)
        : upsert(table, grid, rows[table], warnings);
    edits.push(edit);
  }
  return { edits, warnings };
}
