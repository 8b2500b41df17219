/**
 * Writes one chart part (xl/charts/chartN.xml, a c:chartSpace) from a normalised, validated spec.
 *
 * Element order follows the CT_* sequences of the DrawingML chart schema (ECMA-376 Part 1, 21.2);
 * Excel refuses a part whose children are out of order. Values that have a schema default are
 * still written when Excel and LibreOffice disagree on the default (varyColors, roundedCorners,
 * delete, smooth), so both draw the same picture.
 */
import { mapPlotArea } from "./map-xml";
import { esc, escText } from "./xml";
import type { ChartSeries, ChartSpec } from "./types";

export const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
export const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
export const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// Fixed ids: a combo chart's bar and line groups point at the same pair, which is what puts them
// on the same axes. Fixed values also keep the output byte-identical from run to run.
const CAT_AX_ID = 500000001;
const VAL_AX_ID = 500000002;

const LEGEND_POS = { bottom: "b", right: "r" } as const;

export const val = (tag: string, value: string | number): string =>
  `<c:${tag} val="${esc(String(value))}"/>`;
export const solidFill = (color: string): string =>
  `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;

/** Rich text for titles: one paragraph, one run. rot -5400000 turns the value-axis title upright. */
export function richText(text: string, size: number, rot?: number): string {
  const bodyPr = rot === undefined ? "<a:bodyPr/>" : `<a:bodyPr rot="${rot}" vert="horz"/>`;
  return (
    `<c:tx><c:rich>${bodyPr}<a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-GB" sz="${size}" b="1"/><a:t>${escText(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

export function strRef(ref: string, labels: string[]): string {
  const pts = labels
    .map((label, i) => `<c:pt idx="${i}"><c:v>${escText(label)}</c:v></c:pt>`)
    .join("");
  return `<c:strRef><c:f>${escText(ref)}</c:f><c:strCache><c:ptCount val="${labels.length}"/>${pts}</c:strCache></c:strRef>`;
}

/** Missing points (null) are left out of the cache: with dispBlanksAs="gap" that is a gap in the line. */
export function numRef(ref: string, values: (number | null)[]): string {
  const pts = values
    .map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${String(v)}</c:v></c:pt>`))
    .join("");
  return (
    `<c:numRef><c:f>${escText(ref)}</c:f><c:numCache><c:formatCode>General</c:formatCode>` +
    `<c:ptCount val="${values.length}"/>${pts}</c:numCache></c:numRef>`
  );
}

/** c:idx and c:order are the series' place in the spec, so reading back restores the caller's order. */
export function seriesHead(s: ChartSeries, index: number): string {
  const tx = s.nameRef
    ? `<c:tx>${strRef(s.nameRef, [s.name])}</c:tx>`
    : `<c:tx><c:v>${escText(s.name)}</c:v></c:tx>`;
  return `${val("idx", index)}${val("order", index)}${tx}`;
}

function barSeries(s: ChartSeries, index: number, spec: ChartSpec): string {
  const dPts = (s.points ?? [])
    .map(
      (p) =>
        `<c:dPt>${val("idx", p.index)}${val("invertIfNegative", 0)}${val("bubble3D", 0)}` +
        `<c:spPr>${solidFill(p.color)}</c:spPr></c:dPt>`
    )
    .join("");
  return (
    `<c:ser>${seriesHead(s, index)}<c:spPr>${solidFill(s.color)}</c:spPr>${val("invertIfNegative", 0)}${dPts}` +
    `<c:cat>${strRef(spec.categoriesRef, spec.categories)}</c:cat><c:val>${numRef(s.valuesRef, s.values)}</c:val></c:ser>`
  );
}

/** A circle marker filled and outlined in one colour. */
const circle = (color: string, size: number): string =>
  `<c:marker>${val("symbol", "circle")}${val("size", size)}` +
  `<c:spPr>${solidFill(color)}<a:ln w="9525">${solidFill(color)}</a:ln></c:spPr></c:marker>`;

function lineSeries(s: ChartSeries, index: number, spec: ChartSpec): string {
  const dash = s.dash === "dash" ? `<a:prstDash val="dash"/>` : `<a:prstDash val="solid"/>`;
  // A series without a line (markers alone) has a line with no fill; its markers are larger, so
  // they stand out over the points of the series they mark.
  const line =
    s.line === false
      ? `<c:spPr><a:ln w="28575"><a:noFill/></a:ln></c:spPr>`
      : `<c:spPr><a:ln w="28575" cap="rnd">${solidFill(s.color)}${dash}<a:round/></a:ln></c:spPr>`;
  const marker =
    s.marker === false
      ? `<c:marker>${val("symbol", "none")}</c:marker>`
      : circle(s.color, s.line === false ? 7 : 5);
  // CT_DPt: idx, marker, bubble3D. A larger marker in the point's colour; the line keeps the series'.
  const dPts = (s.points ?? [])
    .map((p) => `<c:dPt>${val("idx", p.index)}${circle(p.color, 7)}${val("bubble3D", 0)}</c:dPt>`)
    .join("");
  return (
    `<c:ser>${seriesHead(s, index)}${line}${marker}${dPts}` +
    `<c:cat>${strRef(spec.categoriesRef, spec.categories)}</c:cat><c:val>${numRef(s.valuesRef, s.values)}</c:val>` +
    `${val("smooth", 0)}</c:ser>`
  );
}

const axIds = `${val("axId", CAT_AX_ID)}${val("axId", VAL_AX_ID)}`;
export const gridLine = `<c:spPr><a:ln w="9525">${solidFill("D9D9D9")}</a:ln></c:spPr>`;
export const axisLine = `<c:spPr><a:ln w="9525">${solidFill("8C8C8C")}</a:ln></c:spPr>`;
export const axisText = `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>`;

/** Horizontal bars put the categories on the left and the values along the bottom. */
function axes(spec: ChartSpec, horizontal: boolean): string {
  const catAx =
    `<c:catAx>${val("axId", CAT_AX_ID)}<c:scaling>${val("orientation", "minMax")}</c:scaling>${val("delete", 0)}` +
    `${val("axPos", horizontal ? "l" : "b")}<c:numFmt formatCode="General" sourceLinked="1"/>${val("majorTickMark", "out")}` +
    `${val("minorTickMark", "none")}${val("tickLblPos", "low")}${axisLine}${axisText}${val("crossAx", VAL_AX_ID)}` +
    `${val("crosses", "autoZero")}${val("auto", 1)}${val("lblAlgn", "ctr")}${val("lblOffset", 100)}` +
    `${val("noMultiLvlLbl", 0)}</c:catAx>`;
  const title = spec.valueAxisTitle
    ? `<c:title>${richText(spec.valueAxisTitle, 900, horizontal ? undefined : -5400000)}${val("overlay", 0)}</c:title>`
    : "";
  const numFmt = spec.valueNumberFormat
    ? `<c:numFmt formatCode="${esc(spec.valueNumberFormat)}" sourceLinked="0"/>`
    : `<c:numFmt formatCode="General" sourceLinked="1"/>`;
  // crossBetween="between" centres line points over the bars of a combo chart.
  // CT_Scaling: orientation, then max, then min.
  const min = spec.valueAxisMin === undefined ? "" : val("min", spec.valueAxisMin);
  const valAx =
    `<c:valAx>${val("axId", VAL_AX_ID)}<c:scaling>${val("orientation", "minMax")}${min}</c:scaling>${val("delete", 0)}` +
    `${val("axPos", horizontal ? "b" : "l")}<c:majorGridlines>${gridLine}</c:majorGridlines>${title}${numFmt}` +
    `${val("majorTickMark", "out")}${val("minorTickMark", "none")}${val("tickLblPos", "nextTo")}${axisLine}${axisText}` +
    `${val("crossAx", CAT_AX_ID)}${val("crosses", "autoZero")}${val("crossBetween", "between")}</c:valAx>`;
  return catAx + valAx;
}

/** The whole chart part for a normalised spec. */
export function chartXml(spec: ChartSpec): string {
  if (spec.map) return chartSpaceXml(spec, mapPlotArea(spec, spec.map));
  // A chart's bars are vertical (column) or horizontal (bar), never both: the first bar series says.
  const horizontal = spec.series.some((s) => s.type === "bar");
  const bars = spec.series
    .map((s, i) => (s.type === "column" || s.type === "bar" ? barSeries(s, i, spec) : ""))
    .join("");
  const lines = spec.series
    .map((s, i) => (s.type === "line" ? lineSeries(s, i, spec) : ""))
    .join("");
  // Bars first so the line group is drawn on top of them.
  const barChart = bars
    ? `<c:barChart>${val("barDir", horizontal ? "bar" : "col")}${val("grouping", "clustered")}${val("varyColors", 0)}${bars}` +
      `${val("gapWidth", 80)}${axIds}</c:barChart>`
    : "";
  const lineChart = lines
    ? `<c:lineChart>${val("grouping", "standard")}${val("varyColors", 0)}${lines}${val("marker", 1)}${axIds}</c:lineChart>`
    : "";
  return chartSpaceXml(
    spec,
    `<c:plotArea><c:layout/>${barChart}${lineChart}${axes(spec, horizontal)}</c:plotArea>`
  );
}

/** The chart space around a plot area: title, legend, and the chart's own white box. */
function chartSpaceXml(spec: ChartSpec, plotArea: string): string {
  const title = spec.title
    ? `<c:title>${richText(spec.title, 1200)}${val("overlay", 0)}</c:title>${val("autoTitleDeleted", 0)}`
    : val("autoTitleDeleted", 1);
  const legend =
    spec.legend === "none"
      ? ""
      : `<c:legend>${val("legendPos", LEGEND_POS[spec.legend === "right" ? "right" : "bottom"])}${val("overlay", 0)}</c:legend>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `${val("date1904", 0)}${val("lang", "en-GB")}${val("roundedCorners", 0)}` +
    `<c:chart>${title}${plotArea}` +
    `${legend}${val("plotVisOnly", 1)}${val("dispBlanksAs", "gap")}</c:chart>` +
    `<c:spPr>${solidFill("FFFFFF")}<a:ln w="9525">${solidFill("D9D9D9")}</a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}
