/**
 * Native Excel charts (DrawingML chart parts) for .xlsx files written by exceljs, which cannot write
 * charts itself. addCharts adds them to a finished file; readCharts reads them back.
 *
 * A sheet that already has a drawing (exceljs writes one for images) keeps it: the charts are
 * appended to that drawing. Output is deterministic: the same input gives the same bytes.
 */
export { addCharts, addChartsToNewSheet, addChartsToPackage } from "./add";
export type { Override } from "./add";
export { readCharts } from "./read";
export { normalizeChartSpec } from "./validate";
export { columnLetters, quoteSheetName, sheetRange } from "./refs";
export type {
  CellPosition,
  ChartLabel,
  ChartMap,
  ChartPoint,
  ChartSeries,
  ChartSpec,
  ReadChart,
} from "./types";
