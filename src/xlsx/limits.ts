/**
 * What the file host reads, at most. Past any of these the command line refuses the file with exit 2
 * and a sentence, before memory runs out (README, "Limits"). Sized so any workbook under the file
 * limit is read in well under 1 GB.
 */
export interface Limits {
  fileBytes: number;
  partBytes: number;
  cells: number;
  measures: number;
}

export const LIMITS: Readonly<Limits> = {
  /** The .xlsx file itself. */
  fileBytes: 50 * 1024 * 1024,
  /** One part of the package (a sheet's XML, the shared strings), once inflated. */
  partBytes: 256 * 1024 * 1024,
  /** Cells kept from the contract's tables and sheets, all together. */
  cells: 10_000_000,
  /** Rows of the Measures table. */
  measures: 10_000,
};

/** "50 MB" */
export const megabytes = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;
