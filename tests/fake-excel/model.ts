/** The workbook the fake holds: plain data, mutated only while a sync applies its operations. */
import { Rect } from "./address";
import { CellValue } from "./coerce";

export type Edge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight";

export interface BorderModel {
  style: string;
  color: string;
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fontName?: string;
  fill?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  borders?: Partial<Record<Edge, BorderModel>>;
}

export interface CellModel {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  style?: CellStyle;
}

export interface NameModel {
  id: number;
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
  deleted: boolean;
}

export interface TableModel {
  id: number;
  name: string;
  sheet: SheetModel;
  rect: Rect; // header row included
  style: string;
  showBandedRows: boolean;
  /** A totals row is the rect's last row (Table.showTotals: the table's range includes it). */
  showTotals: boolean;
  deleted: boolean;
}

export interface RangeRefModel {
  sheet: SheetModel;
  rect: Rect;
}

export interface PointModel {
  fill?: string;
  /** A line point's marker colours and size (ChartPoint.marker*, ExcelApi 1.7). */
  markerBackground?: string;
  markerForeground?: string;
  markerSize?: number;
  /** The point's data label (ChartPoint.hasDataLabel, .dataLabel): shown, and what it shows. */
  label?: { shown: boolean; formula?: string; position?: string };
}

export interface SeriesModel {
  id: number;
  name: string;
  chartType: string;
  values: RangeRefModel | null;
  xValues: RangeRefModel | null;
  /** A bubble series' sizes (ChartSeries.setBubbleSizes) and scale (bubbleScale, 0-300). */
  sizes?: RangeRefModel | null;
  bubbleScale?: number;
  lineColor?: string;
  lineStyle?: string;
  fill?: string;
  markerStyle?: string;
  /** The series' marker colours and size (ChartSeries.marker*, ExcelApi 1.7). */
  markerBackground?: string;
  markerForeground?: string;
  markerSize?: number;
  points: Map<number, PointModel>;
  deleted: boolean;
}

export interface AxisModel {
  title: string;
  titleVisible: boolean;
  numberFormat: string;
  /** ChartAxis.minimum and maximum: a number, or undefined for automatic. */
  minimum?: number;
  maximum?: number;
}

export interface ChartModel {
  id: number;
  name: string;
  type: string;
  sheet: SheetModel;
  title: { text: string; visible: boolean };
  legend: { position: string; visible: boolean };
  valueAxis: AxisModel;
  categoryAxis: AxisModel;
  position: { from: string; to: string | null } | null;
  /** Chart.width and height in points, where set. */
  width?: number;
  height?: number;
  /** ChartPlotArea's inside box in points (ExcelApi 1.8), where set. */
  plotArea?: {
    insideLeft?: number;
    insideTop?: number;
    insideWidth?: number;
    insideHeight?: number;
  };
  series: SeriesModel[];
  deleted: boolean;
}

export interface SheetModel {
  id: number;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  cells: Map<number, CellModel>;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  merges: Rect[];
  names: NameModel[];
  charts: ChartModel[];
  deleted: boolean;
}

export interface WorkbookModel {
  sheets: SheetModel[];
  tables: TableModel[];
  names: NameModel[];
  structureProtected: boolean;
  activeSheet: SheetModel | null;
  selection: RangeRefModel | null;
  nextId: number;
}

export const DEFAULT_COLUMN_WIDTH = 48; // points: 8.43 characters of Calibri 11
export const DEFAULT_ROW_HEIGHT = 15;
export const DEFAULT_FONT = { name: "Calibri", size: 11, color: "#000000" };

export const cellKey = (r: number, c: number): number => r * 16384 + c;
export const keyRow = (k: number): number => Math.floor(k / 16384);
export const keyCol = (k: number): number => k % 16384;

export function newSheet(wb: WorkbookModel, name: string): SheetModel {
  return {
    id: wb.nextId++,
    name,
    visibility: "Visible",
    protected: false,
    cells: new Map(),
    columnWidths: new Map(),
    rowHeights: new Map(),
    merges: [],
    names: [],
    charts: [],
    deleted: false,
  };
}

export function emptyWorkbook(): WorkbookModel {
  const wb: WorkbookModel = {
    sheets: [],
    tables: [],
    names: [],
    structureProtected: false,
    activeSheet: null,
    selection: null,
    nextId: 1,
  };
  const first = newSheet(wb, "Sheet1");
  wb.sheets.push(first);
  wb.activeSheet = first;
  return wb;
}

export function liveSheets(wb: WorkbookModel): SheetModel[] {
  return wb.sheets.filter((s) => !s.deleted);
}

export function findSheet(wb: WorkbookModel, name: string): SheetModel | null {
  const key = name.toLowerCase();
  return wb.sheets.find((s) => !s.deleted && s.name.toLowerCase() === key) ?? null;
}

export function findTable(wb: WorkbookModel, name: string): TableModel | null {
  const key = name.toLowerCase();
  return wb.tables.find((t) => !t.deleted && t.name.toLowerCase() === key) ?? null;
}

export function getCell(sheet: SheetModel, r: number, c: number): CellModel | undefined {
  return sheet.cells.get(cellKey(r, c));
}

/** The cell, created empty if it was not there. */
export function touchCell(sheet: SheetModel, r: number, c: number): CellModel {
  const k = cellKey(r, c);
  let cell = sheet.cells.get(k);
  if (!cell) {
    cell = { value: null };
    sheet.cells.set(k, cell);
  }
  return cell;
}

/** Drops cells that hold nothing, so the used range stays as Excel computes it. */
export function pruneCell(sheet: SheetModel, r: number, c: number): void {
  const k = cellKey(r, c);
  const cell = sheet.cells.get(k);
  if (!cell) return;
  const styled = cell.style && Object.keys(cell.style).length > 0;
  const formatted = cell.numberFormat !== undefined && cell.numberFormat !== "General";
  if (cell.value === null && cell.formula === undefined && !styled && !formatted)
    sheet.cells.delete(k);
}

/** Visits every stored cell of a rectangle (cheap for whole columns: walks the stored cells). */
export function forStoredCells(
  sheet: SheetModel,
  rect: Rect,
  visit: (cell: CellModel, r: number, c: number) => void
): void {
  const area = (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1);
  if (area > sheet.cells.size) {
    for (const [k, cell] of [...sheet.cells]) {
      const r = keyRow(k);
      const c = keyCol(k);
      if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) visit(cell, r, c);
    }
    return;
  }
  for (let r = rect.r0; r <= rect.r1; r++)
    for (let c = rect.c0; c <= rect.c1; c++) {
      const cell = sheet.cells.get(cellKey(r, c));
      if (cell) visit(cell, r, c);
    }
}
