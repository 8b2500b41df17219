/**
 * A chart's plot area (ChartPlotArea, ExcelApi 1.8) and a point's data label (ChartDataLabel:
 * position 1.7, formula 1.8), as office-js-docs-reference describes them (excel.chartplotarea.yml,
 * excel.chartdatalabel.yml). Only the members the map chart uses; the sets are in profiles.ts.
 */
import { ChartPart } from "./chart-parts";
import { checkEnum } from "./colors";
import { ENUM_VALUES } from "./enums";
import { richError } from "./errors";
import { LoadSpec } from "./load";
import { ChartModel, PointModel, SeriesModel } from "./model";
import { asExcel } from "./proxy";

const W = { protectedWrite: true };

type Inside = "insideLeft" | "insideTop" | "insideWidth" | "insideHeight";

export class FakeChartPlotArea
  extends ChartPart<ChartModel>
  implements Pick<Excel.ChartPlotArea, Inside | "load">
{
  readonly _type = "ChartPlotArea";
  override _chart(m: ChartModel): ChartModel {
    return m;
  }

  private _inside(name: Inside, v: number): void {
    this._set(
      name,
      v,
      (c, value) => {
        if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
          throw richError("InvalidArgument", `ChartPlotArea.${name}`);
        c.plotArea = { ...c.plotArea, [name]: value };
      },
      W
    );
  }
  get insideLeft(): number {
    return this._read("insideLeft");
  }
  set insideLeft(v: number) {
    this._inside("insideLeft", v);
  }
  get insideTop(): number {
    return this._read("insideTop");
  }
  set insideTop(v: number) {
    this._inside("insideTop", v);
  }
  get insideWidth(): number {
    return this._read("insideWidth");
  }
  set insideWidth(v: number) {
    this._inside("insideWidth", v);
  }
  get insideHeight(): number {
    return this._read("insideHeight");
  }
  set insideHeight(v: number) {
    this._inside("insideHeight", v);
  }

  override _scalarNames(): readonly string[] {
    return ["insideLeft", "insideTop", "insideWidth", "insideHeight"];
  }
  override _scalar(c: ChartModel, name: string): unknown {
    return c.plotArea?.[name as Inside] ?? 0;
  }

  load(spec?: LoadSpec): Excel.ChartPlotArea {
    this._load(spec);
    return asExcel(this);
  }
}

export interface LabelRef {
  chart: ChartModel;
  series: SeriesModel;
  index: number;
}

export class FakeChartDataLabel
  extends ChartPart<LabelRef>
  implements Pick<Excel.ChartDataLabel, "formula" | "position" | "load">
{
  readonly _type = "ChartDataLabel";
  override _chart(m: LabelRef): ChartModel {
    return m.chart;
  }
  protected override _alive(m: LabelRef): boolean {
    return super._alive(m) && !m.series.deleted;
  }

  private _label(m: LabelRef): NonNullable<PointModel["label"]> {
    const p = m.series.points.get(m.index) ?? {};
    const label = p.label ?? { shown: false };
    m.series.points.set(m.index, { ...p, label });
    return label;
  }

  /** A formula in A1 style, "=Sheet1!$A$1": the label shows that cell (ChartDataLabel.formula). */
  get formula(): string {
    return this._read("formula");
  }
  set formula(v: string) {
    this._set(
      "formula",
      v,
      (m, value) => {
        if (typeof value !== "string") throw richError("InvalidArgument", "ChartDataLabel.formula");
        this._label(m).formula = value;
      },
      W
    );
  }

  get position(): Excel.ChartDataLabel["position"] {
    return this._read("position");
  }
  set position(v: Excel.ChartDataLabel["position"]) {
    this._set(
      "position",
      v,
      (m, value) => {
        this._label(m).position = checkEnum(
          value,
          ENUM_VALUES.ChartDataLabelPosition.filter((p) => p !== "Invalid"),
          "ChartDataLabel.position"
        );
      },
      W
    );
  }

  override _scalarNames(): readonly string[] {
    return ["formula", "position"];
  }
  override _scalar(m: LabelRef, name: string): unknown {
    const label = m.series.points.get(m.index)?.label;
    return name === "formula" ? (label?.formula ?? "") : (label?.position ?? "Right");
  }

  load(spec?: LoadSpec): Excel.ChartDataLabel {
    this._load(spec);
    return asExcel(this);
  }
}
