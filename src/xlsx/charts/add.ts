/**
 * addCharts: adds chart parts, drawing parts and the links between them to an .xlsx package.
 *
 * A sheet that already has a drawing (exceljs writes one for images) gets the charts appended to
 * that drawing, since a worksheet may hold only one <drawing>. Every spec is validated before any
 * part is touched, and the work is done on a copy of the input, so a failure leaves nothing behind.
 */
import type { ZipPackage } from "../zip";
import { chartXml } from "./chart-xml";
import { anchorXml, drawingXml, maxShapeId } from "./drawing-xml";
import {
  CT_CHART,
  CT_DRAWING,
  REL_CHART,
  REL_DRAWING,
  addOverrides,
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

export async function addCharts(xlsx: Buffer, charts: ChartSpec[]): Promise<Buffer> {
  if (!Array.isArray(charts)) throw new Error("addCharts: charts must be an array of ChartSpec");
  const zip = await loadPackage(xlsx);
  if (charts.length === 0) return Buffer.from(xlsx);
  const overrides = await addChartsToPackage(zip, charts, new Set<string>());
  const ct = await mustReadPart(zip, "[Content_Types].xml");
  writePart(zip, "[Content_Types].xml", addOverrides(ct, overrides));
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
): Promise<{ part: string; contentType: string }[]> {
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
  const overrides: { part: string; contentType: string }[] = [];
  for (const [sheetName, specs] of bySheet) {
    const sheet = sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new Error(`addCharts: sheet "${sheetName}" is not in the workbook`); // validated above already
    await addToSheet(zip, sheet, specs, taken, overrides);
  }
  return overrides;
}

async function addToSheet(
  zip: ZipPackage,
  sheet: SheetPart,
  specs: ChartSpec[],
  taken: Set<string>,
  overrides: { part: string; contentType: string }[]
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
  const drawingRels = parseRels(drawingRelsText);
  const added: Relationship[] = [];
  const anchors: string[] = [];
  let shapeId = existing === undefined ? 1 : maxShapeId(existing);
  for (const spec of specs) {
    const chartPart = freePart(zip, "xl/charts", "chart", taken);
    const relId = nextRelId([...drawingRels, ...added]);
    added.push({
      id: relId,
      type: REL_CHART,
      target: relativeTarget(drawingPart, chartPart),
      external: false,
    });
    writePart(zip, chartPart, chartXml(spec));
    overrides.push({ part: chartPart, contentType: CT_CHART });
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
        existing !== undefined
      )
    );
  }
  writePart(zip, drawingRelsPath, addRels(drawingRelsText, added));
  overrides.push({ part: drawingPart, contentType: CT_DRAWING });

  if (existing !== undefined) {
    writePart(zip, drawingPart, insertBeforeClose(existing, anchors.join("")));
    return;
  }
  writePart(zip, drawingPart, drawingXml(anchors));
  const relId = nextRelId(sheetRels);
  const link: Relationship = {
    id: relId,
    type: REL_DRAWING,
    target: relativeTarget(sheet.part, drawingPart),
    external: false,
  };
  writePart(zip, sheetRelsPath, addRels(sheetRelsText, [link]));
  writePart(zip, sheet.part, insertDrawingElement(sheetXml, relId));
}
