import { Cell } from "../../workbook";
import { Collected, RawCell, SharedRef } from "./sheet";

const EMPTY_ROW: Cell[] = [];
Object.freeze(EMPTY_ROW);

/** Shared-string indexes the kept cells use. */
export function neededStrings(all: readonly Collected[]): Set<number> {
  const needed = new Set<number>();
  for (const c of all)
    for (const row of c.rows.values())
      for (let i = 0; i < row.length; i++) {
        const v = row[i]; // an index loop: rows with a far cell have holes to skip cheaply
        if (v instanceof SharedRef) needed.add(v.index);
      }
  return needed;
}

const resolve = (v: RawCell | undefined, strings: ReadonlyMap<number, string>): Cell =>
  v === undefined ? null : v instanceof SharedRef ? (strings.get(v.index) ?? null) : v;

/**
 * The kept cells as the snapshot's rows. A grid of modest area is dense (every row as wide as the
 * widest, as Excel's used range reads); a grid whose area dwarfs its cells (a stray value at
 * XFD1048576, a whole-column table ref) is ragged: each row only as long as its last value, absent
 * rows empty. Validation reads both the same way (a missing cell is blank).
 */
export function toRows(
  c: Collected,
  height: number,
  width: number,
  strings: ReadonlyMap<number, string>,
  budget: { slots: number; max: number }
): Cell[][] {
  const area = height * width;
  const dense = area <= Math.max(1_000_000, 4 * c.seen) && budget.slots + area <= budget.max;
  const rows: Cell[][] = [];
  if (dense) {
    budget.slots += area;
    for (let r = 0; r < height; r++) {
      const src = c.rows.get(r);
      const row: Cell[] = new Array<Cell>(width);
      for (let k = 0; k < width; k++) row[k] = resolve(src?.[k], strings);
      rows.push(row);
    }
    return rows;
  }
  let last = 0;
  for (const r of c.rows.keys()) last = Math.max(last, r);
  const h = Math.min(height, last + 1);
  for (let r = 0; r < h; r++) {
    const src = c.rows.get(r);
    if (!src) {
      rows.push(EMPTY_ROW);
      continue;
    }
    budget.slots += src.length;
    if (budget.slots > budget.max) throw new RangeError("cells");
    rows.push(Array.from(src, (v) => resolve(v, strings)));
  }
  return rows;
}
