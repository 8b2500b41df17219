/**
 * The report plan: a declarative description of the report sheets that any host can render
 * (the .xlsx writer, Office.js). Strings are always text, never formulas; numbers carry their format.
 */
export interface PlanStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string; // font colour "RRGGBB"
  fill?: string; // background "RRGGBB"
  wrap?: boolean;
  align?: "left" | "center" | "right";
  valign?: "top" | "middle";
  border?: "bottom" | "box";
}

export interface PlanCell {
  row: number; // zero-based
  col: number;
  value: string | number | null;
  numFmt?: string;
  style?: PlanStyle;
}

export interface PlanSeries {
  name: string;
  /** Sheet-local range of the values, e.g. "L5:L16". */
  values: string;
  /** bar: horizontal bars; bubble: x, y (values) and size, on a map chart. */
  type: "line" | "column" | "bar" | "bubble";
  color: string;
  /** Per-point colours: a column's fill (the partnership's own bar among its peers). */
  points?: { index: number; color: string }[];
  dash?: "solid" | "dash";
  marker?: boolean;
  /**
   * false: markers only, no line (a line series): the special-cause months of an XmR chart, a series
   * whose values are blank except at those months. Default true.
   */
  line?: boolean;
  /** Bubble series: the x values (longitude) and the bubble sizes, sheet-local ranges. */
  xValues?: string;
  sizes?: string;
  /** Each point's label is the text of its cell in this range (a blank cell: no label). */
  labels?: string;
}

/**
 * A map: a bubble chart whose axes and plot area are fixed so that a kilometre is the same length
 * across and up (spec/areas.md). Hosts give the chart exactly this size and its plot area this
 * place, and the axes these bounds.
 */
export interface PlanMap {
  /** The chart's size in points. */
  width: number;
  height: number;
  /** The inner plot area as fractions of the chart (left, top, width, height). */
  plot: { x: number; y: number; w: number; h: number };
  x: { min: number; max: number; title: string };
  y: { min: number; max: number; title: string };
  /** Bubble size as a percentage of Excel's default (0-300). */
  bubbleScale: number;
}

export interface PlanChart {
  /**
   * trend: one line per year; position: MSG bars; spc: an XmR chart (values, mean, limits);
   * areas: horizontal bars by area; map: a bubble chart of areas (`map` says how it is drawn).
   */
  kind: "trend" | "position" | "spc" | "areas" | "map";
  title: string;
  from: { row: number; col: number };
  to: { row: number; col: number };
  /** Sheet-local range of the category labels. */
  categories: string;
  series: PlanSeries[];
  valueAxisTitle?: string;
  valueNumberFormat?: string;
  /** The value axis starts here instead of Excel's automatic minimum (clips a negative lower limit). */
  valueAxisMin?: number;
  legend: "bottom" | "right" | "none";
  /** Only on a map chart. */
  map?: PlanMap;
}

export interface PlanSheet {
  name: string;
  role: "summary" | "priority" | "domestic" | "areas";
  cells: PlanCell[];
  merges: { from: { row: number; col: number }; to: { row: number; col: number } }[];
  columnWidths: { col: number; width: number }[];
  rowHeights: { row: number; height: number }[];
  charts: PlanChart[];
  tabColor?: string;
  /** Cells whose text was cut to Excel's 32,767 characters (ending "…"): hosts warn. Absent when none. */
  truncated?: { cell: string; length: number }[];
  /** Printing: the page setup, breaks and running heads (plan-page.ts computes them). */
  page: PlanPage;
}

/** Three parts of a header or footer line, each already in Excel's header codes (&P, &N; && for &). */
export interface HeaderFooterText {
  left: string;
  center: string;
  right: string;
}

/** A run of rows printed together on one page: a figure (caption, chart, sentence), a table, a text. */
export interface PageBlock {
  first: number;
  last: number;
  kind: "figure" | "table" | "text";
}

/**
 * How a sheet prints: A4, one page wide (automatic height), A1 to lastCol:lastRow, every row of the
 * print area at an explicit height (rows without one in rowHeights are defaultRowHeight), a manual
 * break before every page, rows repeated at the top of each page where a table runs over a page.
 */
export interface PlanPage {
  orientation: "portrait" | "landscape";
  paper: "A4";
  /** The last printed column and row (zero-based); chart data beyond lastCol stays on screen. */
  lastCol: number;
  lastRow: number;
  /** Inches, as Excel's Page Setup shows them. */
  margins: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
  /** Pages wide (1); pages tall are automatic, so the manual breaks decide them. */
  fitToWidth: 1;
  /** The print scale the breaks were computed for (fit to width; renderers shrink at least this much). */
  zoom: number;
  /** Height of every print-area row the plan gives no height (points). */
  defaultRowHeight: number;
  /** Rows that start a new page (zero-based, ascending); the first page starts at row 0. */
  rowBreaks: number[];
  /** Rows repeated at the top of every page (Excel's print titles), where a table runs over a page. */
  printTitleRows: { first: number; last: number } | null;
  header: HeaderFooterText;
  footer: HeaderFooterText;
  /** Rows that must print on one page (figures, tables): the breaks were placed around them. */
  blocks: PageBlock[];
}

export interface ReportPlan {
  sheets: PlanSheet[];
}

/** Workbook-scoped name carried by each generated sheet (sheet-local, hidden): how reruns find them. */
export const REPORT_MARKER = "CDRP_REPORT_SHEET";
