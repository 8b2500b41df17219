import { unescapeExcel, xmlParser } from "./xml";

/**
 * A streaming reader of the shared strings that keeps only the entries the kept cells use: a
 * workbook's other sheets can hold millions of strings the contract never reads.
 */
export function sharedStringsReader(needed: ReadonlySet<number>): {
  write(text: string): void;
  close(): Map<number, string>;
} {
  const kept = new Map<number, string>();
  let index = -1;
  let text = "";
  let capture = false;
  let inRph = false;
  const parser = xmlParser({
    open(name) {
      if (name === "si") {
        index++;
        text = "";
      } else if (name === "rPh") inRph = true;
      else if (name === "t" && !inRph && needed.has(index)) capture = true;
    },
    text(t) {
      if (capture) text += t;
    },
    close(name) {
      if (name === "t") capture = false;
      else if (name === "rPh") inRph = false;
      else if (name === "si" && needed.has(index)) kept.set(index, unescapeExcel(text));
    },
  });
  return {
    write: (t) => parser.write(t),
    close: () => {
      parser.close();
      return kept;
    },
  };
}
