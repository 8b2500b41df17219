/**
 * Text edits on a part written by someone else: splices at known offsets, so every byte we do not
 * mean to change stays as it was (re-serialising would lose what we do not model).
 */
import { esc } from "../charts/xml";

export interface Edit {
  /** Offset in the original text. */
  at: number;
  /** Characters removed from `at`. */
  remove: number;
  insert: string;
}

/**
 * Applies edits given against the original text. At one offset, pure insertions go before an edit
 * that replaces text there (a new element before a rewritten start tag); otherwise given order.
 */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) => a.e.at - b.e.at || Number(a.e.remove > 0) - Number(b.e.remove > 0) || a.i - b.i
    );
  let out = "";
  let pos = 0;
  for (const { e } of sorted) {
    if (e.at < pos) throw new Error("splice: overlapping edits");
    out += source.slice(pos, e.at) + e.insert;
    pos = e.at + e.remove;
  }
  return out + source.slice(pos);
}

/** A start tag (without its closing ">" or "/>") with one attribute set, added when missing. */
export function rewriteAttr(startTag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(startTag)) return startTag.replace(re, `$1"${esc(value)}"`);
  return `${startTag} ${name}="${esc(value)}"`;
}

/** The namespace prefix ("x:" or "") of a qualified element name. */
export function prefixOf(qname: string): string {
  const colon = qname.indexOf(":");
  return colon < 0 ? "" : qname.slice(0, colon + 1);
}

/** Offset of the ">" (or of the "/" of "/>") ending the start tag at `start`, skipping quoted values. */
export function startTagEnd(source: string, start: number): number {
  let quote = "";
  for (let i = start + 1; i < source.length; i++) {
    const ch = source[i];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ">") return source[i - 1] === "/" ? i - 1 : i;
  }
  throw new Error(`XML: unterminated tag at ${start}`);
}
