/** TableCollection (workbook or worksheet) and Table. */
import { Rect, intersects, parseRect, splitSheet } from "./address";
import { isProxy } from "./context";
import { richError } from "./errors";
import { LoadSpec } from "./load";
import {
  RangeRefModel,
  SheetModel,
  TableModel,
  WorkbookModel,
  cellKey,
  findSheet,
  findTable,
  getCell,
  keyCol,
  keyRow,
  touchCell,
} from "./model";
import { NameScope, checkIdentifier, findName } from "./names";
import { FakeCollection, FakeObject, asExcel } from "./proxy";
import { FakeRange } from "./range";
import { FakeWorksheet, sheetId } from "./worksheets";

const PROTECTED =
  "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.";

function tableSource(scope: NameScope, address: unknown): RangeRefModel {
  const where = "TableCollection.add";
  if (isProxy(address)) {
    const ref = (address as unknown as FakeObject<RangeRefModel>)._target(); // a FakeRange
    if (!ref) throw richError("InvalidArgument", where);
    return ref;
  }
  if (typeof address !== "string") throw richError("InvalidArgument", where);
  const { sheet: named, local } = splitSheet(address);
  let sheet: SheetModel | null = scope.sheet;
  if (named !== null) {
    const s = findSheet(scope.wb, named);
    if (!s || (scope.sheet && s !== scope.sheet)) throw richError("InvalidArgument", where);
    sheet = s;
  }
  sheet ??= scope.wb.activeSheet;
  const rect = parseRect(local);
  if (!sheet || !rect)
    throw richError("InvalidArgument", where, `"${address}" is not a valid address.`);
  return { sheet, rect };
}

function headerText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return (v as { error: string }).error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** Creates the table as Excel does: header names made unique and textual, a data row at least. */
export function createTable(
  wb: WorkbookModel,
  ref: RangeRefModel,
  hasHeaders: boolean,
  name?: string
): TableModel {
  const { sheet } = ref;
  const rect: Rect = { ...ref.rect };
  if (rect.r1 - rect.r0 + 1 > 1048575 || rect.c1 - rect.c0 > 16383)
    throw richError("InvalidArgument", "TableCollection.add");
  if (wb.tables.some((t) => t.sheet === sheet && intersects(t.rect, rect)))
    throw richError(
      "InvalidOperation",
      "TableCollection.add",
      "A table can't overlap another table."
    );
  if (!hasHeaders) {
    // Excel inserts a header row above the data, moving the cells below down in those columns.
    const moved = [...sheet.cells].filter(
      ([k]) => keyRow(k) >= rect.r0 && keyCol(k) >= rect.c0 && keyCol(k) <= rect.c1
    );
    for (const [k] of moved) sheet.cells.delete(k);
    for (const [k, cell] of moved) sheet.cells.set(cellKey(keyRow(k) + 1, keyCol(k)), cell);
    rect.r1 += 1;
  }
  if (rect.r1 === rect.r0) rect.r1 += 1; // a table has at least one data row
  const used = new Set<string>();
  for (let c = rect.c0; c <= rect.c1; c++) {
    let text = hasHeaders ? headerText(getCell(sheet, rect.r0, c)?.value) : "";
    if (text === "") text = `Column${c - rect.c0 + 1}`;
    let unique = text;
    for (let i = 2; used.has(unique.toLowerCase()); i++) unique = `${text}${i}`;
    used.add(unique.toLowerCase());
    const cell = touchCell(sheet, rect.r0, c);
    cell.value = unique;
    delete cell.formula;
  }
  let tableName = name;
  if (tableName === undefined) {
    let i = 1;
    while (findTable(wb, `Table${i}`)) i++;
    tableName = `Table${i}`;
  }
  const table: TableModel = {
    id: wb.nextId++,
    name: tableName,
    sheet,
    rect,
    style: "TableStyleMedium2",
    showBandedRows: true,
    showTotals: false,
    deleted: false,
  };
  wb.tables.push(table);
  return table;
}

type CollectionMembers = "items" | "count" | "add" | "getItem" | "getItemOrNullObject" | "load";

export class FakeTableCollection
  extends FakeCollection<NameScope, TableModel>
  implements Pick<Excel.TableCollection, CollectionMembers>
{
  readonly _type = "TableCollection";

  override _sheetOf(scope: NameScope): SheetModel | null {
    return scope.sheet;
  }
  protected override _alive(scope: NameScope): boolean {
    return !scope.sheet?.deleted;
  }

  get items(): Excel.Table[] {
    return this._items<Excel.Table>();
  }
  get count(): number {
    return this._read("count");
  }

  override _collectionScalars(): readonly string[] {
    return ["count"];
  }
  override _list(scope: NameScope): TableModel[] {
    return scope.wb.tables.filter((t) => !t.deleted && (!scope.sheet || t.sheet === scope.sheet));
  }
  override _item(t: TableModel): FakeTable {
    const table = new FakeTable(this._ctx, this._childPath("Indexer", "getItem", [t.id]), () => t);
    table._bind(t);
    return table;
  }
  override _template(): FakeTable {
    return new FakeTable(this._ctx, this._path, () => null);
  }

  private _lookup(method: string, key: string, orNull: boolean): Excel.Table {
    return asExcel(
      new FakeTable(this._ctx, this._childPath("Method", method, [key]), () => {
        const scope = this._target();
        if (!scope) return null;
        const t =
          this._list(scope).find((x) => x.name.toLowerCase() === String(key).toLowerCase()) ?? null;
        if (!t && !orNull)
          throw richError(
            "ItemNotFound",
            `TableCollection.${method}`,
            `There is no table "${key}".`
          );
        return t;
      })
    );
  }

  getItem(key: string): Excel.Table {
    return this._lookup("getItem", key, false);
  }

  getItemOrNullObject(key: string): Excel.Table {
    return this._lookup("getItemOrNullObject", key, true);
  }

  add(address: Excel.Range | string, hasHeaders: boolean): Excel.Table {
    const table = new FakeTable(
      this._ctx,
      this._childPath("Method", "add", [address, hasHeaders]),
      () => {
        throw richError("GeneralException", "TableCollection.add", "The table was not created.");
      }
    );
    this._call("add", [address, hasHeaders], (scope, wire) => {
      const ref = tableSource(scope, wire[0]);
      if (ref.sheet.protected) throw richError("AccessDenied", "TableCollection.add", PROTECTED);
      table._bind(createTable(scope.wb, ref, wire[1] === true));
    });
    return asExcel(table);
  }

  load(spec?: LoadSpec): Excel.TableCollection {
    this._load(spec);
    return asExcel(this);
  }
}

type TableMembers =
  | "name"
  | "id"
  | "style"
  | "showBandedRows"
  | "showHeaders"
  | "showTotals"
  | "worksheet"
  | "getRange"
  | "getHeaderRowRange"
  | "getDataBodyRange"
  | "delete"
  | "rows"
  | "load";

export class FakeTable extends FakeObject<TableModel> implements Pick<Excel.Table, TableMembers> {
  readonly _type = "Table";
  private _worksheet?: FakeWorksheet;

  override _sheetOf(t: TableModel): SheetModel {
    return t.sheet;
  }

  get name(): string {
    return this._read("name");
  }
  set name(v: string) {
    this._set("name", v, (t, value) => {
      const wb = this._ctx.engine.wb;
      const n = checkIdentifier(value, "Table.name");
      const other = findTable(wb, n);
      if ((other && other !== t) || findName({ wb, sheet: null }, n))
        throw richError("ItemAlreadyExists", "Table.name", `The name "${n}" already exists.`);
      t.name = n;
    });
  }

  get id(): string {
    return this._read("id");
  }

  get style(): string {
    return this._read("style");
  }
  set style(v: string) {
    this._set(
      "style",
      v,
      (t, value) => {
        if (typeof value !== "string") throw richError("InvalidArgument", "Table.style");
        t.style = value;
      },
      { protectedWrite: true }
    );
  }

  get showBandedRows(): boolean {
    return this._read("showBandedRows");
  }
  set showBandedRows(v: boolean) {
    this._set("showBandedRows", v, (t, value) => void (t.showBandedRows = value === true), {
      protectedWrite: true,
    });
  }

  get showHeaders(): boolean {
    return this._read("showHeaders");
  }

  /** ExcelApi 1.3. Read-only here: the seed turns a totals row on (Excel: Table.showTotals). */
  get showTotals(): boolean {
    return this._read("showTotals");
  }

  _worksheetProxy(): FakeWorksheet {
    return (this._worksheet ??= new FakeWorksheet(
      this._ctx,
      this._childPath("Property", "worksheet"),
      () => {
        const t = this._target();
        return t ? t.sheet : null;
      }
    ));
  }

  get worksheet(): Excel.Worksheet {
    return asExcel(this._worksheetProxy());
  }

  private _range(method: string, part: (r: Rect) => Rect): Excel.Range {
    return asExcel(
      new FakeRange(this._ctx, this._childPath("Method", method), () => {
        const t = this._target();
        return t ? { sheet: t.sheet, rect: part(t.rect) } : null;
      })
    );
  }

  getRange(): Excel.Range {
    return this._range("getRange", (r) => ({ ...r }));
  }
  getHeaderRowRange(): Excel.Range {
    return this._range("getHeaderRowRange", (r) => ({ ...r, r1: r.r0 }));
  }
  getDataBodyRange(): Excel.Range {
    // The data body lies between the header row and the totals row, when there is one.
    return this._range("getDataBodyRange", (r) => ({
      ...r,
      r0: r.r0 + 1,
      r1: r.r1 - (this._target()?.showTotals ? 1 : 0),
    }));
  }

  delete(): void {
    this._call("delete", [], (t) => void (t.deleted = true), { protectedWrite: true });
  }

  /**
   * Table.rows: only TableRowCollection.add(index, values) at the end (index null or undefined),
   * which inserts rows into the table and moves the cells below it, in its columns, down
   * (learn.microsoft.com: TableRowCollection.add, alwaysInsert defaults to true). Values are
   * stored as given, without the coercion of Range.values.
   */
  get rows(): Excel.TableRowCollection {
    const add = (index?: number | null, values?: unknown[][]) => {
      if (index !== undefined && index !== null && index !== -1)
        throw notImplementedRows("TableRowCollection.add at an index");
      this._call("rows.add", [index, values], (t) => addRows(t, values ?? [[]]), {
        protectedWrite: true,
      });
    };
    return { add } as unknown as Excel.TableRowCollection;
  }

  override _scalarNames(): readonly string[] {
    return ["name", "id", "style", "showBandedRows", "showHeaders", "showTotals"];
  }
  override _scalar(t: TableModel, name: string): unknown {
    if (name === "name") return t.name;
    if (name === "id")
      return `{${sheetId(t.sheet).slice(1, -13)}${String(t.id).padStart(12, "0")}}`;
    if (name === "style") return t.style;
    if (name === "showBandedRows") return t.showBandedRows;
    if (name === "showTotals") return t.showTotals;
    return true;
  }
  override _navNames(): readonly string[] {
    return ["worksheet"];
  }
  override _nav(): FakeObject<unknown> {
    return this._worksheetProxy();
  }

  load(spec?: LoadSpec): Excel.Table {
    this._load(spec);
    return asExcel(this);
  }
}

function notImplementedRows(what: string): Error {
  return new Error(`The Excel fake does not implement ${what}.`);
}

function addRows(t: TableModel, values: unknown[][]): void {
  const n = Math.max(values.length, 1);
  const { c0, c1, r1 } = t.rect;
  const moved = [...t.sheet.cells.entries()]
    .filter(([k]) => keyRow(k) > r1 && keyCol(k) >= c0 && keyCol(k) <= c1)
    .sort((a, b) => keyRow(b[0]) - keyRow(a[0]));
  for (const [k] of moved) t.sheet.cells.delete(k);
  for (const [k, cell] of moved) t.sheet.cells.set(cellKey(keyRow(k) + n, keyCol(k)), cell);
  t.rect = { ...t.rect, r1: r1 + n };
  values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === "" || v === null || v === undefined) return;
      touchCell(t.sheet, r1 + 1 + i, c0 + j).value = v as string | number | boolean;
    })
  );
}
