/**
 * A map as a bubble chart (ECMA-376 Part 1, 21.2.2.20 bubbleChart): x = longitude, y = latitude,
 * bubble size a count. What makes it a map is fixed: the inner plot area's place (c:manualLayout,
 * layoutTarget inner, as fractions of the chart) and both axes' bounds, chosen by the plan so a
 * kilometre is the same length across and up. Element order follows the schema's sequences
 * (CT_BubbleChart, CT_BubbleSer, CT_DLbl(s), CT_ValAx, CT_Scaling, CT_ManualLayout).
 */
import {
  axisLine,
  axisText,
  gridLine,
  numRef,
  richText,
  seriesHead,
  solidFill,
  val,
} from "./chart-xml";
import { esc, escText } from "./xml";
import type { ChartMap, ChartSeries, ChartSpec } from "./types";

const X_AX_ID = 500000011;
const Y_AX_ID = 500000012;

/** Bubbles see-through (60%) so those that overlap both show, outlined in their own colour. */
const bubbleFill = (color: string): string =>
  `<a:solidFill><a:srgbClr val="${color}"><a:alpha val="60000"/></a:srgbClr></a:solidFill>` +
  `<a:ln w="9525">${solidFill(color)}</a:ln>`;

const shows = (value: 0 | 1) =>
  `${val("showLegendKey", 0)}${val("showVal", value)}${val("showCatName", 0)}` +
  `${val("showSerName", 0)}${val("showPercent", 0)}${val("showBubbleSize", 0)}`;

/**
 * Labels on the points that have one, to the right of the bubble, as plain rich text: a label
 * linked to its cell (c:tx/c:strRef) is drawn by Excel but not by LibreOffice, which shows the
 * value instead. The others have no label.
 */
function dataLabels(s: ChartSeries): string {
  const labels = [...(s.labels ?? [])].sort((a, b) => a.index - b.index);
  if (labels.length === 0) return "";
  const each = labels
    .map(
      (l) =>
        `<c:dLbl>${val("idx", l.index)}<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="700"/></a:pPr>` +
        `<a:r><a:rPr lang="en-GB" sz="700"/><a:t>${escText(l.text)}</a:t></a:r></a:p></c:rich></c:tx>` +
        `${val("dLblPos", "r")}${shows(1)}</c:dLbl>`
    )
    .join("");
  return `<c:dLbls>${each}${shows(0)}</c:dLbls>`;
}

function bubbleSeries(s: ChartSeries, index: number): string {
  return (
    `<c:ser>${seriesHead(s, index)}<c:spPr>${bubbleFill(s.color)}</c:spPr>${val("invertIfNegative", 0)}` +
    `${dataLabels(s)}` +
    `<c:xVal>${numRef(s.xValuesRef ?? "", s.xValues ?? [])}</c:xVal>` +
    `<c:yVal>${numRef(s.valuesRef, s.values)}</c:yVal>` +
    `<c:bubbleSize>${numRef(s.sizesRef ?? "", s.sizes ?? [])}</c:bubbleSize>` +
    `${val("bubble3D", 0)}</c:ser>`
  );
}

/** Excel writes a number in a file as its shortest round-trip form; so do we. */
const num = (x: number): string => String(x);

/**
 * One value axis of the map. Crossing at the other axis's minimum keeps both axes on the plot's
 * edges (crossing at zero would draw the latitude axis down the Greenwich meridian).
 */
function mapAxis(
  id: number,
  cross: number,
  pos: "b" | "l",
  bounds: { min: number; max: number; title: string }
): string {
  const title = `<c:title>${richText(bounds.title, 900, pos === "l" ? -5400000 : undefined)}${val("overlay", 0)}</c:title>`;
  return (
    `<c:valAx>${val("axId", id)}<c:scaling>${val("orientation", "minMax")}${val("max", num(bounds.max))}` +
    `${val("min", num(bounds.min))}</c:scaling>${val("delete", 0)}${val("axPos", pos)}` +
    `<c:majorGridlines>${gridLine}</c:majorGridlines>${title}` +
    `<c:numFmt formatCode="${esc("0.00")}" sourceLinked="0"/>${val("majorTickMark", "out")}` +
    `${val("minorTickMark", "none")}${val("tickLblPos", "low")}${axisLine}${axisText}` +
    `${val("crossAx", cross)}${val("crosses", "min")}${val("crossBetween", "midCat")}</c:valAx>`
  );
}

/** The plot area of a map chart: its fixed inner layout, the bubble group and the two axes. */
export function mapPlotArea(spec: ChartSpec, map: ChartMap): string {
  const p = map.plot;
  const layout =
    `<c:layout><c:manualLayout>${val("layoutTarget", "inner")}${val("xMode", "edge")}${val("yMode", "edge")}` +
    `${val("x", num(p.x))}${val("y", num(p.y))}${val("w", num(p.w))}${val("h", num(p.h))}</c:manualLayout></c:layout>`;
  const series = spec.series.map((s, i) => bubbleSeries(s, i)).join("");
  const group =
    `<c:bubbleChart>${val("varyColors", 0)}${series}${val("bubble3D", 0)}` +
    `${val("bubbleScale", map.bubbleScale)}${val("showNegBubbles", 0)}${val("sizeRepresents", "area")}` +
    `${val("axId", X_AX_ID)}${val("axId", Y_AX_ID)}</c:bubbleChart>`;
  return (
    `<c:plotArea>${layout}${group}` +
    `${mapAxis(X_AX_ID, Y_AX_ID, "b", map.x)}${mapAxis(Y_AX_ID, X_AX_ID, "l", map.y)}</c:plotArea>`
  );
}
