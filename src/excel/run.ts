/**
 * Runs a batch with Excel. `delayForCellEdit` makes Excel wait while the user is editing a cell
 * instead of failing with InvalidOperationInCellEditMode (ExcelApi 1.11); `mergeUndoGroup` makes one
 * Undo take back everything a run wrote (ExcelApi 1.20). Hosts without them ignore the options.
 */
export function runExcel<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run({ delayForCellEdit: true, mergeUndoGroup: true }, batch);
}
