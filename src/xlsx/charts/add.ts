/**
 * addCharts: adds chart parts, drawing parts and the links between them to an .xlsx package.
 *
 * A sheet that already has a drawing (exceljs writes one for images) gets the charts appended to
 * that drawing, since a worksheet may hold only one <drawing>. Every spec is validated before any
 * part is touched, and the work is done on a copy of the input, so a failure leaves nothing behind.
 */
import type { ZipPackage } from "../zip";
import { chartXml } from "./chart-xml";
import { anchorXml, drawingXml, drawingXmlPieces, maxShapeId } from "./drawing-xml";
import {
  CT_CHART,
  CT_DRAWING,
  REL_CHART,
  REL_DRAWING,
  CT_RELS,
  editContentTypes,
  addRels,
  freePart,
  insertBeforeClose,
  loadPackage,
  mustReadPart,
  nextRelId,
  parseRels,
  readPart,
  relativeTarget,
  relsPathFor,
  resolveTarget,
  sheetParts,
  writePart,
  type Relationship,
  type SheetPart,
} from "./opc";
import { existingDrawingRelId, insertDrawingElement } from "./sheet-xml";
import type { ChartSpec } from "./types";
import { normalizeChartSpec, validateChartSpec } from "./validate";

/** A part added, with the content type [Content_Types].xml must give it. */
export interface Override {
  part: string;
  contentType: string;
}

export async function addCharts(xlsx: Buffer, charts: ChartSpec[]): Promise<Buffer> {
  if (!Array.isArray(charts)) throw new Error("addCharts: charts must be an array of ChartSpec");
  const zip = await loadPackage(xlsx);
  if (charts.length === 0) return Buffer.from(xlsx);
  const overrides = await addChartsToPackage(zip, charts, new Set<string>());
  const ct = await mustReadPart(zip, "[Content_Types].xml");
  writePart(zip, "[Content_Types].xml", editContentTypes(ct, [], overrides));
  return zip.toBuffer();
}

/**
 * The same on an open package: adds the chart, drawing and rels parts, and returns the content
 * types the caller must declare. `taken` holds part names already used (lower case), so parts the
 * caller is adding in the same run are not reused. Validates every spec before touching a part.
 */
export async function addChartsToPackage(
  zip: ZipPackage,
  charts: ChartSpec[],
  taken: Set<string>
): Promise<Override[]> {
  const sheets = await sheetParts(zip);
  const names = sheets.map((s) => s.name);
  charts.forEach((spec, i) => validateChartSpec(spec, i, names));

  // Group by sheet in the order sheets first appear in the list: one drawing per sheet.
  const bySheet = new Map<string, ChartSpec[]>();
  for (const spec of charts.map(normalizeChartSpec)) {
    const group = bySheet.get(spec.sheetName) ?? [];
    group.push(spec);
    bySheet.set(spec.sheetName, group);
  }
  const overrides: Override[] = [];
  for (const [sheetName, specs] of bySheet) {
    const sheet = sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new Error(`addCharts: sheet "${sheetName}" is not in the workbook`); // validated above already
    await addToSheet(zip, sheet, specs, taken, overrides);
  }
  return overrides;
}

/** Relationship ids not in `rels`, one after another (one set, not a scan per new id). */
function relIds(rels: readonly Relationship[]): () => string {
  const used = new Set(rels.map((r) => r.id));
  let n = rels.length;
  return () => {
    do n++;
    while (used.has(`rId${n}`));
    return `rId${n}`;
  };
}

/**
 * The chart parts of one drawing, each with its relationship from the drawing and its anchor.
 * Shape ids follow `lastShapeId`; with `declareNs` each anchor declares its prefixes (it goes
 * into a drawing written by someone else).
 */
function writeChartParts(
  zip: ZipPackage,
  drawingPart: string,
  specs: ChartSpec[],
  ctx: { taken: Set<string>; overrides: Override[]; nextId: () => string },
  lastShapeId: number,
  declareNs: boolean
): { rels: Relationship[]; anchors: string[] } {
  const rels: Relationship[] = [];
  const anchors: string[] = [];
  let shapeId = lastShapeId;
  for (const spec of specs) {
    const chartPart = freePart(zip, "xl/charts", "chart", ctx.taken);
    const relId = ctx.nextId();
    rels.push({
      id: relId,
      type: REL_CHART,
      target: relativeTarget(drawingPart, chartPart),
      external: false,
    });
    writePart(zip, chartPart, chartXml(spec));
    ctx.overrides.push({ part: chartPart, contentType: CT_CHART });
    shapeId += 1;
    anchors.push(
      anchorXml(
        {
          from: spec.from,
          to: spec.to,
          shapeId,
          title: spec.title,
          relId,
          ...(spec.map ? { size: { width: spec.map.width, height: spec.map.height } } : {}),
        },
        declareNs
      )
    );
  }
  return { rels, anchors };
}

/**
 * The charts of a sheet this write is adding (a report sheet, not yet written): a new drawing
 * part, its charts and rels, and the sheet's rels. Returns the relationship id the sheet's
 * <drawing> element must name, so the sheet is written once, with it, and never read back.
 * Specs must be validated and normalised by the caller.
 */
export function addChartsToNewSheet(
  zip: ZipPackage,
  sheetPart: string,
  specs: ChartSpec[],
  taken: Set<string>,
  overrides: Override[]
): string {
  const drawingPart = freePart(zip, "xl/drawings", "drawing", taken);
  const { rels, anchors } = writeChartParts(
    zip,
    drawingPart,
    specs,
    { taken, overrides, nextId: relIds([]) },
    1,
    false
  );
  writePart(zip, relsPathFor(drawingPart), addRels(undefined, rels));
  zip.writePieces(drawingPart, drawingXmlPieces(anchors));
  overrides.push(
    { part: drawingPart, contentType: CT_DRAWING },
    { part: relsPathFor(drawingPart), contentType: CT_RELS },
    { part: relsPathFor(sheetPart), contentType: CT_RELS }
  );
  const link: Relationship = {
    id: "rId1",
    type: REL_DRAWING,
    target: relativeTarget(sheetPart, drawingPart),
    external: false,
  };
  writePart(zip, relsPathFor(sheetPart), addRels(undefined, [link]));
  return link.id;
}

async function addToSheet(
  zip: ZipPackage,
  sheet: SheetPart,
  specs: ChartSpec[],
  taken: Set<string>,
  overrides: Override[]
): Promise<void> {
  const sheetXml = await mustReadPart(zip, sheet.part);
  const sheetRelsPath = relsPathFor(sheet.part);
  const sheetRelsText = await readPart(zip, sheetRelsPath);
  const sheetRels = parseRels(sheetRelsText);

  const existingId = existingDrawingRelId(sheetXml);
  let drawingPart: string;
  let existing: string | undefined;
  if (existingId !== undefined) {
    const rel = sheetRels.find((r) => r.id === existingId);
    if (!rel || rel.type !== REL_DRAWING) {
      throw new Error(
        `addCharts: sheet "${sheet.name}" has a <drawing> whose relationship ${existingId} is missing`
      );
    }
    drawingPart = resolveTarget(sheet.part, rel.target);
    existing = await mustReadPart(zip, drawingPart);
  } else {
    drawingPart = freePart(zip, "xl/drawings", "drawing", taken);
  }

  const drawingRelsPath = relsPathFor(drawingPart);
  const drawingRelsText = await readPart(zip, drawingRelsPath);
  const { rels: added, anchors } = writeChartParts(
    zip,
    drawingPart,
    specs,
    { taken, overrides, nextId: relIds(parseRels(drawingRelsText)) },
    existing === undefined ? 1 : maxShapeId(existing),
    existing !== undefined
  );
  writePart(zip, drawingRelsPath, addRels(drawingRelsText, added));
  overrides.push({ part: drawingPart, contentType: CT_DRAWING });
  if (drawingRelsText === undefined)
    overrides.push({ part: drawingRelsPath, contentType: CT_RELS });

  if (existing !== undefined) {
    writePart(zip, drawingPart, insertBeforeClose(existing, anchors.join("")));
    return;
  }
  writePart(zip, drawingPart, drawingXml(anchors));
  const link: Relationship = {
    id: nextRelId(sheetRels),
    type: REL_DRAWING,
    target: relativeTarget(sheet.part, drawingPart),
    external: false,
  };
  writePart(zip, sheetRelsPath, addRels(sheetRelsText, [link]));
  if (sheetRelsText === undefined) overrides.push({ part: sheetRelsPath, contentType: CT_RELS });
  writePart(zip, sheet.part, insertDrawingElement(sheetXml, link.id));
}
