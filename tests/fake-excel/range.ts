/** Range: values, formats and addresses, with Excel's coercion of what is written. */
import { Rect, parseRect, rectCells, splitSheet } from "./address";
import {
  cellValueOut,
  clearRange,
  matrix,
  mergeRange,
  rangeAddress,
  unmergeRange,
  valueType,
  writeCells,
  writeNumberFormat,
  writeTypedCells,
} from "./cells";
import { richError } from "./errors";
import { FakeRangeFormat } from "./format";
import { LoadSpec } from "./load";
import { RangeRefModel, SheetModel } from "./model";
import { displayText } from "./numfmt";
import { FakeObject, asExcel } from "./proxy";
import { FakeWorksheet, checkRect } from "./worksheets";

type RangeMembers =
  | "values"
  | "valueTypes"
  | "numberFormat"
  | "formulas"
  | "text"
  | "address"
  | "addressLocal"
  | "rowIndex"
  | "columnIndex"
  | "rowCount"
  | "columnCount"
  | "cellCount"
  | "format"
  | "worksheet"
  | "merge"
  | "unmerge"
  | "select"
  | "clear"
  | "getCell"
  | "getRow"
  | "getColumn"
  | "getEntireRow"
  | "getEntireColumn"
  | "getResizedRange"
  | "getOffsetRange"
  | "getIntersectionOrNullObject"
  | "valuesAsJson"
  | "load";

const W = { protectedWrite: true };
/** Office.js splits larger writes (setRangePropertiesInBulk). */
const BULK_CELLS = 1500;
type CellProperty = "values" | "formulas" | "numberFormat";

export class FakeRange
  extends FakeObject<RangeRefModel>
  implements Pick<Excel.Range, RangeMembers>
{
  readonly _type = "Range";
  private _format?: FakeRangeFormat;
  private _worksheet?: FakeWorksheet;

  override _sheetOf(ref: RangeRefModel): SheetModel {
    return ref.sheet;
  }
  override _addressOf(ref: RangeRefModel): string {
    return rangeAddress(ref);
  }
  protected override _alive(ref: RangeRefModel): boolean {
    return !ref.sheet.deleted;
  }

  // ---- values and formats ----------------------------------------------------------------------

  get values(): unknown[][] {
    return this._read("values");
  }
  set values(v: unknown) {
    this._setCells("values", v);
  }

  get valuesAsJson(): Excel.CellValue[][] {
    return this._read("valuesAsJson");
  }
  set valuesAsJson(v: Excel.CellValue[][]) {
    this._set(
      "valuesAsJson",
      v,
      (ref, value) => writeTypedCells(ref, value, "Range.valuesAsJson"),
      W
    );
  }

  get formulas(): unknown[][] {
    return this._read("formulas");
  }
  set formulas(v: unknown) {
    this._setCells("formulas", v);
  }

  get numberFormat(): unknown[][] {
    return this._read("numberFormat");
  }
  set numberFormat(v: unknown) {
    this._setCells("numberFormat", v);
  }

  private _applyCells(name: CellProperty): (ref: RangeRefModel, value: unknown) => void {
    return name === "numberFormat"
      ? (ref, value) => writeNumberFormat(ref, value, "Range.numberFormat")
      : (ref, value) => writeCells(this._ctx.engine, ref, value, `Range.${name}`);
  }

  /**
   * As Office.js does: an array of more than 1,500 cells is checked for size by Excel
   * (_ValidateArraySize, on its first row's length) and sent as row chunks of about 1,500 cells, each
   * its own operation in the same request; a bad chunk fails after the earlier ones are applied.
   */
  private _setCells(name: CellProperty, v: unknown): void {
    const first: unknown = Array.isArray(v) ? v[0] : undefined;
    if (!Array.isArray(v) || !Array.isArray(first) || v.length * first.length <= BULK_CELLS) {
      this._set(name, v, this._applyCells(name), W);
      return;
    }
    this._fields.set(name, v);
    const rows = v.length;
    const cols = first.length;
    this._call("_ValidateArraySize", [rows, cols], (ref) => {
      if (ref.rect.r1 - ref.rect.r0 + 1 !== rows || ref.rect.c1 - ref.rect.c0 + 1 !== cols)
        throw richError(
          "InvalidArgument",
          `Range.${name}`,
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range."
        );
    });
    const step = Math.max(1, Math.round(BULK_CELLS / cols));
    for (let start = 0; start < rows; start += step) {
      const count = Math.min(step, rows - start);
      const last = new FakeRange(
        this._ctx,
        this._childPath("Method", "getRow", [start + count - 1]),
        () => null
      );
      const row = this._ctx.newPath(this._path, "Method", "getRow", [start]);
      const chunk = new FakeRange(
        this._ctx,
        this._ctx.newPath(row, "Method", "getBoundingRect", [last]),
        () => {
          const ref = this._target();
          if (!ref) return null;
          const r0 = ref.rect.r0 + start;
          return { sheet: ref.sheet, rect: { ...ref.rect, r0, r1: r0 + count - 1 } };
        }
      );
      chunk._set(name, v.slice(start, start + count), this._applyCells(name), W);
    }
  }

  get valueTypes(): Excel.Range["valueTypes"] {
    return this._read("valueTypes");
  }
  get text(): string[][] {
    return this._read("text");
  }
  get address(): string {
    return this._read("address");
  }
  get addressLocal(): string {
    return this._read("addressLocal");
  }
  get rowIndex(): number {
    return this._read("rowIndex");
  }
  get columnIndex(): number {
    return this._read("columnIndex");
  }
  get rowCount(): number {
    return this._read("rowCount");
  }
  get columnCount(): number {
    return this._read("columnCount");
  }
  get cellCount(): number {
    return this._read("cellCount");
  }

  _formatProxy(): FakeRangeFormat {
    return (this._format ??= new FakeRangeFormat(
      this._ctx,
      this._childPath("Property", "format"),
      () => this._target()
    ));
  }
  _worksheetProxy(): FakeWorksheet {
    return (this._worksheet ??= new FakeWorksheet(
      this._ctx,
      this._childPath("Property", "worksheet"),
      () => {
        const ref = this._target();
        return ref ? ref.sheet : null;
      }
    ));
  }

  get format(): Excel.RangeFormat {
    return asExcel(this._formatProxy());
  }
  get worksheet(): Excel.Worksheet {
    return asExcel(this._worksheetProxy());
  }

  // ---- methods ---------------------------------------------------------------------------------

  merge(across?: boolean): void {
    this._call(
      "merge",
      across === undefined ? [] : [across],
      (ref, a) => mergeRange(ref, a[0] === true),
      W
    );
  }

  unmerge(): void {
    this._call("unmerge", [], (ref) => unmergeRange(ref), W);
  }

  clear(applyTo?: Excel.ClearApplyTo | `${Excel.ClearApplyTo}`): void {
    this._call(
      "clear",
      applyTo === undefined ? [] : [applyTo],
      (ref, a) => clearRange(ref, a[0]),
      W
    );
  }

  select(): void {
    this._call("select", [], (ref) => {
      const wb = this._ctx.engine.wb;
      wb.activeSheet = ref.sheet;
      wb.selection = { sheet: ref.sheet, rect: { ...ref.rect } };
    });
  }

  private _derived(name: string, args: unknown[], derive: (rect: Rect) => Rect): Excel.Range {
    return asExcel(
      new FakeRange(this._ctx, this._childPath("Method", name, args), () => {
        const ref = this._target();
        if (!ref) return null;
        if (!args.every((a) => typeof a === "number" && Number.isInteger(a)))
          throw richError("InvalidArgument", `Range.${name}`);
        return { sheet: ref.sheet, rect: checkRect(derive(ref.rect), `Range.${name}`) };
      })
    );
  }

  getCell(row: number, column: number): Excel.Range {
    return this._derived("getCell", [row, column], (r) => ({
      r0: r.r0 + row,
      c0: r.c0 + column,
      r1: r.r0 + row,
      c1: r.c0 + column,
    }));
  }

  getRow(row: number): Excel.Range {
    return this._derived("getRow", [row], (r) => ({ ...r, r0: r.r0 + row, r1: r.r0 + row }));
  }

  getColumn(column: number): Excel.Range {
    return this._derived("getColumn", [column], (r) => ({
      ...r,
      c0: r.c0 + column,
      c1: r.c0 + column,
    }));
  }

  getEntireRow(): Excel.Range {
    return this._derived("getEntireRow", [], (r) => ({ ...r, c0: 0, c1: 16383 }));
  }

  getEntireColumn(): Excel.Range {
    return this._derived("getEntireColumn", [], (r) => ({ ...r, r0: 0, r1: 1048575 }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Excel.Range {
    return this._derived("getResizedRange", [deltaRows, deltaColumns], (r) => ({
      ...r,
      r1: r.r1 + deltaRows,
      c1: r.c1 + deltaColumns,
    }));
  }

  /** The overlap with another range on the same sheet, or a null object (ExcelApi 1.4). */
  getIntersectionOrNullObject(another: Excel.Range | string): Excel.Range {
    return asExcel(
      new FakeRange(
        this._ctx,
        this._childPath("Method", "getIntersectionOrNullObject", [another]),
        () => {
          const ref = this._target();
          if (!ref) return null;
          let other: Rect | null;
          if (typeof another === "string") other = parseRect(splitSheet(another).local);
          else {
            const o = (another as unknown as FakeRange)._target();
            other = o && o.sheet === ref.sheet ? o.rect : null;
          }
          if (!other) return null;
          const r = {
            r0: Math.max(ref.rect.r0, other.r0),
            c0: Math.max(ref.rect.c0, other.c0),
            r1: Math.min(ref.rect.r1, other.r1),
            c1: Math.min(ref.rect.c1, other.c1),
          };
          return r.r0 > r.r1 || r.c0 > r.c1 ? null : { sheet: ref.sheet, rect: r };
        }
      )
    );
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Excel.Range {
    return this._derived("getOffsetRange", [rowOffset, columnOffset], (r) => ({
      r0: r.r0 + rowOffset,
      c0: r.c0 + columnOffset,
      r1: r.r1 + rowOffset,
      c1: r.c1 + columnOffset,
    }));
  }

  // ---- load ------------------------------------------------------------------------------------

  override _scalarNames(): readonly string[] {
    return [
      "values",
      "valueTypes",
      "numberFormat",
      "formulas",
      "text",
      "address",
      "addressLocal",
      "rowIndex",
      "columnIndex",
      "rowCount",
      "columnCount",
      "cellCount",
    ];
  }

  override _scalar(ref: RangeRefModel, name: string): unknown {
    const { sheet, rect } = ref;
    const perCell = ["values", "valueTypes", "numberFormat", "formulas", "text"];
    // docs/excel/performance.md, "Payload size limit best practices": a get over five million
    // cells may return null instead of failing (the harder of the two documented outcomes).
    if (perCell.includes(name) && rectCells(rect) > this._ctx.engine.getCellLimit) return null;
    if (perCell.includes(name) && rectCells(rect) * 2 > this._ctx.engine.responseLimitBytes)
      throw richError("ResponsePayloadSizeLimitExceeded", `Range.${name}`);
    switch (name) {
      case "values":
        return matrix(sheet, rect, (c) => cellValueOut(c?.value ?? null));
      case "valueTypes":
        return matrix(sheet, rect, (c) => valueType(c?.value ?? null));
      case "numberFormat":
        return matrix(sheet, rect, (c) => c?.numberFormat ?? "General");
      case "formulas":
        return matrix(sheet, rect, (c) => c?.formula ?? cellValueOut(c?.value ?? null));
      case "text":
        return matrix(sheet, rect, (c) =>
          displayText(c?.value ?? null, c?.numberFormat ?? "General")
        );
      case "address":
        return rangeAddress(ref);
      case "addressLocal":
        return rangeAddress(ref);
      case "rowIndex":
        return rect.r0;
      case "columnIndex":
        return rect.c0;
      case "rowCount":
        return rect.r1 - rect.r0 + 1;
      case "columnCount":
        return rect.c1 - rect.c0 + 1;
      default:
        return rectCells(rect);
    }
  }

  override _navNames(): readonly string[] {
    return ["format", "worksheet"];
  }
  override _nav(name: string): FakeObject<unknown> {
    return name === "format" ? this._formatProxy() : this._worksheetProxy();
  }

  load(spec?: LoadSpec): Excel.Range {
    this._load(spec);
    return asExcel(this);
  }
}
