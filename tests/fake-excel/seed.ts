/** Builds a starting workbook from plain data. Seeded values are stored as given (no coercion). */
import { Rect, parseRect } from "./address";
import { CellValue, formulaValue } from "./coerce";
import { NameModel, SheetModel, WorkbookModel, emptyWorkbook, newSheet, touchCell } from "./model";
import { createTable } from "./tables";

export type SeedValue =
  | string
  | number
  | boolean
  | null
  | { error: string }
  | { formula: string; value?: string | number | boolean | null };

export interface SeedColumn {
  header: string;
  numFmt?: string;
}

export interface SeedName {
  name: string;
  formula: string;
  comment?: string;
  visible?: boolean;
}

/**
 * One sheet. `rows` start at `origin` (A1). With `columns` (the DataSheet form of
 * src/workbook), the header row comes from the columns, their `numFmt` applies to the data cells,
 * and `cellFormats` (data-row relative) override it. `table` makes an Excel table over the block.
 */
export interface SeedSheet {
  name: string;
  table?: string | null;
  columns?: readonly SeedColumn[];
  rows?: readonly (readonly SeedValue[])[];
  origin?: string;
  cellFormats?: readonly { row: number; col: number; numFmt: string }[];
  cells?: Readonly<Record<string, SeedValue>>;
  numberFormats?: Readonly<Record<string, string>>;
  /** Extra tables; `showTotals` makes the range's last row the table's totals row. */
  tables?: readonly { name: string; range: string; showTotals?: boolean }[];
  names?: readonly SeedName[];
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  protected?: boolean;
  columnWidths?: Readonly<Record<string, number>>;
}

export interface SeedWorkbook {
  sheets: readonly SeedSheet[];
  names?: readonly SeedName[];
  structureProtected?: boolean;
  activeSheet?: string;
}

function rectOf(address: string): Rect {
  const rect = parseRect(address);
  if (!rect) throw new Error(`FakeExcel.seed: "${address}" is not an address`);
  return rect;
}

function put(sheet: SheetModel, r: number, c: number, v: SeedValue | undefined): void {
  if (v === undefined || v === null) return;
  const cell = touchCell(sheet, r, c);
  if (typeof v === "object" && "formula" in v) {
    cell.formula = v.formula;
    cell.value = v.value === undefined ? formulaValue(v.formula) : (v.value as CellValue);
  } else cell.value = v as CellValue;
}

function nameModel(wb: WorkbookModel, n: SeedName): NameModel {
  return {
    id: wb.nextId++,
    name: n.name,
    formula: n.formula.startsWith("=") ? n.formula : `=${n.formula}`,
    comment: n.comment ?? "",
    visible: n.visible ?? true,
    deleted: false,
  };
}

function seedSheet(wb: WorkbookModel, s: SeedSheet): void {
  const sheet = newSheet(wb, s.name);
  wb.sheets.push(sheet);
  const origin = rectOf(s.origin ?? "A1");
  const header = s.columns?.map((c) => c.header);
  const block: (readonly SeedValue[])[] = [...(header ? [header] : []), ...(s.rows ?? [])];
  const dataStart = header ? 1 : 0;
  block.forEach((row, i) =>
    row.forEach((v, j) => {
      put(sheet, origin.r0 + i, origin.c0 + j, v);
      const numFmt = i >= dataStart ? s.columns?.[j]?.numFmt : undefined;
      if (numFmt && numFmt !== "General")
        touchCell(sheet, origin.r0 + i, origin.c0 + j).numberFormat = numFmt;
    })
  );
  for (const f of s.cellFormats ?? [])
    touchCell(sheet, origin.r0 + dataStart + f.row, origin.c0 + f.col).numberFormat = f.numFmt;
  for (const [a1, v] of Object.entries(s.cells ?? {})) {
    const r = rectOf(a1);
    put(sheet, r.r0, r.c0, v);
  }
  for (const [a1, fmt] of Object.entries(s.numberFormats ?? {})) {
    const r = rectOf(a1);
    for (let i = r.r0; i <= r.r1; i++)
      for (let j = r.c0; j <= r.c1; j++) touchCell(sheet, i, j).numberFormat = fmt;
  }
  for (const [col, w] of Object.entries(s.columnWidths ?? {})) {
    const r = rectOf(`${col}:${col}`);
    sheet.columnWidths.set(r.c0, w);
  }
  if (s.table) {
    // reduce, not Math.max(...rows): a spread of 100,000 rows overflows the stack
    const width = block.reduce(
      (m, r) => Math.max(m, r.length),
      Math.max(1, s.columns?.length ?? 0)
    );
    const rows = Math.max(1, block.length);
    const rect = {
      r0: origin.r0,
      c0: origin.c0,
      r1: origin.r0 + rows - 1,
      c1: origin.c0 + width - 1,
    };
    createTable(wb, { sheet, rect }, true, s.table);
  }
  for (const t of s.tables ?? [])
    createTable(wb, { sheet, rect: rectOf(t.range) }, true, t.name).showTotals =
      t.showTotals ?? false;
  for (const n of s.names ?? []) sheet.names.push(nameModel(wb, n));
  sheet.visibility = s.visibility ?? "Visible";
  sheet.protected = s.protected ?? false;
}

export function seedWorkbook(input: readonly SeedSheet[] | SeedWorkbook): WorkbookModel {
  const spec: SeedWorkbook = Array.isArray(input) ? { sheets: input } : (input as SeedWorkbook);
  if (spec.sheets.length === 0) return emptyWorkbook();
  const wb: WorkbookModel = {
    sheets: [],
    tables: [],
    names: [],
    structureProtected: false,
    activeSheet: null,
    selection: null,
    nextId: 1,
  };
  for (const s of spec.sheets) seedSheet(wb, s);
  for (const n of spec.names ?? []) wb.names.push(nameModel(wb, n));
  wb.structureProtected = spec.structureProtected ?? false;
  const active = spec.activeSheet
    ? wb.sheets.find((s) => s.name === spec.activeSheet)
    : wb.sheets.find((s) => s.visibility === "Visible");
  wb.activeSheet = active ?? wb.sheets[0] ?? null;
  return wb;
}
