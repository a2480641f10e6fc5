/** The string enums of the `Excel` namespace the double supports (values are the strings Excel uses). */

function stringEnum<const T extends readonly string[]>(
  ...names: T
): { readonly [K in T[number] as Uncapitalize<K>]: K } {
  const out: Record<string, string> = {};
  for (const n of names) out[n.charAt(0).toLowerCase() + n.slice(1)] = n;
  return Object.freeze(out) as { readonly [K in T[number] as Uncapitalize<K>]: K };
}

export const ExcelErrorCodes = Object.freeze({
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  conflict: "Conflict",
  generalException: "GeneralException",
  insertDeleteConflict: "InsertDeleteConflict",
  invalidArgument: "InvalidArgument",
  invalidBinding: "InvalidBinding",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  invalidSelection: "InvalidSelection",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  mergedRangeConflict: "MergedRangeConflict",
  nonBlankCellOffSheet: "NonBlankCellOffSheet",
  notImplemented: "NotImplemented",
  operationCellsExceedLimit: "OperationCellsExceedLimit",
  rangeExceedsLimit: "RangeExceedsLimit",
  requestAborted: "RequestAborted",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  unsupportedFeature: "UnsupportedFeature",
  unsupportedOperation: "UnsupportedOperation",
  unsupportedSheet: "UnsupportedSheet",
  invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
  formulaLengthExceedsLimit: "FormulaLengthExceedsLimit",
} as const);

/** `OfficeExtension.ErrorCodes` (client-side codes). */
export const OfficeExtensionErrorCodes = Object.freeze({
  accessDenied: "AccessDenied",
  generalException: "GeneralException",
  activityLimitReached: "ActivityLimitReached",
  invalidObjectPath: "InvalidObjectPath",
  propertyNotLoaded: "PropertyNotLoaded",
  valueNotLoaded: "ValueNotLoaded",
  invalidRequestContext: "InvalidRequestContext",
  invalidArgument: "InvalidArgument",
  runMustReturnPromise: "RunMustReturnPromise",
  cannotRegisterEvent: "CannotRegisterEvent",
  apiNotFound: "ApiNotFound",
  connectionFailure: "ConnectionFailure",
} as const);

export const ExcelEnums = {
  SheetVisibility: stringEnum("Visible", "Hidden", "VeryHidden"),
  BorderIndex: stringEnum(
    "EdgeTop",
    "EdgeBottom",
    "EdgeLeft",
    "EdgeRight",
    "InsideVertical",
    "InsideHorizontal",
    "DiagonalDown",
    "DiagonalUp",
  ),
  BorderLineStyle: stringEnum(
    "None",
    "Continuous",
    "Dash",
    "DashDot",
    "DashDotDot",
    "Dot",
    "Double",
    "SlantDashDot",
  ),
  BorderWeight: stringEnum("Hairline", "Thin", "Medium", "Thick"),
  HorizontalAlignment: stringEnum(
    "General",
    "Left",
    "Center",
    "Right",
    "Fill",
    "Justify",
    "CenterAcrossSelection",
    "Distributed",
  ),
  VerticalAlignment: stringEnum("Top", "Center", "Bottom", "Justify", "Distributed"),
  RangeUnderlineStyle: stringEnum("None", "Single", "Double", "SingleAccountant", "DoubleAccountant"),
  ClearApplyTo: stringEnum("All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks"),
  PageOrientation: stringEnum("Portrait", "Landscape"),
  PaperType: stringEnum("Letter", "Legal", "A3", "A4", "A5", "B4", "B5", "Executive", "Tabloid"),
  PrintOrder: stringEnum("DownThenOver", "OverThenDown"),
  PrintMarginUnit: stringEnum("Points", "Inches", "Centimeters"),
  CalculationMode: stringEnum("Automatic", "AutomaticExceptTables", "Manual"),
  CalculationType: stringEnum("Recalculate", "Full", "FullRebuild"),
  RangeValueType: stringEnum(
    "Unknown",
    "Empty",
    "String",
    "Integer",
    "Double",
    "Boolean",
    "Error",
    "RichValue",
  ),
  NamedItemType: stringEnum("String", "Integer", "Double", "Boolean", "Range", "Error", "Array"),
  NamedItemScope: stringEnum("Worksheet", "Workbook"),
  DeleteShiftDirection: stringEnum("Up", "Left"),
  InsertShiftDirection: stringEnum("Down", "Right"),
} as const;
