/**
 * An in-memory double of the part of the Excel JavaScript API (office.js `Excel` namespace) that
 * EMU's workbook adapter uses. Plain TypeScript, no Node-only imports: it also runs in the browser
 * preview. See README.md beside this file for the semantics and the decisions taken.
 *
 * @example
 *   const double = createExcelDouble({ sheets: [{ name: "Bảng điểm", values: [["Đơn vị", "Điểm"], ["Sở A", 985]] }] });
 *   const uninstall = double.install();          // globalThis.Excel / globalThis.OfficeExtension
 *   await Excel.run(async (context) => { ... }); // the adapter under test
 *   expect(double.stats.syncs).toBe(1);
 *   expect(double.workbook.sheet("Bảng điểm").cell("B2").value).toBe(985);
 *   uninstall();
 */
import {
  ClientCollection,
  ClientObject,
  ClientResult,
  Engine,
  RequestContext,
  TrackedObjects,
  type DoubleStats,
  type Faults,
  emptyStats,
  isSetSupported,
} from "./client";
import {
  createCustomFunctionsHost,
  type CustomFunctionsHost,
  type CustomFunctionsHostOptions,
} from "./custom-functions";
import { ExcelEnums, ExcelErrorCodes, OfficeExtensionErrorCodes } from "./enums";
import { Codes, DoubleOfficeError, officeError } from "./errors";
import { DoubleWorkbook, addSeedSheet, type Seed } from "./inspect";
import { WorkbookModel, type Defaults } from "./model";
import {
  FormatProtection,
  Range,
  RangeBorder,
  RangeBorderCollection,
  RangeFill,
  RangeFont,
  RangeFormat,
} from "./range";
import {
  PageLayout,
  Table,
  TableCollection,
  Worksheet,
  WorksheetCollection,
  WorksheetFreezePanes,
  WorksheetProtection,
} from "./sheet";
import { DataValidation } from "./validation";
import type { StoredValue } from "./values";
import {
  Application,
  DocumentProperties,
  ExcelRequestContext,
  NamedItem,
  NamedItemCollection,
  Setting,
  SettingCollection,
  Workbook,
} from "./workbook";

export type {
  CellSnapshot,
  DoubleSheet,
  SeedProtection,
  PageLayoutSnapshot,
  Seed,
  SeedSheet,
  SeedValue,
  SheetSnapshot,
  WorkbookSnapshot,
} from "./inspect";
export type { DoubleStats, Faults, Limits, RequestRecord } from "./client";
export type { CustomFunctionsHost, CustomFunctionsHostOptions } from "./custom-functions";
export { CustomFunctionError } from "./custom-functions";
export type { ErrorSpec } from "./errors";
export type { ProtectionOptions } from "./model";
export type { DataValidationRuleData, DataValidationRuleInput, ValidationSnapshot } from "./validation";
export type { CellProperties, CellPropertiesLoadOptions } from "./cell-properties";
export { DoubleOfficeError, DoubleWorkbook };
export { UNEVALUATED_FORMULA_VALUE } from "./values";
export { FIVE_MB } from "./client";
export type {
  Application,
  DataValidation,
  ExcelRequestContext,
  FormatProtection,
  NamedItem,
  NamedItemCollection,
  PageLayout,
  Range,
  RangeBorder,
  RangeFill,
  RangeFont,
  RangeFormat,
  Setting,
  SettingCollection,
  Table,
  TableCollection,
  Workbook,
  Worksheet,
  WorksheetCollection,
  WorksheetFreezePanes,
  WorksheetProtection,
};

export interface ExcelDoubleOptions {
  /**
   * What a string Excel would refuse as a formula ("-(", "=SUM(") does when written: "error"
   * (default; the sync fails with InvalidArgument, as the API rejects a bad formula) or "text".
   */
  invalidFormulaInput?: "error" | "text";
  /** Evaluates formulas the double cannot (e.g. with hyperformula); undefined → 0. */
  formulaEvaluator?: (formula: string) => StoredValue | undefined;
  defaults?: Partial<Defaults>;
  /**
   * The ExcelApi requirement set version the host supports, e.g. "1.8" for an Excel without
   * `Range.getCellProperties` (ExcelApi 1.9), which then throws ApiNotFound when called, as
   * office.js does. Default: every set the double implements. Only `getCellProperties` checks it.
   */
  excelApi?: string;
}

/** Options `Excel.run(options, batch)` understands. */
export interface RunOptions {
  previousObjects?: ClientObject<unknown> | ClientObject<unknown>[] | RequestContext;
  /** Wait out cell-edit mode instead of failing (office.js `delayForCellEdit`). */
  delayForCellEdit?: boolean;
  session?: unknown;
}

type Batch<T> = (context: ExcelRequestContext) => Promise<T>;

export interface ExcelNamespace {
  run<T>(batch: Batch<T>): Promise<T>;
  run<T>(
    object: ClientObject<unknown> | ClientObject<unknown>[] | RequestContext | RunOptions,
    batch: Batch<T>,
  ): Promise<T>;
  RequestContext: new (url?: string) => ExcelRequestContext;
  ErrorCodes: typeof ExcelErrorCodes;
  [name: string]: unknown;
}

export interface OfficeExtensionNamespace {
  Error: typeof DoubleOfficeError;
  ErrorCodes: typeof OfficeExtensionErrorCodes;
  ClientObject: typeof ClientObject;
  ClientResult: typeof ClientResult;
  ClientRequestContext: typeof RequestContext;
  TrackedObjects: typeof TrackedObjects;
  Promise: PromiseConstructor;
  config: { extendedErrorLogging: boolean };
}

export interface ExcelDouble {
  /** Install as `globalThis.Excel` (see `install()`). */
  Excel: ExcelNamespace;
  OfficeExtension: OfficeExtensionNamespace;
  /** Same as `Excel.run`. */
  run: ExcelNamespace["run"];
  /** Inspection and user-like setup of the workbook (not part of Excel). */
  workbook: DoubleWorkbook;
  /** Sync counter, per-request byte sizes; a stable object (reset in place). */
  readonly stats: DoubleStats;
  faults: Faults;
  /**
   * What `Office.context.requirements` would answer on this host (the double does not install an
   * `Office` global): `isSetSupported("ExcelApi", "1.9")` is false when `excelApi` is below it.
   */
  requirements: { isSetSupported(name: string, version?: string): boolean };
  /**
   * Hosts custom functions over this workbook (formulas in cells, Excel's argument marshalling and
   * recalculation rules; see custom-functions.ts and README.md).
   */
  customFunctions(options: CustomFunctionsHostOptions): CustomFunctionsHost;
  /** A fresh workbook from `seed` (default: one empty "Sheet1"), stats and faults cleared. */
  reset(seed?: Seed): void;
  resetStats(): void;
  /** Sets `Excel` and `OfficeExtension` on `target` (default globalThis); returns the undo. */
  install(target?: object): () => void;
}

const DEFAULTS: Defaults = { fontName: "Calibri", fontSize: 11, columnWidth: 48, rowHeight: 15 };

function buildModel(seed: Seed | undefined, options: ExcelDoubleOptions): WorkbookModel {
  const model = new WorkbookModel({
    language: seed?.language ?? "en-US",
    defaults: { ...DEFAULTS, ...options.defaults },
    invalidFormulaInput: options.invalidFormulaInput ?? "error",
    evaluate: options.formulaEvaluator,
  });
  const sheets = seed?.sheets?.length ? seed.sheets : [{ name: "Sheet1" }];
  for (const s of sheets) addSeedSheet(model, s);
  const active =
    seed?.activeSheet !== undefined ? model.sheetByName(seed.activeSheet) : model.visibleSheets()[0];
  if (seed?.activeSheet !== undefined && !active)
    throw new Error(`seed.activeSheet ${JSON.stringify(seed.activeSheet)} is not a sheet`);
  model.activeSheet = active ?? model.sheets[0] ?? null;
  return model;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

export function createExcelDouble(seed?: Seed, options: ExcelDoubleOptions = {}): ExcelDouble {
  const engine = new Engine(buildModel(seed, options));
  engine.excelApi = options.excelApi ?? null;

  class BoundRequestContext extends ExcelRequestContext {
    constructor(_url?: string) {
      super(engine);
    }
  }

  const contextOf = (arg: unknown): RequestContext | null => {
    if (arg instanceof RequestContext) return arg;
    if (arg instanceof ClientObject) return arg.context;
    if (Array.isArray(arg)) {
      if (arg.length === 0 || !arg.every((o) => o instanceof ClientObject))
        throw officeError(Codes.invalidArgument, "Excel.run");
      const ctx = (arg[0] as ClientObject<unknown>).context;
      if (arg.some((o: ClientObject<unknown>) => o.context !== ctx))
        throw officeError(Codes.invalidRequestContext, "Excel.run");
      return ctx;
    }
    return null;
  };

  async function run<T>(...args: unknown[]): Promise<T> {
    let batch: unknown;
    let ctx: RequestContext | null = null;
    let delayForCellEdit = false;
    if (args.length === 1) batch = args[0];
    else if (args.length === 2) {
      batch = args[1];
      const first = args[0];
      if (isPlainObject(first)) {
        const opts = first as RunOptions;
        delayForCellEdit = opts.delayForCellEdit === true;
        if (opts.previousObjects !== undefined) ctx = contextOf(opts.previousObjects);
      } else {
        ctx = contextOf(first);
        if (!ctx) throw officeError(Codes.invalidArgument, "Excel.run");
      }
    } else throw officeError(Codes.invalidArgument, "Excel.run");
    if (typeof batch !== "function") throw officeError(Codes.invalidArgument, "Excel.run");
    const context = (ctx ?? new BoundRequestContext()) as ExcelRequestContext;
    if (ctx && !(ctx._engine === engine)) throw officeError(Codes.invalidRequestContext, "Excel.run");
    engine.stats.runs++;
    const previousObjects = context._runObjects;
    const previousDelay = context._delayForCellEdit;
    const created: ClientObject<unknown>[] = [];
    context._runObjects = created;
    context._delayForCellEdit = delayForCellEdit;
    try {
      const ret: unknown = (batch as (c: ExcelRequestContext) => unknown)(context);
      if (ret === null || ret === undefined || typeof (ret as { then?: unknown }).then !== "function") {
        throw officeError(Codes.runMustReturnPromise);
      }
      const result = (await ret) as T;
      // office.js ends every run with context.sync(result): queued commands are sent even without an explicit sync.
      await context.sync();
      return result;
    } catch (e) {
      context._pending = [];
      throw e;
    } finally {
      context._runObjects = previousObjects;
      context._delayForCellEdit = previousDelay;
      if (previousObjects) previousObjects.push(...created);
      else for (const o of created) if (!o._tracked) context._invalid.add(o);
    }
  }

  const Excel: ExcelNamespace = {
    ...ExcelEnums,
    run: run as ExcelNamespace["run"],
    RequestContext: BoundRequestContext,
    ErrorCodes: ExcelErrorCodes,
    Range,
    RangeFormat,
    RangeFont,
    RangeFill,
    RangeBorder,
    RangeBorderCollection,
    FormatProtection,
    DataValidation,
    Worksheet,
    WorksheetCollection,
    WorksheetFreezePanes,
    WorksheetProtection,
    PageLayout,
    Table,
    TableCollection,
    Workbook,
    Application,
    NamedItem,
    NamedItemCollection,
    Setting,
    SettingCollection,
    DocumentProperties,
    ClientCollection,
  };

  const OfficeExtension: OfficeExtensionNamespace = {
    Error: DoubleOfficeError,
    ErrorCodes: OfficeExtensionErrorCodes,
    ClientObject,
    ClientResult,
    ClientRequestContext: RequestContext,
    TrackedObjects,
    Promise,
    config: { extendedErrorLogging: false },
  };

  const stats = engine.stats;
  const resetStats = (): void => {
    Object.assign(stats, emptyStats());
  };

  const double: ExcelDouble = {
    Excel,
    OfficeExtension,
    run: Excel.run,
    workbook: new DoubleWorkbook(() => engine.model),
    stats,
    faults: engine.faults,
    requirements: { isSetSupported: (name, version) => isSetSupported(engine, name, version) },
    customFunctions: (cfOptions) =>
      createCustomFunctionsHost(() => engine.model, engine.afterSync, cfOptions),
    reset(nextSeed?: Seed): void {
      engine.model = buildModel(nextSeed, options);
      resetStats();
      engine.faults.clear();
    },
    resetStats,
    install(target: object = globalThis): () => void {
      // The adapter reads the globals `Excel` and `OfficeExtension`, typed by @types/office-js.
      const g = target as Record<string, unknown>;
      const before = { Excel: g.Excel, OfficeExtension: g.OfficeExtension };
      g.Excel = Excel;
      g.OfficeExtension = OfficeExtension;
      return () => {
        if (before.Excel === undefined) delete g.Excel;
        else g.Excel = before.Excel;
        if (before.OfficeExtension === undefined) delete g.OfficeExtension;
        else g.OfficeExtension = before.OfficeExtension;
      };
    },
  };
  return double;
}
