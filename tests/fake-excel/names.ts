/** NamedItemCollection (workbook or worksheet scope) and NamedItem. */
import { fullAddress, colIndex } from "./address";
import { formulaValue } from "./coerce";
import { isProxy } from "./context";
import { richError } from "./errors";
import { LoadSpec } from "./load";
import { NameModel, RangeRefModel, SheetModel, WorkbookModel, findTable } from "./model";
import { FakeCollection, FakeObject, asExcel } from "./proxy";

export interface NameScope {
  wb: WorkbookModel;
  sheet: SheetModel | null;
}

/** Excel's rules for defined names and table names. */
export function checkIdentifier(name: unknown, location: string): string {
  const ok =
    typeof name === "string" &&
    name.length > 0 &&
    name.length <= 255 &&
    /^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]*$/.test(name) &&
    !/^[Rr]$|^[Cc]$/.test(name) &&
    !/^[Rr]\d*[Cc]\d*$/.test(name) &&
    !(/^[A-Za-z]{1,3}\d+$/.test(name) && colIndex(name.replace(/\d+$/, "")) < 16384);
  if (!ok) throw richError("InvalidArgument", location, `"${String(name)}" is not a valid name.`);
  return name as string;
}

function scopeNames(scope: NameScope): NameModel[] {
  return (scope.sheet ? scope.sheet.names : scope.wb.names).filter((n) => !n.deleted);
}

export function findName(scope: NameScope, name: string): NameModel | null {
  const key = name.toLowerCase();
  return scopeNames(scope).find((n) => n.name.toLowerCase() === key) ?? null;
}

function absolute(ref: RangeRefModel): string {
  const a = fullAddress(ref.sheet.name, ref.rect);
  const [sheet, local] = [a.slice(0, a.lastIndexOf("!")), a.slice(a.lastIndexOf("!") + 1)];
  return `${sheet}!${local.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
}

type CollectionMembers = "items" | "add" | "getItem" | "getItemOrNullObject" | "load";

export class FakeNamedItemCollection
  extends FakeCollection<NameScope, NameModel>
  implements Pick<Excel.NamedItemCollection, CollectionMembers>
{
  readonly _type = "NamedItemCollection";

  override _sheetOf(scope: NameScope): SheetModel | null {
    return scope.sheet;
  }
  protected override _alive(scope: NameScope): boolean {
    return !scope.sheet?.deleted;
  }

  get items(): Excel.NamedItem[] {
    return this._items<Excel.NamedItem>();
  }

  override _list(scope: NameScope): NameModel[] {
    return scopeNames(scope);
  }
  override _item(n: NameModel): FakeNamedItem {
    const item = new FakeNamedItem(
      this._ctx,
      this._childPath("Indexer", "getItem", [n.name]),
      () => n
    );
    item._bind(n);
    return item;
  }
  override _template(): FakeNamedItem {
    return new FakeNamedItem(this._ctx, this._path, () => null);
  }

  private _lookup(method: string, name: string, orNull: boolean): Excel.NamedItem {
    return asExcel(
      new FakeNamedItem(this._ctx, this._childPath("Method", method, [name]), () => {
        const scope = this._target();
        if (!scope) return null;
        const found = findName(scope, String(name));
        if (!found && !orNull)
          throw richError(
            "ItemNotFound",
            `NamedItemCollection.${method}`,
            `There is no name "${name}".`
          );
        return found;
      })
    );
  }

  getItem(name: string): Excel.NamedItem {
    return this._lookup("getItem", name, false);
  }

  getItemOrNullObject(name: string): Excel.NamedItem {
    return this._lookup("getItemOrNullObject", name, true);
  }

  add(name: string, reference: Excel.Range | string, comment?: string): Excel.NamedItem {
    const item = new FakeNamedItem(this._ctx, this._childPath("Method", "add", [name]), () => {
      throw richError("GeneralException", "NamedItemCollection.add", "The name was not created.");
    });
    const args: unknown[] = comment === undefined ? [name, reference] : [name, reference, comment];
    this._call("add", args, (scope, wire) => {
      const n = checkIdentifier(wire[0], "NamedItemCollection.add");
      if (findName(scope, n) || findTable(scope.wb, n))
        throw richError(
          "ItemAlreadyExists",
          "NamedItemCollection.add",
          `The name "${n}" already exists.`
        );
      const ref = wire[1];
      let formula: string;
      if (isProxy(ref)) {
        const target = (ref as unknown as FakeObject<RangeRefModel>)._target(); // a FakeRange
        if (!target) throw richError("InvalidArgument", "NamedItemCollection.add");
        formula = `=${absolute(target)}`;
      } else if (typeof ref === "string" && ref !== "")
        formula = ref.startsWith("=") ? ref : `=${ref}`;
      else throw richError("InvalidArgument", "NamedItemCollection.add");
      const model: NameModel = {
        id: scope.wb.nextId++,
        name: n,
        formula,
        comment: typeof wire[2] === "string" ? wire[2] : "",
        visible: true,
        deleted: false,
      };
      (scope.sheet ? scope.sheet.names : scope.wb.names).push(model);
      item._bind(model);
    });
    return asExcel(item);
  }

  load(spec?: LoadSpec): Excel.NamedItemCollection {
    this._load(spec);
    return asExcel(this);
  }
}

type ItemMembers =
  | "name"
  | "formula"
  | "value"
  | "visible"
  | "comment"
  | "type"
  | "delete"
  | "load";

export class FakeNamedItem
  extends FakeObject<NameModel>
  implements Pick<Excel.NamedItem, ItemMembers>
{
  readonly _type = "NamedItem";

  get name(): string {
    return this._read("name");
  }
  get formula(): string {
    return this._read("formula");
  }
  set formula(v: string) {
    this._set("formula", v, (n, value) => {
      if (typeof value !== "string" || value === "")
        throw richError("InvalidArgument", "NamedItem.formula");
      n.formula = value.startsWith("=") ? value : `=${value}`;
    });
  }
  get value(): unknown {
    return this._read("value");
  }
  get type(): Excel.NamedItem["type"] {
    return this._read("type");
  }
  get visible(): boolean {
    return this._read("visible");
  }
  set visible(v: boolean) {
    this._set("visible", v, (n, value) => void (n.visible = value === true));
  }
  get comment(): string {
    return this._read("comment");
  }
  set comment(v: string) {
    this._set("comment", v, (n, value) => void (n.comment = String(value)));
  }

  delete(): void {
    this._call("delete", [], (n) => void (n.deleted = true));
  }

  override _scalarNames(): readonly string[] {
    return ["name", "formula", "value", "visible", "comment", "type"];
  }
  override _scalar(n: NameModel, name: string): unknown {
    const isRef = /^=('[^']+'|[^!]+)!\$?[A-Z]+\$?\d+/.test(n.formula);
    const v = formulaValue(n.formula);
    switch (name) {
      case "name":
        return n.name;
      case "formula":
        return n.formula;
      case "visible":
        return n.visible;
      case "comment":
        return n.comment;
      case "value":
        if (isRef) return n.formula.slice(1);
        return typeof v === "object" && v !== null ? v.error : v;
      default:
        if (isRef) return "Range";
        if (typeof v === "boolean") return "Boolean";
        if (typeof v === "number") return "Double";
        if (typeof v === "string") return "String";
        return "Error";
    }
  }

  load(spec?: LoadSpec): Excel.NamedItem {
    this._load(spec);
    return asExcel(this);
  }
}
