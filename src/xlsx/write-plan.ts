/**
 * The file host's writer: the report goes into the input's own package. Every part of the input
 * is copied byte for byte at its name; only the report's parts are added (its sheets, drawings,
 * charts and their rels), an earlier report's parts removed, and the package index updated:
 * [Content_Types].xml, the workbook part and its rels, docProps/app.xml, plus the styles part,
 * whose lists only grow at their ends. It depends on the bytes, the plan and the names of the
 * earlier report's sheets, never on a reader's objects.
 */
import {
  PlanChart,
  PlanSheet,
  ReportPlan,
  absoluteRange,
  columnLetter,
  parseA1,
} from "../workbook";
import { ChartLabel, ChartSpec, addChartsToNewSheet, quoteSheetName } from "./charts";
import { normalizeChartSpec, validateChartSpec } from "./charts/validate";
import {
  REL_WORKSHEET,
  loadPackage,
  mustReadPart,
  nextRelId,
  parseRels,
  readPart,
  relativeTarget,
  relsPathFor,
  resolveTarget,
  sheetParts,
  workbookPart,
  writePart,
  freePart,
  type Relationship,
} from "./charts/opc";
import {
  calcChainNames,
  editAppXml,
  editContentTypes,
  editRels,
  orphanedBy,
  partNames,
} from "./write/package";
import { SheetCells } from "./write/plan-cells";
import { CT_WORKSHEET, sheetXmlPieces } from "./write/sheet-xml";
import { MINIMAL_STYLES, appendStyles } from "./write/styles";
import { editWorkbook } from "./write/workbook-xml";

const REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const REL_EXTENDED =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties";
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/** The cells of a one-column range, read from the plan so the chart's cache matches the cells. */
function cachedValues(cells: SheetCells, range: string): (string | number | null)[] {
  const [from, to] = range.split(":");
  const a = parseA1(from as string);
  const b = parseA1((to ?? from) as string);
  const out: (string | number | null)[] = [];
  for (let r = a.row; r <= b.row; r++)
    for (let c = a.col; c <= b.col; c++) out.push(cells.value(r, c));
  return out;
}

/** Each cell of a one-column range that holds text: a label with that text on that point. */
function labelsOf(cells: SheetCells, range: string): ChartLabel[] {
  return cachedValues(cells, range).flatMap((v, index) =>
    typeof v === "string" && v.trim() !== "" ? [{ index, text: v }] : []
  );
}

const numbers = (vs: (string | number | null)[]) =>
  vs.map((v) => (typeof v === "number" ? v : null));

export function chartSpec(
  sheet: PlanSheet,
  chart: PlanChart,
  cells: SheetCells = new SheetCells(sheet)
): ChartSpec {
  const ref = (range: string) => `${quoteSheetName(sheet.name)}!${absoluteRange(range)}`;
  const spec: ChartSpec = {
    sheetName: sheet.name,
    from: { col: chart.from.col, row: chart.from.row },
    to: { col: chart.to.col, row: chart.to.row },
    title: chart.title,
    categoriesRef: ref(chart.categories),
    categories: cachedValues(cells, chart.categories).map((v) => (v === null ? "" : String(v))),
    series: chart.series.map((s) => ({
      name: s.name,
      valuesRef: ref(s.values),
      values: numbers(cachedValues(cells, s.values)),
      type: s.type,
      color: s.color,
      ...(s.points && s.points.length > 0 ? { points: s.points } : {}),
      ...(s.dash ? { dash: s.dash } : {}),
      ...(s.marker !== undefined ? { marker: s.marker } : {}),
      ...(s.line === false ? { line: false } : {}),
      ...(s.xValues
        ? { xValuesRef: ref(s.xValues), xValues: numbers(cachedValues(cells, s.xValues)) }
        : {}),
      ...(s.sizes ? { sizesRef: ref(s.sizes), sizes: numbers(cachedValues(cells, s.sizes)) } : {}),
      ...(s.labels ? { labels: labelsOf(cells, s.labels) } : {}),
    })),
    legend: chart.legend,
  };
  if (chart.map) spec.map = chart.map;
  if (chart.valueAxisTitle) spec.valueAxisTitle = chart.valueAxisTitle;
  if (chart.valueNumberFormat) spec.valueNumberFormat = chart.valueNumberFormat;
  if (chart.valueAxisMin !== undefined) spec.valueAxisMin = chart.valueAxisMin;
  return spec;
}

/** The absolute print area of a report sheet: A1 to its last printed column and row. */
export function printArea(sheet: PlanSheet): string {
  return `$A$1:$${columnLetter(sheet.page.lastCol)}$${sheet.page.lastRow + 1}`;
}

/** The rows repeated at the top of each printed page ("$4:$4"), or null. */
export function printTitles(sheet: PlanSheet): string | null {
  const t = sheet.page.printTitleRows;
  return t ? `$${t.first + 1}:$${t.last + 1}` : null;
}

/**
 * The input package with its earlier report sheets (`replace`, found by their markers) removed
 * and the plan's sheets, charts, markers and print areas added. Returns the new file's bytes;
 * nothing touches the disk here, and the input buffer is not changed.
 */
export async function renderPlan(
  input: Buffer,
  plan: ReportPlan,
  replace: readonly string[]
): Promise<Buffer> {
  const zip = await loadPackage(input);
  const wbPart = await workbookPart(zip);
  const wbRelsPath = relsPathFor(wbPart);
  const wbRelsXml = await mustReadPart(zip, wbRelsPath);
  const wbRels = parseRels(wbRelsXml);
  const oldWorksheets = (await sheetParts(zip)).map((s) => s.name);
  const folder = wbPart.slice(0, wbPart.lastIndexOf("/") + 1);

  // Relationship ids first (the workbook part names them); their targets once parts are chosen.
  const rels: Relationship[] = [...wbRels];
  const added: Relationship[] = [];
  const newRel = (type: string): Relationship => {
    const r = { id: nextRelId(rels), type, target: "", external: false };
    rels.push(r);
    added.push(r);
    return r;
  };
  const sheetRels = plan.sheets.map(() => newRel(REL_WORKSHEET));
  const edit = editWorkbook(
    await mustReadPart(zip, wbPart),
    replace,
    plan.sheets.map((s, i) => ({
      name: s.name,
      relId: (sheetRels[i] as Relationship).id,
      printArea: printArea(s),
      printTitles: printTitles(s),
    }))
  );

  // The earlier report's parts, and a calcChain that names its sheets.
  const gone = wbRels.filter((r) => edit.removedRelIds.includes(r.id));
  const dropIds = new Set(gone.map((r) => r.id));
  const removed = await orphanedBy(
    zip,
    gone.map((r) => resolveTarget(wbPart, r.target)),
    new Set(gone.map((r) => `${wbPart}#${r.id}`))
  );
  const calc = wbRels.find((r) => r.type.endsWith("/calcChain"));
  if (calc && edit.removedSheetIds.length > 0) {
    const part = resolveTarget(wbPart, calc.target);
    const text = await readPart(zip, part);
    if (text === undefined || calcChainNames(text, edit.removedSheetIds)) {
      removed.push(part);
      dropIds.add(calc.id);
    }
  }
  for (const part of removed) zip.remove(part);
  // Freed names may be used again, so a rerun's parts keep the names of the run before.
  const taken = new Set(partNames(zip).map((n) => n.toLowerCase()));
  const sheetPartsNew = plan.sheets.map((sheet, i) => {
    const part = freePart(zip, `${folder}worksheets`, "sheet", taken);
    (sheetRels[i] as Relationship).target = relativeTarget(wbPart, part);
    return { sheet, part };
  });

  // Styles: the input's own part, extended at the end (a minimal one when it has none, or when
  // its relationship points at a part that is not there: then at that name).
  const overrides: { part: string; contentType: string }[] = [];
  const stylesRel = wbRels.find((r) => r.type === REL_STYLES);
  const ownStyles = stylesRel ? resolveTarget(wbPart, stylesRel.target) : undefined;
  const ownStylesXml = ownStyles === undefined ? undefined : await readPart(zip, ownStyles);
  let stylesPart: string;
  let stylesXml: string;
  if (ownStyles !== undefined && ownStylesXml !== undefined) {
    stylesPart = ownStyles;
    stylesXml = ownStylesXml;
  } else {
    stylesPart = ownStyles ?? freePart(zip, folder.replace(/\/$/, ""), "styles", taken);
    stylesXml = MINIMAL_STYLES;
    if (!stylesRel) newRel(REL_STYLES).target = relativeTarget(wbPart, stylesPart);
    overrides.push({ part: stylesPart, contentType: CT_STYLES });
  }
  const styled = appendStyles(
    stylesXml,
    plan.sheets.flatMap((s) => s.cells)
  );
  writePart(zip, stylesPart, styled.xml);

  // Each sheet with its charts: the drawing's relationship id first, so the sheet is written
  // once, as it is made, and never read back. A chart that fails its check stops the write
  // before any byte leaves (the package is in memory until the end).
  const first = edit.sheetNames.length - plan.sheets.length;
  let chartIndex = 0;
  sheetPartsNew.forEach(({ sheet, part }, i) => {
    const cells = new SheetCells(sheet);
    const specs = sheet.charts.map((c) => {
      const spec = chartSpec(sheet, c, cells);
      validateChartSpec(spec, chartIndex++, edit.sheetNames);
      return normalizeChartSpec(spec);
    });
    const drawingRelId =
      specs.length > 0 ? addChartsToNewSheet(zip, part, specs, taken, overrides) : undefined;
    zip.writePieces(
      part,
      sheetXmlPieces(sheet, styled.styleOf, {
        selected: edit.activeTab === first + i,
        cells,
        ...(drawingRelId ? { drawingRelId } : {}),
      })
    );
    overrides.push({ part, contentType: CT_WORKSHEET });
  });
  writePart(zip, wbPart, edit.xml);
  writePart(zip, wbRelsPath, editRels(wbRelsXml, dropIds, added));

  const ct = await mustReadPart(zip, "[Content_Types].xml");
  writePart(zip, "[Content_Types].xml", editContentTypes(ct, removed, overrides));
  await updateAppXml(zip, oldWorksheets);
  return zip.toBuffer();
}

/** docProps/app.xml (wherever the package rels put it) lists the new worksheets. */
async function updateAppXml(
  zip: Awaited<ReturnType<typeof loadPackage>>,
  old: string[]
): Promise<void> {
  const rel = parseRels(await readPart(zip, "_rels/.rels")).find((r) => r.type === REL_EXTENDED);
  if (!rel) return;
  const part = resolveTarget("", rel.target);
  const text = await readPart(zip, part);
  if (text === undefined) return;
  const now = (await sheetParts(zip)).map((s) => s.name);
  const updated = editAppXml(text, old, now);
  if (updated !== text) writePart(zip, part, updated);
}
