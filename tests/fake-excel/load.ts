/**
 * load() arguments as a tree: "a,b/c", ["a", "b/c"], { select, expand }, or the Interfaces form
 * ({ values: true, format: { font: { bold: true } }, $all: true }).
 */

export interface LoadTree {
  all: boolean;
  scalars: Set<string>;
  navs: Map<string, LoadTree>;
}

export type LoadSpec = string | string[] | object | undefined;

export function emptyTree(all = false): LoadTree {
  return { all, scalars: new Set(), navs: new Map() };
}

function addPath(tree: LoadTree, path: string[], expand: boolean): void {
  const [head, ...rest] = path;
  if (head === undefined || head === "") return;
  if (rest.length === 0 && !expand) {
    tree.scalars.add(head);
    return;
  }
  let sub = tree.navs.get(head);
  if (!sub) {
    sub = emptyTree();
    tree.navs.set(head, sub);
  }
  if (rest.length === 0) sub.all = true;
  else addPath(sub, rest, expand);
}

function addObject(tree: LoadTree, options: Record<string, unknown>): void {
  for (const [key, v] of Object.entries(options)) {
    if (key === "$all") {
      if (v === true) tree.all = true;
    } else if (key.startsWith("$"))
      continue; // $top, $skip: the fake returns every item
    else if (v === true) tree.scalars.add(key);
    else if (typeof v === "object" && v !== null) {
      const sub = tree.navs.get(key) ?? emptyTree();
      tree.navs.set(key, sub);
      addObject(sub, v as Record<string, unknown>);
      if (Object.keys(v).length === 0) sub.all = true;
    }
  }
}

function paths(list: string | string[]): string[][] {
  const items = Array.isArray(list) ? list : list.split(",");
  return items
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => s.split("/").map((p) => p.trim()));
}

export function parseLoad(spec: LoadSpec): LoadTree {
  if (spec === undefined || spec === null) return emptyTree(true);
  const tree = emptyTree();
  if (typeof spec === "string" || Array.isArray(spec)) {
    for (const p of paths(spec)) addPath(tree, p, false);
    if (tree.scalars.size === 0 && tree.navs.size === 0) tree.all = true;
    return tree;
  }
  const o = spec as Record<string, unknown>;
  if ("select" in o || "expand" in o) {
    if (typeof o.select === "string") for (const p of paths(o.select)) addPath(tree, p, false);
    if (typeof o.expand === "string") for (const p of paths(o.expand)) addPath(tree, p, true);
    if (tree.scalars.size === 0) tree.all = tree.navs.size === 0;
    return tree;
  }
  addObject(tree, o);
  return tree;
}

/** Merges b into a (several load() calls on one object before a sync). */
export function mergeTree(a: LoadTree, b: LoadTree): void {
  a.all = a.all || b.all;
  b.scalars.forEach((s) => a.scalars.add(s));
  for (const [k, v] of b.navs) {
    const sub = a.navs.get(k);
    if (sub) mergeTree(sub, v);
    else a.navs.set(k, v);
  }
}
