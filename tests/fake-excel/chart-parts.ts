/** The parts of a chart: title, legend, axes and axis titles. */
import { checkEnum } from "./colors";
import { ENUM_VALUES } from "./enums";
import { richError } from "./errors";
import { LoadSpec } from "./load";
import { ChartModel, SheetModel } from "./model";
import { FakeObject, asExcel } from "./proxy";

const W = { protectedWrite: true };

/** Objects that live in a chart: gone with the chart or its sheet; written only if unprotected. */
export abstract class ChartPart<M> extends FakeObject<M> {
  abstract _chart(m: M): ChartModel;
  override _sheetOf(m: M): SheetModel {
    return this._chart(m).sheet;
  }
  protected override _alive(m: M): boolean {
    const c = this._chart(m);
    return !c.deleted && !c.sheet.deleted;
  }
}

export class FakeChartTitle
  extends ChartPart<ChartModel>
  implements Pick<Excel.ChartTitle, "text" | "visible" | "load">
{
  readonly _type = "ChartTitle";
  override _chart(m: ChartModel): ChartModel {
    return m;
  }

  get text(): string {
    return this._read("text");
  }
  set text(v: string) {
    this._set(
      "text",
      v,
      (c, value) => {
        c.title.text = String(value ?? "");
        c.title.visible = true;
      },
      W
    );
  }
  get visible(): boolean {
    return this._read("visible");
  }
  set visible(v: boolean) {
    this._set("visible", v, (c, value) => void (c.title.visible = value === true), W);
  }

  override _scalarNames(): readonly string[] {
    return ["text", "visible"];
  }
  override _scalar(c: ChartModel, name: string): unknown {
    return name === "text" ? c.title.text : c.title.visible;
  }

  load(spec?: LoadSpec): Excel.ChartTitle {
    this._load(spec);
    return asExcel(this);
  }
}

export class FakeChartLegend
  extends ChartPart<ChartModel>
  implements Pick<Excel.ChartLegend, "position" | "visible" | "load">
{
  readonly _type = "ChartLegend";
  override _chart(m: ChartModel): ChartModel {
    return m;
  }

  get position(): Excel.ChartLegend["position"] {
    return this._read("position");
  }
  set position(v: Excel.ChartLegend["position"]) {
    this._set(
      "position",
      v,
      (c, value) => {
        c.legend.position = checkEnum(
          value,
          ENUM_VALUES.ChartLegendPosition.filter((p) => p !== "Invalid"),
          "ChartLegend.position"
        );
      },
      W
    );
  }
  get visible(): boolean {
    return this._read("visible");
  }
  set visible(v: boolean) {
    this._set("visible", v, (c, value) => void (c.legend.visible = value === true), W);
  }

  override _scalarNames(): readonly string[] {
    return ["position", "visible"];
  }
  override _scalar(c: ChartModel, name: string): unknown {
    return name === "position" ? c.legend.position : c.legend.visible;
  }

  load(spec?: LoadSpec): Excel.ChartLegend {
    this._load(spec);
    return asExcel(this);
  }
}

interface AxisRef {
  chart: ChartModel;
  which: "valueAxis" | "categoryAxis";
}

export class FakeChartAxes
  extends ChartPart<ChartModel>
  implements Pick<Excel.ChartAxes, "valueAxis" | "categoryAxis">
{
  readonly _type = "ChartAxes";
  private _value?: FakeChartAxis;
  private _category?: FakeChartAxis;
  override _chart(m: ChartModel): ChartModel {
    return m;
  }

  _axis(which: AxisRef["which"]): FakeChartAxis {
    const make = () =>
      new FakeChartAxis(this._ctx, this._childPath("Property", which), () => {
        const chart = this._target();
        return chart ? { chart, which } : null;
      });
    if (which === "valueAxis") return (this._value ??= make());
    return (this._category ??= make());
  }

  get valueAxis(): Excel.ChartAxis {
    return asExcel(this._axis("valueAxis"));
  }
  get categoryAxis(): Excel.ChartAxis {
    return asExcel(this._axis("categoryAxis"));
  }

  override _scalarNames(): readonly string[] {
    return [];
  }
  override _scalar(): unknown {
    return undefined;
  }
  override _navNames(): readonly string[] {
    return ["valueAxis", "categoryAxis"];
  }
  override _nav(name: string): FakeObject<unknown> {
    return this._axis(name === "valueAxis" ? "valueAxis" : "categoryAxis");
  }
}

export class FakeChartAxis
  extends ChartPart<AxisRef>
  implements Pick<Excel.ChartAxis, "title" | "numberFormat" | "minimum" | "maximum" | "load">
{
  readonly _type = "ChartAxis";
  private _title?: FakeChartAxisTitle;
  override _chart(m: AxisRef): ChartModel {
    return m.chart;
  }

  _titleProxy(): FakeChartAxisTitle {
    return (this._title ??= new FakeChartAxisTitle(
      this._ctx,
      this._childPath("Property", "title"),
      () => this._target()
    ));
  }
  get title(): Excel.ChartAxisTitle {
    return asExcel(this._titleProxy());
  }

  get numberFormat(): string {
    return this._read("numberFormat");
  }
  set numberFormat(v: string) {
    this._set(
      "numberFormat",
      v,
      (a, value) => {
        if (typeof value !== "string") throw richError("InvalidArgument", "ChartAxis.numberFormat");
        a.chart[a.which].numberFormat = value;
      },
      W
    );
  }

  /** A number, or "" for automatic (ChartAxis.minimum); reads back as a number. */
  get minimum(): number {
    return this._read("minimum");
  }
  set minimum(v: number | "") {
    this._setBound("minimum", v);
  }
  /** The same for ChartAxis.maximum. */
  get maximum(): number {
    return this._read("maximum");
  }
  set maximum(v: number | "") {
    this._setBound("maximum", v);
  }
  private _setBound(name: "minimum" | "maximum", v: number | ""): void {
    this._set(
      name,
      v,
      (a, value) => {
        if (value === "") a.chart[a.which][name] = undefined;
        else if (typeof value === "number" && Number.isFinite(value))
          a.chart[a.which][name] = value;
        else throw richError("InvalidArgument", `ChartAxis.${name}`);
      },
      W
    );
  }

  override _scalarNames(): readonly string[] {
    return ["numberFormat", "minimum", "maximum"];
  }
  override _scalar(a: AxisRef, name: string): unknown {
    if (name === "minimum" || name === "maximum") return a.chart[a.which][name] ?? 0;
    return a.chart[a.which].numberFormat;
  }
  override _navNames(): readonly string[] {
    return ["title"];
  }
  override _nav(): FakeObject<unknown> {
    return this._titleProxy();
  }

  load(spec?: LoadSpec): Excel.ChartAxis {
    this._load(spec);
    return asExcel(this);
  }
}

export class FakeChartAxisTitle
  extends ChartPart<AxisRef>
  implements Pick<Excel.ChartAxisTitle, "text" | "visible" | "load">
{
  readonly _type = "ChartAxisTitle";
  override _chart(m: AxisRef): ChartModel {
    return m.chart;
  }

  get text(): string {
    return this._read("text");
  }
  set text(v: string) {
    this._set(
      "text",
      v,
      (a, value) => {
        a.chart[a.which].title = String(value ?? "");
        a.chart[a.which].titleVisible = true;
      },
      W
    );
  }
  get visible(): boolean {
    return this._read("visible");
  }
  set visible(v: boolean) {
    this._set("visible", v, (a, value) => void (a.chart[a.which].titleVisible = value === true), W);
  }

  override _scalarNames(): readonly string[] {
    return ["text", "visible"];
  }
  override _scalar(a: AxisRef, name: string): unknown {
    return name === "text" ? a.chart[a.which].title : a.chart[a.which].titleVisible;
  }

  load(spec?: LoadSpec): Excel.ChartAxisTitle {
    this._load(spec);
    return asExcel(this);
  }
}
