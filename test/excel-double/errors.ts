/**
 * Errors shaped like office.js' `OfficeExtension.Error` (internally `_Internal.RuntimeError`, whose
 * `name` is "RichApi.Error"). Messages are the ones office.js and Excel use where known.
 */

export interface DebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  surroundingStatements?: string[];
  fullStatements?: string[];
  innerError?: DebugInfo | string;
}

export interface ErrorSpec {
  code?: string;
  message?: string;
  errorLocation?: string;
  httpStatusCode?: number;
}

/** The error codes this double raises (a subset of `Excel.ErrorCodes` and `OfficeExtension.ErrorCodes`). */
export const Codes = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  invalidSelection: "InvalidSelection",
  invalidObjectPath: "InvalidObjectPath",
  invalidRequestContext: "InvalidRequestContext",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  notImplemented: "NotImplemented",
  propertyNotLoaded: "PropertyNotLoaded",
  valueNotLoaded: "ValueNotLoaded",
  runMustReturnPromise: "RunMustReturnPromise",
  cannotUpdateReadOnlyProperty: "CannotUpdateReadOnlyProperty",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  rangeExceedsLimit: "RangeExceedsLimit",
  invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
  formulaLengthExceedsLimit: "FormulaLengthExceedsLimit",
  mergedRangeConflict: "MergedRangeConflict",
  unsupportedOperation: "UnsupportedOperation",
} as const;

/** Default messages (office.js resource strings, and Excel's documented error-code descriptions). */
const MESSAGES: Record<string, string> = {
  AccessDenied: "You cannot perform the requested operation.",
  GeneralException: "There was an internal error while processing the request.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "The operation attempted is invalid on the object.",
  InvalidReference: "This reference isn't valid for the current operation.",
  InvalidSelection: "The current selection is invalid for this operation.",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  ItemAlreadyExists: "The resource being created already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  NotImplemented: "The requested feature isn't implemented.",
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  RequestPayloadSizeLimitExceeded:
    "The request payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information.",
  ResponsePayloadSizeLimitExceeded:
    "The response payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information.",
  RangeExceedsLimit:
    "The cell count in the range has exceeded the maximum supported number. See the Resource limits and performance optimization for Office Add-ins article for more information.",
  InvalidOperationInCellEditMode:
    "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
  FormulaLengthExceedsLimit: "The bytecode of the applied formula exceeds the maximum length limit.",
  MergedRangeConflict:
    "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.",
  UnsupportedOperation: "The operation being attempted is not supported.",
};

const HTTP_STATUS: Record<string, number> = {
  AccessDenied: 401,
  ApiNotFound: 404,
  GeneralException: 500,
  InvalidArgument: 400,
  InvalidObjectPath: 400,
  InvalidRequestContext: 400,
  ValueNotLoaded: 400,
  PropertyNotLoaded: 400,
  ItemNotFound: 404,
  ItemAlreadyExists: 409,
  RequestPayloadSizeLimitExceeded: 413,
  ResponsePayloadSizeLimitExceeded: 413,
};

/**
 * `OfficeExtension.Error` look-alike. `instanceof Error` holds (like office.js' RuntimeError, which
 * extends Error), `name` is "RichApi.Error", and `debugInfo` repeats `code` and `message`.
 */
export class DoubleOfficeError extends Error {
  override name = "RichApi.Error";
  code: string;
  debugInfo: DebugInfo;
  traceMessages: string[];
  innerError: DoubleOfficeError | null;
  httpStatusCode: number;

  constructor(spec: ErrorSpec & { traceMessages?: string[]; debugInfo?: Partial<DebugInfo> }) {
    const code = spec.code ?? Codes.generalException;
    const message = spec.message ?? MESSAGES[code] ?? code;
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "RichApi.Error";
    this.code = code;
    this.message = message;
    this.traceMessages = spec.traceMessages ?? [];
    this.innerError = null;
    this.httpStatusCode = spec.httpStatusCode ?? HTTP_STATUS[code] ?? 500;
    const debugInfo: DebugInfo = { code, message, ...spec.debugInfo };
    if (spec.errorLocation !== undefined) debugInfo.errorLocation = spec.errorLocation;
    this.debugInfo = debugInfo;
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

export function officeError(code: string, errorLocation?: string, message?: string): DoubleOfficeError {
  const spec: ErrorSpec = { code };
  if (errorLocation !== undefined) spec.errorLocation = errorLocation;
  if (message !== undefined) spec.message = message;
  return new DoubleOfficeError(spec);
}

/** office.js' client-side PropertyNotLoaded error (thrown synchronously by a property getter). */
export function propertyNotLoaded(entity: string, property: string): DoubleOfficeError {
  return new DoubleOfficeError({
    code: Codes.propertyNotLoaded,
    message: `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    errorLocation: `${entity}.${property}`,
  });
}

/**
 * A write that sheet protection forbids. The code is the one office.js documents for edits blocked
 * by "worksheet protection is enabled and not paused" (`WorksheetProtection.updateOptions`,
 * `setPassword`, `AllowEditRange.*` in @types/office-js); the message is Excel's own for the case.
 */
export function protectedSheetError(location: string): DoubleOfficeError {
  return officeError(
    Codes.accessDenied,
    location,
    "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.",
  );
}

export function readOnlyProperty(entity: string, property: string): DoubleOfficeError {
  return new DoubleOfficeError({
    code: Codes.cannotUpdateReadOnlyProperty,
    message: `The property '${property}' is read-only and it cannot be updated.`,
    errorLocation: `${entity}.${property}`,
  });
}

export function invalidObjectPath(path: string): DoubleOfficeError {
  return new DoubleOfficeError({
    code: Codes.invalidObjectPath,
    message: `The object path '${path}' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`,
    errorLocation: path,
  });
}

/** Turns a fault spec (or a ready error) into the error a sync rejects with. */
export function toOfficeError(
  spec: ErrorSpec | DoubleOfficeError | undefined,
  fallbackCode: string,
): DoubleOfficeError {
  if (spec instanceof DoubleOfficeError) return spec;
  return new DoubleOfficeError({ ...spec, code: spec?.code ?? fallbackCode });
}
