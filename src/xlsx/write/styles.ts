/**
 * The report's cell styles, appended to the input's own styles part. Every list (numFmts, fonts,
 * fills, borders, cellXfs) only grows at its end, so every style index a user's cell already holds
 * still points at the same style. The part is edited by splicing text: nothing of the input's is
 * re-serialised, so what we do not model (dxfs, table styles, extLst) stays as it was.
 */
import { PlanCell, PlanStyle } from "../../workbook";
import { XmlElement, child, esc, parseXml } from "../charts/xml";
import { Edit, applyEdits, rewriteAttr, startTagEnd } from "./splice";

/** The order of CT_Stylesheet's children (ECMA-376 Part 1, 18.8.39). */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** Excel's built-in number formats that the report uses: no numFmt entry needed. */
const BUILT_IN: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
};

export const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `</styleSheet>`;

const argb = (rgb: string) => `FF${rgb.replace(/^#/, "").toUpperCase()}`;

export interface StyledPart {
  /** The styles part with the report's entries appended. */
  xml: string;
  /** The cellXfs index for a plan cell (0, the workbook's default, when it has no style). */
  styleOf: (cell: PlanCell) => number;
}

interface List {
  local: string;
  existing: number;
  added: string[];
  dedupe: Map<string, number>;
}

/** Appends the styles the given cells need; `styleOf` then answers for each of those cells. */
export function appendStyles(source: string, cells: readonly PlanCell[]): StyledPart {
  const root = parseXml(source, 4);
  const prefix = root.name.includes(":") ? root.name.slice(0, root.name.indexOf(":") + 1) : "";
  const lists = new Map<string, List>();
  const list = (local: string): List => {
    let l = lists.get(local);
    if (!l) {
      // The input's own entries are known by their text, so a rerun reuses what the run before
      // appended instead of growing the lists each time.
      const own = child(root, local)?.children ?? [];
      const dedupe = new Map<string, number>();
      own.forEach((e, i) => {
        const text = source.slice(e.start, e.end);
        if (!dedupe.has(text)) dedupe.set(text, i);
      });
      l = { local, existing: own.length, added: [], dedupe };
      lists.set(local, l);
    }
    return l;
  };
  /** The index of an entry, appending it the first time it is asked for. */
  const entry = (local: string, xml: string): number => {
    const l = list(local);
    const known = l.dedupe.get(xml);
    if (known !== undefined) return known;
    const index = l.existing + l.added.length;
    l.added.push(xml);
    l.dedupe.set(xml, index);
    return index;
  };
  const fontBase = baseFont(source, child(child(root, "fonts"), "font"));
  padLists(root, prefix, fontBase, list);
  const numFmtIds = existingNumFmts(child(root, "numFmts"));
  let nextNumFmt = Math.max(163, ...numFmtIds.values()) + 1;
  const hasCellStyleXfs = (child(root, "cellStyleXfs")?.children.length ?? 0) > 0;

  const numFmtId = (code: string): number => {
    const known = BUILT_IN[code] ?? numFmtIds.get(code);
    if (known !== undefined) return known;
    const id = nextNumFmt++;
    numFmtIds.set(code, id);
    list("numFmts").added.push(`<${prefix}numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`);
    return id;
  };

  const byKey = new Map<string, number>();
  const styleOf = (cell: PlanCell): number => {
    const numFmt = cell.numFmt && typeof cell.value === "number" ? cell.numFmt : undefined;
    if (!cell.style && !numFmt) return 0;
    const key = styleKey(cell.style, numFmt);
    const known = byKey.get(key);
    if (known !== undefined) return known;
    const s = cell.style ?? {};
    const fmt = numFmt ? numFmtId(numFmt) : 0;
    const font = hasFont(s) ? entry("fonts", fontXml(prefix, s, fontBase)) : 0;
    const fill = s.fill ? entry("fills", fillXml(prefix, s.fill)) : 0;
    const border = s.border ? entry("borders", borderXml(prefix, s.border)) : 0;
    const xf = entry("cellXfs", xfXml(prefix, s, fmt, font, fill, border, hasCellStyleXfs));
    byKey.set(key, xf);
    return xf;
  };
  for (const c of cells) styleOf(c);
  const frozen = new Map(byKey);
  return {
    xml: writeLists(source, root, prefix, [...lists.values()]),
    styleOf: (cell) => {
      const numFmt = cell.numFmt && typeof cell.value === "number" ? cell.numFmt : undefined;
      if (!cell.style && !numFmt) return 0;
      const xf = frozen.get(styleKey(cell.style, numFmt));
      if (xf === undefined) throw new Error("appendStyles: a cell was not among the styled cells");
      return xf;
    },
  };
}

/** A style's text, once per style object: plans share style objects over many cells. */
const styleTexts = new WeakMap<PlanStyle, string>();

/** What makes two cells' formats the same: their style's content and their number format. */
function styleKey(style: PlanStyle | undefined, numFmt: string | undefined): string {
  let text = "";
  if (style) {
    text = styleTexts.get(style) ?? JSON.stringify(style);
    styleTexts.set(style, text);
  }
  return `${numFmt ?? ""}\u0000${text}`;
}

/** The largest font, fill and border index the input's own cell formats point at (-1: none). */
function referenced(root: XmlElement): Record<"fonts" | "fills" | "borders", number> {
  const max = { fonts: -1, fills: -1, borders: -1 };
  for (const list of ["cellXfs", "cellStyleXfs"])
    for (const xf of child(root, list)?.children ?? []) {
      const at = (attr: string) => {
        const n = Number(xf.attrs[attr]);
        return Number.isInteger(n) && n >= 0 ? n : -1;
      };
      max.fonts = Math.max(max.fonts, at("fontId"));
      max.fills = Math.max(max.fills, at("fillId"));
      max.borders = Math.max(max.borders, at("borderId"));
    }
  return max;
}

/**
 * Entries that must come before the report's in each list, added where the input lacks them:
 * Excel's two reserved fills (none, gray125), a default font, border and cell format where a list
 * is empty (index 0 is what an unstyled cell uses), and every index one of the input's own formats
 * points at. A broken file may point past the end of a list; the report's entries would otherwise
 * take those places, and the user's cells their look.
 */
function padLists(
  root: XmlElement,
  p: string,
  fontBase: FontBase,
  list: (local: string) => List
): void {
  const pad = (local: string, floor: number, make: (index: number) => string) => {
    const l = list(local);
    for (let i = l.existing + l.added.length; i < floor; i++) {
      const xml = make(i);
      l.added.push(xml);
      if (!l.dedupe.has(xml)) l.dedupe.set(xml, i);
    }
  };
  const used = referenced(root);
  pad("fonts", Math.max(1, used.fonts + 1), () => fontXml(p, {}, fontBase));
  pad("fills", Math.max(2, used.fills + 1), (i) =>
    i === 1
      ? `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`
      : `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`
  );
  pad(
    "borders",
    Math.max(1, used.borders + 1),
    () =>
      ["left", "right", "top", "bottom", "diagonal"].reduce(
        (xml, side) => `${xml}<${p}${side}/>`,
        `<${p}border>`
      ) + `</${p}border>`
  );
  const withXfId = (child(root, "cellStyleXfs")?.children.length ?? 0) > 0;
  pad("cellXfs", 1, () => xfXml(p, {}, 0, 0, 0, 0, withXfId));
}

function hasFont(s: PlanStyle): boolean {
  return Boolean(s.bold || s.italic || s.size || s.color);
}

/** The children of the workbook's default font that a report font keeps (name, family, scheme). */
interface FontBase {
  size: string;
  color: string;
  rest: string;
}

function baseFont(source: string, font: XmlElement | undefined): FontBase {
  const raw = (local: string): string => {
    const e = child(font, local);
    return e ? source.slice(e.start, e.end) : "";
  };
  const rest = raw("name") + raw("family") + raw("charset") + raw("scheme");
  return {
    size: child(font, "sz")?.attrs.val ?? "11",
    color: raw("color"),
    rest,
  };
}

function existingNumFmts(numFmts: XmlElement | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of numFmts?.children ?? []) {
    const id = Number(f.attrs.numFmtId);
    const code = f.attrs.formatCode;
    if (Number.isInteger(id) && code !== undefined && !out.has(code)) out.set(code, id);
  }
  return out;
}

function fontXml(p: string, s: PlanStyle, base: FontBase): string {
  const name = base.rest || `<${p}name val="Calibri"/><${p}family val="2"/>`;
  return (
    `<${p}font>${s.bold ? `<${p}b/>` : ""}${s.italic ? `<${p}i/>` : ""}` +
    `<${p}sz val="${s.size ?? base.size}"/>` +
    `${s.color ? `<${p}color rgb="${argb(s.color)}"/>` : base.color}${name}</${p}font>`
  );
}

function fillXml(p: string, rgb: string): string {
  return (
    `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(rgb)}"/>` +
    `<${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`
  );
}

function borderXml(p: string, kind: "bottom" | "box"): string {
  const thin = (side: string) =>
    `<${p}${side} style="thin"><${p}color rgb="FFBFBFBF"/></${p}${side}>`;
  const none = (side: string) => `<${p}${side}/>`;
  const box = kind === "box";
  return (
    `<${p}border>${box ? thin("left") : none("left")}${box ? thin("right") : none("right")}` +
    `${box ? thin("top") : none("top")}${thin("bottom")}${none("diagonal")}</${p}border>`
  );
}

function xfXml(
  p: string,
  s: PlanStyle,
  fmt: number,
  font: number,
  fill: number,
  border: number,
  withXfId: boolean
): string {
  const applies =
    (fmt ? ` applyNumberFormat="1"` : "") +
    (font ? ` applyFont="1"` : "") +
    (fill ? ` applyFill="1"` : "") +
    (border ? ` applyBorder="1"` : "");
  const aligned = s.wrap || s.align || s.valign;
  const alignment = aligned
    ? `<${p}alignment${s.align ? ` horizontal="${s.align}"` : ""}` +
      `${s.valign ? ` vertical="${s.valign === "middle" ? "center" : "top"}"` : ""}` +
      `${s.wrap ? ` wrapText="1"` : ""}/>`
    : "";
  const head =
    `<${p}xf numFmtId="${fmt}" fontId="${font}" fillId="${fill}" borderId="${border}"` +
    `${withXfId ? ` xfId="0"` : ""}${applies}${aligned ? ` applyAlignment="1"` : ""}`;
  return aligned ? `${head}>${alignment}</${p}xf>` : `${head}/>`;
}

/** Splices the new entries into their lists (creating a list where the input has none). */
function writeLists(source: string, root: XmlElement, prefix: string, lists: List[]): string {
  const edits: Edit[] = [];
  // In schema order: lists created at the same place must follow each other as CT_Stylesheet says.
  const ordered = [...lists].sort((a, b) => ORDER.indexOf(a.local) - ORDER.indexOf(b.local));
  for (const l of ordered) {
    if (l.added.length === 0) continue;
    const count = l.existing + l.added.length;
    const markup = l.added.join("");
    const el = child(root, l.local);
    if (el) {
      edits.push(...appendChildren(source, el, markup, count));
      continue;
    }
    const at = ORDER.indexOf(l.local);
    const next = root.children.find((c) => ORDER.indexOf(c.local) > at);
    edits.push({
      at: next ? next.start : root.closeStart,
      remove: 0,
      insert: `<${prefix}${l.local} count="${count}">${markup}</${prefix}${l.local}>`,
    });
  }
  return applyEdits(source, edits);
}

/** Edits that put markup at the end of an element's children and set its count attribute. */
export function appendChildren(
  source: string,
  el: XmlElement,
  markup: string,
  count: number
): Edit[] {
  const selfClosed = el.closeStart === el.end;
  const startTag = source.slice(el.start, startTagEnd(source, el.start));
  const newStart = rewriteAttr(startTag, "count", String(count));
  if (selfClosed) {
    return [
      { at: el.start, remove: el.end - el.start, insert: `${newStart}>${markup}</${el.name}>` },
    ];
  }
  return [
    { at: el.start, remove: startTag.length, insert: newStart },
    { at: el.closeStart, remove: 0, insert: markup },
  ];
}
