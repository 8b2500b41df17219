/** Plain-data views of the fake workbook for test assertions (not part of Office.js). */
import { colIndex, fullAddress, parseRect, rectA1 } from "./address";
import { CellValue } from "./coerce";
import {
  CellStyle,
  ChartModel,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  NameModel,
  RangeRefModel,
  SheetModel,
  TableModel,
  WorkbookModel,
  cellKey,
  getCell,
  liveSheets,
} from "./model";
import { displayText } from "./numfmt";
import { usedRect } from "./worksheets";
import { PageModel, pageView } from "./page-model";

export interface CellView {
  /** null when empty; { error } for an error value. */
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  text: string;
  style: CellStyle;
}

export interface SeriesView {
  name: string;
  chartType: string;
  values: string | null;
  xValues: string | null;
  lineColor: string | null;
  lineStyle: string | null;
  fill: string | null;
  markerStyle: string | null;
  /** The series' own marker fill (ChartSeries.markerBackgroundColor), where set. */
  markerColor?: string;
  markerSize?: number;
  pointColors: Record<number, string>;
  /** Marker background colours of line points, present only when some point has one. */
  pointMarkers?: Record<number, string>;
  /** A bubble series' sizes and scale, where set. */
  sizes?: string | null;
  bubbleScale?: number;
  /** Shown data labels by point: the formula each shows. */
  labels?: Record<number, string>;
}

export interface ChartView {
  name: string;
  type: string;
  title: string;
  titleVisible: boolean;
  from: string | null;
  to: string | null;
  legend: { visible: boolean; position: string };
  valueAxis: { title: string; numberFormat: string; minimum?: number; maximum?: number };
  categoryAxis: { title: string; numberFormat: string; minimum?: number; maximum?: number };
  series: SeriesView[];
  /** Size in points and the plot area's inside box, where set. */
  width?: number;
  height?: number;
  plotArea?: {
    insideLeft?: number;
    insideTop?: number;
    insideWidth?: number;
    insideHeight?: number;
  };
}

export interface NameView {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
}

export interface TableView {
  name: string;
  sheet: string;
  /** "Sheet1!A1:C10", header row included. */
  address: string;
  style: string;
  showBandedRows: boolean;
}

const refAddress = (r: RangeRefModel | null) => (r ? fullAddress(r.sheet.name, r.rect) : null);

export function chartView(c: ChartModel): ChartView {
  return {
    name: c.name,
    type: c.type,
    title: c.title.text,
    titleVisible: c.title.visible,
    from: c.position?.from ?? null,
    to: c.position?.to ?? null,
    legend: { ...c.legend },
    valueAxis: {
      title: c.valueAxis.title,
      numberFormat: c.valueAxis.numberFormat,
      ...(c.valueAxis.minimum !== undefined ? { minimum: c.valueAxis.minimum } : {}),
      ...(c.valueAxis.maximum !== undefined ? { maximum: c.valueAxis.maximum } : {}),
    },
    categoryAxis: {
      title: c.categoryAxis.title,
      numberFormat: c.categoryAxis.numberFormat,
      ...(c.categoryAxis.minimum !== undefined ? { minimum: c.categoryAxis.minimum } : {}),
      ...(c.categoryAxis.maximum !== undefined ? { maximum: c.categoryAxis.maximum } : {}),
    },
    ...(c.width !== undefined ? { width: c.width } : {}),
    ...(c.height !== undefined ? { height: c.height } : {}),
    ...(c.plotArea ? { plotArea: { ...c.plotArea } } : {}),
    series: c.series
      .filter((s) => !s.deleted)
      .map((s) => ({
        name: s.name,
        chartType: s.chartType,
        values: refAddress(s.values),
        xValues: refAddress(s.xValues),
        lineColor: s.lineColor ?? null,
        lineStyle: s.lineStyle ?? null,
        fill: s.fill ?? null,
        markerStyle: s.markerStyle ?? null,
        ...(s.markerBackground ? { markerColor: s.markerBackground } : {}),
        ...(s.markerSize !== undefined ? { markerSize: s.markerSize } : {}),
        pointColors: Object.fromEntries(
          [...s.points].flatMap(([i, p]) => (p.fill ? [[i, p.fill]] : []))
        ),
        ...([...s.points.values()].some((p) => p.markerBackground)
          ? {
              pointMarkers: Object.fromEntries(
                [...s.points].flatMap(([i, p]) =>
                  p.markerBackground ? [[i, p.markerBackground]] : []
                )
              ),
            }
          : {}),
        ...(s.sizes ? { sizes: refAddress(s.sizes) } : {}),
        ...(s.bubbleScale !== undefined ? { bubbleScale: s.bubbleScale } : {}),
        ...([...s.points.values()].some((p) => p.label?.shown)
          ? {
              labels: Object.fromEntries(
                [...s.points].flatMap(([i, p]) =>
                  p.label?.shown ? [[i, p.label.formula ?? ""]] : []
                )
              ),
            }
          : {}),
      })),
  };
}

export const nameView = (n: NameModel): NameView => ({
  name: n.name,
  formula: n.formula,
  comment: n.comment,
  visible: n.visible,
});

export const tableView = (t: TableModel): TableView => ({
  name: t.name,
  sheet: t.sheet.name,
  address: fullAddress(t.sheet.name, t.rect),
  style: t.style,
  showBandedRows: t.showBandedRows,
});

function cellRef(a1: string): { r: number; c: number } {
  const rect = parseRect(a1);
  if (!rect) throw new Error(`FakeExcel: "${a1}" is not a cell address`);
  return { r: rect.r0, c: rect.c0 };
}

export class SheetView {
  constructor(
    private readonly sheet: SheetModel,
    private readonly wb: WorkbookModel
  ) {}

  get name(): string {
    return this.sheet.name;
  }
  get position(): number {
    return liveSheets(this.wb).indexOf(this.sheet);
  }
  get visibility(): string {
    return this.sheet.visibility;
  }
  get protected(): boolean {
    return this.sheet.protected;
  }

  cell(a1: string): CellView {
    const { r, c } = cellRef(a1);
    const cell = getCell(this.sheet, r, c);
    const value = cell?.value ?? null;
    const numberFormat = cell?.numberFormat ?? "General";
    return {
      value,
      formula: cell?.formula ?? null,
      numberFormat,
      text: displayText(value, numberFormat),
      style: JSON.parse(JSON.stringify(cell?.style ?? {})) as CellStyle,
    };
  }

  value(a1: string): CellValue {
    return this.cell(a1).value;
  }
  formula(a1: string): string | null {
    return this.cell(a1).formula;
  }
  numberFormat(a1: string): string {
    return this.cell(a1).numberFormat;
  }
  text(a1: string): string {
    return this.cell(a1).text;
  }
  style(a1: string): CellStyle {
    return this.cell(a1).style;
  }

  /** Values of a range, row by row (null for empty cells). */
  values(range: string): CellValue[][] {
    const rect = parseRect(range);
    if (!rect) throw new Error(`FakeExcel: "${range}" is not an address`);
    const out: CellValue[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: CellValue[] = [];
      for (let c = rect.c0; c <= rect.c1; c++)
        row.push(this.sheet.cells.get(cellKey(r, c))?.value ?? null);
      out.push(row);
    }
    return out;
  }

  /** Every formula on the sheet, by address. */
  formulas(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, cell] of this.sheet.cells)
      if (cell.formula !== undefined)
        out[
          rectA1({
            r0: Math.floor(k / 16384),
            c0: k % 16384,
            r1: Math.floor(k / 16384),
            c1: k % 16384,
          })
        ] = cell.formula;
    return out;
  }

  usedRange(valuesOnly = true): string | null {
    const rect = usedRect(this.sheet, valuesOnly);
    return rect ? rectA1(rect) : null;
  }

  merges(): string[] {
    return this.sheet.merges.map(rectA1);
  }

  /** Width in points of a column ("B" or a 0-based index). */
  columnWidth(col: string | number): number {
    const c = typeof col === "number" ? col : colIndex(col);
    return this.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
  }

  /** Height in points of a row (1-based, as Excel numbers rows). */
  rowHeight(row: number): number {
    return this.sheet.rowHeights.get(row - 1) ?? DEFAULT_ROW_HEIGHT;
  }

  charts(): ChartView[] {
    return this.sheet.charts.filter((c) => !c.deleted).map(chartView);
  }

  /** The sheet's page setup (PageLayout, its header and footer, its manual breaks). */
  page(): PageModel {
    return pageView(this.sheet);
  }

  /** Rows (1-based) given a height by the add-in: the rest have the default. */
  explicitRowHeights(): Map<number, number> {
    return new Map([...this.sheet.rowHeights].map(([r, h]) => [r + 1, h]));
  }

  names(): NameView[] {
    return this.sheet.names.filter((n) => !n.deleted).map(nameView);
  }

  tables(): TableView[] {
    return this.wb.tables.filter((t) => !t.deleted && t.sheet === this.sheet).map(tableView);
  }
}
