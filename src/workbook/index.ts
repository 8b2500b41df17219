/** The workbook contract, pure: snapshot -> issues -> report model -> report plan. */
export * from "./snapshot";
export * from "./issues";
export * from "./workbook-data";
export * from "./engine";
export * from "./model-types";
export * from "./plan-types";
export * from "./plan-page";
export * from "./plan-text";
export { buildPlan } from "./plan";
export type { PlanContext } from "./plan";
export { summaryJson } from "./summary";
export type { SummaryJson } from "./summary";
export { sampleWorkbook } from "./sample";
export { TABLE_NAMES, TABLE_SPECS } from "./tables";
