/**
 * Priority areas (spec/areas.md): where in the partnership crime is rising. Each area's current
 * and comparator counts, Wheeler's z (metrics.md), the Rising flag, the ranking by volume, and the
 * frame of the map (LSOA centres drawn as a bubble chart with a kilometre the same length both ways).
 */
import { change } from "./change";
import { MonthKey, MonthWindow, windowLength, windowMonths } from "./periods";
import { Z_CRITICAL, poissonZ } from "./significance";

/** The flag "Top 10 by volume": this many areas with the most crime in the current window. */
export const TOP_BY_VOLUME = 10;
/** The bar chart shows this many areas, most crime first. */
export const TOP_CHART_AREAS = 20;

export interface AreaChange {
  current: number | null;
  comparator: number | null;
  /** (current - comparator) / comparator; null with no comparator or a comparator of 0. */
  change: number | null;
  z: number | null;
  /** z >= 1.96 and current > comparator: a rise beyond what chance would explain. */
  rising: boolean;
}

/** An area's change between two windows (null: a window it has no data for). */
export function areaChange(current: number | null, comparator: number | null): AreaChange {
  if (current === null || comparator === null)
    return { current, comparator, change: null, z: null, rising: false };
  const z = poissonZ(current, comparator);
  return {
    current,
    comparator,
    change: comparator === 0 ? null : change(current, comparator),
    z,
    rising: z >= Z_CRITICAL && current > comparator,
  };
}

export type AreaComparatorKind = "year earlier" | "window before";

/**
 * The areas' comparator (spec/areas.md): the same months a year earlier when the data has every
 * one of them, else the window of the same length just before the current one; null when the
 * data has neither whole.
 */
export function areaComparator(
  current: MonthWindow,
  has: (month: MonthKey) => boolean
): { window: MonthWindow; kind: AreaComparatorKind } | null {
  const yearEarlier = { start: current.start - 12, end: current.end - 12 };
  if (windowMonths(yearEarlier).every(has)) return { window: yearEarlier, kind: "year earlier" };
  const n = windowLength(current);
  const before = { start: current.start - n, end: current.start - 1 };
  if (windowMonths(before).every(has)) return { window: before, kind: "window before" };
  return null;
}

/** Most crime first (no count last), then by area code: the sheet's order. */
export function rankAreas<T extends { code: string; current: number | null }>(
  areas: readonly T[]
): T[] {
  return [...areas].sort((a, b) => {
    const x = a.current ?? -1;
    const y = b.current ?? -1;
    if (x !== y) return y - x;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
}

/** Kilometres in a degree of latitude (a sphere of the Earth's mean radius, 6,371 km). */
export const KM_PER_DEGREE = (Math.PI * 6371) / 180;

export interface MapFrame {
  /** Longitude (x) and latitude (y) bounds of the plot area. */
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  /** cos(mean latitude): a degree of longitude is this many degrees of latitude long. */
  xScale: number;
  /** The same on both axes: kilometres per point of the plot area. */
  kmPerPoint: number;
}

/**
 * Axis bounds that draw the points as a map: a kilometre is the same length across and up a plot
 * area of `plot` points (x scaled by the cosine of the points' mean latitude), every point at
 * least `margin` of the span from an edge (room for its bubble), the points centred. A span under
 * `minKm` (one area) is widened to it.
 */
export function mapFrame(
  points: readonly { x: number; y: number }[],
  plot: { width: number; height: number },
  margin = 0.08,
  minKm = 1
): MapFrame | null {
  if (points.length === 0 || !(plot.width > 0) || !(plot.height > 0)) return null;
  let xLo = Infinity;
  let xHi = -Infinity;
  let yLo = Infinity;
  let yHi = -Infinity;
  let ySum = 0;
  for (const p of points) {
    xLo = Math.min(xLo, p.x);
    xHi = Math.max(xHi, p.x);
    yLo = Math.min(yLo, p.y);
    yHi = Math.max(yHi, p.y);
    ySum += p.y;
  }
  const xScale = Math.cos(((ySum / points.length) * Math.PI) / 180);
  const kmX = KM_PER_DEGREE * xScale;
  const widthKm = Math.max((xHi - xLo) * kmX, minKm) / (1 - 2 * margin);
  const heightKm = Math.max((yHi - yLo) * KM_PER_DEGREE, minKm) / (1 - 2 * margin);
  const kmPerPoint = Math.max(widthKm / plot.width, heightKm / plot.height);
  const halfX = (kmPerPoint * plot.width) / kmX / 2;
  const halfY = (kmPerPoint * plot.height) / KM_PER_DEGREE / 2;
  const cx = (xLo + xHi) / 2;
  const cy = (yLo + yHi) / 2;
  return {
    xMin: cx - halfX,
    xMax: cx + halfX,
    yMin: cy - halfY,
    yMax: cy + halfY,
    xScale,
    kmPerPoint,
  };
}
