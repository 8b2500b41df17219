/**
 * Cell styles for the import's writes into a user's workbook. A written cell keeps the style it
 * had (or the style of the cell above it in the table, as Excel gives a row added to a table);
 * only where that style's number format would show the value wrongly (a month as a plain number,
 * a count as a date) is a copy of the style with the contract's number format appended. The
 * styles part is then spliced, its lists growing at their ends only, so every index a cell holds
 * keeps its meaning; when no copy is needed the part is not touched at all.
 */
import { XmlElement, child, esc, parseXml } from "../charts/xml";
import { isDateFormat } from "../reader/styles";
import { Edit, applyEdits, rewriteAttr, startTagEnd } from "./splice";
import { appendChildren } from "./styles";

/** Excel's built-in number formats (ECMA-376 Part 1, 18.8.30) by id. */
const BUILT_IN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};
const BUILT_IN_IDS = new Map(Object.entries(BUILT_IN).map(([id, code]) => [code, Number(id)]));
/** Built-in ids that show dates (the East Asian ones have no code here). */
const DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** What a number shows as under a style: a date, text ("@"), or a number. */
export type Shown = "date" | "text" | "number";

export class StyleBook {
  private readonly root: XmlElement | null;
  private readonly prefix: string;
  private readonly custom = new Map<number, string>();
  private readonly xfs: XmlElement[];
  private readonly addedFmts: string[] = [];
  private readonly addedXfs: string[] = [];
  private readonly copies = new Map<string, number>();
  private nextFmt: number;

  /** `source`: the workbook's styles part, or null when it has none. */
  constructor(private readonly source: string | null) {
    this.root = source === null ? null : parseXml(source, 3);
    this.prefix = this.root?.name.includes(":")
      ? this.root.name.slice(0, this.root.name.indexOf(":") + 1)
      : "";
    for (const f of child(this.root ?? undefined, "numFmts")?.children ?? []) {
      const id = Number(f.attrs.numFmtId);
      if (Number.isInteger(id) && f.attrs.formatCode !== undefined)
        this.custom.set(id, f.attrs.formatCode);
    }
    this.xfs = child(this.root ?? undefined, "cellXfs")?.children ?? [];
    this.nextFmt = Math.max(163, ...this.custom.keys()) + 1;
  }

  private fmtIdOf(style: number): number {
    return Number(this.xfs[style]?.attrs.numFmtId ?? 0) || 0;
  }

  /** How a number in a cell of this style is shown. */
  shown(style: number): Shown {
    const id = this.fmtIdOf(style);
    const code = this.custom.get(id) ?? BUILT_IN[id];
    if (code === "@") return "text";
    if (code !== undefined ? isDateFormat(code) : DATE_IDS.has(id)) return "date";
    return "number";
  }

  /** The style to give a number that must show as `code`: `style` itself when it already does. */
  forNumber(style: number, code: string): number {
    const want: Shown = isDateFormat(code) ? "date" : "number";
    if (this.shown(style) === want) return style;
    return this.copyWithFormat(style, code);
  }

  private copyWithFormat(style: number, code: string): number {
    const key = `${style}|${code}`;
    const known = this.copies.get(key);
    if (known !== undefined) return known;
    let id = BUILT_IN_IDS.get(code);
    if (id === undefined) id = [...this.custom].find(([, c]) => c === code)?.[0];
    if (id === undefined) {
      id = this.nextFmt++;
      this.custom.set(id, code);
      this.addedFmts.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`);
    }
    const base = this.xfs[style];
    let xf: string;
    if (base && this.source !== null) {
      const text = this.source.slice(base.start, base.end);
      const end = startTagEnd(text, 0);
      let tag = rewriteAttr(text.slice(0, end), "numFmtId", String(id));
      tag = rewriteAttr(tag, "applyNumberFormat", "1");
      xf = tag + text.slice(end);
    } else {
      xf = `<${this.prefix}xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>`;
    }
    const index = this.xfs.length + this.addedXfs.length;
    this.addedXfs.push(xf);
    this.copies.set(key, index);
    return index;
  }

  /** True when a style was added: the styles part must be written. */
  get changed(): boolean {
    return this.addedXfs.length > 0;
  }

  /** The styles part with the added formats and styles at the ends of their lists. */
  xml(): string {
    if (this.source === null || this.root === null)
      throw new Error("StyleBook.xml: the workbook has no styles part to extend");
    const edits: Edit[] = [];
    const numFmts = child(this.root, "numFmts");
    if (this.addedFmts.length > 0) {
      const markup = this.addedFmts.join("");
      if (numFmts)
        edits.push(
          ...appendChildren(
            this.source,
            numFmts,
            markup,
            numFmts.children.length + this.addedFmts.length
          )
        );
      else {
        // numFmts is the stylesheet's first child (ECMA-376 Part 1, 18.8.39).
        const first = this.root.children[0];
        const at = first ? first.start : this.root.closeStart;
        edits.push({
          at,
          remove: 0,
          insert: `<${this.prefix}numFmts count="${this.addedFmts.length}">${markup}</${this.prefix}numFmts>`,
        });
      }
    }
    const cellXfs = child(this.root, "cellXfs");
    if (!cellXfs) throw new Error("StyleBook.xml: the styles part has no cellXfs");
    edits.push(
      ...appendChildren(
        this.source,
        cellXfs,
        this.addedXfs.join(""),
        this.xfs.length + this.addedXfs.length
      )
    );
    return applyEdits(this.source, edits);
  }
}
