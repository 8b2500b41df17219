/** ChartCollection (with Excel's reading of a source range into series) and Chart. */
import { Rect, cellA1, parseRect } from "./address";
import { checkEnum } from "./colors";
import { CellValue } from "./coerce";
import { isProxy } from "./context";
import { ENUM_VALUES } from "./enums";
import { richError } from "./errors";
import { LoadSpec } from "./load";
import {
  AxisModel,
  ChartModel,
  RangeRefModel,
  SeriesModel,
  SheetModel,
  WorkbookModel,
  getCell,
} from "./model";
import { FakeCollection, FakeObject, asExcel } from "./proxy";
import { ChartPart, FakeChartAxes, FakeChartLegend, FakeChartTitle } from "./chart-parts";
import { FakeChartSeriesCollection } from "./series";
import { FakeChartPlotArea } from "./chart-layout";

const W = { protectedWrite: true };
const CHART_TYPES = ENUM_VALUES.ChartType.filter((t) => t !== "Invalid");

export function checkChartType(v: unknown, location: string): string {
  return checkEnum(v, CHART_TYPES, location);
}

/** A Range argument (from the request) as its model. */
export function rangeArg(v: unknown, location: string): RangeRefModel {
  if (!isProxy(v)) throw richError("InvalidArgument", location, "A Range is required.");
  const ref = (v as unknown as FakeObject<RangeRefModel>)._target(); // a FakeRange
  if (!ref) throw richError("InvalidArgument", location);
  return ref;
}

const isText = (v: CellValue | undefined) => typeof v === "string" || v === null || v === undefined;
const isNumber = (v: CellValue | undefined) => typeof v === "number";

/** Excel's reading of a chart's source: a text first row names series, a text first column labels categories. */
export function seriesFromSource(
  wb: WorkbookModel,
  chartType: string,
  ref: RangeRefModel,
  seriesBy: string
): SeriesModel[] {
  const { sheet, rect } = ref;
  const rows = rect.r1 - rect.r0 + 1;
  const cols = rect.c1 - rect.c0 + 1;
  const byColumns = seriesBy === "Columns" || (seriesBy === "Auto" && rows >= cols);
  const at = (r: number, c: number) => getCell(sheet, r, c)?.value;
  // Work in "series along columns" terms; transpose for rows.
  const lines = byColumns ? cols : rows;
  const length = byColumns ? rows : cols;
  const cell = (line: number, i: number) =>
    byColumns ? at(rect.r0 + i, rect.c0 + line) : at(rect.r0 + line, rect.c0 + i);
  const anyNumber = (fromLine: number, fromI: number) => {
    for (let l = fromLine; l < lines; l++)
      for (let i = fromI; i < length; i++) if (isNumber(cell(l, i))) return true;
    return false;
  };
  let labels = lines > 1 && length > 0;
  for (let i = 0; labels && i < length; i++) labels = isText(cell(0, i));
  labels = labels && anyNumber(1, 0);
  let names = length > 1;
  for (let l = labels ? 1 : 0; names && l < lines; l++) names = isText(cell(l, 0));
  names = names && anyNumber(labels ? 1 : 0, 1);
  const slice = (line: number, from: number): Rect =>
    byColumns
      ? { r0: rect.r0 + from, r1: rect.r1, c0: rect.c0 + line, c1: rect.c0 + line }
      : { r0: rect.r0 + line, r1: rect.r0 + line, c0: rect.c0 + from, c1: rect.c1 };
  const out: SeriesModel[] = [];
  for (let l = labels ? 1 : 0; l < lines; l++) {
    const head = cell(l, 0);
    out.push({
      id: wb.nextId++,
      name: names && typeof head === "string" ? head : `Series${out.length + 1}`,
      chartType,
      values: { sheet, rect: slice(l, names ? 1 : 0) },
      xValues: labels ? { sheet, rect: slice(0, names ? 1 : 0) } : null,
      points: new Map(),
      deleted: false,
    });
  }
  return out;
}

const axis = (): AxisModel => ({ title: "", titleVisible: false, numberFormat: "General" });

type CollectionMembers = "items" | "count" | "add" | "getItem" | "getItemAt" | "load";

export class FakeChartCollection
  extends FakeCollection<SheetModel, ChartModel>
  implements Pick<Excel.ChartCollection, CollectionMembers>
{
  readonly _type = "ChartCollection";

  override _sheetOf(sheet: SheetModel): SheetModel {
    return sheet;
  }

  get items(): Excel.Chart[] {
    return this._items<Excel.Chart>();
  }
  get count(): number {
    return this._read("count");
  }

  override _collectionScalars(): readonly string[] {
    return ["count"];
  }
  override _list(sheet: SheetModel): ChartModel[] {
    return sheet.charts.filter((c) => !c.deleted);
  }
  override _item(c: ChartModel): FakeChart {
    const chart = new FakeChart(this._ctx, this._childPath("Indexer", "getItem", [c.id]), () => c);
    chart._bind(c);
    return chart;
  }
  override _template(): FakeChart {
    return new FakeChart(this._ctx, this._path, () => null);
  }

  getItem(name: string): Excel.Chart {
    return asExcel(
      new FakeChart(this._ctx, this._childPath("Method", "getItem", [name]), () => {
        const sheet = this._target();
        if (!sheet) return null;
        const c = this._list(sheet).find((x) => x.name === name);
        if (!c)
          throw richError(
            "ItemNotFound",
            "ChartCollection.getItem",
            `There is no chart "${name}".`
          );
        return c;
      })
    );
  }

  getItemAt(index: number): Excel.Chart {
    return asExcel(
      new FakeChart(this._ctx, this._childPath("Method", "getItemAt", [index]), () => {
        const sheet = this._target();
        if (!sheet) return null;
        const c = this._list(sheet)[index];
        if (!c) throw richError("ItemNotFound", "ChartCollection.getItemAt");
        return c;
      })
    );
  }

  add(
    type: Excel.ChartType | `${Excel.ChartType}`,
    sourceData: Excel.Range,
    seriesBy?: Excel.ChartSeriesBy | `${Excel.ChartSeriesBy}`
  ): Excel.Chart {
    const chart = new FakeChart(
      this._ctx,
      this._childPath("Method", "add", [type, sourceData, seriesBy ?? null]),
      () => {
        throw richError("GeneralException", "ChartCollection.add", "The chart was not created.");
      }
    );
    const args: unknown[] =
      seriesBy === undefined ? [type, sourceData] : [type, sourceData, seriesBy];
    this._call(
      "add",
      args,
      (sheet, wire) => {
        const wb = this._ctx.engine.wb;
        const t = checkChartType(wire[0], "ChartCollection.add");
        const source = rangeArg(wire[1], "ChartCollection.add");
        const by = checkEnum(wire[2] ?? "Auto", ENUM_VALUES.ChartSeriesBy, "ChartCollection.add");
        const series = seriesFromSource(wb, t, source, by);
        let n = 1;
        while (sheet.charts.some((c) => !c.deleted && c.name === `Chart ${n}`)) n++;
        const model: ChartModel = {
          id: wb.nextId++,
          name: `Chart ${n}`,
          type: t,
          sheet,
          title: {
            text: series.length === 1 ? (series[0] as SeriesModel).name : "Chart Title",
            visible: true,
          },
          legend: { position: "Bottom", visible: series.length > 1 },
          valueAxis: axis(),
          categoryAxis: axis(),
          position: null,
          series,
          deleted: false,
        };
        sheet.charts.push(model);
        chart._bind(model);
      },
      W
    );
    return asExcel(chart);
  }

  load(spec?: LoadSpec): Excel.ChartCollection {
    this._load(spec);
    return asExcel(this);
  }
}

function cellArg(v: unknown, location: string): string {
  if (isProxy(v)) {
    const ref = rangeArg(v, location);
    return cellA1(ref.rect.r0, ref.rect.c0);
  }
  const rect =
    typeof v === "string" ? parseRect(v.includes("!") ? v.slice(v.lastIndexOf("!") + 1) : v) : null;
  if (!rect) throw richError("InvalidArgument", location, `"${String(v)}" is not a cell address.`);
  return cellA1(rect.r0, rect.c0);
}

type ChartMembers =
  | "name"
  | "chartType"
  | "title"
  | "legend"
  | "axes"
  | "series"
  | "setPosition"
  | "width"
  | "height"
  | "plotArea"
  | "delete"
  | "load";

export class FakeChart extends ChartPart<ChartModel> implements Pick<Excel.Chart, ChartMembers> {
  readonly _type = "Chart";
  private _title?: FakeChartTitle;
  private _legend?: FakeChartLegend;
  private _axes?: FakeChartAxes;
  private _series?: FakeChartSeriesCollection;
  private _plotArea?: FakeChartPlotArea;

  override _chart(m: ChartModel): ChartModel {
    return m;
  }

  /** The chart's size in points (Chart.width, Chart.height, ExcelApi 1.1). */
  get width(): number {
    return this._read("width");
  }
  set width(v: number) {
    this._size("width", v);
  }
  get height(): number {
    return this._read("height");
  }
  set height(v: number) {
    this._size("height", v);
  }
  private _size(name: "width" | "height", v: number): void {
    this._set(
      name,
      v,
      (c, value) => {
        if (typeof value !== "number" || !Number.isFinite(value) || value <= 0)
          throw richError("InvalidArgument", `Chart.${name}`);
        c[name] = value;
      },
      W
    );
  }

  get plotArea(): Excel.ChartPlotArea {
    this._plotArea ??= new FakeChartPlotArea(
      this._ctx,
      this._childPath("Property", "plotArea"),
      () => this._target()
    );
    return asExcel(this._plotArea);
  }

  get name(): string {
    return this._read("name");
  }
  set name(v: string) {
    this._set(
      "name",
      v,
      (c, value) => {
        if (typeof value !== "string" || value === "")
          throw richError("InvalidArgument", "Chart.name");
        c.name = value;
      },
      W
    );
  }

  get chartType(): Excel.Chart["chartType"] {
    return this._read("chartType");
  }
  set chartType(v: Excel.Chart["chartType"]) {
    this._set(
      "chartType",
      v,
      (c, value) => {
        c.type = checkChartType(value, "Chart.chartType");
        for (const s of c.series) s.chartType = c.type;
      },
      W
    );
  }

  _titleProxy(): FakeChartTitle {
    return (this._title ??= new FakeChartTitle(
      this._ctx,
      this._childPath("Property", "title"),
      () => this._target()
    ));
  }
  _legendProxy(): FakeChartLegend {
    return (this._legend ??= new FakeChartLegend(
      this._ctx,
      this._childPath("Property", "legend"),
      () => this._target()
    ));
  }
  _axesProxy(): FakeChartAxes {
    return (this._axes ??= new FakeChartAxes(this._ctx, this._childPath("Property", "axes"), () =>
      this._target()
    ));
  }
  _seriesProxy(): FakeChartSeriesCollection {
    return (this._series ??= new FakeChartSeriesCollection(
      this._ctx,
      this._childPath("Property", "series"),
      () => this._target()
    ));
  }

  get title(): Excel.ChartTitle {
    return asExcel(this._titleProxy());
  }
  get legend(): Excel.ChartLegend {
    return asExcel(this._legendProxy());
  }
  get axes(): Excel.ChartAxes {
    return asExcel(this._axesProxy());
  }
  get series(): Excel.ChartSeriesCollection {
    return asExcel(this._seriesProxy());
  }

  setPosition(startCell: Excel.Range | string, endCell?: Excel.Range | string): void {
    const args: unknown[] = endCell === undefined ? [startCell] : [startCell, endCell];
    this._call(
      "setPosition",
      args,
      (c, wire) => {
        const from = cellArg(wire[0], "Chart.setPosition");
        const to =
          wire[1] === undefined || wire[1] === null ? null : cellArg(wire[1], "Chart.setPosition");
        c.position = { from, to };
      },
      W
    );
  }

  delete(): void {
    this._call("delete", [], (c) => void (c.deleted = true), W);
  }

  override _scalarNames(): readonly string[] {
    return ["name", "chartType"];
  }
  override _scalar(c: ChartModel, name: string): unknown {
    return name === "name" ? c.name : c.type;
  }
  override _navNames(): readonly string[] {
    return ["title", "legend", "axes", "series"];
  }
  override _nav(name: string): FakeObject<unknown> {
    if (name === "title") return this._titleProxy();
    if (name === "legend") return this._legendProxy();
    if (name === "axes") return this._axesProxy();
    return this._seriesProxy();
  }

  load(spec?: LoadSpec): Excel.Chart {
    this._load(spec);
    return asExcel(this);
  }
}
