import { SaxesParser, SaxesTagPlain } from "saxes";

export interface XmlHandlers {
  /** Element names arrive without their namespace prefix (`x:sheet` -> `sheet`). */
  open?(name: string, attrs: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

const local = (name: string): string => {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
};

/** An attribute by local name: `r:id` and `id` under another prefix are the same to us. */
export function attr(attrs: Record<string, string>, name: string): string | undefined {
  if (name in attrs) return attrs[name];
  for (const k of Object.keys(attrs)) if (local(k) === name && k.includes(":")) return attrs[k];
  return undefined;
}

/**
 * A streaming XML parser (saxes: no DTD processing, so no entity expansion attacks) that hands on
 * local names. Memory is what the handlers keep, whatever the document's size.
 */
export function xmlParser(h: XmlHandlers): { write(chunk: string): void; close(): void } {
  const p = new SaxesParser({ xmlns: false, position: false });
  if (h.open) {
    const open = h.open;
    p.on("opentag", (t: SaxesTagPlain) => open(local(t.name), t.attributes));
  }
  if (h.close) {
    const close = h.close;
    p.on("closetag", (t: SaxesTagPlain) => close(local(t.name)));
  }
  if (h.text) {
    p.on("text", h.text);
    p.on("cdata", h.text);
  }
  return {
    write: (chunk) => {
      p.write(chunk);
    },
    close: () => {
      p.close();
    },
  };
}

/** Parses a whole small document. */
export function parseXml(text: string, h: XmlHandlers): void {
  const p = xmlParser(h);
  p.write(text);
  p.close();
}

/** Excel escapes characters XML cannot hold as _xHHHH_ (ECMA-376 part 1, 22.4.2.4). */
export function unescapeExcel(s: string): string {
  return s.includes("_x")
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    : s;
}
