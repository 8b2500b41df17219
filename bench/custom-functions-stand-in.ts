/// <reference types="custom-functions-runtime" />
/*
 * src/functions uses the `CustomFunctions` global that Excel's custom-functions runtime provides
 * (its Error class and ErrorCode values). tsconfig.cli.json compiles with types ["node"] only, so
 * the reference above brings the runtime's type declarations into the bench's compilation; the
 * stand-in below gives Node the values. It only matters when a function fails: the bench measures
 * the normal path, and a failure is reported as a failed figure rather than timed.
 */

export class StandInExcelError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message ?? code);
  }
}

const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export function installCustomFunctionsStandIn(): void {
  const global = globalThis as { CustomFunctions?: unknown };
  if (global.CustomFunctions !== undefined) return;
  global.CustomFunctions = { Error: StandInExcelError, ErrorCode: ERROR_CODES };
}
