/**
 * readCharts: the charts of an .xlsx read back from their cached values, found through the same
 * relationships Excel follows (workbook -> sheet -> drawing -> chart). Used by the tests and by the
 * command line's self-check. It reads bar (column and horizontal), line and bubble groups, and a
 * bubble chart's map layout; other chart types (pie, scatter...) and their series are skipped,
 * since ChartSpec cannot express them.
 */
import {
  loadPackage,
  mustReadPart,
  parseRels,
  readPart,
  relsPathFor,
  resolveTarget,
  sheetParts,
} from "./opc";
import { existingDrawingRelId } from "./sheet-xml";
import { attrLocal, child, children, descendants, parseXml, path, type XmlElement } from "./xml";
import type {
  CellPosition,
  ChartLabel,
  ChartMap,
  ChartPoint,
  ChartSeries,
  ChartSpec,
  ReadChart,
} from "./types";

export async function readCharts(xlsx: Buffer): Promise<ReadChart[]> {
  const zip = await loadPackage(xlsx);
  const out: ReadChart[] = [];
  for (const sheet of await sheetParts(zip)) {
    const relId = existingDrawingRelId(await mustReadPart(zip, sheet.part));
    if (relId === undefined) continue;
    const sheetRel = parseRels(await readPart(zip, relsPathFor(sheet.part))).find(
      (r) => r.id === relId
    );
    if (!sheetRel) continue;
    const drawingPart = resolveTarget(sheet.part, sheetRel.target);
    const drawing = parseXml(await mustReadPart(zip, drawingPart));
    const drawingRels = parseRels(await readPart(zip, relsPathFor(drawingPart)));
    for (const anchor of drawing.children) {
      const chartEl = descendants(anchor, "chart").find(
        (e) => e.local === "chart" && attrLocal(e, "id")
      );
      const rel = drawingRels.find((r) => r.id === attrLocal(chartEl, "id"));
      if (!rel) continue;
      const part = resolveTarget(drawingPart, rel.target);
      const chart = parseChart(parseXml(await mustReadPart(zip, part)));
      const from = anchorCell(child(anchor, "from"));
      // A one-cell anchor has a size (xdr:ext, EMUs) instead of a second cell: the map's.
      const ext = child(anchor, "ext");
      if (chart.map && ext) {
        chart.map.width = Number(ext.attrs.cx) / 12700;
        chart.map.height = Number(ext.attrs.cy) / 12700;
      }
      out.push({
        sheetName: sheet.name,
        from,
        to: anchor.local === "oneCellAnchor" ? from : anchorCell(child(anchor, "to")),
        ...chart,
        part,
      });
    }
  }
  return out;
}

function anchorCell(e: XmlElement | undefined): CellPosition {
  return { col: Number(child(e, "col")?.text ?? 0), row: Number(child(e, "row")?.text ?? 0) };
}

const valOf = (e: XmlElement | undefined, local: string): string | undefined =>
  child(e, local)?.attrs.val;

/** All run text of a title or a rich text body, paragraphs joined by newlines. */
function richText(title: XmlElement | undefined): string | undefined {
  const rich = path(title, "tx", "rich");
  if (!rich) return undefined;
  return children(rich, "p")
    .map((p) =>
      descendants(p, "t")
        .map((t) => t.text)
        .join("")
    )
    .join("\n");
}

type ChartBody = Omit<ChartSpec, "sheetName" | "from" | "to">;

function parseChart(space: XmlElement): ChartBody {
  const chart = child(space, "chart");
  const plot = child(chart, "plotArea");
  const series: { order: number; series: ChartSeries; cat?: XmlElement }[] = [];
  let bubbles: XmlElement | undefined;
  for (const group of plot?.children ?? []) {
    const isBar = group.local === "barChart";
    const isBubble = group.local === "bubbleChart";
    if (!isBar && !isBubble && group.local !== "lineChart") continue;
    if (isBubble) bubbles = group;
    const type = isBubble
      ? "bubble"
      : isBar
        ? valOf(group, "barDir") === "bar"
          ? "bar"
          : "column"
        : "line";
    for (const ser of children(group, "ser")) {
      series.push({
        order: Number(valOf(ser, "order") ?? series.length),
        series: parseSeries(ser, type),
        cat: child(ser, "cat"),
      });
    }
  }
  series.sort((a, b) => a.order - b.order);
  const cats = readCategories(series[0]?.cat);
  const valAx = child(plot, "valAx");
  const numFmt = child(valAx, "numFmt");
  const legendPos = valOf(child(chart, "legend"), "legendPos");
  const body: ChartBody = {
    title: richText(child(chart, "title")) ?? "",
    categoriesRef: cats.ref,
    categories: cats.labels,
    series: series.map((s) => s.series),
    legend: child(chart, "legend") === undefined ? "none" : legendPos === "r" ? "right" : "bottom",
  };
  const axisTitle = richText(child(valAx, "title"));
  if (axisTitle) body.valueAxisTitle = axisTitle;
  if (numFmt && numFmt.attrs.sourceLinked !== "1" && numFmt.attrs.formatCode)
    body.valueNumberFormat = numFmt.attrs.formatCode;
  const min = valOf(child(valAx, "scaling"), "min");
  if (!bubbles && min !== undefined) body.valueAxisMin = Number(min);
  if (bubbles) body.map = parseMap(plot as XmlElement, bubbles);
  return body;
}

/** A bubble chart's layout: its plot area's manual layout, its two value axes' bounds and titles. */
function parseMap(plot: XmlElement, group: XmlElement): ChartMap {
  const manual = path(plot, "layout", "manualLayout");
  const frac = (name: string) => Number(valOf(manual, name) ?? NaN);
  const axes = children(plot, "valAx");
  const axis = (pos: string) => {
    const a = axes.find((x) => valOf(x, "axPos") === pos);
    const scaling = child(a, "scaling");
    return {
      min: Number(valOf(scaling, "min") ?? NaN),
      max: Number(valOf(scaling, "max") ?? NaN),
      title: richText(child(a, "title")) ?? "",
    };
  };
  return {
    width: NaN, // from the drawing's anchor
    height: NaN,
    plot: { x: frac("x"), y: frac("y"), w: frac("w"), h: frac("h") },
    x: axis("b"),
    y: axis("l"),
    bubbleScale: Number(valOf(group, "bubbleScale") ?? 100),
  };
}

function parseSeries(ser: XmlElement, type: ChartSeries["type"]): ChartSeries {
  const isColumn = type === "column" || type === "bar" || type === "bubble";
  const tx = child(ser, "tx");
  const f = path(tx, "strRef", "f")?.text;
  // LibreOffice writes a typed-in name as a string-literal formula ("Target"): that is no ref.
  const nameRef = f !== undefined && !f.startsWith('"') ? f : undefined;
  const name =
    f !== undefined
      ? (cachePoints(path(tx, "strRef", "strCache"))[0] ?? "")
      : (child(tx, "v")?.text ?? "");
  const values = readValues(child(ser, type === "bubble" ? "yVal" : "val"));
  const spPr = child(ser, "spPr");
  const out: ChartSeries = {
    name,
    valuesRef: values.ref,
    values: values.values,
    type,
    color: (isColumn ? fillColor(spPr) : fillColor(child(spPr, "ln"))) ?? "",
  };
  if (nameRef !== undefined) out.nameRef = nameRef;
  if (type === "bubble") {
    const x = readValues(child(ser, "xVal"));
    const size = readValues(child(ser, "bubbleSize"));
    out.xValuesRef = x.ref;
    out.xValues = x.values;
    out.sizesRef = size.ref;
    out.sizes = size.values;
  }
  const labels: ChartLabel[] = children(child(ser, "dLbls"), "dLbl").flatMap((d) => {
    const text = richText(d);
    return text === undefined ? [] : [{ index: Number(valOf(d, "idx")), text }];
  });
  if (labels.length > 0) out.labels = labels.sort((a, b) => a.index - b.index);
  if (isColumn) {
    const points: ChartPoint[] = children(ser, "dPt").map((d) => ({
      index: Number(valOf(d, "idx")),
      color: fillColor(child(d, "spPr")) ?? "",
    }));
    if (points.length > 0) out.points = points.sort((a, b) => a.index - b.index);
  } else {
    const points: ChartPoint[] = children(ser, "dPt").map((d) => ({
      index: Number(valOf(d, "idx")),
      color: fillColor(child(child(d, "marker"), "spPr")) ?? "",
    }));
    if (points.length > 0) out.points = points.sort((a, b) => a.index - b.index);
    const dash = valOf(child(spPr, "ln"), "prstDash");
    out.dash = dash === undefined || dash === "solid" ? "solid" : "dash";
    out.marker = valOf(child(ser, "marker"), "symbol") !== "none";
    // A line with no fill draws markers alone; the series' colour is then its markers'.
    if (child(child(spPr, "ln"), "noFill")) {
      out.line = false;
      out.color = fillColor(child(child(ser, "marker"), "spPr")) ?? "";
    }
  }
  return out;
}

/** The srgbClr of an element's solidFill, upper-case. */
function fillColor(e: XmlElement | undefined): string | undefined {
  return path(e, "solidFill", "srgbClr")?.attrs.val?.toUpperCase();
}

/** A cache's points as a dense array; missing points are undefined. */
function cachePoints(cache: XmlElement | undefined): (string | undefined)[] {
  const count = Number(valOf(cache, "ptCount") ?? 0);
  const out: (string | undefined)[] = new Array<string | undefined>(count).fill(undefined);
  for (const pt of children(cache, "pt")) {
    const idx = Number(pt.attrs.idx);
    if (Number.isInteger(idx) && idx >= 0) out[idx] = child(pt, "v")?.text ?? "";
  }
  return out;
}

function readCategories(cat: XmlElement | undefined): { ref: string; labels: string[] } {
  const ref = child(cat, "strRef") ?? child(cat, "numRef");
  const cache = child(ref, "strCache") ?? child(ref, "numCache");
  return { ref: child(ref, "f")?.text ?? "", labels: cachePoints(cache).map((v) => v ?? "") };
}

function readValues(val: XmlElement | undefined): { ref: string; values: (number | null)[] } {
  const ref = child(val, "numRef");
  const values = cachePoints(child(ref, "numCache")).map((v) =>
    v === undefined ? null : Number(v)
  );
  return { ref: child(ref, "f")?.text ?? "", values };
}
