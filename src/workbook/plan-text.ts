/**
 * Sizes on the sheet, in points: column widths as Excel turns characters into pixels, and how tall a
 * wrapped text is in a cell of a given width. Rows of the report have explicit heights (a renderer
 * never grows or shrinks them), so a sentence must be given the height its lines need: too little
 * cuts it off, and the page layout counts on the heights being right.
 */

/** Excel's default column width in characters (Calibri 11: 64 pixels). */
export const DEFAULT_COLUMN_WIDTH = 8.43;
/** Excel's default row height for Calibri 11, in points. */
export const DEFAULT_ROW_HEIGHT = 15;
/** Excel's tallest row, in points: a longer text is cut off at the foot of its cell. */
export const MAX_ROW_HEIGHT = 409.5;

/**
 * Points per character of column width, at the narrowest a renderer draws it. Excel's rule
 * (ECMA-376 Part 1, 18.3.1.13, col: pixels = Truncate(((256 × width + Truncate(128 / 7)) / 256) × 7)
 * for Calibri 11's 7-pixel digit, 0.75 points a pixel) gives 5.25 points a character; LibreOffice
 * 7.4 with Carlito prints a 12-character column 61.5 points wide (5.12 a character). Counting
 * 4.9 leaves room for a workbook whose default font has narrower digits. Narrower is the safe
 * side twice over: text wraps to more lines (rows are given the height of those), and the
 * fit-to-width scale comes out larger, so rows are counted taller on paper than they print.
 */
const CHAR_POINTS = 4.9;

/** A column `chars` characters wide (an .xlsx `<col width>`), in points, at its narrowest. */
export function columnPoints(chars: number): number {
  return chars * CHAR_POINTS;
}

/**
 * Advance widths of Calibri's glyphs in ems (its metrics as Carlito, the metric-compatible font
 * LibreOffice substitutes, publishes them), rounded up. Characters not listed count as wide.
 */
const WIDTHS: Record<string, number> = {
  " ": 0.23,
  a: 0.48,
  b: 0.53,
  c: 0.43,
  d: 0.53,
  e: 0.5,
  f: 0.31,
  g: 0.48,
  h: 0.53,
  i: 0.23,
  j: 0.24,
  k: 0.46,
  l: 0.23,
  m: 0.8,
  n: 0.53,
  o: 0.53,
  p: 0.53,
  q: 0.53,
  r: 0.35,
  s: 0.4,
  t: 0.34,
  u: 0.53,
  v: 0.46,
  w: 0.72,
  x: 0.44,
  y: 0.46,
  z: 0.4,
  A: 0.58,
  B: 0.55,
  C: 0.54,
  D: 0.62,
  E: 0.49,
  F: 0.46,
  G: 0.64,
  H: 0.63,
  I: 0.26,
  J: 0.32,
  K: 0.52,
  L: 0.42,
  M: 0.86,
  N: 0.65,
  O: 0.67,
  P: 0.52,
  Q: 0.68,
  R: 0.55,
  S: 0.46,
  T: 0.49,
  U: 0.65,
  V: 0.57,
  W: 0.89,
  X: 0.52,
  Y: 0.49,
  Z: 0.47,
  ".": 0.26,
  ",": 0.26,
  ":": 0.27,
  ";": 0.27,
  "'": 0.23,
  "’": 0.25,
  "(": 0.31,
  ")": 0.31,
  "-": 0.31,
  "–": 0.5,
  "/": 0.39,
  "%": 0.72,
};
const DIGIT = 0.51;
/** Latin letters with accents, Greek, Cyrillic and the like: about an uppercase letter. */
const OTHER = 0.62;
/** CJK, emoji and other wide characters take a whole em. */
const WIDE = 1.0;

function charEm(ch: string): number {
  const known = WIDTHS[ch];
  if (known !== undefined) return known;
  if (ch >= "0" && ch <= "9") return DIGIT;
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x1100 ? WIDE : OTHER;
}

/** Cell padding Excel and LibreOffice leave inside a cell's edges (about 2 pixels a side). */
const CELL_PADDING = 3;
/** Printed glyphs run a little wider than their advance widths sum to (hinting, kerning off). */
const SAFETY = 1.06;

/** The width of a run of text in points, at `size` points, bold or not. */
export function textPoints(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * size * (bold ? 1.07 : 1) * SAFETY;
}

/**
 * The lines a text wraps to in a cell `width` points wide, as Excel wraps: at spaces, a word longer
 * than the line broken where it must, line feeds kept.
 */
export function wrappedLines(text: string, width: number, size = 11, bold = false): number {
  const room = Math.max(1, width - CELL_PADDING);
  const space = textPoints(" ", size, bold);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(" ")) {
      let w = textPoints(word, size, bold);
      const gap = used > 0 ? space : 0;
      if (used + gap + w <= room) {
        used += gap + w;
        continue;
      }
      if (used > 0) lines++;
      // A word wider than the cell runs over as many lines as it fills.
      while (w > room) {
        lines++;
        w -= room;
      }
      used = w;
    }
  }
  return lines;
}

/** Rounds a height up to Excel's grid of whole pixels (0.75 points). */
export function roundHeight(points: number): number {
  return Math.ceil(points / 0.75 - 1e-9) * 0.75;
}

/** The height of one line of text at `size` points: Excel's default row height for that size. */
export function lineHeight(size = 11): number {
  return roundHeight(size * 1.3);
}

/** The row height a wrapped text needs in a cell `width` points wide (at least one line). */
export function textHeight(text: string, width: number, size = 11, bold = false): number {
  const lines = wrappedLines(text, width, size, bold);
  // Each further line of a wrapped cell is a line of text; the first takes a whole row's height.
  const need = roundHeight(lineHeight(size) + (lines - 1) * size * 1.25 + (lines > 1 ? 2 : 0));
  return Math.min(MAX_ROW_HEIGHT, need);
}
