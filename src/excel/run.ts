import { HostCapabilities, detectCapabilities } from "./capabilities";

export interface RunChoices {
  /**
   * Ask for one Undo over the whole run. Only for runs whose every operation supports undo on every
   * platform: office-js-docs-pr docs/excel/excel-add-ins-undo-capabilities.md ("Undo grouping",
   * "Unsupported APIs") says a group holding one that does not fails with UndoNotSupported. Generate
   * deletes the previous report (Worksheet.delete: no undo anywhere) and renames sheets
   * (Worksheet.name: no undo on Windows and Mac), so only inserting the template or sample asks.
   */
  undoGroup?: boolean;
}

/**
 * Runs a batch with Excel. `delayForCellEdit` makes Excel wait while the user is editing a cell
 * instead of failing (docs/excel/excel-add-ins-delay-in-cell-edit.md). `mergeUndoGroup` is
 * ExcelApi 1.20, so it is passed only where isSetSupported says the host has it.
 */
export function runExcel<T>(
  batch: (ctx: Excel.RequestContext) => Promise<T>,
  choices: RunChoices = {},
  caps: HostCapabilities = detectCapabilities()
): Promise<T> {
  const options: Excel.RunOptions = { delayForCellEdit: true };
  if (choices.undoGroup === true && caps.undoGroup) options.mergeUndoGroup = true;
  return Excel.run(options, batch);
}
