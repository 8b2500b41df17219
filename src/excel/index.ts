/** The Office.js host: reads the snapshot and writes the plan; computes nothing itself. */
export { readWorkbook } from "./read";
export { toCells, READ_CELLS_PER_SYNC } from "./ranges";
export type { WorkbookInfo } from "./read";
export { checkWorkbook, generateReport } from "./generate";
export type { CheckResult, GenerateResult, GenerateOptions } from "./generate";
export { insertDataSheets, goToCell } from "./data";
export { describeError, HostError, HANDLED_CODES } from "./errors";
export type { HostProblem } from "./errors";
export { MAX_REQUEST_BYTES } from "./batch";
export { runExcel } from "./run";
export { resetTypedValues, typedValuesState } from "./cells";
export { detectCapabilities, capabilityLimits, MANIFEST_EXCEL_API } from "./capabilities";
export type { HostCapabilities } from "./capabilities";
export type { RunChoices } from "./run";
