/**
 * Typed errors of the core. Each code maps to one Excel error value, so a host can show the
 * same failure as `#DIV/0!` in a cell, as a validation sentence, or as a CLI message.
 */
export type CoreErrorCode =
  | "DIV0" // no comparator / no denominator: Excel #DIV/0!
  | "VALUE" // wrong kind of input (text where a number belongs, mismatched ranges): #VALUE!
  | "NUM" // a number outside its domain (negative count, repeats > cases): #NUM!
  | "NA"; // not enough data to answer (no peers): #N/A

export class CoreError extends Error {
  constructor(
    readonly code: CoreErrorCode,
    message: string
  ) {
    super(message);
    this.name = "CoreError";
  }
}

export function isCoreError(e: unknown): e is CoreError {
  return e instanceof CoreError;
}

/** Throws a NUM error unless `x` is a finite number. */
export function requireFinite(x: number, what: string): number {
  if (typeof x !== "number" || !Number.isFinite(x)) {
    throw new CoreError("VALUE", `${what} must be a number.`);
  }
  return x;
}

/** Throws NUM unless `x` is a finite, non-negative number (a count). */
export function requireCount(x: number, what: string): number {
  requireFinite(x, what);
  if (x < 0) throw new CoreError("NUM", `${what} cannot be negative (got ${x}).`);
  return x;
}
