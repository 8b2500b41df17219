/**
 * Worksheet.pageLayout (PageLayout, HeaderFooterGroup, HeaderFooter) and
 * Worksheet.horizontalPageBreaks (PageBreakCollection), ExcelApi 1.9, as office-js-docs-reference
 * documents them (excel.pagelayout.yml, excel.pagelayoutzoomoptions.yml, excel.headerfootergroup.yml,
 * excel.headerfooter.yml, excel.pagebreakcollection.yml) and office-js-docs-pr
 * docs/excel/excel-add-ins-worksheet-display.md shows them used. README.md cites each behaviour.
 * This file: PageLayout; page-parts.ts has its header and footer and the page breaks.
 */
import { checkEnum, checkNumber } from "./colors";
import { richError } from "./errors";
import { LoadSpec } from "./load";
import { SheetModel } from "./model";
import { FakeHeaderFooterGroup } from "./page-parts";
import { MARGINS, Margin, PAGE_ORIENTATIONS, PAPER_TYPES, W, pageOf, rectArg } from "./page-model";
import { FakeObject, asExcel } from "./proxy";

type PageLayoutMembers =
  | "orientation"
  | "paperSize"
  | Margin
  | "zoom"
  | "headersFooters"
  | "setPrintArea"
  | "setPrintTitleRows"
  | "load";

export class FakePageLayout
  extends FakeObject<SheetModel>
  implements Pick<Excel.PageLayout, PageLayoutMembers>
{
  readonly _type = "PageLayout";
  private _hf?: FakeHeaderFooterGroup;

  override _sheetOf(sheet: SheetModel): SheetModel {
    return sheet;
  }

  get orientation(): Excel.PageLayout["orientation"] {
    return this._read("orientation");
  }
  set orientation(v: Excel.PageLayout["orientation"]) {
    this._set(
      "orientation",
      v,
      (s, value) =>
        void (pageOf(s).orientation = checkEnum(
          value,
          PAGE_ORIENTATIONS,
          "PageLayout.orientation"
        )),
      W
    );
  }

  get paperSize(): Excel.PageLayout["paperSize"] {
    return this._read("paperSize");
  }
  set paperSize(v: Excel.PageLayout["paperSize"]) {
    this._set(
      "paperSize",
      v,
      (s, value) =>
        void (pageOf(s).paperSize = checkEnum(value, PAPER_TYPES, "PageLayout.paperSize")),
      W
    );
  }

  private _margin(name: Margin, v: number): void {
    this._set(
      name,
      v,
      (s, value) =>
        void (pageOf(s).margins[name] = checkNumber(value, 0, 1584, `PageLayout.${name}`)),
      W
    );
  }
  get leftMargin(): number {
    return this._read("leftMargin");
  }
  set leftMargin(v: number) {
    this._margin("leftMargin", v);
  }
  get rightMargin(): number {
    return this._read("rightMargin");
  }
  set rightMargin(v: number) {
    this._margin("rightMargin", v);
  }
  get topMargin(): number {
    return this._read("topMargin");
  }
  set topMargin(v: number) {
    this._margin("topMargin", v);
  }
  get bottomMargin(): number {
    return this._read("bottomMargin");
  }
  set bottomMargin(v: number) {
    this._margin("bottomMargin", v);
  }
  get headerMargin(): number {
    return this._read("headerMargin");
  }
  set headerMargin(v: number) {
    this._margin("headerMargin", v);
  }
  get footerMargin(): number {
    return this._read("footerMargin");
  }
  set footerMargin(v: number) {
    this._margin("footerMargin", v);
  }

  /**
   * "The PageLayoutZoomOptions object must be set as a JSON object (use x.zoom = {...} instead of
   * x.zoom.scale = ...)"; scale "can be between 10 and 400"; the fit counts are page counts.
   */
  get zoom(): Excel.PageLayoutZoomOptions {
    return this._read("zoom");
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this._set(
      "zoom",
      v,
      (s, value) => {
        if (typeof value !== "object" || value === null)
          throw richError("InvalidArgument", "PageLayout.zoom");
        const z = value as Excel.PageLayoutZoomOptions;
        const out: Excel.PageLayoutZoomOptions = {};
        if (z.scale !== undefined && z.scale !== null)
          out.scale = checkNumber(z.scale, 10, 400, "PageLayout.zoom");
        for (const k of ["horizontalFitToPages", "verticalFitToPages"] as const) {
          const n = z[k];
          if (n === undefined || n === null) continue;
          if (!Number.isInteger(n)) throw richError("InvalidArgument", "PageLayout.zoom");
          out[k] = checkNumber(n, 0, 32767, "PageLayout.zoom");
        }
        pageOf(s).zoom = out;
      },
      W
    );
  }

  setPrintArea(printArea: Excel.Range | Excel.RangeAreas | string): void {
    this._call(
      "setPrintArea",
      [printArea],
      (s, wire) => void (pageOf(s).printArea = rectArg(s, wire[0], "PageLayout.setPrintArea")),
      W
    );
  }

  /** "The range must span the entire row to be valid." */
  setPrintTitleRows(printTitleRows: Excel.Range | string): void {
    this._call(
      "setPrintTitleRows",
      [printTitleRows],
      (s, wire) => {
        const r = rectArg(s, wire[0], "PageLayout.setPrintTitleRows");
        if (r.c0 !== 0 || r.c1 !== 16383)
          throw richError(
            "InvalidArgument",
            "PageLayout.setPrintTitleRows",
            "The range must span the entire row."
          );
        pageOf(s).printTitleRows = { first: r.r0, last: r.r1 };
      },
      W
    );
  }

  _hfProxy(): FakeHeaderFooterGroup {
    return (this._hf ??= new FakeHeaderFooterGroup(
      this._ctx,
      this._childPath("Property", "headersFooters"),
      () => this._target()
    ));
  }
  get headersFooters(): Excel.HeaderFooterGroup {
    return asExcel(this._hfProxy());
  }

  override _scalarNames(): readonly string[] {
    return ["orientation", "paperSize", "zoom", ...MARGINS];
  }
  override _scalar(s: SheetModel, name: string): unknown {
    const p = pageOf(s);
    if (name === "orientation") return p.orientation;
    if (name === "paperSize") return p.paperSize;
    if (name === "zoom") return { ...p.zoom };
    return p.margins[name as Margin];
  }
  override _navNames(): readonly string[] {
    return ["headersFooters"];
  }
  override _nav(): FakeObject<unknown> {
    return this._hfProxy();
  }

  load(spec?: LoadSpec): Excel.PageLayout {
    this._load(spec);
    return asExcel(this);
  }
}
