import { Cell } from "../../workbook";
import { dateSerial, isoDateSerial, parseRef } from "./cells";
import { unescapeExcel, xmlParser } from "./xml";

/** A shared-string cell before the shared strings are read (only the needed ones are kept). */
export class SharedRef {
  constructor(readonly index: number) {}
}

export type RawCell = Cell | SharedRef;

/** A rectangle of a sheet to keep (a table's ref, or the whole sheet), zero-based and inclusive. */
export interface Window {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** What one window kept: rows of cells with values (relative to the window), and its extents. */
export interface Collected {
  window: Window;
  /** Row (relative) -> its cells by column (relative); a Map, so far rows cost nothing between. */
  rows: Map<number, RawCell[]>;
  /** Cells (with a value) kept. */
  kept: number;
  /** `<c>` elements seen inside, valued or not (styled blanks count: they set Excel's used range). */
  seen: number;
  /** Last row (relative) holding a `<row>` element inside the window; -1 when none. */
  lastRow: number;
  /** One past the last column (relative) of a `<c>` element, over rows that hold a value. */
  width: number;
  /** Some cell inside holds a value or a formula. */
  hasValues: boolean;
}

export interface SheetOptions {
  date1904: boolean;
  dateStyles: ReadonlySet<number>;
  /** Called per kept cell; throws to stop the read (the cell limit). */
  onKeep: () => void;
}

const inside = (w: Window, row: number, col: number): boolean =>
  row >= w.top && row <= w.bottom && col >= w.left && col <= w.right;

/**
 * Returns a streaming parser for one sheet's XML that keeps only cells inside `windows`. Memory is
 * bounded by the cells present there, never by the sheet's claimed dimension.
 */
export function sheetReader(
  windows: readonly Window[],
  opts: SheetOptions
): { write(text: string): void; close(): Collected[] } {
  const out: Collected[] = windows.map((window) => ({
    window,
    rows: new Map(),
    kept: 0,
    seen: 0,
    lastRow: -1,
    width: 0,
    hasValues: false,
  }));
  let row = -1;
  let col = -1;
  let type = "n";
  let style = 0;
  let targets: Collected[] = [];
  let capture = false;
  let text = "";
  let formula = false;
  let sawValue = false;
  let inIs = false;
  let inRph = false;
  let rowValued: boolean[] = out.map(() => false);
  let rowLastCell: number[] = out.map(() => -1);

  const endRow = () => {
    out.forEach((c, i) => {
      if (rowValued[i]) c.width = Math.max(c.width, (rowLastCell[i] as number) + 1);
    });
    rowValued = out.map(() => false);
    rowLastCell = out.map(() => -1);
  };

  /** The cell's value from the text of its `<v>` (or inline string), by its type. */
  const value = (): RawCell => {
    if (formula && text === "") return null; // a formula with no cached result
    switch (type) {
      case "s": {
        const i = Number.parseInt(text, 10);
        return Number.isFinite(i) ? new SharedRef(i) : null;
      }
      case "inlineStr":
      case "str":
        return unescapeExcel(text);
      case "b":
        return text === "" ? null : Number.parseInt(text, 10) !== 0;
      case "e":
        return text === "" ? null : { error: text };
      case "d":
        return text === "" ? null : isoDateSerial(text);
      default: {
        const v = Number.parseFloat(text);
        if (Number.isNaN(v)) return null;
        return opts.dateStyles.has(style) ? dateSerial(v, opts.date1904) : v;
      }
    }
  };

  const parser = xmlParser({
    open(name, a) {
      switch (name) {
        case "row": {
          if (row >= 0) endRow();
          const r = a.r === undefined ? NaN : Number(a.r) - 1;
          row = Number.isInteger(r) && r >= 0 ? r : row + 1;
          col = -1;
          for (const c of out) {
            const w = c.window;
            if (row >= w.top && row <= w.bottom) c.lastRow = Math.max(c.lastRow, row - w.top);
          }
          return;
        }
        case "c": {
          const ref = a.r === undefined ? null : parseRef(a.r);
          if (ref) {
            col = ref.col;
            if (ref.row !== row) {
              if (row >= 0) endRow();
              row = ref.row;
            }
          } else col++;
          type = a.t ?? "n";
          style = a.s === undefined ? 0 : Number(a.s);
          targets = [];
          for (let i = 0; i < out.length; i++) {
            const c = out[i] as Collected;
            if (!inside(c.window, row, col)) continue;
            targets.push(c);
            c.seen++;
            rowLastCell[i] = col - c.window.left;
          }
          text = "";
          formula = false;
          sawValue = false;
          capture = false;
          return;
        }
        case "v":
          if (targets.length > 0) {
            capture = true;
            sawValue = true;
            text = "";
          }
          return;
        case "f":
          formula = true;
          return;
        case "is":
          inIs = true;
          if (targets.length > 0) {
            sawValue = true;
            text = "";
          }
          return;
        case "rPh":
          inRph = true;
          return;
        case "t":
          if (inIs && !inRph && targets.length > 0) capture = true;
          return;
      }
    },
    text(t) {
      if (capture) text += t;
    },
    close(name) {
      switch (name) {
        case "v":
        case "t":
          capture = false;
          return;
        case "rPh":
          inRph = false;
          return;
        case "is":
          inIs = false;
          return;
        case "c": {
          if (targets.length === 0) return;
          if (!formula && !sawValue) return; // a styled blank
          const v = sawValue ? value() : null;
          for (const c of targets) {
            c.hasValues = true;
            rowValued[out.indexOf(c)] = true;
            if (v === null) continue;
            const r = row - c.window.top;
            let cells = c.rows.get(r);
            if (!cells) c.rows.set(r, (cells = []));
            cells[col - c.window.left] = v;
            c.kept++;
            opts.onKeep();
          }
          targets = [];
          return;
        }
      }
    },
  });

  return {
    write: (t) => parser.write(t),
    close: () => {
      parser.close();
      if (row >= 0) endRow();
      return out;
    },
  };
}
