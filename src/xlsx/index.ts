/** The file host: .xlsx in (snapshot), plan out (.xlsx with the report), for the command line. */
export { readWorkbook, WorkbookReadError } from "./read";
export type { LoadedWorkbook } from "./read";
export { LIMITS } from "./limits";
export { renderPlan, chartSpec } from "./write-plan";
export { reportOnlyWorkbook } from "./report-only";
export { writeDataWorkbook } from "./write-data";
export { readCharts } from "./charts";
export { writeImportEdits } from "./import-write";
export { appendDataSheets } from "./append-tables";
