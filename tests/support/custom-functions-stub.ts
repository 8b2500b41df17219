/**
 * A stand-in for the `CustomFunctions` global Excel provides to a custom-functions runtime: it
 * records associations and builds error objects the way the runtime does (code + optional message).
 */
export class StubExcelError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export interface CustomFunctionsStub {
  Error: typeof StubExcelError;
  ErrorCode: typeof ERROR_CODES;
  associate: (idOrMap: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown) => void;
  associations: Map<string, (...args: unknown[]) => unknown>;
}

export function makeCustomFunctionsStub(): CustomFunctionsStub {
  const associations = new Map<string, (...args: unknown[]) => unknown>();
  return {
    Error: StubExcelError,
    ErrorCode: ERROR_CODES,
    associations,
    associate(idOrMap, fn) {
      if (typeof idOrMap === "string") {
        if (!fn) throw new Error(`associate("${idOrMap}") without a function`);
        if (associations.has(idOrMap)) throw new Error(`${idOrMap} associated twice`);
        associations.set(idOrMap, fn);
      } else {
        for (const [id, f] of Object.entries(idOrMap)) associations.set(id, f);
      }
    },
  };
}

export function installCustomFunctionsStub(): CustomFunctionsStub {
  const stub = makeCustomFunctionsStub();
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = stub;
  return stub;
}

/** Runs `call` and returns the Excel error it threw ({code, message}), failing if it returned. */
export function excelErrorOf(call: () => unknown): StubExcelError {
  try {
    const result = call();
    throw new Error(`expected an Excel error, got ${JSON.stringify(result)}`);
  } catch (e) {
    if (e instanceof StubExcelError) return e;
    if (typeof e === "object" && e !== null && "code" in e && typeof (e as { code: unknown }).code === "string") {
      return e as StubExcelError;
    }
    throw e;
  }
}
