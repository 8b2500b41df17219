import { parseXml } from "./xml";

/** Built-in number formats that show dates or times (ECMA-376 part 1, 18.8.30; 27-36 and 50-58 are East Asian dates). */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** A format code shows a date when, outside quotes and [brackets], it has a date or time letter. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]/.test(bare);
}

/** The cell styles (indexes into cellXfs) whose number format is a date, from styles.xml. */
export function dateStyles(xml: string): Set<number> {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  parseXml(xml, {
    open(name, a) {
      if (name === "numFmt" && a.numFmtId !== undefined)
        custom.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) xfFormats.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  const out = new Set<number>();
  xfFormats.forEach((id, i) => {
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id)) out.add(i);
  });
  return out;
}
