/**
 * Errors shaped like Office.js's OfficeExtension.Error (its runtime class is `RichApi.Error`):
 * `{ name, code, message, debugInfo: { code, message, errorLocation }, traceMessages, innerError }`.
 * Messages are Excel's own where Office.js ships them (PropertyNotLoaded, cell edit mode, payload).
 */

export const MESSAGES: Record<string, string> = {
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  InvalidOperationInCellEditMode:
    "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
  RequestPayloadSizeLimitExceeded:
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  ResponsePayloadSizeLimitExceeded:
    'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: "The resource already exists.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  AccessDenied: "You cannot perform the requested operation.",
  InvalidOperation: "The operation is invalid for the object.",
  GeneralException: "There was an internal error while processing the request.",
};

const HTTP_STATUS: Record<string, number> = {
  AccessDenied: 401,
  InvalidArgument: 400,
  ItemNotFound: 404,
  PropertyNotLoaded: 400,
  RequestPayloadSizeLimitExceeded: 400,
  ResponsePayloadSizeLimitExceeded: 400,
};

export interface FakeDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

/** What `context.sync()` rejects with (and what reading an unloaded property throws). */
export class FakeRichApiError extends Error {
  readonly code: string;
  readonly debugInfo: FakeDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;
  readonly httpStatusCode: number;

  constructor(code: string, message?: string, errorLocation?: string, statement?: string) {
    const text = message ?? MESSAGES[code] ?? code;
    super(text);
    Object.setPrototypeOf(this, FakeRichApiError.prototype);
    this.name = "RichApi.Error";
    this.code = code;
    this.httpStatusCode = HTTP_STATUS[code] ?? 500;
    this.debugInfo = { code, message: text };
    if (errorLocation !== undefined) this.debugInfo.errorLocation = errorLocation;
    if (statement !== undefined) this.debugInfo.statement = statement;
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

export function richError(
  code: string,
  errorLocation?: string,
  message?: string
): FakeRichApiError {
  return new FakeRichApiError(code, message, errorLocation);
}

export function propertyNotLoaded(type: string, property: string): FakeRichApiError {
  const message = (MESSAGES.PropertyNotLoaded as string).replace("{0}", property);
  return new FakeRichApiError("PropertyNotLoaded", message, `${type}.${property}`);
}

/** Thrown for a member the fake does not implement: loud, never mistaken for an Excel error. */
export function notImplemented(what: string): Error {
  return new Error(`FakeExcel: ${what} is not implemented by the fake`);
}
