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
  type: "line" | "column";
  color: string;
  /** Per-point colours: a column's fill, or a line point's marker (special-cause months). */
  points?: { index: number; color: string }[];
  dash?: "solid" | "dash";
  marker?: boolean;
}

export interface PlanChart {
  /** trend: one line per year; position: MSG bars; spc: an XmR chart (values, mean, limits). */
  kind: "trend" | "position" | "spc";
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
}

export interface PlanSheet {
  name: string;
  role: "summary" | "priority" | "domestic";
  cells: PlanCell[];
  merges: { from: { row: number; col: number }; to: { row: number; col: number } }[];
  columnWidths: { col: number; width: number }[];
  rowHeights: { row: number; height: number }[];
  charts: PlanChart[];
  tabColor?: string;
  /** Cells whose text was cut to Excel's 32,767 characters (ending "…"): hosts warn. Absent when none. */
  truncated?: { cell: string; length: number }[];
  /** Printing: one page wide, in this orientation, up to this column (chart data beyond it stays on screen). */
  page: { orientation: "portrait" | "landscape"; lastCol: number };
}

export interface ReportPlan {
  sheets: PlanSheet[];
}

/** Workbook-scoped name carried by each generated sheet (sheet-local, hidden): how reruns find them. */
export const REPORT_MARKER = "CDRP_REPORT_SHEET";
