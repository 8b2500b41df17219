/**
 * HeaderFooterGroup, HeaderFooter and PageBreakCollection (ExcelApi 1.9): excel.headerfootergroup.yml,
 * excel.headerfooter.yml, excel.pagebreakcollection.yml in office-js-docs-reference; README.md cites
 * each behaviour. PageLayout itself is in page-layout.ts.
 */
import { checkEnum } from "./colors";
import { notImplemented, richError } from "./errors";
import { LoadSpec } from "./load";
import { SheetModel } from "./model";
import {
  HEADER_FOOTER_PARTS,
  HEADER_FOOTER_STATES,
  HeaderFooterPart,
  W,
  pageOf,
  rectArg,
} from "./page-model";
import { FakeCollection, FakeObject, asExcel } from "./proxy";

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
