/**
 * The base of every fake Office.js object. Like Office.js's ClientObject: property reads throw
 * PropertyNotLoaded until a load() and a sync() delivered the value (or the add-in itself set the
 * property on this proxy, which Office.js also keeps locally); writes and method calls are queued
 * and applied in order at the next sync; the object a proxy stands for is found when the first
 * operation that uses it runs, and it stays bound to that object.
 */
import { Delivery, FakeContext, OperationInfo, PathNode } from "./context";
import { FakeRichApiError, notImplemented, propertyNotLoaded, richError } from "./errors";
import { LoadSpec, LoadTree, parseLoad } from "./load";
import type { SheetModel } from "./model";

/** A fake proxy handed out as the Office.js type it stands for (the one cast the fake needs). */
export function asExcel<T>(proxy: FakeObject<unknown>): T {
  // The fake implements the members of T the host uses, checked by `implements Pick<T, ...>`.
  return proxy as unknown as T;
}

export interface WriteOptions {
  /** Refused on a protected sheet (AccessDenied). */
  protectedWrite?: boolean;
}

export abstract class FakeObject<M> {
  abstract readonly _type: string;
  readonly _fields = new Map<string, unknown>();
  _isNull: boolean | undefined;
  private _bound: M | null | undefined;

  constructor(
    readonly _ctx: FakeContext,
    readonly _path: PathNode,
    private readonly _resolver: () => M | null
  ) {}

  get context(): Excel.RequestContext {
    return this._ctx as unknown as Excel.RequestContext; // the fake context stands for Excel's
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(this._type, "isNullObject");
    return this._isNull;
  }

  /** Binds an object created by a queued method (worksheets.add and the like). */
  _bind(m: M): void {
    this._bound = m;
  }

  /** The model object, found at the first use during a sync; null for a null object. */
  _target(): M | null {
    if (this._bound === undefined) this._bound = this._resolver();
    const m = this._bound;
    if (m !== null && !this._alive(m))
      throw richError("ItemNotFound", this._type, `The ${this._type} no longer exists.`);
    return m;
  }

  protected _alive(m: M): boolean {
    const d = (m as { deleted?: unknown }).deleted;
    return d !== true;
  }

  /** The sheet an object lives on (protection checks, fault predicates). */
  _sheetOf(m: M): SheetModel | null {
    void m; // overridden by objects that live on a sheet
    return null;
  }

  _addressOf(m: M): string | null {
    void m; // overridden by Range
    return null;
  }

  /** Child object reached by a property (format, protection, worksheet) or a method (getRange). */
  protected _childPath(kind: PathNode["kind"], name: string, args: unknown[] = []): PathNode {
    return this._ctx.newPath(this._path, kind, name, args);
  }

  protected _read<T>(name: string): T {
    if (this._isNull === true) return undefined as T; // Office.js: a null object's properties read as undefined
    if (!this._fields.has(name)) throw propertyNotLoaded(this._type, name);
    return this._fields.get(name) as T;
  }

  private _info(kind: OperationInfo["kind"], name: string, args: unknown[], m: M): OperationInfo {
    return {
      kind,
      type: this._type,
      name,
      args,
      sheet: this._sheetName(m, name, args),
      address: this._addressOf(m),
    };
  }

  protected _sheetName(m: M, name: string, args: unknown[]): string | null {
    void name; // WorksheetCollection.add names the sheet it creates from its arguments
    void args;
    return this._sheetOf(m)?.name ?? null;
  }

  /** Runs one operation against the model: resolve, injected faults, protection, then apply. */
  private _execute<R>(
    kind: OperationInfo["kind"],
    name: string,
    args: unknown[],
    opts: WriteOptions,
    apply: (m: M) => R
  ): R | undefined {
    const m = this._target();
    if (m === null) return undefined; // writes to a null object are ignored
    const info = this._info(kind, name, args, m);
    const platform = this._ctx.engine.operationFault(info, this._ctx);
    if (platform) throw platform;
    const fault = this._ctx.engine.opFault(info);
    if (fault) {
      if (fault.debugInfo.errorLocation === undefined)
        fault.debugInfo.errorLocation = `${this._type}.${name}`;
      throw fault;
    }
    if (opts.protectedWrite && this._sheetOf(m)?.protected)
      throw richError(
        "AccessDenied",
        `${this._type}.${name}`,
        "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet."
      );
    try {
      const r = apply(m);
      if (name !== "select" && name !== "activate") this._ctx.changed = true; // no undo record

      return r;
    } catch (e) {
      if (e instanceof FakeRichApiError && e.debugInfo.errorLocation === undefined)
        e.debugInfo.errorLocation = `${this._type}.${name}`;
      throw e;
    }
  }

  /** Queues a property write; Office.js also keeps the written value on the proxy. */
  _set(
    name: string,
    value: unknown,
    apply: (m: M, v: unknown) => void,
    opts: WriteOptions = {}
  ): void {
    this._fields.set(name, value);
    this._ctx.enqueue({
      kind: "set",
      type: this._type,
      name,
      path: this._path,
      args: [value],
      run: (args) => {
        this._execute("set", name, args, opts, (m) => apply(m, args[0]));
      },
    });
  }

  /** Queues a method call. */
  protected _call(
    name: string,
    args: unknown[],
    apply: (m: M, args: unknown[]) => void,
    opts: WriteOptions = {}
  ): void {
    this._ctx.enqueue({
      kind: "method",
      type: this._type,
      name,
      path: this._path,
      args,
      run: (wire) => {
        this._execute("method", name, wire, opts, (m) => apply(m, wire));
      },
    });
  }

  // ---- load ------------------------------------------------------------------------------------

  /** Scalar properties load() with no arguments fetches. */
  abstract _scalarNames(): readonly string[];
  /** A scalar's value now (copied: later changes must not reach an earlier load). */
  abstract _scalar(m: M, name: string): unknown;
  /** Navigation properties that can appear in load paths. */
  _navNames(): readonly string[] {
    return [];
  }
  _nav(name: string): FakeObject<unknown> {
    throw notImplemented(`${this._type}.${name}`);
  }

  /** Checks a load tree at load() time: an unknown name is a fake gap, reported at once. */
  _validate(tree: LoadTree): void {
    for (const s of tree.scalars)
      if (!this._scalarNames().includes(s) && !this._navNames().includes(s))
        throw notImplemented(`loading ${this._type}.${s}`);
    for (const [name, sub] of tree.navs) {
      if (!this._navNames().includes(name)) throw notImplemented(`loading ${this._type}.${name}`);
      this._nav(name)._validate(sub);
    }
  }

  /** Reads what a load asks for, at its place in the batch; delivered after the batch. */
  _capture(tree: LoadTree): Delivery {
    const m = this._target();
    if (m === null) return { payload: null, apply: () => void (this._isNull = true) };
    const names = new Set(tree.all ? this._scalarNames() : []);
    const navs = new Map(tree.navs);
    for (const s of tree.scalars) {
      if (this._navNames().includes(s))
        navs.set(s, { all: true, scalars: new Set(), navs: new Map() });
      else names.add(s);
    }
    const values: [string, unknown][] = [...names].map((n) => [n, this._scalar(m, n)]);
    const children = [...navs].map(([n, sub]) => this._nav(n)._capture(sub));
    return {
      payload: [values, children.map((c) => c.payload)],
      apply: () => {
        this._isNull = false;
        for (const [n, v] of values) this._fields.set(n, v);
        for (const c of children) c.apply();
      },
    };
  }

  protected _load(spec: LoadSpec): void {
    const tree = parseLoad(spec);
    this._validate(tree);
    const select =
      spec === undefined
        ? []
        : typeof spec === "string"
          ? spec.split(",")
          : Array.isArray(spec)
            ? spec
            : [JSON.stringify(spec)];
    this._ctx.enqueue({
      kind: "load",
      type: this._type,
      name: "load",
      path: this._path,
      args: [],
      select,
      run: () => {
        const m = this._target();
        if (m !== null) {
          const fault =
            this._ctx.engine.loadFault(this._type, [...tree.scalars]) ??
            this._ctx.engine.opFault(this._info("load", "load", [], m));
          if (fault) throw fault;
        }
        return this._capture(tree);
      },
    });
  }
}

/** Collections: `items` (and `count` where Office.js has it) after a load. */
export abstract class FakeCollection<M, I> extends FakeObject<M> {
  abstract _list(m: M): I[];
  abstract _item(item: I): FakeObject<unknown>;
  /** An unbound item, to check load paths against. */
  abstract _template(): FakeObject<unknown>;

  _collectionScalars(): readonly string[] {
    return [];
  }

  override _scalarNames(): readonly string[] {
    return this._collectionScalars();
  }

  override _scalar(m: M, name: string): unknown {
    if (name === "count") return this._list(m).length;
    throw notImplemented(`${this._type}.${name}`);
  }

  private _split(tree: LoadTree): { own: string[]; items: LoadTree } {
    const own = this._collectionScalars().filter((s) => tree.scalars.has(s));
    const items: LoadTree = {
      all: tree.all,
      scalars: new Set([...tree.scalars].filter((s) => !own.includes(s))),
      navs: new Map(),
    };
    for (const [k, v] of tree.navs) {
      if (k === "items") {
        items.all = items.all || v.all;
        v.scalars.forEach((s) => items.scalars.add(s));
        for (const [k2, v2] of v.navs) items.navs.set(k2, v2);
      } else items.navs.set(k, v);
    }
    if (!items.all && items.scalars.size === 0 && items.navs.size === 0 && own.length === 0)
      items.all = true;
    return { own, items };
  }

  override _validate(tree: LoadTree): void {
    this._template()._validate(this._split(tree).items);
  }

  override _capture(tree: LoadTree): Delivery {
    const m = this._target();
    if (m === null) return { payload: null, apply: () => void (this._isNull = true) };
    const { own, items } = this._split(tree);
    const ownValues: [string, unknown][] = own.map((n) => [n, this._scalar(m, n)]);
    const list = this._list(m).map((item) => {
      const proxy = this._item(item);
      return { proxy, delivery: proxy._capture(items) };
    });
    return {
      payload: [ownValues, list.map((l) => l.delivery.payload)],
      apply: () => {
        this._isNull = false;
        for (const [n, v] of ownValues) this._fields.set(n, v);
        for (const l of list) l.delivery.apply();
        this._fields.set(
          "items",
          list.map((l) => l.proxy)
        );
      },
    };
  }

  /** Office.js's `items` (an array of proxies) after a load. */
  protected _items<T>(): T[] {
    return this._read<T[]>("items");
  }
}
