import { runExcel } from "../excel";
import { PaneImportResult, importIntoWorkbook, listSheets, readSheetCells } from "../excel/import";
import type { Cell } from "../workbook";
import type { PoliceImport } from "../workbook/import/police-import";

/**
 * What the Import section asks of Excel, through src/excel (a prop, like PaneHost, so component
 * tests use a stand-in): the sheets to pick a peer list or populations from, and the merge.
 */
export interface ImportHost {
  listSheets(): Promise<string[]>;
  readSheet(sheet: string): Promise<Cell[][]>;
  importPoliceUk(imp: PoliceImport): Promise<PaneImportResult>;
}

export const excelImportHost: ImportHost = {
  listSheets: () => runExcel(listSheets),
  readSheet: (sheet) => runExcel((ctx) => readSheetCells(ctx, sheet)),
  importPoliceUk: (imp) => runExcel((ctx) => importIntoWorkbook(ctx, imp)),
};
