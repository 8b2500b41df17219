/**
 * Excel's error codes, as sentences a person can act on. Office.js rejects context.sync() with an
 * OfficeExtension.Error whose `code` says what went wrong; the task pane shows `title` and `message`.
 */
export interface HostProblem {
  title: string;
  message: string;
  code: string;
}

export class HostError extends Error {
  constructor(readonly problem: HostProblem) {
    super(problem.message);
    this.name = "HostError";
  }
}

const TOO_LARGE_TO_WRITE = {
  title: "The report is too large to write in one go",
  message:
    "Excel on the web limits how much an add-in can send at once (5 MB). Nothing was left half-written. Try the desktop version of Excel, or report fewer measures at a time.",
};

/**
 * The codes of office-js-docs-pr docs/testing/application-specific-api-error-handling.md that the
 * host can meet, each as a sentence. "PayloadTooLarge" is not an Office code and is not here.
 */
const SENTENCES: Record<string, Omit<HostProblem, "code">> = {
  InvalidOperationInCellEditMode: {
    title: "Excel is editing a cell",
    message: "Finish editing the cell first (press Enter or Esc), then try again.",
  },
  // An operation the object refused (excel.worksheet.yml, `delete`: a VeryHidden sheet). The add-in
  // always runs with delayForCellEdit, so cell-edit mode gives this code only on an Excel that
  // ignores that option (docs/excel/excel-add-ins-delay-in-cell-edit.md): said last.
  InvalidOperation: {
    title: "Excel refused the operation",
    message:
      "A sheet or table is in a state Excel will not change this way just now (for example a filter, or merged cells over the report's cells). Try again; if it keeps failing, save the workbook and restart Excel. If you were typing in a cell, finish first (press Enter or Esc).",
  },
  AccessDenied: {
    title: "Excel refused the change",
    message:
      "A sheet or the workbook is protected, or the workbook is read-only. Unprotect it (Review > Unprotect Sheet or Protect Workbook), then try again. Your data has not been changed.",
  },
  ItemNotFound: {
    title: "Something moved while the add-in was working",
    message:
      "A sheet, table or name the add-in expected is no longer there; it may have been renamed or deleted. Check the workbook again and retry.",
  },
  InvalidArgument: {
    title: "Excel rejected a value",
    message:
      "Excel did not accept something the add-in tried to write. Nothing was left half-written. Please report this with a copy of the workbook's layout (no data needed).",
  },
  RequestPayloadSizeLimitExceeded: TOO_LARGE_TO_WRITE,
  ResponsePayloadSizeLimitExceeded: {
    title: "The workbook is too large to read in one go",
    message:
      "Excel on the web limits how much an add-in can read at once (5 MB). Check that the data tables have no stray cells far below or to the right of the data (Ctrl+End shows the last used cell), or open the workbook in the desktop version of Excel.",
  },
  RangeExceedsLimit: {
    title: "A range is too large for Excel",
    message:
      "Excel limits an add-in to five million cells at a time. Check that the data tables have no stray cells far below or to the right of the data (Ctrl+End shows the last used cell), then try again.",
  },
  UndoNotSupported: {
    title: "Excel could not group the change for Undo",
    message:
      "Excel refused to make this change as one Undo step, so nothing was changed. Please report this; in the meantime the command line (cdrp) writes the same report into a copy of the workbook.",
  },
  ApiNotFound: {
    title: "This version of Excel is too old for that",
    message:
      "The add-in asked Excel for something this version does not have. Update Office (File > Account > Update Options) or use Excel on the web, then try again. Your data has not been changed.",
  },
  InsertDeleteConflict: {
    title: "The sheets changed while the add-in was working",
    message: "Another change to the workbook got in the way. Try again.",
  },
  ItemAlreadyExists: {
    title: "Something of that name is already there",
    message:
      "A sheet, table or name the add-in tried to add already exists; it may have been added while the add-in was working. Check the workbook again and retry.",
  },
  // Excel's internal error; also what an Excel 2021 bought outright gives for Range.valuesAsJson
  // (OfficeDev/office-js issue 4750), which cells.ts handles before it gets here.
  GeneralException: {
    title: "Excel reported an internal error",
    message:
      "Excel could not complete the change and gave no reason. Save the workbook and try again; if it keeps failing, restart Excel, and check that Office is up to date (File > Account > Update Options).",
  },
  MergedRangeConflict: {
    title: "Merged cells are in the way",
    message:
      "Excel will not put a table over merged cells, another table, a PivotTable or query results. Unmerge or move the cells beside the data tables, then try again.",
  },
  NonBlankCellOffSheet: {
    title: "There is no room to add rows",
    message:
      "Excel cannot insert rows because cells at the bottom of the sheet are not empty (they may look empty but hold a space, a format or a formula). Delete the unused rows below the data, then try again.",
  },
  InactiveWorkbook: {
    title: "Another workbook has the focus",
    message:
      "Several workbooks are open and this one lost the focus while the add-in was working. Click in this workbook, then try again.",
  },
  MemoryLimitReached: {
    title: "Excel ran out of memory",
    message:
      "Close other workbooks and programs, then try again. For a very large workbook, the command line (cdrp) writes the same report into a copy without Excel.",
  },
  InvalidSelection: {
    title: "Excel cannot select that now",
    message:
      "The current selection does not allow this (for example a chart or a shape is selected, or a dialog is open). Click a cell in the workbook, then try again.",
  },
  FilteredRangeConflict: {
    title: "A filter is in the way",
    message:
      "A table the add-in adds rows to is filtered. Clear its filter (Data > Clear), then try again.",
  },
  PivotTableRangeConflict: {
    title: "A PivotTable is in the way",
    message:
      "Adding rows to a data table would run into a PivotTable below or beside it. Move the PivotTable away from the data tables, then try again.",
  },
  ActivityLimitReached: {
    title: "Excel is busy",
    message: "Excel has reached its limit of activity for add-ins. Wait a moment, then try again.",
  },
};

/** Every code with its own sentence (the add-in rules test checks the documented ones are here). */
export const HANDLED_CODES: readonly string[] = Object.keys(SENTENCES);

function codeOf(e: unknown): string | null {
  if (typeof e !== "object" || e === null) return null;
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" ? code : null;
}

/** Any failure from a batch, as a HostProblem. Unknown failures keep Excel's own message. */
export function describeError(e: unknown): HostProblem {
  if (e instanceof HostError) return e.problem;
  const code = codeOf(e) ?? "Unknown";
  const known = SENTENCES[code];
  if (known) return { ...known, code };
  const detail = e instanceof Error ? e.message : String(e);
  return {
    title: "Excel could not complete the change",
    message: `${detail} Try again; if it keeps failing, save the workbook and restart Excel. Your data has not been changed.`,
    code,
  };
}
