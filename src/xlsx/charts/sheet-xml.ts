/**
 * The worksheet side: finding a sheet's drawing and adding the <drawing r:id> element where
 * CT_Worksheet (ECMA-376 Part 1, 18.3.1.99) allows it. Excel reports a damaged file when it is out of
 * order, so it goes after everything up to smartTags and before the first of the elements below.
 */
import { NS_R } from "./chart-xml";
import { attrLocal, child, parseXml } from "./xml";

/** Children of <worksheet> that the schema puts after <drawing>. */
const AFTER_DRAWING = new Set([
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

/** The r:id of the sheet's existing <drawing>, if it has one. */
export function existingDrawingRelId(sheetXml: string): string | undefined {
  return attrLocal(child(parseXml(sheetXml, 2), "drawing"), "id");
}

/** Returns the sheet XML with <drawing r:id="relId"/> inserted in schema order. */
export function insertDrawingElement(sheetXml: string, relId: string): string {
  const root = parseXml(sheetXml, 2);
  if (root.closeStart === root.end)
    throw new Error("worksheet XML has no content (self-closed <worksheet/>)");
  const prefix = root.name.includes(":") ? root.name.slice(0, root.name.indexOf(":") + 1) : "";
  // Reuse the document's prefix for the relationships namespace when it declares one for it;
  // otherwise declare it on the element itself.
  const rPrefix = Object.entries(root.attrs)
    .find(([k, v]) => k.startsWith("xmlns:") && v === NS_R)?.[0]
    .slice(6);
  const idAttr = rPrefix ? `${rPrefix}:id="${relId}"` : `xmlns:r="${NS_R}" r:id="${relId}"`;
  const element = `<${prefix}drawing ${idAttr}/>`;
  const next = root.children.find((c) => AFTER_DRAWING.has(c.local));
  const at = next ? next.start : root.closeStart;
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}
