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

const SENTENCES: Record<string, Omit<HostProblem, "code">> = {
  InvalidOperationInCellEditMode: {
    title: "Excel is editing a cell",
    message: "Finish editing the cell first (press Enter or Esc), then try again.",
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
  RequestPayloadSizeLimitExceeded: {
    title: "The report is too large to write in one go",
    message:
      "Excel on the web limits how much an add-in can write at once. Try the desktop version of Excel, or report fewer measures at a time.",
  },
  PayloadTooLarge: {
    title: "The report is too large to write in one go",
    message:
      "Excel on the web limits how much an add-in can write at once. Try the desktop version of Excel, or report fewer measures at a time.",
  },
  InsertDeleteConflict: {
    title: "The sheets changed while the add-in was working",
    message: "Another change to the workbook got in the way. Try again.",
  },
};

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
