/** A1 addresses: parsing, printing and sheet-name quoting, as Excel writes them in Range.address. */

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** Zero-based, inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function colLetters(c: number): string {
  let n = c + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellA1(r: number, c: number): string {
  return `${colLetters(c)}${r + 1}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

type Part =
  | { kind: "cell"; r: number; c: number }
  | { kind: "col"; c: number }
  | { kind: "row"; r: number };

function parsePart(s: string): Part | null {
  let m = CELL.exec(s);
  if (m) return { kind: "cell", r: Number(m[2]) - 1, c: colIndex(m[1] as string) };
  m = COL.exec(s);
  if (m) return { kind: "col", c: colIndex(m[1] as string) };
  m = ROW.exec(s);
  if (m) return { kind: "row", r: Number(m[1]) - 1 };
  return null;
}

function inGrid(rect: Rect): boolean {
  return (
    rect.r0 >= 0 &&
    rect.c0 >= 0 &&
    rect.r1 < MAX_ROWS &&
    rect.c1 < MAX_COLS &&
    rect.r0 <= rect.r1 &&
    rect.c0 <= rect.c1
  );
}

function normal(a: number, b: number): [number, number] {
  return a <= b ? [a, b] : [b, a];
}

/** The rectangle of "A1", "A1:B2", "B2:A1", "A:C", "2:5" (with or without $); null if malformed. */
export function parseRect(address: string): Rect | null {
  const parts = address.trim().split(":");
  if (parts.length < 1 || parts.length > 2) return null;
  const a = parsePart(parts[0] as string);
  const b = parts.length === 2 ? parsePart(parts[1] as string) : a;
  if (!a || !b || a.kind !== b.kind) return null;
  let rect: Rect;
  if (a.kind === "cell" && b.kind === "cell") {
    const [r0, r1] = normal(a.r, b.r);
    const [c0, c1] = normal(a.c, b.c);
    rect = { r0, c0, r1, c1 };
  } else if (a.kind === "col" && b.kind === "col") {
    if (parts.length !== 2) return null; // "A" alone is not an address
    const [c0, c1] = normal(a.c, b.c);
    rect = { r0: 0, c0, r1: MAX_ROWS - 1, c1 };
  } else if (a.kind === "row" && b.kind === "row") {
    if (parts.length !== 2) return null;
    const [r0, r1] = normal(a.r, b.r);
    rect = { r0, c0: 0, r1, c1: MAX_COLS - 1 };
  } else return null;
  return inGrid(rect) ? rect : null;
}

/** Splits "Sheet1!A1" or "'My sheet'!A1:B2" into sheet and address; sheet null when absent. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const s = address.trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < s.length) {
      if (s[i] === "'" && s[i + 1] === "'") {
        name += "'";
        i += 2;
      } else if (s[i] === "'") break;
      else name += s[i++];
    }
    if (s[i + 1] !== "!") return { sheet: null, local: s };
    return { sheet: name, local: s.slice(i + 2) };
  }
  const bang = s.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: s };
  return { sheet: s.slice(0, bang), local: s.slice(bang + 1) };
}

export function rectA1(rect: Rect): string {
  const allRows = rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
  const allCols = rect.c0 === 0 && rect.c1 === MAX_COLS - 1;
  if (allRows && !allCols) return `${colLetters(rect.c0)}:${colLetters(rect.c1)}`;
  if (allCols) return `${rect.r0 + 1}:${rect.r1 + 1}`;
  const a = cellA1(rect.r0, rect.c0);
  return rect.r0 === rect.r1 && rect.c0 === rect.c1 ? a : `${a}:${cellA1(rect.r1, rect.c1)}`;
}

/** Excel quotes a sheet name unless it is a plain identifier that cannot be read as a reference. */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name);
  const looksLikeRef = /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr](\d*)[Cc](\d*)$/.test(name);
  return plain && !looksLikeRef ? name : `'${name.replace(/'/g, "''")}'`;
}

export function fullAddress(sheet: string, rect: Rect): string {
  return `${quoteSheet(sheet)}!${rectA1(rect)}`;
}

export function rectCells(rect: Rect): number {
  return (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1);
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    outer.r0 <= inner.r0 && outer.c0 <= inner.c0 && outer.r1 >= inner.r1 && outer.c1 >= inner.c1
  );
}

export function isValidRect(rect: Rect): boolean {
  return inGrid(rect);
}
