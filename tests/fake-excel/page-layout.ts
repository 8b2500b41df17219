/**
 * Worksheet.pageLayout (PageLayout, HeaderFooterGroup, HeaderFooter) and
 * Worksheet.horizontalPageBreaks (PageBreakCollection), ExcelApi 1.9, as office-js-docs-reference
 * documents them (excel.pagelayout.yml, excel.pagelayoutzoomoptions.yml, excel.headerfootergroup.yml,
 * excel.headerfooter.yml, excel.pagebreakcollection.yml) and office-js-docs-pr
 * docs/excel/excel-add-ins-worksheet-display.md shows them used. README.md cites each behaviour.
 */
import { Rect } from "./address";
import { checkEnum, checkNumber } from "./colors";
import { isProxy } from "./context";
import { notImplemented, richError } from "./errors";
import { LoadSpec } from "./load";
import { SheetModel } from "./model";
import { FakeCollection, FakeObject, asExcel } from "./proxy";
import { rectOn } from "./worksheets";

/** Excel.PaperType, Excel.PageOrientation and Excel.HeaderFooterState as @types/office-js lists them. */
export const PAPER_TYPES = [
  "Letter",
  "LetterSmall",
  "Tabloid",
  "Ledger",
  "Legal",
  "Statement",
  "Executive",
  "A3",
  "A4",
  "A4Small",
  "A5",
  "B4",
  "B5",
  "Folio",
  "Quatro",
  "Paper10x14",
  "Paper11x17",
  "Note",
  "Envelope9",
  "Envelope10",
  "Envelope11",
  "Envelope12",
  "Envelope14",
  "Csheet",
  "Dsheet",
  "Esheet",
  "EnvelopeDL",
  "EnvelopeC5",
  "EnvelopeC3",
  "EnvelopeC4",
  "EnvelopeC6",
  "EnvelopeC65",
  "EnvelopeB4",
  "EnvelopeB5",
  "EnvelopeB6",
  "EnvelopeItaly",
  "EnvelopeMonarch",
  "EnvelopePersonal",
  "FanfoldUS",
  "FanfoldStdGerman",
  "FanfoldLegalGerman",
] as const;
export const PAGE_ORIENTATIONS = ["Portrait", "Landscape"] as const;
export const HEADER_FOOTER_STATES = [
  "Default",
  "FirstAndDefault",
  "OddAndEven",
  "FirstOddAndEven",
] as const;

const HEADER_FOOTER_PARTS = [
  "leftHeader",
  "centerHeader",
  "rightHeader",
  "leftFooter",
  "centerFooter",
  "rightFooter",
] as const;
type HeaderFooterPart = (typeof HEADER_FOOTER_PARTS)[number];

const MARGINS = [
  "leftMargin",
  "rightMargin",
  "topMargin",
  "bottomMargin",
  "headerMargin",
  "footerMargin",
] as const;
type Margin = (typeof MARGINS)[number];

export interface PageModel {
  orientation: string;
  paperSize: string;
  /** Points. */
  margins: Record<Margin, number>;
  zoom: Excel.PageLayoutZoomOptions;
  printArea: Rect | null;
  /** Zero-based first and last row repeated at the top of each page. */
  printTitleRows: { first: number; last: number } | null;
  headerFooterState: string;
  /** The general header and footer (HeaderFooterGroup.defaultForAllPages). */
  defaultForAllPages: Record<HeaderFooterPart, string>;
  /** Zero-based rows that start a page (manual breaks only, as the collection holds). */
  horizontalBreaks: number[];
}

/** Excel's "Normal" margins (0.7", 0.75", 0.3") in points, Portrait, Letter, scale 100. */
function newPage(): PageModel {
  return {
    orientation: "Portrait",
    paperSize: "Letter",
    margins: {
      leftMargin: 50.4,
      rightMargin: 50.4,
      topMargin: 54,
      bottomMargin: 54,
      headerMargin: 21.6,
      footerMargin: 21.6,
    },
    zoom: { scale: 100 },
    printArea: null,
    printTitleRows: null,
    headerFooterState: "Default",
    defaultForAllPages: {
      leftHeader: "",
      centerHeader: "",
      rightHeader: "",
      leftFooter: "",
      centerFooter: "",
      rightFooter: "",
    },
    horizontalBreaks: [],
  };
}

const pages = new WeakMap<SheetModel, PageModel>();

/** The sheet's page setup (a new sheet's is Excel's default). */
export function pageOf(sheet: SheetModel): PageModel {
  let page = pages.get(sheet);
  if (!page) {
    page = newPage();
    pages.set(sheet, page);
  }
  return page;
}

/** A copy for assertions. */
export function pageView(sheet: SheetModel): PageModel {
  return JSON.parse(JSON.stringify(pageOf(sheet))) as PageModel;
}

const W = { protectedWrite: true };

/** A range argument (a Range proxy or an address on the sheet) as a rectangle. */
function rectArg(sheet: SheetModel, v: unknown, location: string): Rect {
  if (isProxy(v)) {
    const ref = (v as unknown as FakeObject<{ sheet: SheetModel; rect: Rect }>)._target();
    if (!ref || ref.sheet !== sheet) throw richError("InvalidArgument", location);
    return ref.rect;
  }
  if (typeof v !== "string") throw richError("InvalidArgument", location);
  // "$4:$4": rows; parseRect takes "4:4".
  return rectOn(sheet, v.replace(/\$/g, ""), location);
}

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

export class FakeHeaderFooterGroup
  extends FakeObject<SheetModel>
  implements Pick<Excel.HeaderFooterGroup, "state" | "defaultForAllPages" | "load">
{
  readonly _type = "HeaderFooterGroup";
  private _default?: FakeHeaderFooter;

  override _sheetOf(sheet: SheetModel): SheetModel {
    return sheet;
  }

  get state(): Excel.HeaderFooterGroup["state"] {
    return this._read("state");
  }
  set state(v: Excel.HeaderFooterGroup["state"]) {
    this._set(
      "state",
      v,
      (s, value) =>
        void (pageOf(s).headerFooterState = checkEnum(
          value,
          HEADER_FOOTER_STATES,
          "HeaderFooterGroup.state"
        )),
      W
    );
  }

  _defaultProxy(): FakeHeaderFooter {
    return (this._default ??= new FakeHeaderFooter(
      this._ctx,
      this._childPath("Property", "defaultForAllPages"),
      () => this._target()
    ));
  }
  get defaultForAllPages(): Excel.HeaderFooter {
    return asExcel(this._defaultProxy());
  }

  override _scalarNames(): readonly string[] {
    return ["state"];
  }
  override _scalar(s: SheetModel): unknown {
    return pageOf(s).headerFooterState;
  }
  override _navNames(): readonly string[] {
    return ["defaultForAllPages"];
  }
  override _nav(): FakeObject<unknown> {
    return this._defaultProxy();
  }

  load(spec?: LoadSpec): Excel.HeaderFooterGroup {
    this._load(spec);
    return asExcel(this);
  }
}

/** The six texts of a header and footer, in Excel's codes (&P, &N, &A, &B; && for &). */
export class FakeHeaderFooter
  extends FakeObject<SheetModel>
  implements Pick<Excel.HeaderFooter, HeaderFooterPart | "load">
{
  readonly _type = "HeaderFooter";

  override _sheetOf(sheet: SheetModel): SheetModel {
    return sheet;
  }

  private _text(name: HeaderFooterPart, v: string): void {
    this._set(
      name,
      v,
      (s, value) => {
        if (typeof value !== "string") throw richError("InvalidArgument", `HeaderFooter.${name}`);
        pageOf(s).defaultForAllPages[name] = value;
      },
      W
    );
  }
  get leftHeader(): string {
    return this._read("leftHeader");
  }
  set leftHeader(v: string) {
    this._text("leftHeader", v);
  }
  get centerHeader(): string {
    return this._read("centerHeader");
  }
  set centerHeader(v: string) {
    this._text("centerHeader", v);
  }
  get rightHeader(): string {
    return this._read("rightHeader");
  }
  set rightHeader(v: string) {
    this._text("rightHeader", v);
  }
  get leftFooter(): string {
    return this._read("leftFooter");
  }
  set leftFooter(v: string) {
    this._text("leftFooter", v);
  }
  get centerFooter(): string {
    return this._read("centerFooter");
  }
  set centerFooter(v: string) {
    this._text("centerFooter", v);
  }
  get rightFooter(): string {
    return this._read("rightFooter");
  }
  set rightFooter(v: string) {
    this._text("rightFooter", v);
  }

  override _scalarNames(): readonly string[] {
    return HEADER_FOOTER_PARTS;
  }
  override _scalar(s: SheetModel, name: string): unknown {
    return pageOf(s).defaultForAllPages[name as HeaderFooterPart];
  }

  load(spec?: LoadSpec): Excel.HeaderFooter {
    this._load(spec);
    return asExcel(this);
  }
}

/** A worksheet's manual horizontal page breaks: "This collection only contains manual page breaks." */
export class FakePageBreakCollection
  extends FakeCollection<SheetModel, number>
  implements Pick<Excel.PageBreakCollection, "add" | "load">
{
  readonly _type = "PageBreakCollection";

  override _sheetOf(sheet: SheetModel): SheetModel {
    return sheet;
  }
  override _list(sheet: SheetModel): number[] {
    return pageOf(sheet).horizontalBreaks;
  }
  override _item(): FakeObject<unknown> {
    throw notImplemented("PageBreakCollection.items");
  }
  override _template(): FakeObject<unknown> {
    throw notImplemented("PageBreakCollection.items");
  }

  /** "Adds a page break before the top-left cell of the range specified." */
  add(pageBreakRange: Excel.Range | string): Excel.PageBreak {
    const added = new FakePageBreak(
      this._ctx,
      this._childPath("Method", "add", [pageBreakRange]),
      () => this._target()
    );
    this._call(
      "add",
      [pageBreakRange],
      (s, wire) => {
        const r = rectArg(s, wire[0], "PageBreakCollection.add");
        const breaks = pageOf(s).horizontalBreaks;
        if (!breaks.includes(r.r0)) {
          breaks.push(r.r0);
          breaks.sort((a, b) => a - b);
        }
      },
      W
    );
    return asExcel(added);
  }

  load(spec?: LoadSpec): Excel.PageBreakCollection {
    this._load(spec);
    return asExcel(this);
  }
}

/** The break `add` returns; the host uses none of its members, so the fake has none. */
class FakePageBreak extends FakeObject<SheetModel> {
  readonly _type = "PageBreak";
  override _scalarNames(): readonly string[] {
    return [];
  }
  override _scalar(): unknown {
    return undefined;
  }
}
