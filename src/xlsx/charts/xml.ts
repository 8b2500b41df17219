/**
 * Just enough XML for package parts: escaping for what we write, and a small non-validating parser
 * that keeps source offsets, so a part written by someone else (exceljs, Excel) can be edited by
 * splicing text at a known position instead of being re-serialised (which would lose whatever we
 * do not model). No DTDs: OOXML parts never have them, and we refuse them rather than expand them.
 */

export interface XmlElement {
  /** Qualified name as written, e.g. "c:ser". */
  name: string;
  /** Name without its prefix, e.g. "ser". */
  local: string;
  /** Attributes by qualified name, values already unescaped. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Direct text content (text and CDATA), unescaped. */
  text: string;
  /** Offset of "<" of the start tag. */
  start: number;
  /** Offset just after the end tag (or after "/>" when self-closing). */
  end: number;
  /** Offset of the "<" of the end tag; equals `end` when self-closing. */
  closeStart: number;
}

// XML 1.0 forbids most C0 controls even as character references; drop them rather than write a
// part that Excel refuses to open.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_ESCAPE = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Escapes text for element content. Quotes stay as they are, so formulas read as Excel writes them. */
export function escText(value: string): string {
  // Most text needs nothing: one test instead of four replacements (a report has a million cells).
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value
    .replace(INVALID_XML_CHARS, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** Escapes text for a double- or single-quoted attribute value. */
export function esc(value: string): string {
  return escText(value).replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function unescape(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith("#x")) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(parseInt(body.slice(1), 10));
    const named = NAMED_ENTITIES[body];
    if (named === undefined) throw new Error(`XML: unknown entity ${whole}`);
    return named;
  });
}

function localName(qname: string): string {
  const colon = qname.indexOf(":");
  return colon < 0 ? qname : qname.slice(colon + 1);
}

const ATTR = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(ATTR)) {
    const key = m[1] ?? "";
    attrs[key] = unescape(m[3] ?? m[4] ?? "");
  }
  return attrs;
}

/**
 * Parses a document and returns its root element. Throws on malformed input.
 * With `maxDepth` (root = 1), deeper elements are checked for nesting but not kept: editing a
 * worksheet needs only its top-level children, and a 100,000-row sheetData need not become objects.
 */
export function parseXml(source: string, maxDepth = Infinity): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let pos = 0;
  while (pos < source.length) {
    const lt = source.indexOf("<", pos);
    const textEnd = lt < 0 ? source.length : lt;
    if (textEnd > pos && stack.length <= maxDepth) {
      const top = stack[stack.length - 1];
      if (top) top.text += unescape(source.slice(pos, textEnd));
    }
    if (lt < 0) break;
    if (source.startsWith("<?", lt)) {
      pos = mustFind(source, "?>", lt) + 2;
    } else if (source.startsWith("<!--", lt)) {
      pos = mustFind(source, "-->", lt) + 3;
    } else if (source.startsWith("<![CDATA[", lt)) {
      const close = mustFind(source, "]]>", lt);
      const top = stack[stack.length - 1];
      if (top && stack.length <= maxDepth) top.text += source.slice(lt + 9, close);
      pos = close + 3;
    } else if (source.startsWith("<!", lt)) {
      throw new Error("XML: DTDs are not supported in package parts");
    } else if (source.startsWith("</", lt)) {
      const gt = mustFind(source, ">", lt);
      const name = source.slice(lt + 2, gt).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`XML: unexpected </${name}> at ${lt}`);
      open.closeStart = lt;
      open.end = gt + 1;
      pos = gt + 1;
    } else {
      const gt = findTagEnd(source, lt);
      const selfClosing = source[gt - 1] === "/";
      const body = source.slice(lt + 1, selfClosing ? gt - 1 : gt);
      const nameMatch = /^[^\s/>]+/.exec(body);
      if (!nameMatch) throw new Error(`XML: bad tag at ${lt}`);
      const name = nameMatch[0];
      const kept = stack.length < maxDepth;
      const element: XmlElement = {
        name,
        local: localName(name),
        attrs: kept ? parseAttrs(body.slice(name.length)) : {},
        children: [],
        text: "",
        start: lt,
        end: gt + 1,
        closeStart: gt + 1,
      };
      const parent = stack[stack.length - 1];
      if (parent) {
        if (kept) parent.children.push(element);
      } else if (root) throw new Error("XML: more than one root element");
      else root = element;
      if (!selfClosing) stack.push(element);
      pos = gt + 1;
    }
  }
  if (stack.length > 0) throw new Error(`XML: <${stack[stack.length - 1]?.name}> is not closed`);
  if (!root) throw new Error("XML: no root element");
  return root;
}

function mustFind(source: string, token: string, from: number): number {
  const at = source.indexOf(token, from);
  if (at < 0) throw new Error(`XML: unterminated markup at ${from}`);
  return at;
}

/** The ">" that ends a start tag, skipping ">" inside quoted attribute values. */
function findTagEnd(source: string, lt: number): number {
  let quote = "";
  for (let i = lt + 1; i < source.length; i++) {
    const ch = source[i];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === ">") {
      return i;
    }
  }
  throw new Error(`XML: unterminated tag at ${lt}`);
}

/** First direct child with this local name. */
export function child(element: XmlElement | undefined, local: string): XmlElement | undefined {
  return element?.children.find((c) => c.local === local);
}

/** All direct children with this local name. */
export function children(element: XmlElement | undefined, local: string): XmlElement[] {
  return element ? element.children.filter((c) => c.local === local) : [];
}

/** Follows a path of local names through first children. */
export function path(element: XmlElement | undefined, ...locals: string[]): XmlElement | undefined {
  let at = element;
  for (const local of locals) at = child(at, local);
  return at;
}

/** Every descendant (depth first, document order) with this local name. */
export function descendants(element: XmlElement, local: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      if (c.local === local) found.push(c);
      walk(c);
    }
  };
  walk(element);
  return found;
}

/** An attribute by local name whatever its prefix (r:id, or a:val with another prefix). */
export function attrLocal(element: XmlElement | undefined, local: string): string | undefined {
  if (!element) return undefined;
  for (const [key, value] of Object.entries(element.attrs)) {
    if (localName(key) === local && key.includes(":")) return value;
  }
  return undefined;
}
