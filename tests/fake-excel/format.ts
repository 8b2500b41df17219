/** RangeFormat, RangeFont, RangeFill, RangeBorderCollection and RangeBorder. */
import { checkEnum, checkNumber, normalizeColor } from "./colors";
import { uniform, writeStyle } from "./cells";
import { ENUM_VALUES } from "./enums";
import { notImplemented, richError } from "./errors";
import { LoadSpec } from "./load";
import {
  CellModel,
  CellStyle,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_FONT,
  DEFAULT_ROW_HEIGHT,
  Edge,
  RangeRefModel,
  SheetModel,
} from "./model";
import { FakeObject, asExcel } from "./proxy";

const W = { protectedWrite: true };

abstract class RangePart<M extends { sheet: SheetModel }> extends FakeObject<M> {
  override _sheetOf(m: M): SheetModel {
    return m.sheet;
  }
  protected override _alive(m: M): boolean {
    return !m.sheet.deleted;
  }
}

function styleOf(cell: CellModel | undefined): CellStyle {
  return cell?.style ?? {};
}

type FormatMembers =
  | "font"
  | "fill"
  | "borders"
  | "wrapText"
  | "horizontalAlignment"
  | "verticalAlignment"
  | "columnWidth"
  | "rowHeight"
  | "load";

export class FakeRangeFormat
  extends RangePart<RangeRefModel>
  implements Pick<Excel.RangeFormat, FormatMembers>
{
  readonly _type = "RangeFormat";
  private _font?: FakeRangeFont;
  private _fill?: FakeRangeFill;
  private _borders?: FakeRangeBorderCollection;

  _fontProxy(): FakeRangeFont {
    return (this._font ??= new FakeRangeFont(this._ctx, this._childPath("Property", "font"), () =>
      this._target()
    ));
  }
  _fillProxy(): FakeRangeFill {
    return (this._fill ??= new FakeRangeFill(this._ctx, this._childPath("Property", "fill"), () =>
      this._target()
    ));
  }
  _bordersProxy(): FakeRangeBorderCollection {
    return (this._borders ??= new FakeRangeBorderCollection(
      this._ctx,
      this._childPath("Property", "borders"),
      () => this._target()
    ));
  }

  get font(): Excel.RangeFont {
    return asExcel(this._fontProxy());
  }
  get fill(): Excel.RangeFill {
    return asExcel(this._fillProxy());
  }
  get borders(): Excel.RangeBorderCollection {
    return asExcel(this._bordersProxy());
  }

  get wrapText(): boolean {
    return this._read("wrapText");
  }
  set wrapText(v: boolean) {
    this._set(
      "wrapText",
      v,
      (ref, value) => {
        const b = value === true;
        writeStyle(ref, (s) => void (s.wrapText = b));
      },
      W
    );
  }

  get horizontalAlignment(): Excel.RangeFormat["horizontalAlignment"] {
    return this._read("horizontalAlignment");
  }
  set horizontalAlignment(v: Excel.RangeFormat["horizontalAlignment"]) {
    this._set(
      "horizontalAlignment",
      v,
      (ref, value) => {
        const a = checkEnum(
          value,
          ENUM_VALUES.HorizontalAlignment,
          "RangeFormat.horizontalAlignment"
        );
        writeStyle(ref, (s) => void (s.horizontalAlignment = a));
      },
      W
    );
  }

  get verticalAlignment(): Excel.RangeFormat["verticalAlignment"] {
    return this._read("verticalAlignment");
  }
  set verticalAlignment(v: Excel.RangeFormat["verticalAlignment"]) {
    this._set(
      "verticalAlignment",
      v,
      (ref, value) => {
        const a = checkEnum(value, ENUM_VALUES.VerticalAlignment, "RangeFormat.verticalAlignment");
        writeStyle(ref, (s) => void (s.verticalAlignment = a));
      },
      W
    );
  }

  get columnWidth(): number {
    return this._read("columnWidth");
  }
  set columnWidth(v: number) {
    this._set(
      "columnWidth",
      v,
      (ref, value) => {
        const w = checkNumber(value, 0, 1789, "RangeFormat.columnWidth"); // 255 characters
        for (let c = ref.rect.c0; c <= ref.rect.c1; c++) ref.sheet.columnWidths.set(c, w);
      },
      W
    );
  }

  get rowHeight(): number {
    return this._read("rowHeight");
  }
  set rowHeight(v: number) {
    this._set(
      "rowHeight",
      v,
      (ref, value) => {
        const h = checkNumber(value, 0, 409, "RangeFormat.rowHeight");
        for (let r = ref.rect.r0; r <= ref.rect.r1; r++) ref.sheet.rowHeights.set(r, h);
      },
      W
    );
  }

  override _scalarNames(): readonly string[] {
    return ["wrapText", "horizontalAlignment", "verticalAlignment", "columnWidth", "rowHeight"];
  }
  override _scalar(ref: RangeRefModel, name: string): unknown {
    const { sheet, rect } = ref;
    if (name === "columnWidth") {
      const widths = new Set<number>();
      for (let c = rect.c0; c <= rect.c1 && widths.size < 2; c++)
        widths.add(sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
      return widths.size === 1 ? [...widths][0] : null;
    }
    if (name === "rowHeight") {
      const heights = new Set<number>();
      for (let r = rect.r0; r <= rect.r1 && heights.size < 2; r++)
        heights.add(sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
      return heights.size === 1 ? [...heights][0] : null;
    }
    if (name === "wrapText") return uniform(ref, (c) => styleOf(c).wrapText ?? false);
    if (name === "horizontalAlignment")
      return uniform(ref, (c) => styleOf(c).horizontalAlignment ?? "General");
    return uniform(ref, (c) => styleOf(c).verticalAlignment ?? "Bottom");
  }
  override _navNames(): readonly string[] {
    return ["font", "fill", "borders"];
  }
  override _nav(name: string): FakeObject<unknown> {
    if (name === "font") return this._fontProxy();
    if (name === "fill") return this._fillProxy();
    return this._bordersProxy();
  }

  load(spec?: LoadSpec): Excel.RangeFormat {
    this._load(spec);
    return asExcel(this);
  }
}

export class FakeRangeFont
  extends RangePart<RangeRefModel>
  implements Pick<Excel.RangeFont, "bold" | "italic" | "size" | "color" | "name" | "load">
{
  readonly _type = "RangeFont";

  get bold(): boolean {
    return this._read("bold");
  }
  set bold(v: boolean) {
    this._set("bold", v, (ref, value) => writeStyle(ref, (s) => void (s.bold = value === true)), W);
  }
  get italic(): boolean {
    return this._read("italic");
  }
  set italic(v: boolean) {
    this._set(
      "italic",
      v,
      (ref, value) => writeStyle(ref, (s) => void (s.italic = value === true)),
      W
    );
  }
  get size(): number {
    return this._read("size");
  }
  set size(v: number) {
    this._set(
      "size",
      v,
      (ref, value) => {
        const n = checkNumber(value, 1, 409, "RangeFont.size");
        writeStyle(ref, (s) => void (s.size = n));
      },
      W
    );
  }
  get color(): string {
    return this._read("color");
  }
  set color(v: string) {
    this._set(
      "color",
      v,
      (ref, value) => {
        const c = normalizeColor(value, "RangeFont.color");
        writeStyle(ref, (s) => void (s.color = c));
      },
      W
    );
  }
  get name(): string {
    return this._read("name");
  }
  set name(v: string) {
    this._set(
      "name",
      v,
      (ref, value) => {
        if (typeof value !== "string" || value.trim() === "")
          throw richError("InvalidArgument", "RangeFont.name");
        const n = value;
        writeStyle(ref, (s) => void (s.fontName = n));
      },
      W
    );
  }

  override _scalarNames(): readonly string[] {
    return ["bold", "italic", "size", "color", "name"];
  }
  override _scalar(ref: RangeRefModel, name: string): unknown {
    if (name === "bold") return uniform(ref, (c) => styleOf(c).bold ?? false);
    if (name === "italic") return uniform(ref, (c) => styleOf(c).italic ?? false);
    if (name === "size") return uniform(ref, (c) => styleOf(c).size ?? DEFAULT_FONT.size);
    if (name === "color") return uniform(ref, (c) => styleOf(c).color ?? DEFAULT_FONT.color);
    return uniform(ref, (c) => styleOf(c).fontName ?? DEFAULT_FONT.name);
  }

  load(spec?: LoadSpec): Excel.RangeFont {
    this._load(spec);
    return asExcel(this);
  }
}

export class FakeRangeFill
  extends RangePart<RangeRefModel>
  implements Pick<Excel.RangeFill, "color" | "clear" | "load">
{
  readonly _type = "RangeFill";

  get color(): string {
    return this._read("color");
  }
  set color(v: string) {
    this._set(
      "color",
      v,
      (ref, value) => {
        const c = normalizeColor(value, "RangeFill.color");
        writeStyle(ref, (s) => void (s.fill = c));
      },
      W
    );
  }

  clear(): void {
    this._call("clear", [], (ref) => writeStyle(ref, (s) => void delete s.fill), W);
  }

  override _scalarNames(): readonly string[] {
    return ["color"];
  }
  override _scalar(ref: RangeRefModel): unknown {
    return uniform(ref, (c) => styleOf(c).fill ?? "#FFFFFF");
  }

  load(spec?: LoadSpec): Excel.RangeFill {
    this._load(spec);
    return asExcel(this);
  }
}

const EDGES: readonly string[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];

export class FakeRangeBorderCollection
  extends RangePart<RangeRefModel>
  implements Pick<Excel.RangeBorderCollection, "getItem">
{
  readonly _type = "RangeBorderCollection";

  getItem(index: Excel.BorderIndex | `${Excel.BorderIndex}`): Excel.RangeBorder {
    if (!EDGES.includes(index)) throw notImplemented(`RangeBorderCollection.getItem("${index}")`);
    const edge = index as Edge;
    return asExcel(
      new FakeRangeBorder(this._ctx, this._childPath("Method", "getItem", [index]), () => {
        const ref = this._target();
        return ref ? { ...ref, edge } : null;
      })
    );
  }

  override _scalarNames(): readonly string[] {
    return [];
  }
  override _scalar(): unknown {
    return undefined;
  }
}

interface BorderRef extends RangeRefModel {
  edge: Edge;
}

/** The cells along one edge of a range. */
function edgeRange(b: BorderRef): RangeRefModel {
  const { rect } = b;
  const r =
    b.edge === "EdgeTop"
      ? { ...rect, r1: rect.r0 }
      : b.edge === "EdgeBottom"
        ? { ...rect, r0: rect.r1 }
        : b.edge === "EdgeLeft"
          ? { ...rect, c1: rect.c0 }
          : { ...rect, c0: rect.c1 };
  return { sheet: b.sheet, rect: r };
}

export class FakeRangeBorder
  extends RangePart<BorderRef>
  implements Pick<Excel.RangeBorder, "style" | "color" | "sideIndex" | "load">
{
  readonly _type = "RangeBorder";

  get style(): Excel.RangeBorder["style"] {
    return this._read("style");
  }
  set style(v: Excel.RangeBorder["style"]) {
    this._set(
      "style",
      v,
      (b, value) => {
        const style = checkEnum(value, ENUM_VALUES.BorderLineStyle, "RangeBorder.style");
        writeStyle(edgeRange(b), (s) => {
          s.borders ??= {};
          s.borders[b.edge] = { color: s.borders[b.edge]?.color ?? "#000000", style };
        });
      },
      W
    );
  }
  get color(): string {
    return this._read("color");
  }
  set color(v: string) {
    this._set(
      "color",
      v,
      (b, value) => {
        const color = normalizeColor(value, "RangeBorder.color");
        writeStyle(edgeRange(b), (s) => {
          s.borders ??= {};
          s.borders[b.edge] = { style: s.borders[b.edge]?.style ?? "Continuous", color };
        });
      },
      W
    );
  }
  get sideIndex(): Excel.RangeBorder["sideIndex"] {
    return this._read("sideIndex");
  }

  override _scalarNames(): readonly string[] {
    return ["style", "color", "sideIndex"];
  }
  override _scalar(b: BorderRef, name: string): unknown {
    if (name === "sideIndex") return b.edge;
    const along = edgeRange(b);
    if (name === "style")
      return uniform(along, (c) => styleOf(c).borders?.[b.edge]?.style ?? "None");
    return uniform(along, (c) => styleOf(c).borders?.[b.edge]?.color ?? "#000000");
  }

  load(spec?: LoadSpec): Excel.RangeBorder {
    this._load(spec);
    return asExcel(this);
  }
}
