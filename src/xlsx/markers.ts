import JSZip from "jszip";
import { REPORT_MARKER } from "../workbook";
import { esc, unescape } from "./charts/xml";

/**
 * Marks the generated sheets with a hidden sheet-scoped name, so the next run (here or in Excel)
 * replaces exactly those sheets and no user sheet. A sheet-scoped name follows its sheet through
 * renames and moves. Stale markers are dropped first.
 */
export async function markReportSheets(
  xlsx: Buffer,
  sheetNames: readonly string[]
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const file = zip.file("xl/workbook.xml");
  if (!file) throw new Error("The written workbook has no xl/workbook.xml.");
  let xml = await file.async("string");
  const order = [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) =>
    unescape(m[1] as string)
  );
  const stale = new RegExp(
    `<definedName\\b[^>]*\\bname="${REPORT_MARKER}"[^>]*>[^<]*</definedName>`,
    "g"
  );
  xml = xml
    .replace(stale, "")
    .replace(/<definedNames>\s*<\/definedNames>/, "")
    .replace(/<definedNames\/>/, "");
  const names = sheetNames
    .map((n) => order.indexOf(n))
    .filter((i) => i >= 0)
    .map(
      (i) =>
        `<definedName name="${esc(REPORT_MARKER)}" localSheetId="${i}" hidden="1">TRUE</definedName>`
    )
    .join("");
  if (names !== "") {
    if (xml.includes("</definedNames>"))
      xml = xml.replace("</definedNames>", `${names}</definedNames>`);
    else xml = xml.replace("</sheets>", `</sheets><definedNames>${names}</definedNames>`);
  }
  zip.file("xl/workbook.xml", xml);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
