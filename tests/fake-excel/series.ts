/** ChartSeriesCollection, ChartSeries, its line and fill formats, and its points. */
import { rectCells } from "./address";
import { checkChartType, rangeArg } from "./charts";
import { checkEnum, normalizeColor } from "./colors";
import { ENUM_VALUES } from "./enums";
import { richError } from "./errors";
import { LoadSpec } from "./load";
import { ChartModel, SeriesModel, SheetModel } from "./model";
import { FakeCollection, FakeObject, asExcel } from "./proxy";
import { FakeChartDataLabel } from "./chart-layout";

const W = { protectedWrite: true };

interface SeriesRef {
  chart: ChartModel;
  series: SeriesModel;
}

interface PointRef extends SeriesRef {
  index: number;
}

/** The number of points a series has: the cells of its values range. */
export function pointCount(s: SeriesModel): number {
  return s.values ? rectCells(s.values.rect) : 0;
}

function live(chart: ChartModel): SeriesModel[] {
  return chart.series.filter((s) => !s.deleted);
}

export abstract class SeriesPart<M extends SeriesRef> extends FakeObject<M> {
  override _sheetOf(m: M): SheetModel {
    return m.chart.sheet;
  }
  protected override _alive(m: M): boolean {
    return !m.chart.deleted && !m.series.deleted && !m.chart.sheet.deleted;
  }
}

/**
 * A series name: "The name's length should not be greater than 255 characters" (ref
 * excel.chartseries.yml, `name`). What Excel does with a longer one is not documented: the fake
 * refuses it with InvalidArgument (an assumption), so a host that does not cut names is caught.
 */
function seriesName(value: unknown, location: string): string {
  if (typeof value !== "string") throw richError("InvalidArgument", location);
  if (value.length > 255)
    throw richError("InvalidArgument", location, "A series name is at most 255 characters.");
  return value;
}

export class FakeChartSeriesCollection
  extends FakeCollection<ChartModel, SeriesModel>
  implements Pick<Excel.ChartSeriesCollection, "items" | "count" | "getItemAt" | "add" | "load">
{
  readonly _type = "ChartSeriesCollection";

  override _sheetOf(chart: ChartModel): SheetModel {
    return chart.sheet;
  }
  protected override _alive(chart: ChartModel): boolean {
    return !chart.deleted && !chart.sheet.deleted;
  }

  get items(): Excel.ChartSeries[] {
    return this._items<Excel.ChartSeries>();
  }
  get count(): number {
    return this._read("count");
  }

  override _collectionScalars(): readonly string[] {
    return ["count"];
  }
  override _list(chart: ChartModel): SeriesModel[] {
    return live(chart);
  }
  override _item(s: SeriesModel): FakeChartSeries {
    const item = new FakeChartSeries(
      this._ctx,
      this._childPath("Indexer", "getItem", [s.id]),
      () => null
    );
    const chart = this._target();
    if (chart) item._bind({ chart, series: s });
    return item;
  }
  override _template(): FakeChartSeries {
    return new FakeChartSeries(this._ctx, this._path, () => null);
  }

  getItemAt(index: number): Excel.ChartSeries {
    return asExcel(
      new FakeChartSeries(this._ctx, this._childPath("Method", "getItemAt", [index]), () => {
        const chart = this._target();
        if (!chart) return null;
        const s = live(chart)[index];
        if (!s)
          throw richError(
            "ItemNotFound",
            "ChartSeriesCollection.getItemAt",
            `The chart has no series ${index}.`
          );
        return { chart, series: s };
      })
    );
  }

  add(name?: string, index?: number): Excel.ChartSeries {
    const args: unknown[] = name === undefined ? [] : index === undefined ? [name] : [name, index];
    const item = new FakeChartSeries(this._ctx, this._childPath("Method", "add", args), () => {
      throw richError(
        "GeneralException",
        "ChartSeriesCollection.add",
        "The series was not created."
      );
    });
    this._call(
      "add",
      args,
      (chart, wire) => {
        const s: SeriesModel = {
          id: this._ctx.engine.wb.nextId++,
          name:
            wire[0] === undefined || wire[0] === null
              ? `Series${live(chart).length + 1}`
              : seriesName(wire[0], "ChartSeriesCollection.add"),
          chartType: chart.type,
          values: null,
          xValues: null,
          points: new Map(),
          deleted: false,
        };
        const at = typeof wire[1] === "number" ? wire[1] : chart.series.length;
        chart.series.splice(at, 0, s);
        item._bind({ chart, series: s });
      },
      W
    );
    return asExcel(item);
  }

  load(spec?: LoadSpec): Excel.ChartSeriesCollection {
    this._load(spec);
    return asExcel(this);
  }
}

type SeriesMembers =
  | "name"
  | "chartType"
  | "markerStyle"
  | "markerBackgroundColor"
  | "markerForegroundColor"
  | "markerSize"
  | "format"
  | "points"
  | "setValues"
  | "setXAxisValues"
  | "setBubbleSizes"
  | "bubbleScale"
  | "delete"
  | "load";

export class FakeChartSeries
  extends SeriesPart<SeriesRef>
  implements Pick<Excel.ChartSeries, SeriesMembers>
{
  readonly _type = "ChartSeries";
  private _format?: FakeChartSeriesFormat;
  private _points?: FakeChartPointsCollection;

  get name(): string {
    return this._read("name");
  }
  set name(v: string) {
    this._set(
      "name",
      v,
      (m, value) => {
        m.series.name = seriesName(value, "ChartSeries.name");
      },
      W
    );
  }

  get chartType(): Excel.ChartSeries["chartType"] {
    return this._read("chartType");
  }
  set chartType(v: Excel.ChartSeries["chartType"]) {
    this._set(
      "chartType",
      v,
      (m, value) => void (m.series.chartType = checkChartType(value, "ChartSeries.chartType")),
      W
    );
  }

  get markerStyle(): Excel.ChartSeries["markerStyle"] {
    return this._read("markerStyle");
  }
  set markerStyle(v: Excel.ChartSeries["markerStyle"]) {
    this._set(
      "markerStyle",
      v,
      (m, value) => {
        m.series.markerStyle = checkEnum(
          value,
          ENUM_VALUES.ChartMarkerStyle.filter((s) => s !== "Invalid"),
          "ChartSeries.markerStyle"
        );
      },
      W
    );
  }

  /** ChartSeries.markerBackgroundColor / markerForegroundColor: HTML colours (ExcelApi 1.7). */
  private _marker(name: "markerBackgroundColor" | "markerForegroundColor", v: string): void {
    this._set(
      name,
      v,
      (m, value) => {
        const c = normalizeColor(value, `ChartSeries.${name}`);
        if (name === "markerBackgroundColor") m.series.markerBackground = c;
        else m.series.markerForeground = c;
      },
      W
    );
  }
  get markerBackgroundColor(): string {
    return this._read("markerBackgroundColor");
  }
  set markerBackgroundColor(v: string) {
    this._marker("markerBackgroundColor", v);
  }
  get markerForegroundColor(): string {
    return this._read("markerForegroundColor");
  }
  set markerForegroundColor(v: string) {
    this._marker("markerForegroundColor", v);
  }
  get markerSize(): number {
    return this._read("markerSize");
  }
  /** "The supported size range is 2 to 72 ... an InvalidArgument error if it's set ... outside" it. */
  set markerSize(v: number) {
    this._set(
      "markerSize",
      v,
      (m, value) => {
        if (typeof value !== "number" || !Number.isInteger(value) || value < 2 || value > 72)
          throw richError("InvalidArgument", "ChartSeries.markerSize");
        m.series.markerSize = value;
      },
      W
    );
  }

  _formatProxy(): FakeChartSeriesFormat {
    return (this._format ??= new FakeChartSeriesFormat(
      this._ctx,
      this._childPath("Property", "format"),
      () => this._target()
    ));
  }
  _pointsProxy(): FakeChartPointsCollection {
    return (this._points ??= new FakeChartPointsCollection(
      this._ctx,
      this._childPath("Property", "points"),
      () => this._target()
    ));
  }

  get format(): Excel.ChartSeriesFormat {
    return asExcel(this._formatProxy());
  }
  get points(): Excel.ChartPointsCollection {
    return asExcel(this._pointsProxy());
  }

  private _source(
    name: "setValues" | "setXAxisValues" | "setBubbleSizes",
    sourceData: Excel.Range
  ): void {
    this._call(
      name,
      [sourceData],
      (m, wire) => {
        // "Sets the bubble sizes for a chart series. Only works for bubble charts."
        if (name === "setBubbleSizes" && !m.series.chartType.startsWith("Bubble"))
          throw richError("InvalidArgument", "ChartSeries.setBubbleSizes");
        const ref = rangeArg(wire[0], `ChartSeries.${name}`);
        if (ref.rect.r0 !== ref.rect.r1 && ref.rect.c0 !== ref.rect.c1)
          throw richError(
            "InvalidArgument",
            `ChartSeries.${name}`,
            "A series' data must be one row or one column."
          );
        const copy = { sheet: ref.sheet, rect: { ...ref.rect } };
        if (name === "setValues") m.series.values = copy;
        else if (name === "setBubbleSizes") m.series.sizes = copy;
        else m.series.xValues = copy;
      },
      W
    );
  }

  setValues(sourceData: Excel.Range): void {
    this._source("setValues", sourceData);
  }

  setXAxisValues(sourceData: Excel.Range): void {
    this._source("setXAxisValues", sourceData);
  }

  setBubbleSizes(sourceData: Excel.Range): void {
    this._source("setBubbleSizes", sourceData);
  }

  /** 0 to 300, a percentage of the default size; bubble charts only (ChartSeries.bubbleScale). */
  get bubbleScale(): number {
    return this._read("bubbleScale");
  }
  set bubbleScale(v: number) {
    this._set(
      "bubbleScale",
      v,
      (m, value) => {
        if (
          !m.series.chartType.startsWith("Bubble") ||
          typeof value !== "number" ||
          !Number.isInteger(value) ||
          value < 0 ||
          value > 300
        )
          throw richError("InvalidArgument", "ChartSeries.bubbleScale");
        m.series.bubbleScale = value;
      },
      W
    );
  }

  delete(): void {
    this._call("delete", [], (m) => void (m.series.deleted = true), W);
  }

  override _scalarNames(): readonly string[] {
    return ["name", "chartType", "markerStyle"];
  }
  override _scalar(m: SeriesRef, name: string): unknown {
    if (name === "name") return m.series.name;
    if (name === "chartType") return m.series.chartType;
    return m.series.markerStyle ?? "Automatic";
  }
  override _navNames(): readonly string[] {
    return ["format", "points"];
  }
  override _nav(name: string): FakeObject<unknown> {
    return name === "format" ? this._formatProxy() : this._pointsProxy();
  }

  load(spec?: LoadSpec): Excel.ChartSeries {
    this._load(spec);
    return asExcel(this);
  }
}

export class FakeChartSeriesFormat
  extends SeriesPart<SeriesRef>
  implements Pick<Excel.ChartSeriesFormat, "line" | "fill">
{
  readonly _type = "ChartSeriesFormat";
  private _line?: FakeChartLineFormat;
  private _fill?: FakeChartFill;

  _lineProxy(): FakeChartLineFormat {
    return (this._line ??= new FakeChartLineFormat(
      this._ctx,
      this._childPath("Property", "line"),
      () => this._target()
    ));
  }
  _fillProxy(): FakeChartFill {
    return (this._fill ??= new FakeChartFill(this._ctx, this._childPath("Property", "fill"), () =>
      this._target()
    ));
  }
  get line(): Excel.ChartLineFormat {
    return asExcel(this._lineProxy());
  }
  get fill(): Excel.ChartFill {
    return asExcel(this._fillProxy());
  }

  override _scalarNames(): readonly string[] {
    return [];
  }
  override _scalar(): unknown {
    return undefined;
  }
  override _navNames(): readonly string[] {
    return ["line"];
  }
  override _nav(): FakeObject<unknown> {
    return this._lineProxy();
  }
}

export class FakeChartLineFormat
  extends SeriesPart<SeriesRef>
  implements Pick<Excel.ChartLineFormat, "color" | "lineStyle" | "load">
{
  readonly _type = "ChartLineFormat";

  get color(): string {
    return this._read("color");
  }
  set color(v: string) {
    this._set(
      "color",
      v,
      (m, value) => void (m.series.lineColor = normalizeColor(value, "ChartLineFormat.color")),
      W
    );
  }
  get lineStyle(): Excel.ChartLineFormat["lineStyle"] {
    return this._read("lineStyle");
  }
  set lineStyle(v: Excel.ChartLineFormat["lineStyle"]) {
    this._set(
      "lineStyle",
      v,
      (m, value) => {
        m.series.lineStyle = checkEnum(
          value,
          ENUM_VALUES.ChartLineStyle,
          "ChartLineFormat.lineStyle"
        );
      },
      W
    );
  }

  override _scalarNames(): readonly string[] {
    return ["color", "lineStyle"];
  }
  override _scalar(m: SeriesRef, name: string): unknown {
    return name === "color" ? (m.series.lineColor ?? null) : (m.series.lineStyle ?? "Automatic");
  }

  load(spec?: LoadSpec): Excel.ChartLineFormat {
    this._load(spec);
    return asExcel(this);
  }
}

/** A series' fill, or one point's (index set). */
export class FakeChartFill
  extends SeriesPart<SeriesRef | PointRef>
  implements Pick<Excel.ChartFill, "setSolidColor">
{
  readonly _type = "ChartFill";

  setSolidColor(color: string): void {
    this._call(
      "setSolidColor",
      [color],
      (m, wire) => {
        const c = normalizeColor(wire[0], "ChartFill.setSolidColor");
        if ("index" in m)
          m.series.points.set(m.index, { ...m.series.points.get(m.index), fill: c });
        else m.series.fill = c;
      },
      W
    );
  }

  override _scalarNames(): readonly string[] {
    return [];
  }
  override _scalar(): unknown {
    return undefined;
  }
}

export class FakeChartPointsCollection
  extends SeriesPart<SeriesRef>
  implements Pick<Excel.ChartPointsCollection, "count" | "getItemAt" | "load">
{
  readonly _type = "ChartPointsCollection";

  get count(): number {
    return this._read("count");
  }

  getItemAt(index: number): Excel.ChartPoint {
    return asExcel(
      new FakeChartPoint(this._ctx, this._childPath("Method", "getItemAt", [index]), () => {
        const m = this._target();
        if (!m) return null;
        if (!Number.isInteger(index) || index < 0 || index >= pointCount(m.series))
          throw richError(
            "ItemNotFound",
            "ChartPointsCollection.getItemAt",
            `The series has ${pointCount(m.series)} points; there is no point ${index}.`
          );
        return { ...m, index };
      })
    );
  }

  override _scalarNames(): readonly string[] {
    return ["count"];
  }
  override _scalar(m: SeriesRef): unknown {
    return pointCount(m.series);
  }

  load(spec?: LoadSpec): Excel.ChartPointsCollection {
    this._load(spec);
    return asExcel(this);
  }
}

export class FakeChartPoint
  extends SeriesPart<PointRef>
  implements
    Pick<
      Excel.ChartPoint,
      | "format"
      | "markerBackgroundColor"
      | "markerForegroundColor"
      | "markerSize"
      | "hasDataLabel"
      | "dataLabel"
    >
{
  readonly _type = "ChartPoint";
  private _format?: FakeChartPointFormat;
  private _dataLabel?: FakeChartDataLabel;

  get hasDataLabel(): boolean {
    return this._read("hasDataLabel");
  }
  set hasDataLabel(v: boolean) {
    this._set(
      "hasDataLabel",
      v,
      (m, value) => {
        const p = m.series.points.get(m.index) ?? {};
        m.series.points.set(m.index, { ...p, label: { ...p.label, shown: value === true } });
      },
      W
    );
  }

  get dataLabel(): Excel.ChartDataLabel {
    this._dataLabel ??= new FakeChartDataLabel(
      this._ctx,
      this._childPath("Property", "dataLabel"),
      () => this._target()
    );
    return asExcel(this._dataLabel);
  }

  private _marker(name: "markerBackgroundColor" | "markerForegroundColor", v: string): void {
    this._set(
      name,
      v,
      (m, value) => {
        const c = normalizeColor(value, `ChartPoint.${name}`);
        const p = { ...m.series.points.get(m.index) };
        if (name === "markerBackgroundColor") p.markerBackground = c;
        else p.markerForeground = c;
        m.series.points.set(m.index, p);
      },
      W
    );
  }
  get markerBackgroundColor(): string {
    return this._read("markerBackgroundColor");
  }
  set markerBackgroundColor(v: string) {
    this._marker("markerBackgroundColor", v);
  }
  get markerForegroundColor(): string {
    return this._read("markerForegroundColor");
  }
  set markerForegroundColor(v: string) {
    this._marker("markerForegroundColor", v);
  }
  get markerSize(): number {
    return this._read("markerSize");
  }
  /** Excel takes 2 to 72 and refuses others with InvalidArgument (ChartPoint.markerSize). */
  set markerSize(v: number) {
    this._set(
      "markerSize",
      v,
      (m, value) => {
        if (typeof value !== "number" || !Number.isInteger(value) || value < 2 || value > 72)
          throw richError("InvalidArgument", "ChartPoint.markerSize");
        m.series.points.set(m.index, { ...m.series.points.get(m.index), markerSize: value });
      },
      W
    );
  }

  _formatProxy(): FakeChartPointFormat {
    return (this._format ??= new FakeChartPointFormat(
      this._ctx,
      this._childPath("Property", "format"),
      () => this._target()
    ));
  }
  get format(): Excel.ChartPointFormat {
    return asExcel(this._formatProxy());
  }

  override _scalarNames(): readonly string[] {
    return [];
  }
  override _scalar(): unknown {
    return undefined;
  }
}

export class FakeChartPointFormat
  extends SeriesPart<PointRef>
  implements Pick<Excel.ChartPointFormat, "fill">
{
  readonly _type = "ChartPointFormat";
  private _fill?: FakeChartFill;

  get fill(): Excel.ChartFill {
    this._fill ??= new FakeChartFill(this._ctx, this._childPath("Property", "fill"), () =>
      this._target()
    );
    return asExcel(this._fill);
  }

  override _scalarNames(): readonly string[] {
    return [];
  }
  override _scalar(): unknown {
    return undefined;
  }
}
