/** The shapes callers hand to addCharts and get back from readCharts. */

/** A per-point colour override, e.g. the partnership's own bar among its peers. */
export interface ChartPoint {
  /** Zero-based index into the categories. */
  index: number;
  /** Colour hex "RRGGBB" (a leading "#" is accepted and dropped). */
  color: string;
}

export interface ChartSeries {
  /** Legend text. */
  name: string;
  /** Optional absolute ref to the cell holding the name, e.g. "'Priority 1'!$C$40". */
  nameRef?: string;
  /** Absolute sheet-qualified ref, e.g. "'Priority 1'!$C$41:$C$52". */
  valuesRef: string;
  /** Cached values, same length as the categories; null is a gap (a missing month). */
  values: (number | null)[];
  /** column: vertical bars; bar: horizontal bars; bubble: x (xValues), y (values) and size. */
  type: "line" | "column" | "bar" | "bubble";
  /** Colour hex "RRGGBB". */
  color: string;
  /**
   * Per-point colour overrides: a column's fill, or on a line series the point's marker (a c:dPt
   * with its own marker fill), e.g. special-cause months on an XmR chart. Line series need markers.
   */
  points?: ChartPoint[];
  /** Line style; line series only. Default "solid". */
  dash?: "solid" | "dash";
  /** Markers on the points; line series only. Default true, so a point between two gaps still shows. */
  marker?: boolean;
  /**
   * The line between points; line series only. false: markers alone (a:ln with noFill), e.g. the
   * special-cause months of an XmR chart as a series of their own. Default true.
   */
  line?: boolean;
  /** Bubble series: the x values and the bubble sizes, each as long as `values`, and their refs. */
  xValuesRef?: string;
  xValues?: (number | null)[];
  sizesRef?: string;
  sizes?: (number | null)[];
  /** Labels on single points (the others have none). */
  labels?: ChartLabel[];
}

/**
 * A point's data label, shown beside it as plain text (c:dLbl/c:tx/c:rich). Not a link to a cell
 * (c:strRef), which Excel shows but LibreOffice ignores (it draws the value instead).
 */
export interface ChartLabel {
  /** Zero-based index into the series' points. */
  index: number;
  text: string;
}

/**
 * A map drawn as a bubble chart: the chart has exactly this size (a one-cell anchor), its inner
 * plot area this place, and its two value axes these bounds, so a kilometre can be drawn the same
 * length across and up.
 */
export interface ChartMap {
  /** The chart's size in points. */
  width: number;
  height: number;
  /** The inner plot area (inside the axes) as fractions of the chart. */
  plot: { x: number; y: number; w: number; h: number };
  x: { min: number; max: number; title: string };
  y: { min: number; max: number; title: string };
  /** Percentage of Excel's default bubble size, 0 to 300. */
  bubbleScale: number;
}

export interface CellPosition {
  /** Zero-based column. */
  col: number;
  /** Zero-based row. */
  row: number;
}

export interface ChartSpec {
  /** Worksheet that shows the chart; it must exist in the workbook. */
  sheetName: string;
  /** Zero-based top-left cell of the frame. */
  from: CellPosition;
  /** Zero-based bottom-right cell of the frame (the frame ends at this cell's top-left corner). */
  to: CellPosition;
  title: string;
  /** Absolute ref of the category labels, e.g. "'Priority 1'!$B$41:$B$52". */
  categoriesRef: string;
  /** Cached category labels. */
  categories: string[];
  /** One or more series; a mix of "column" and "line" makes a combo chart on shared axes. */
  series: ChartSeries[];
  valueAxisTitle?: string;
  /** Excel number format of the value axis, e.g. "0", "0.0", "0%". Absent: linked to the source cells. */
  valueNumberFormat?: string;
  /** The value axis's fixed minimum (c:scaling/c:min). Absent: automatic. */
  valueAxisMin?: number;
  /** Default "bottom". */
  legend?: "bottom" | "right" | "none";
  /** A map: every series is "bubble"; `to` is ignored (the size is map.width and map.height). */
  map?: ChartMap;
}

/**
 * A chart as read back from a file. It has the ChartSpec shape with defaults filled in
 * (see normalizeChartSpec), so `readCharts(out)` can be compared with `specs.map(normalizeChartSpec)`,
 * plus the part it came from.
 */
export interface ReadChart extends ChartSpec {
  /** The chart part inside the package, e.g. "xl/charts/chart1.xml". */
  part: string;
}
