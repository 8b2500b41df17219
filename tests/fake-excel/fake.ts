/**
 * FakeExcel: an in-memory workbook behind Office.js-shaped proxies, with injectable faults and
 * counters of requests and their sizes. See README.md in this folder.
 */
import { fullAddress } from "./address";
import { Engine, FakeContext, OperationInfo, isProxy } from "./context";
import { allEnums } from "./enums";
import { FakeRichApiError, MESSAGES, richError } from "./errors";
import { NameView, SheetView, TableView, nameView, tableView } from "./inspect";
import { WorkbookModel, emptyWorkbook, findSheet, liveSheets } from "./model";
import { FakeObject } from "./proxy";
import { SeedSheet, SeedWorkbook, seedWorkbook } from "./seed";
import { FakeWorkbook } from "./workbook";
import {
  PROFILES,
  PlatformProfile,
  ProfileId,
  isSetSupported,
  loadFault,
  platformFault,
} from "./profiles";

export interface FakeExcelOptions {
  /** Excel on the web refuses requests over 5 MB (RequestPayloadSizeLimitExceeded). */
  requestLimitBytes?: number;
  /** ... and responses over 5 MB (ResponsePayloadSizeLimitExceeded). */
  responseLimitBytes?: number;
  /** A get of more cells returns null values (five million on every platform; smaller for tests). */
  getCellLimit?: number;
  /** The year Excel puts on a date typed without one ("1/2" is 2 January of this year). */
  currentYear?: number;
  /**
   * A platform's documented behaviour (profiles.ts): requirement sets (isSetSupported, ApiNotFound
   * for newer members), payload limits, undo support. Without one: every member, 5 MB limits,
   * undo not modelled, and the Text-format assumption on.
   */
  profile?: ProfileId | PlatformProfile;
}

export interface FakeRunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
  previousObjects?: unknown;
}

export type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

/** The `Excel` global the add-in sees: `run`, the enums as string maps, ErrorCodes. */
export type FakeExcelNamespace = {
  run: <T>(...args: unknown[]) => Promise<T>;
  RequestContext: new () => Excel.RequestContext;
} & ReturnType<typeof allEnums>;

export const DEFAULT_LIMIT_BYTES = 5 * 1024 * 1024;
/** docs/excel/performance.md, "Payload size limit best practices": five million cells per get. */
export const GET_CELL_LIMIT = 5_000_000;

/** The workbook a FakeContext serves, with its workbook proxy attached to each new context. */
class Context extends FakeContext {
  readonly workbook: Excel.Workbook;
  /** An undo group's run changed something: one undo step when it ends. */
  groupChanged = false;
  constructor(engine: Engine) {
    super(engine);
    const wb = new FakeWorkbook(this, this.root, engine.wb);
    this.workbook = wb as unknown as Excel.Workbook; // the fake workbook stands for Excel's
  }
  load(object: unknown, option?: string | string[] | object): void {
    (object as { load: (o: unknown) => void }).load(option);
  }
}

interface OpFault {
  predicate: (op: OperationInfo) => boolean;
  code: string;
  message?: string;
}

export interface FormulaWrite {
  sheet: string;
  address: string;
  formula: string;
}

export class FakeExcel implements Engine {
  wb: WorkbookModel = emptyWorkbook();
  readonly requestLimitBytes: number;
  readonly responseLimitBytes: number;
  readonly currentYear: number;
  readonly getCellLimit: number;
  readonly profile: PlatformProfile | null;
  readonly textFormatKeepsText: boolean;
  /**
   * Undo steps that would take back the add-in's changes: one per request that changed something,
   * or one per Excel.run in an undo group; an API without undo support empties the stack (the undo
   * document's tip). Counted only under a profile.
   */
  undoSteps = 0;
  /** While true, every request fails with InvalidOperationInCellEditMode unless its batch was
   * started with Excel.run({ delayForCellEdit: true }) (Excel then waits; the fake just succeeds). */
  cellEditMode = false;
  /** Requests sent: context.sync() calls that had something queued (an empty sync sends nothing). */
  syncCount = 0;
  /** Size in bytes of each request, in order. */
  readonly requestBytes: number[] = [];
  /** Size in bytes of each response (the loads it delivers), in order. */
  readonly responseBytes: number[] = [];
  /** Every formula the add-in caused to be stored in a cell, including strings Excel read as one. */
  readonly formulaLog: FormulaWrite[] = [];
  /** A context outside any Excel.run (objects never released). */
  readonly context: Excel.RequestContext;
  private readonly syncFaults = new Map<number, string>();
  private readonly opFaults: OpFault[] = [];

  constructor(options: FakeExcelOptions = {}) {
    const p = options.profile;
    this.profile = p === undefined ? null : typeof p === "string" ? PROFILES[p] : p;
    const limit = (v: number | null): number => (v === null ? Infinity : v);
    this.requestLimitBytes =
      options.requestLimitBytes ??
      limit(this.profile ? this.profile.requestLimitBytes : DEFAULT_LIMIT_BYTES);
    this.responseLimitBytes =
      options.responseLimitBytes ??
      limit(this.profile ? this.profile.responseLimitBytes : DEFAULT_LIMIT_BYTES);
    this.textFormatKeepsText = this.profile ? this.profile.textFormatKeepsText : true;
    this.getCellLimit = options.getCellLimit ?? GET_CELL_LIMIT;
    this.currentYear = options.currentYear ?? new Date().getFullYear();
    this.context = this.newContext();
  }

  // ---- Engine (used by contexts and proxies) ---------------------------------------------------

  beginRequest(bytes: number): number {
    this.syncCount++;
    this.requestBytes.push(bytes);
    return this.syncCount;
  }

  syncFault(n: number): string | null {
    const code = this.syncFaults.get(n) ?? null;
    this.syncFaults.delete(n);
    return code;
  }

  opFault(info: OperationInfo): FakeRichApiError | null {
    const i = this.opFaults.findIndex((f) => f.predicate(info));
    if (i < 0) return null;
    const [f] = this.opFaults.splice(i, 1);
    return f ? richError(f.code, undefined, f.message) : null;
  }

  recordFormula(sheet: string, address: string, formula: string): void {
    this.formulaLog.push({ sheet, address, formula });
  }

  /** Office.context.requirements.isSetSupported: the profile's answer (every set without one). */
  isSetSupported(name: string, minVersion?: string): boolean {
    return this.profile ? isSetSupported(this.profile, name, minVersion) : true;
  }

  operationFault(info: OperationInfo, ctx: FakeContext): FakeRichApiError | null {
    if (!this.profile) return null;
    const r = platformFault(this.profile, info, ctx.undoGroup);
    if (r.clearsUndo) ctx.clearsUndo = true;
    return r.error;
  }

  loadFault(type: string, names: readonly string[]): FakeRichApiError | null {
    return this.profile ? loadFault(this.profile, type, names) : null;
  }

  afterChange(ctx: FakeContext): void {
    if (!this.profile) return;
    if (ctx.clearsUndo) this.undoSteps = 0;
    else if (ctx.undoGroup) (ctx as Context).groupChanged = true;
    else this.undoSteps++;
  }

  // ---- counters ------------------------------------------------------------------------------

  recordResponse(bytes: number): void {
    this.responseBytes.push(bytes);
  }

  get maxResponseBytes(): number {
    return this.responseBytes.reduce((a, b) => Math.max(a, b), 0);
  }

  get maxRequestBytes(): number {
    return this.requestBytes.reduce((a, b) => Math.max(a, b), 0);
  }

  resetCounters(): void {
    this.syncCount = 0;
    this.requestBytes.length = 0;
    this.responseBytes.length = 0;
    this.formulaLog.length = 0;
  }

  // ---- faults --------------------------------------------------------------------------------

  /** The n-th request from now (1 = the next one) fails whole, before anything is applied. */
  failOnSync(n: number, code = "GeneralException"): void {
    this.syncFaults.set(this.syncCount + n, code);
  }

  /**
   * The first operation (property write, method call or load) that matches fails with `code`:
   * operations before it in the same request stay applied, later ones are not run. Once only.
   */
  failOn(predicate: (op: OperationInfo) => boolean, code: string, message?: string): void {
    this.opFaults.push(message === undefined ? { predicate, code } : { predicate, code, message });
  }

  clearFaults(): void {
    this.syncFaults.clear();
    this.opFaults.length = 0;
  }

  protectSheet(name: string, on = true): void {
    this.requireSheet(name).protected = on;
  }

  protectStructure(on = true): void {
    this.wb.structureProtected = on;
  }

  // ---- contexts and Excel.run ----------------------------------------------------------------

  newContext(): Excel.RequestContext {
    return new Context(this) as unknown as Excel.RequestContext; // the fake context stands for Excel's
  }

  /** Excel.run: a new context, the batch, then a final sync of whatever is still queued. */
  async run<T>(batch: Batch<T>, options: FakeRunOptions = {}): Promise<T> {
    const previous = this.previousContext(options.previousObjects);
    const ctx = previous ?? new Context(this);
    if (!previous) ctx.delayForCellEdit = options.delayForCellEdit === true;
    if (!previous && options.mergeUndoGroup === true) {
      // Documented only as ExcelApi 1.20; the fake refuses it elsewhere so a host that forgets
      // isSetSupported is caught (what an older Excel does with the option is not documented).
      if (!this.isSetSupported("ExcelApi", "1.20"))
        throw richError("ApiNotFound", "Excel.run", "mergeUndoGroup needs ExcelApi 1.20.");
      ctx.undoGroup = true;
    }
    try {
      const pending = batch(ctx as unknown as Excel.RequestContext);
      if (!pending || typeof (pending as { then?: unknown }).then !== "function")
        throw new FakeRichApiError("RunMustReturnPromise", MESSAGES.RunMustReturnPromise);
      const result = await pending;
      await ctx.sync();
      return result;
    } finally {
      if (!previous) ctx.close();
      if (ctx.groupChanged) this.undoSteps++;
      ctx.groupChanged = false;
    }
  }

  private previousContext(objects: unknown): Context | null {
    if (objects === undefined || objects === null) return null;
    if (objects instanceof Context) return objects;
    const first = Array.isArray(objects) ? objects[0] : objects;
    if (first instanceof FakeObject && first._ctx instanceof Context) return first._ctx;
    if (isProxy(first) && first._ctx instanceof Context) return first._ctx;
    throw richError("InvalidArgument", "Excel.run");
  }

  /** An `Excel` namespace object backed by this fake. */
  get excel(): FakeExcelNamespace {
    const run = <T>(...args: unknown[]): Promise<T> => {
      const batch = args[args.length - 1] as Batch<T>;
      if (args.length === 1) return this.run(batch);
      const first = args[0];
      if (first instanceof Context || isProxy(first) || Array.isArray(first))
        return this.run(batch, { previousObjects: first });
      return this.run(batch, (first ?? {}) as FakeRunOptions);
    };
    const fake = this;
    const RequestContext = function RequestContext() {
      return fake.newContext();
    } as unknown as new () => Excel.RequestContext; // `new Excel.RequestContext()` gives a fake context
    return { run, RequestContext, ...allEnums() };
  }

  /**
   * Installs `Excel`, `OfficeExtension` and `Office.context.requirements` globals; returns a function
   * that restores the previous ones.
   */
  install(target: object = globalThis): () => void {
    const g = target as Record<string, unknown>;
    const before = { Excel: g.Excel, OfficeExtension: g.OfficeExtension, Office: g.Office };
    g.Excel = this.excel;
    g.OfficeExtension = { Error: FakeRichApiError, ErrorCodes: officeExtensionCodes() };
    const office = (before.Office ?? {}) as { context?: object };
    g.Office = {
      ...office,
      context: {
        ...(office.context ?? {}),
        requirements: {
          isSetSupported: (name: string, v?: string) => this.isSetSupported(name, v),
        },
      },
    };
    return () => {
      g.Excel = before.Excel;
      g.OfficeExtension = before.OfficeExtension;
      g.Office = before.Office;
    };
  }

  // ---- seeding and inspection ----------------------------------------------------------------

  /** Replaces the workbook with one built from plain data (values stored as given). */
  seed(input: readonly SeedSheet[] | SeedWorkbook): this {
    this.wb = seedWorkbook(input);
    return this;
  }

  sheetNames(): string[] {
    return liveSheets(this.wb).map((s) => s.name);
  }

  sheet(name: string): SheetView {
    return new SheetView(this.requireSheet(name), this.wb);
  }

  hasSheet(name: string): boolean {
    return findSheet(this.wb, name) !== null;
  }

  tables(): TableView[] {
    return this.wb.tables.filter((t) => !t.deleted).map(tableView);
  }

  /** Workbook-scoped names. */
  names(): NameView[] {
    return this.wb.names.filter((n) => !n.deleted).map(nameView);
  }

  get structureProtected(): boolean {
    return this.wb.structureProtected;
  }

  get activeSheet(): string | null {
    return this.wb.activeSheet?.name ?? null;
  }

  /** The selected range, as "Sheet1!A1". */
  get selection(): string | null {
    const s = this.wb.selection;
    return s ? fullAddress(s.sheet.name, s.rect) : null;
  }

  private requireSheet(name: string) {
    const s = findSheet(this.wb, name);
    if (!s)
      throw new Error(`FakeExcel: no sheet "${name}" (sheets: ${this.sheetNames().join(", ")})`);
    return s;
  }
}

function officeExtensionCodes(): Record<string, string> {
  const codes = [
    "AccessDenied",
    "GeneralException",
    "ActivityLimitReached",
    "InvalidObjectPath",
    "PropertyNotLoaded",
    "ValueNotLoaded",
    "InvalidRequestContext",
    "InvalidArgument",
    "RunMustReturnPromise",
    "CannotRegisterEvent",
    "ApiNotFound",
    "ConnectionFailure",
  ];
  return Object.fromEntries(codes.map((c) => [c.charAt(0).toLowerCase() + c.slice(1), c]));
}
