/**
 * The request context: a queue of operations that one `sync()` sends as one request. The request is
 * serialised as Office.js serialises it (Actions + ObjectPaths), so its size is close to the real
 * one, and the arguments Excel sees are those that survive JSON (NaN and undefined become null).
 */
import { FakeRichApiError, MESSAGES, richError } from "./errors";
import type { WorkbookModel } from "./model";

export interface PathNode {
  id: number;
  kind: "Global" | "Property" | "Method" | "Indexer";
  name: string;
  parent: PathNode | null;
  args: unknown[];
}

/** An operation as a fault predicate sees it (`fake.failOn`). */
export interface OperationInfo {
  kind: "load" | "set" | "method";
  /** Office.js class of the object: "Range", "Worksheet", "WorksheetCollection", ... */
  type: string;
  /** Property or method name as in Office.js: "values", "add", "delete", "load". */
  name: string;
  /** Arguments as Excel receives them (after the JSON round trip). */
  args: unknown[];
  /** The worksheet the object belongs to (for a WorksheetCollection.add, the new sheet's name). */
  sheet: string | null;
  /** For ranges: "Sheet1!A1:B2". */
  address: string | null;
}

export interface Delivery {
  payload: unknown;
  apply: () => void;
}

export interface QueuedOp {
  kind: "load" | "set" | "method";
  type: string;
  name: string;
  path: PathNode;
  args: unknown[];
  select?: string[];
  run: (args: unknown[]) => Delivery | void;
}

/** What a context needs from the fake that owns the workbook. */
export interface Engine {
  readonly wb: WorkbookModel;
  readonly requestLimitBytes: number;
  readonly responseLimitBytes: number;
  /** Cells one get may return before its values come back null. */
  readonly getCellLimit: number;
  readonly currentYear: number;
  cellEditMode: boolean;
  beginRequest(bytes: number): number;
  syncFault(requestNumber: number): string | null;
  opFault(info: OperationInfo): FakeRichApiError | null;
  recordFormula(sheet: string, address: string, formula: string): void;
  /** Range.values into a Text cell keeps text (an assumption some profiles make). */
  readonly textFormatKeepsText: boolean;
  /** ApiNotFound for a member above the profile's sets; UndoNotSupported inside an undo group. */
  operationFault(info: OperationInfo, ctx: FakeContext): FakeRichApiError | null;
  /** ApiNotFound (or a known issue's code) for loading members the platform lacks. */
  loadFault(type: string, names: readonly string[]): FakeRichApiError | null;
  /** After a request that changed the workbook: the undo stack as the profile keeps it. */
  afterChange(ctx: FakeContext): void;
  recordResponse(bytes: number): void;
}

export interface ProxyLike {
  readonly _ctx: FakeContext;
  readonly _path: PathNode;
}

export function isProxy(v: unknown): v is ProxyLike {
  return typeof v === "object" && v !== null && "_path" in v && "_ctx" in v;
}

const ACTION_TYPES = { load: 2, method: 3, set: 4 } as const;
const PATH_TYPES = { Global: 1, Method: 3, Property: 4, Indexer: 5 } as const;

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** UTF-8 length without Buffer or TextEncoder (the fake also runs in a browser bundle). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function describeArg(a: unknown): string {
  if (isProxy(a)) return statementPath(a._path);
  const s = JSON.stringify(a) ?? "undefined";
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** `context.workbook.worksheets.getItem("Sheet1").getRange("A1")`: for debugInfo.statement. */
export function statementPath(path: PathNode): string {
  if (!path.parent) return "context.workbook";
  const base = statementPath(path.parent);
  if (path.kind === "Property") return `${base}.${path.name}`;
  return `${base}.${path.name}(${path.args.map(describeArg).join(", ")})`;
}

function statementOf(op: QueuedOp): string {
  const base = statementPath(op.path);
  if (op.kind === "set") return `${base}.${op.name} = ...;`;
  if (op.kind === "load") return `${base}.load(${JSON.stringify((op.select ?? []).join(","))});`;
  return `${base}.${op.name}(${op.args.map(describeArg).join(", ")});`;
}

export class FakeContext {
  private queue: QueuedOp[] = [];
  private nextPathId = 1;
  private closed = false;
  readonly root: PathNode;
  /** Set by Excel.run({ delayForCellEdit: true }): a batch that waits out cell-edit mode. */
  delayForCellEdit = false;
  /** Set by Excel.run({ mergeUndoGroup: true }) where the profile has ExcelApi 1.20. */
  undoGroup = false;
  /** This request changed the workbook / called an API without undo support (reset per request). */
  changed = false;
  clearsUndo = false;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  readonly traceMessages: string[] = [];

  constructor(readonly engine: Engine) {
    this.root = { id: this.nextPathId++, kind: "Global", name: "", parent: null, args: [] };
  }

  newPath(parent: PathNode, kind: PathNode["kind"], name: string, args: unknown[] = []): PathNode {
    return { id: this.nextPathId++, kind, name, parent, args };
  }

  enqueue(op: QueuedOp): void {
    for (const a of op.args)
      if (isProxy(a) && a._ctx !== this)
        throw new FakeRichApiError("InvalidRequestContext", MESSAGES.InvalidRequestContext);
    this.queue.push(op);
  }

  get pendingOperations(): number {
    return this.queue.length;
  }

  trace(message: string): void {
    this.traceMessages.push(message);
  }

  /** Marks the end of the Excel.run that owned this context: its objects are released. */
  close(): void {
    this.closed = true;
  }

  private buildRequest(ops: QueuedOp[]): string {
    const paths: Record<string, unknown> = {};
    const addPath = (p: PathNode): void => {
      if (paths[p.id]) return;
      if (p.parent) addPath(p.parent);
      const args = p.args.map(wireArg);
      paths[p.id] = {
        Id: p.id,
        ObjectPathType: PATH_TYPES[p.kind],
        Name: p.kind === "Global" ? "" : pascal(p.name),
        ...(p.parent ? { ParentObjectPathId: p.parent.id } : {}),
        ...(args.length ? { ArgumentInfo: { Arguments: args } } : {}),
      };
    };
    const wireArg = (a: unknown): unknown => {
      if (!isProxy(a)) return a;
      addPath(a._path);
      return { _ObjectPathId: a._path.id };
    };
    const actions = ops.map((op, i) => {
      addPath(op.path);
      return {
        Id: i + 1,
        ActionType: ACTION_TYPES[op.kind],
        Name: op.kind === "load" ? "" : pascal(op.name),
        ObjectPathId: op.path.id,
        ...(op.kind === "load"
          ? { QueryInfo: { Select: op.select ?? [], Expand: [] } }
          : { ArgumentInfo: { Arguments: op.args.map(wireArg) } }),
      };
    });
    return JSON.stringify({ Actions: actions, ObjectPaths: paths });
  }

  /** The arguments as Excel receives them: through JSON, with object references put back. */
  private wireArgs(ops: QueuedOp[], body: string): unknown[][] {
    const proxies = new Map<number, ProxyLike>();
    for (const op of ops) for (const a of op.args) if (isProxy(a)) proxies.set(a._path.id, a);
    const parsed = JSON.parse(body) as { Actions: { ArgumentInfo?: { Arguments: unknown[] } }[] };
    return parsed.Actions.map((a) =>
      (a.ArgumentInfo?.Arguments ?? []).map((v) => {
        if (typeof v === "object" && v !== null && "_ObjectPathId" in v)
          return proxies.get((v as { _ObjectPathId: number })._ObjectPathId);
        return v;
      })
    );
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const ops = this.queue;
    this.queue = [];
    await Promise.resolve();
    if (ops.length === 0) return passThroughValue as T; // Office.js sends nothing for an empty queue
    const engine = this.engine;
    const body = this.buildRequest(ops);
    const bytes = utf8Length(body);
    const n = engine.beginRequest(bytes);
    if (this.closed) {
      throw new FakeRichApiError(
        "InvalidObjectPath",
        `The object path '${statementPath(ops[0]?.path ?? this.root)}' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`
      );
    }
    if (bytes > engine.requestLimitBytes) throw richError("RequestPayloadSizeLimitExceeded");
    if (engine.cellEditMode && !this.delayForCellEdit)
      throw richError("InvalidOperationInCellEditMode");
    const injected = engine.syncFault(n);
    if (injected) throw richError(injected);
    const args = this.wireArgs(ops, body);
    this.changed = false;
    this.clearsUndo = false;
    const deliveries: Delivery[] = [];
    let failure: unknown = null;
    for (const [i, op] of ops.entries()) {
      try {
        const d = op.run(args[i] ?? []);
        if (d) deliveries.push(d);
      } catch (e) {
        if (e instanceof FakeRichApiError && e.debugInfo.statement === undefined)
          e.debugInfo.statement = statementOf(op);
        failure = e;
        break;
      }
    }
    const response = utf8Length(JSON.stringify(deliveries.map((d) => d.payload)) ?? "");
    engine.recordResponse(response);
    if (response > engine.responseLimitBytes && !failure)
      throw richError("ResponsePayloadSizeLimitExceeded");
    for (const d of deliveries) d.apply();
    if (this.changed) engine.afterChange(this);
    if (failure) throw failure;
    return passThroughValue as T;
  }
}
