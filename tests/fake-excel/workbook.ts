/** Workbook and WorkbookProtection. */
import { FakeContext, PathNode } from "./context";
import { LoadSpec } from "./load";
import { WorkbookModel } from "./model";
import { FakeNamedItemCollection } from "./names";
import { FakeObject, asExcel } from "./proxy";
import { FakeTableCollection } from "./tables";
import { FakeWorksheetCollection } from "./worksheets";

type WorkbookMembers = "worksheets" | "tables" | "names" | "protection" | "load";

export class FakeWorkbook
  extends FakeObject<WorkbookModel>
  implements Pick<Excel.Workbook, WorkbookMembers>
{
  readonly _type = "Workbook";
  private _worksheets?: FakeWorksheetCollection;
  private _tables?: FakeTableCollection;
  private _names?: FakeNamedItemCollection;
  private _protection?: FakeWorkbookProtection;

  constructor(ctx: FakeContext, path: PathNode, wb: WorkbookModel) {
    super(ctx, path, () => wb);
  }

  private get wb(): WorkbookModel {
    return this._ctx.engine.wb;
  }

  _worksheetsProxy(): FakeWorksheetCollection {
    return (this._worksheets ??= new FakeWorksheetCollection(
      this._ctx,
      this._childPath("Property", "worksheets"),
      () => this.wb
    ));
  }

  _tablesProxy(): FakeTableCollection {
    return (this._tables ??= new FakeTableCollection(
      this._ctx,
      this._childPath("Property", "tables"),
      () => ({ wb: this.wb, sheet: null })
    ));
  }

  _namesProxy(): FakeNamedItemCollection {
    return (this._names ??= new FakeNamedItemCollection(
      this._ctx,
      this._childPath("Property", "names"),
      () => ({ wb: this.wb, sheet: null })
    ));
  }

  _protectionProxy(): FakeWorkbookProtection {
    return (this._protection ??= new FakeWorkbookProtection(
      this._ctx,
      this._childPath("Property", "protection"),
      () => this.wb
    ));
  }

  get worksheets(): Excel.WorksheetCollection {
    return asExcel(this._worksheetsProxy());
  }

  get tables(): Excel.TableCollection {
    return asExcel(this._tablesProxy());
  }

  get names(): Excel.NamedItemCollection {
    return asExcel(this._namesProxy());
  }

  get protection(): Excel.WorkbookProtection {
    return asExcel(this._protectionProxy());
  }

  override _scalarNames(): readonly string[] {
    return [];
  }
  override _scalar(): unknown {
    return undefined;
  }
  override _navNames(): readonly string[] {
    return ["worksheets", "tables", "names", "protection"];
  }
  override _nav(name: string): FakeObject<unknown> {
    if (name === "worksheets") return this._worksheetsProxy();
    if (name === "tables") return this._tablesProxy();
    if (name === "names") return this._namesProxy();
    return this._protectionProxy();
  }

  load(spec?: LoadSpec): Excel.Workbook {
    this._load(spec);
    return asExcel(this);
  }
}

export class FakeWorkbookProtection
  extends FakeObject<WorkbookModel>
  implements Pick<Excel.WorkbookProtection, "protected" | "protect" | "unprotect" | "load">
{
  readonly _type = "WorkbookProtection";

  get protected(): boolean {
    return this._read("protected");
  }

  protect(password?: string): void {
    this._call(
      "protect",
      password === undefined ? [] : [password],
      (wb) => void (wb.structureProtected = true)
    );
  }

  unprotect(password?: string): void {
    this._call(
      "unprotect",
      password === undefined ? [] : [password],
      (wb) => void (wb.structureProtected = false)
    );
  }

  override _scalarNames(): readonly string[] {
    return ["protected"];
  }
  override _scalar(wb: WorkbookModel): unknown {
    return wb.structureProtected;
  }

  load(spec?: LoadSpec): Excel.WorkbookProtection {
    this._load(spec);
    return asExcel(this);
  }
}
