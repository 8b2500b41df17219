import { DataSheet, sampleWorkbook, templateWorkbook } from "../workbook";
import {
  CheckResult,
  GenerateOptions,
  GenerateResult,
  checkWorkbook,
  generateReport,
  goToCell,
  insertDataSheets,
  runExcel,
} from "../excel";

/**
 * Everything the task pane asks of Excel, through src/excel. The pane gets this as a prop, so its
 * component tests use a stand-in and the pane never calls Office.js itself.
 */
export interface PaneHost {
  check(): Promise<CheckResult>;
  /** Returns { status: "confirm" } without writing when writing would clear Excel's Undo history. */
  generate(options?: GenerateOptions): Promise<GenerateResult>;
  insertTemplate(): Promise<string[]>;
  insertSample(): Promise<string[]>;
  goTo(sheet: string, cell: string): Promise<void>;
}

const insert = (sheets: DataSheet[]) =>
  runExcel((ctx) => insertDataSheets(ctx, sheets), { undoGroup: true });

export const excelPaneHost: PaneHost = {
  check: () => runExcel(checkWorkbook),
  generate: (options) => runExcel((ctx) => generateReport(ctx, undefined, options)),
  insertTemplate: () => insert(templateWorkbook()),
  insertSample: () => insert(sampleWorkbook()),
  goTo: (sheet, cell) => runExcel((ctx) => goToCell(ctx, sheet, cell)),
};
