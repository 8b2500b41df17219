/** WorksheetCollection, Worksheet and WorksheetProtection. */
import { Rect, parseRect, splitSheet } from "./address";
import { richError } from "./errors";
import { FakeChartCollection } from "./charts";
import { LoadSpec } from "./load";
import {
  RangeRefModel,
  SheetModel,
  WorkbookModel,
  findSheet,
  keyCol,
  keyRow,
  liveSheets,
} from "./model";
import { FakeNamedItemCollection } from "./names";
import { FakePageLayout } from "./page-layout";
import { FakePageBreakCollection } from "./page-parts";
import { FakeCollection, FakeObject, asExcel } from "./proxy";
import { FakeRange } from "./range";
import { addSheet, deleteSheet, moveSheet, renameSheet, setVisibility } from "./structure";
import { FakeTableCollection } from "./tables";

type CollectionMembers =
  | "items"
  | "add"
  | "getItem"
  | "getItemOrNullObject"
  | "getActiveWorksheet"
  | "load";

export class FakeWorksheetCollection
  extends FakeCollection<WorkbookModel, SheetModel>
  implements Pick<Excel.WorksheetCollection, CollectionMembers>
{
  readonly _type = "WorksheetCollection";

  get items(): Excel.Worksheet[] {
    return this._items<Excel.Worksheet>();
  }

  override _list(wb: WorkbookModel): SheetModel[] {
    return liveSheets(wb);
  }

  override _item(sheet: SheetModel): FakeWorksheet {
    const ws = new FakeWorksheet(
      this._ctx,
      this._childPath("Indexer", "getItem", [sheet.id]),
      () => sheet
    );
    ws._bind(sheet);
    return ws;
  }

  override _template(): FakeWorksheet {
    return new FakeWorksheet(this._ctx, this._path, () => null);
  }

  private _lookup(name: string, key: string, orNull: boolean): FakeWorksheet {
    return new FakeWorksheet(this._ctx, this._childPath("Method", name, [key]), () => {
      const wb = this._target();
      if (!wb) return null;
      const sheet =
        findSheet(wb, String(key)) ?? liveSheets(wb).find((s) => sheetId(s) === key) ?? null;
      if (!sheet && !orNull)
        throw richError(
          "ItemNotFound",
          `WorksheetCollection.${name}`,
          `There is no sheet named "${key}".`
        );
      return sheet;
    });
  }

  getItem(key: string): Excel.Worksheet {
    return asExcel(this._lookup("getItem", key, false));
  }

  getItemOrNullObject(key: string): Excel.Worksheet {
    return asExcel(this._lookup("getItemOrNullObject", key, true));
  }

  getActiveWorksheet(): Excel.Worksheet {
    return asExcel(
      new FakeWorksheet(this._ctx, this._childPath("Method", "getActiveWorksheet"), () => {
        const wb = this._target();
        return wb ? (wb.activeSheet ?? liveSheets(wb)[0] ?? null) : null;
      })
    );
  }

  add(name?: string): Excel.Worksheet {
    const ws = new FakeWorksheet(
      this._ctx,
      this._childPath("Method", "add", name === undefined ? [] : [name]),
      () => {
        throw richError(
          "GeneralException",
          "WorksheetCollection.add",
          "The sheet was not created."
        );
      }
    );
    this._call("add", name === undefined ? [] : [name], (wb, args) =>
      ws._bind(addSheet(wb, args[0]))
    );
    return asExcel(ws);
  }

  protected override _sheetName(_wb: WorkbookModel, name: string, args: unknown[]): string | null {
    return name === "add" && typeof args[0] === "string" ? args[0] : null;
  }

  load(spec?: LoadSpec): Excel.WorksheetCollection {
    this._load(spec);
    return asExcel(this);
  }
}

export function sheetId(sheet: SheetModel): string {
  return `{00000000-0001-0000-0000-${String(sheet.id).padStart(12, "0")}}`;
}

type WorksheetMembers =
  | "name"
  | "position"
  | "visibility"
  | "id"
  | "delete"
  | "activate"
  | "protection"
  | "names"
  | "tables"
  | "charts"
  | "pageLayout"
  | "horizontalPageBreaks"
  | "getRange"
  | "getRangeByIndexes"
  | "getCell"
  | "getUsedRange"
  | "getUsedRangeOrNullObject"
  | "load";

/** Where an address given to worksheet.getRange points on this sheet. */
export function rectOn(sheet: SheetModel, address: string | undefined, location: string): Rect {
  if (address === undefined || address === null) return { r0: 0, c0: 0, r1: 1048575, c1: 16383 };
  if (typeof address !== "string") throw richError("InvalidArgument", location);
  const { sheet: named, local } = splitSheet(address);
  if (named !== null && named.toLowerCase() !== sheet.name.toLowerCase())
    throw richError("InvalidArgument", location, `"${address}" is not on sheet "${sheet.name}".`);
  const rect = parseRect(local);
  if (!rect) throw richError("InvalidArgument", location, `"${address}" is not a valid address.`);
  return rect;
}

/** The used range: every cell with a value (valuesOnly) or also with a format; null when none. */
export function usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | null {
  let rect: Rect | null = null;
  for (const [k, cell] of sheet.cells) {
    if (valuesOnly && cell.value === null && cell.formula === undefined) continue;
    const r = keyRow(k);
    const c = keyCol(k);
    if (!rect) rect = { r0: r, c0: c, r1: r, c1: c };
    else {
      rect.r0 = Math.min(rect.r0, r);
      rect.c0 = Math.min(rect.c0, c);
      rect.r1 = Math.max(rect.r1, r);
      rect.c1 = Math.max(rect.c1, c);
    }
  }
  return rect;
}

export class FakeWorksheet
  extends FakeObject<SheetModel>
  implements Pick<Excel.Worksheet, WorksheetMembers>
{
  readonly _type = "Worksheet";
  private _protection?: FakeWorksheetProtection;
  private _names?: FakeNamedItemCollection;
  private _tables?: FakeTableCollection;
  private _charts?: FakeChartCollection;
  private _pageLayout?: FakePageLayout;
  private _pageBreaks?: FakePageBreakCollection;

  override _sheetOf(sheet: SheetModel): SheetModel {
    return sheet;
  }

  private get wb(): WorkbookModel {
    return this._ctx.engine.wb;
  }

  get name(): string {
    return this._read("name");
  }
  set name(v: string) {
    this._set("name", v, (s, value) => renameSheet(this.wb, s, value));
  }

  get position(): number {
    return this._read("position");
  }
  set position(v: number) {
    this._set("position", v, (s, value) => moveSheet(this.wb, s, value));
  }

  get visibility(): Excel.Worksheet["visibility"] {
    return this._read("visibility");
  }
  set visibility(v: Excel.Worksheet["visibility"]) {
    this._set("visibility", v, (s, value) => setVisibility(this.wb, s, value));
  }

  get id(): string {
    return this._read("id");
  }

  delete(): void {
    this._call("delete", [], (s) => deleteSheet(this.wb, s));
  }

  activate(): void {
    this._call("activate", [], (s) => {
      this.wb.activeSheet = s;
    });
  }

  _protectionProxy(): FakeWorksheetProtection {
    return (this._protection ??= new FakeWorksheetProtection(
      this._ctx,
      this._childPath("Property", "protection"),
      () => this._target()
    ));
  }
  _namesProxy(): FakeNamedItemCollection {
    return (this._names ??= new FakeNamedItemCollection(
      this._ctx,
      this._childPath("Property", "names"),
      () => {
        const s = this._target();
        return s ? { wb: this.wb, sheet: s } : null;
      }
    ));
  }
  _tablesProxy(): FakeTableCollection {
    return (this._tables ??= new FakeTableCollection(
      this._ctx,
      this._childPath("Property", "tables"),
      () => {
        const s = this._target();
        return s ? { wb: this.wb, sheet: s } : null;
      }
    ));
  }
  _chartsProxy(): FakeChartCollection {
    return (this._charts ??= new FakeChartCollection(
      this._ctx,
      this._childPath("Property", "charts"),
      () => this._target()
    ));
  }

  _pageLayoutProxy(): FakePageLayout {
    return (this._pageLayout ??= new FakePageLayout(
      this._ctx,
      this._childPath("Property", "pageLayout"),
      () => this._target()
    ));
  }
  _pageBreaksProxy(): FakePageBreakCollection {
    return (this._pageBreaks ??= new FakePageBreakCollection(
      this._ctx,
      this._childPath("Property", "horizontalPageBreaks"),
      () => this._target()
    ));
  }
  /** ExcelApi 1.9 (page-layout.ts). */
  get pageLayout(): Excel.PageLayout {
    return asExcel(this._pageLayoutProxy());
  }
  get horizontalPageBreaks(): Excel.PageBreakCollection {
    return asExcel(this._pageBreaksProxy());
  }

  get protection(): Excel.WorksheetProtection {
    return asExcel(this._protectionProxy());
  }
  get names(): Excel.NamedItemCollection {
    return asExcel(this._namesProxy());
  }
  get tables(): Excel.TableCollection {
    return asExcel(this._tablesProxy());
  }
  get charts(): Excel.ChartCollection {
    return asExcel(this._chartsProxy());
  }

  private _range(name: string, args: unknown[], rect: (s: SheetModel) => Rect | null): Excel.Range {
    return asExcel(
      new FakeRange(this._ctx, this._childPath("Method", name, args), (): RangeRefModel | null => {
        const s = this._target();
        if (!s) return null;
        const r = rect(s);
        return r ? { sheet: s, rect: r } : null;
      })
    );
  }

  getRange(address?: string): Excel.Range {
    return this._range("getRange", address === undefined ? [] : [address], (s) =>
      rectOn(s, address, "Worksheet.getRange")
    );
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): Excel.Range {
    return this._range("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount], () => {
      const rect = {
        r0: startRow,
        c0: startColumn,
        r1: startRow + rowCount - 1,
        c1: startColumn + columnCount - 1,
      };
      if (
        ![startRow, startColumn, rowCount, columnCount].every(Number.isInteger) ||
        rowCount < 1 ||
        columnCount < 1
      )
        throw richError("InvalidArgument", "Worksheet.getRangeByIndexes");
      return checkRect(rect, "Worksheet.getRangeByIndexes");
    });
  }

  getCell(row: number, column: number): Excel.Range {
    return this._range("getCell", [row, column], () =>
      checkRect({ r0: row, c0: column, r1: row, c1: column }, "Worksheet.getCell")
    );
  }

  getUsedRange(valuesOnly?: boolean): Excel.Range {
    return this._range(
      "getUsedRange",
      valuesOnly === undefined ? [] : [valuesOnly],
      (s) => usedRect(s, valuesOnly === true) ?? { r0: 0, c0: 0, r1: 0, c1: 0 }
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    return this._range(
      "getUsedRangeOrNullObject",
      valuesOnly === undefined ? [] : [valuesOnly],
      (s) => usedRect(s, valuesOnly === true)
    );
  }

  override _scalarNames(): readonly string[] {
    return ["name", "position", "visibility", "id"];
  }
  override _scalar(s: SheetModel, name: string): unknown {
    if (name === "name") return s.name;
    if (name === "position") return liveSheets(this.wb).indexOf(s);
    if (name === "visibility") return s.visibility;
    return sheetId(s);
  }
  override _navNames(): readonly string[] {
    return ["protection", "names", "tables", "charts"];
  }
  override _nav(name: string): FakeObject<unknown> {
    if (name === "protection") return this._protectionProxy();
    if (name === "names") return this._namesProxy();
    if (name === "tables") return this._tablesProxy();
    return this._chartsProxy();
  }

  load(spec?: LoadSpec): Excel.Worksheet {
    this._load(spec);
    return asExcel(this);
  }
}

export function checkRect(rect: Rect, location: string): Rect {
  if (
    rect.r0 < 0 ||
    rect.c0 < 0 ||
    rect.r1 > 1048575 ||
    rect.c1 > 16383 ||
    rect.r1 < rect.r0 ||
    rect.c1 < rect.c0
  )
    throw richError("InvalidArgument", location, "The range is outside the worksheet.");
  return rect;
}

export class FakeWorksheetProtection
  extends FakeObject<SheetModel>
  implements Pick<Excel.WorksheetProtection, "protected" | "protect" | "unprotect" | "load">
{
  readonly _type = "WorksheetProtection";

  override _sheetOf(sheet: SheetModel): SheetModel {
    return sheet;
  }

  get protected(): boolean {
    return this._read("protected");
  }

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this._call("protect", [options ?? null, password ?? null], (s) => void (s.protected = true));
  }

  unprotect(password?: string): void {
    this._call(
      "unprotect",
      password === undefined ? [] : [password],
      (s) => void (s.protected = false)
    );
  }

  override _scalarNames(): readonly string[] {
    return ["protected"];
  }
  override _scalar(s: SheetModel): unknown {
    return s.protected;
  }

  load(spec?: LoadSpec): Excel.WorksheetProtection {
    this._load(spec);
    return asExcel(this);
  }
}
