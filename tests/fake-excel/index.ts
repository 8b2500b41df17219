/** An in-memory Excel for the Office.js host's tests, in Jest and in a browser page. */
export { FakeExcel, DEFAULT_LIMIT_BYTES } from "./fake";
export type {
  FakeExcelOptions,
  FakeRunOptions,
  FakeExcelNamespace,
  FormulaWrite,
  Batch,
} from "./fake";
export type { OperationInfo } from "./context";
export { FakeRichApiError } from "./errors";
export type { SeedSheet, SeedWorkbook, SeedValue, SeedColumn, SeedName } from "./seed";
export { SheetView } from "./inspect";
export type { CellView, ChartView, SeriesView, NameView, TableView } from "./inspect";
export type { CellStyle } from "./model";
export type { CellValue } from "./coerce";
export { ENUM_VALUES, enumKey } from "./enums";
