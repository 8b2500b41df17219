/**
 * Cell writes spliced into a worksheet someone else wrote: each written cell's <c> is replaced
 * (or inserted in column order, in a row inserted in row order), and every other byte of the part
 * stays as it was: the user's other cells, formats, merges, validation, conditional formats,
 * drawings. Text is written as an inline string, so the shared strings part is never touched and
 * text can never become a formula.
 */
import { a1 } from "../../workbook";
import { XmlElement, child, children, escText, parseXml } from "../charts/xml";
import { parseRef } from "../reader/cells";
import { Edit, applyEdits, rewriteAttr, startTagEnd } from "./splice";

/** A value to write at an absolute (zero-based) cell; `style` is the cellXfs index to give it. */
export interface SheetWrite {
  row: number;
  col: number;
  value: string | number | boolean | null;
  style: number;
}

interface CellAt {
  el: XmlElement;
  col: number;
}
interface RowAt {
  el: XmlElement;
  row: number;
  cells: CellAt[];
}

/** A written cell held a formula the sheet's other cells share: the import cannot replace it. */
export class SharedFormulaError extends Error {
  constructor(readonly cell: string) {
    super(`${cell} holds a shared or array formula that other cells use`);
    this.name = "SharedFormulaError";
  }
}

/** The sheet's rows and cells with their zero-based positions (implied ones counted on). */
export class SheetIndex {
  readonly root: XmlElement;
  readonly sheetData: XmlElement;
  readonly rows: RowAt[] = [];
  private readonly byRow = new Map<number, RowAt>();
  readonly prefix: string;

  constructor(readonly xml: string) {
    this.root = parseXml(xml, 4);
    this.prefix = this.root.name.includes(":")
      ? this.root.name.slice(0, this.root.name.indexOf(":") + 1)
      : "";
    const sd = child(this.root, "sheetData");
    if (!sd) throw new Error("the worksheet has no <sheetData>");
    this.sheetData = sd;
    let r = -1;
    for (const el of children(sd, "row")) {
      const n = Number(el.attrs.r);
      r = Number.isInteger(n) && n >= 1 ? n - 1 : r + 1;
      const cells: CellAt[] = [];
      let c = -1;
      for (const ce of children(el, "c")) {
        const at = ce.attrs.r ? parseRef(ce.attrs.r) : null;
        c = at ? at.col : c + 1;
        cells.push({ el: ce, col: c });
      }
      const row = { el, row: r, cells };
      this.rows.push(row);
      this.byRow.set(r, row);
    }
  }

  cell(row: number, col: number): XmlElement | undefined {
    return this.byRow.get(row)?.cells.find((c) => c.col === col)?.el;
  }

  /** The cell's style index (0 when it has none). */
  styleOf(el: XmlElement | undefined): number {
    return Number(el?.attrs.s ?? 0) || 0;
  }

  /** True when the cell holds a value or a formula (a styled blank does not). */
  holdsValue(el: XmlElement | undefined): boolean {
    if (!el) return false;
    const inner = this.xml.slice(startTagEnd(this.xml, el.start) + 1, el.end);
    return /<(\w+:)?(v|is|f)\b/.test(inner);
  }

  /** True when the cell holds a formula. */
  holdsFormula(el: XmlElement): boolean {
    return /<(\w+:)?f\b/.test(this.xml.slice(el.start, el.end));
  }

  /** A formula other cells depend on: the master of a shared formula, or an array formula's. */
  holdsSharedMaster(el: XmlElement): boolean {
    const text = this.xml.slice(el.start, el.end);
    return /<(\w+:)?f\b[^>]*\bt\s*=\s*["'](shared|array|dataTable)["'][^>]*\bref\s*=/.test(text);
  }

  /** The nearest cell above (row, col), down to `top`, or undefined. */
  above(row: number, col: number, top: number): XmlElement | undefined {
    for (let r = row - 1; r >= top; r--) {
      const el = this.cell(r, col);
      if (el) return el;
    }
    return undefined;
  }

  row(r: number): RowAt | undefined {
    return this.byRow.get(r);
  }
}

function cellXml(p: string, w: SheetWrite): string {
  const ref = a1(w.row, w.col);
  const s = w.style ? ` s="${w.style}"` : "";
  const v = w.value;
  if (v === null || v === "") return `<${p}c r="${ref}"${s}/>`;
  if (typeof v === "number") return `<${p}c r="${ref}"${s}><${p}v>${String(v)}</${p}v></${p}c>`;
  if (typeof v === "boolean")
    return `<${p}c r="${ref}"${s} t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
  const space = /^\s|\s$|\n/.test(v) ? ` xml:space="preserve"` : "";
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t${space}>${escText(v)}</${p}t></${p}is></${p}c>`;
}

/** The edits that put markup at the end of an element's content, expanding it when self-closed. */
function appendTo(xml: string, el: XmlElement, markup: string): Edit {
  if (el.closeStart !== el.end) return { at: el.closeStart, remove: 0, insert: markup };
  const end = startTagEnd(xml, el.start); // the "/" of "/>"
  return { at: end, remove: el.end - end, insert: `>${markup}</${el.name}>` };
}

/**
 * The worksheet with the writes applied. Writes to one cell: the last wins. Refuses (throws
 * SharedFormulaError) to overwrite a cell other formulas depend on; reports whether a formula
 * was overwritten (the calcChain then names a cell that is no longer one).
 */
export function writeCells(
  index: SheetIndex,
  writes: readonly SheetWrite[]
): { xml: string; formulaReplaced: boolean; lastRow: number } {
  const { xml, prefix: p } = index;
  const byRow = new Map<number, Map<number, SheetWrite>>();
  for (const w of writes) {
    let m = byRow.get(w.row);
    if (!m) byRow.set(w.row, (m = new Map()));
    m.set(w.col, w);
  }
  const edits: Edit[] = [];
  let formulaReplaced = false;
  const newRows: { row: number; markup: string }[] = [];
  for (const [r, cols] of byRow) {
    const ws = [...cols.values()].sort((a, b) => a.col - b.col);
    const row = index.row(r);
    if (!row) {
      newRows.push({
        row: r,
        markup: `<${p}row r="${r + 1}">${ws.map((w) => cellXml(p, w)).join("")}</${p}row>`,
      });
      continue;
    }
    const inserts = new Map<number, string[]>(); // offset -> cells inserted there
    for (const w of ws) {
      const at = row.cells.find((c) => c.col === w.col);
      if (at) {
        if (index.holdsSharedMaster(at.el)) throw new SharedFormulaError(a1(r, w.col));
        if (index.holdsFormula(at.el)) formulaReplaced = true;
        edits.push({ at: at.el.start, remove: at.el.end - at.el.start, insert: cellXml(p, w) });
        continue;
      }
      const next = row.cells.find((c) => c.col > w.col);
      const offset = next ? next.el.start : -1;
      const list = inserts.get(offset) ?? [];
      list.push(cellXml(p, w));
      inserts.set(offset, list);
    }
    for (const [offset, cells] of inserts) {
      if (offset >= 0) edits.push({ at: offset, remove: 0, insert: cells.join("") });
      else edits.push(appendTo(xml, row.el, cells.join("")));
    }
    // A row's spans (an optional hint of its first and last column) widened to the new cells.
    const spans = row.el.attrs.spans;
    const m = spans ? /^(\d+):(\d+)$/.exec(spans) : null;
    if (m) {
      const lo = Math.min(Number(m[1]), ...ws.map((w) => w.col + 1));
      const hi = Math.max(Number(m[2]), ...ws.map((w) => w.col + 1));
      if (`${lo}:${hi}` !== spans) {
        const end = startTagEnd(xml, row.el.start);
        edits.push({
          at: row.el.start,
          remove: end - row.el.start,
          insert: rewriteAttr(xml.slice(row.el.start, end), "spans", `${lo}:${hi}`),
        });
      }
    }
  }
  newRows.sort((a, b) => a.row - b.row);
  for (const nr of newRows) {
    const next = index.rows.find((x) => x.row > nr.row);
    if (next) edits.push({ at: next.el.start, remove: 0, insert: nr.markup });
    else edits.push(appendTo(xml, index.sheetData, nr.markup));
  }
  // Edits at one offset keep their order: rows inserted before the same row stay ascending.
  const lastRow = Math.max(-1, ...index.rows.map((x) => x.row), ...newRows.map((x) => x.row));
  const lastCol = Math.max(0, ...writes.map((w) => w.col));
  let out = applyEdits(xml, edits);
  out = widenDimension(out, lastRow, lastCol);
  return { xml: out, formulaReplaced, lastRow };
}

/** The sheet's <dimension ref> (a hint of its used range) widened to the cells written. */
function widenDimension(xml: string, lastRow: number, lastCol: number): string {
  const root = parseXml(xml, 2);
  const dim = child(root, "dimension");
  const ref = dim?.attrs.ref;
  if (!dim || !ref) return xml;
  const [from, to] = ref.split(":");
  const start = parseRef(from ?? "");
  const end = parseRef(to ?? from ?? "");
  if (!start || !end || (end.row >= lastRow && end.col >= lastCol)) return xml;
  const next = `${a1(start.row, start.col)}:${a1(Math.max(end.row, lastRow), Math.max(end.col, lastCol))}`;
  const tagEnd = startTagEnd(xml, dim.start);
  return (
    xml.slice(0, dim.start) +
    rewriteAttr(xml.slice(dim.start, tagEnd), "ref", next) +
    xml.slice(tagEnd)
  );
}
