/**
 * The drawing part (xl/drawings/drawingN.xml): one xdr:twoCellAnchor holding a graphicFrame per
 * chart, each pointing at its chart part through the drawing's relationships.
 */
import { NS_A, NS_C, NS_R } from "./chart-xml";
import { descendants, esc, parseXml } from "./xml";
import type { CellPosition } from "./types";

export const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

export interface AnchorInput {
  from: CellPosition;
  to: CellPosition;
  /** Drawing-wide unique shape id (xdr:cNvPr id). */
  shapeId: number;
  title: string;
  /** Relationship id of the chart in the drawing's rels. */
  relId: string;
  /** A fixed size in points: a one-cell anchor (from + ext) instead of from + to. */
  size?: { width: number; height: number };
}

/** EMUs in a point (ECMA-376 Part 1, 20.1.2.1: 12,700 per point). */
export const EMU_PER_POINT = 12700;

const cell = (tag: "from" | "to", p: CellPosition): string =>
  `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;

/**
 * One anchor. With `declareNs` the xdr and a prefixes are declared on the anchor itself, so it can be
 * appended to a drawing written by someone else whatever prefixes that drawing's root declares.
 * The chart title goes into descr, the alternative text screen readers announce.
 */
export function anchorXml(a: AnchorInput, declareNs: boolean): string {
  const ns = declareNs ? ` xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}"` : "";
  const anchor = a.size ? "oneCellAnchor" : "twoCellAnchor";
  const second = a.size
    ? `<xdr:ext cx="${Math.round(a.size.width * EMU_PER_POINT)}" cy="${Math.round(a.size.height * EMU_PER_POINT)}"/>`
    : cell("to", a.to);
  return (
    `<xdr:${anchor}${ns}>${cell("from", a.from)}${second}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${a.shapeId}" name="Chart ${a.shapeId}" descr="${esc(a.title)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${a.relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:${anchor}>`
  );
}

/** A new drawing part holding the given anchors, as pieces (thousands of charts make megabytes). */
export function* drawingXmlPieces(anchors: readonly string[]): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
  yield `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">`;
  yield* anchors;
  yield `</xdr:wsDr>`;
}

/** A new drawing part holding the given anchors. */
export function drawingXml(anchors: readonly string[]): string {
  return [...drawingXmlPieces(anchors)].join("");
}

/** The highest shape id in a drawing, so merged charts get ids no picture already has. */
export function maxShapeId(drawing: string): number {
  let max = 0;
  for (const e of descendants(parseXml(drawing), "cNvPr")) {
    const id = Number(e.attrs.id);
    if (Number.isInteger(id) && id > max) max = id;
  }
  return max;
}
