/** The file is not a workbook we can read, or is past the stated limits: the CLI's exit code 2. */
export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookReadError";
  }
}
