import { CoreError } from "../core";

/**
 * Maps a failure to the Excel error a cell shows. Excel shows a custom message only with #VALUE!
 * and #N/A, so #DIV/0! and #NUM! go without one. Anything unexpected becomes #VALUE! with a
 * message rather than an unhandled exception.
 */
export function toExcelError(e: unknown): CustomFunctions.Error {
  if (e instanceof CoreError) {
    switch (e.code) {
      case "DIV0":
        return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
      case "NUM":
        return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
      case "NA":
        return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, e.message);
      case "VALUE":
        return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, e.message);
    }
  }
  const message = e instanceof Error ? e.message : String(e);
  return new CustomFunctions.Error(
    CustomFunctions.ErrorCode.invalidValue,
    `Unexpected problem: ${message}`
  );
}

/** Runs a function body and turns any failure into the Excel error to throw. */
export function excelCall<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw toExcelError(e);
  }
}
