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
  // docs/excel/excel-add-ins-delay-in-cell-edit.md: a batch meeting cell-edit mode fails with
  // InvalidOperation; the same code also means an operation the object refused.
  InvalidOperation: {
    title: "Excel refused the operation",
    message:
      "If you are typing in a cell, finish first (press Enter or Esc). Otherwise a sheet or table may be in a state Excel cannot change just now (for example a filter or a merged area over the report's cells). Try again; your data has not been changed.",
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
