/**
 * Custom functions as Excel hosts them, over the double's workbook: formulas `=NS.NAME(args)`
 * entered in cells, arguments marshalled the way Excel does (per platform), results written back
 * (spilled), and Excel's dependency rules for when a formula is calculated again. Documented
 * behaviours modelled, with their sources, are listed in README.md ("Custom functions").
 *
 * @example
 *   const host = double.customFunctions({ metadata: functionsMetadata("en"), platform: "desktop" });
 *   const uninstall = host.install();            // globalThis.CustomFunctions
 *   await import("../../src/functions/index");   // the add-in's associate calls
 *   await host.enter("Bảng điểm", "F2", "=EMU.CLASSIFY(D2)");
 *   double.workbook.sheet("Bảng điểm").cell("F2").value //=> "Xuất sắc"
 */
import { parseAddress, rectAddress, quoteSheetName, type Rect } from "./address";
import type { RequestRecord } from "./client";
import type { SheetModel, WorkbookModel } from "./model";
import { isErrorValue, type StoredValue } from "./values";

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** `CustomFunctions.Error` (CustomFunctionsRuntime 1.2): a code and, for #VALUE!/#N/A, a message. */
export class CustomFunctionError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

interface ParamMeta {
  readonly dimensionality?: string;
  readonly optional?: boolean;
}
interface FnMeta {
  readonly id: string;
  readonly name: string;
  readonly parameters: readonly ParamMeta[];
  readonly options?: { readonly requiresParameterAddresses?: boolean; readonly requiresAddress?: boolean };
}
export interface FunctionsMetadata {
  readonly allowErrorForDataTypeAny?: boolean;
  readonly functions: readonly unknown[];
}

export interface CustomFunctionsHostOptions {
  /** functions.json as Excel reads it. */
  readonly metadata: FunctionsMetadata;
  /** The manifest's namespace. Default "EMU". */
  readonly namespace?: string;
  /**
   * "web" passes a blank cell of a range argument as null; "desktop" passes it as 0 (office-js
   * #4702, #5262). Default "web".
   */
  readonly platform?: "web" | "desktop";
}

interface FormulaCell {
  readonly sheet: SheetModel;
  readonly row: number;
  readonly col: number;
  readonly formula: string;
  /** The argument ranges: Excel's precedents of the cell. */
  precedents: { sheet: SheetModel; rect: Rect }[];
  /** The precedents' values when last calculated. */
  seen: string;
  /** Changed under suspendApiCalculationUntilNextSync: waits for an explicit calculate. */
  pending: boolean;
  spill: Rect | null;
  message: string | undefined;
}

export interface CustomFunctionsHost {
  /** What `globalThis.CustomFunctions` holds while installed. */
  readonly CustomFunctions: {
    associate(id: string, fn: (...args: unknown[]) => unknown): void;
    Error: typeof CustomFunctionError;
    ErrorCode: typeof ErrorCode;
  };
  install(target?: object): () => void;
  /** Types a formula into a cell (as a user would) and calculates it. */
  enter(sheet: string, address: string, formula: string): Promise<void>;
  /** Waits until every calculation Excel would run now has run (after a user-like edit, call this). */
  settle(): Promise<void>;
  /** The custom message of the error in a formula's cell (the error indicator's text). */
  message(sheet: string, address: string): string | undefined;
  /** How many times each function id has been invoked. */
  readonly invocations: Map<string, number>;
}

export function createCustomFunctionsHost(
  model: () => WorkbookModel,
  afterSync: ((record: RequestRecord) => void)[],
  options: CustomFunctionsHostOptions,
): CustomFunctionsHost {
  const namespace = (options.namespace ?? "EMU").toUpperCase();
  const platform = options.platform ?? "web";
  const metas = options.metadata.functions as FnMeta[];
  const impls = new Map<string, (...args: unknown[]) => unknown>();
  const cells: FormulaCell[] = [];
  const invocations = new Map<string, number>();
  let running: Promise<void> | null = null;
  let again = false;

  const find = (name: string): FnMeta | undefined =>
    metas.find(
      (m) => m.name.toUpperCase() === name.toUpperCase() || m.id.toUpperCase() === name.toUpperCase(),
    );

  function resolveRef(text: string, home: SheetModel): { sheet: SheetModel; rect: Rect } | null {
    const p = parseAddress(text.replace(/\$/g, ""));
    if (!p) return null;
    const sheet = p.sheet === null ? home : model().sheetByName(p.sheet);
    return sheet ? { sheet, rect: p.rect } : null;
  }

  function parseCall(formula: string): { meta: FnMeta | undefined; name: string; args: string[] } | null {
    const m = /^=\s*([A-Za-z_][\w]*)\.([\p{L}\w.]+)\s*\((.*)\)\s*$/su.exec(formula);
    if (!m || (m[1] ?? "").toUpperCase() !== namespace) return null;
    const args: string[] = [];
    let cur = "";
    let quote: string | null = null;
    for (const ch of m[3] ?? "") {
      if (quote) {
        cur += ch;
        if (ch === quote) quote = null;
      } else if (ch === '"' || ch === "'") {
        quote = ch;
        cur += ch;
      } else if (ch === ",") {
        args.push(cur.trim());
        cur = "";
      } else cur += ch;
    }
    if (cur.trim() !== "" || args.length > 0) args.push(cur.trim());
    return { meta: find(m[2] ?? ""), name: m[2] ?? "", args };
  }

  const signature = (precedents: FormulaCell["precedents"]): string =>
    JSON.stringify(
      precedents.map(({ sheet, rect }) => {
        const out: unknown[] = [];
        for (let r = rect.r0; r <= rect.r1; r++)
          for (let c = rect.c0; c <= rect.c1; c++) out.push(sheet.value(r, c) ?? null);
        return out;
      }),
    );

  function write(cell: FormulaCell, result: unknown): void {
    const { sheet, row, col } = cell;
    if (cell.spill)
      for (let r = cell.spill.r0; r <= cell.spill.r1; r++)
        for (let c = cell.spill.c0; c <= cell.spill.c1; c++)
          if (r !== row || c !== col) sheet.setContent(r, c, undefined, undefined);
    cell.spill = null;
    cell.message = undefined;
    const asStored = (v: unknown): StoredValue | undefined => {
      if (v instanceof CustomFunctionError) return { error: v.code };
      if (v === null || v === undefined) return 0; // Excel shows a returned null as 0 (office-js #1503)
      if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
      return { error: "#VALUE!" };
    };
    const grid = Array.isArray(result) ? (result as unknown[][]) : [[result]];
    const rows = grid.length;
    const cols = Math.max(0, ...grid.map((r) => (Array.isArray(r) ? r.length : 1)));
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) {
        if (i === 0 && j === 0) continue;
        const v = sheet.value(row + i, col + j);
        if (v !== undefined || sheet.formula(row + i, col + j) !== undefined) {
          sheet.setContent(row, col, { error: "#SPILL!" }, cell.formula);
          return;
        }
      }
    grid.forEach((line, i) =>
      (Array.isArray(line) ? line : [line]).forEach((v, j) => {
        sheet.setContent(row + i, col + j, asStored(v), i === 0 && j === 0 ? cell.formula : undefined);
        if (i === 0 && j === 0 && v instanceof CustomFunctionError) cell.message = v.message;
      }),
    );
    if (rows > 1 || cols > 1) cell.spill = { r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 };
  }

  async function calculate(cell: FormulaCell): Promise<void> {
    const call = parseCall(cell.formula);
    cell.precedents = [];
    if (!call || !call.meta || !impls.has(call.meta.id)) {
      write(cell, new CustomFunctionError("#NAME?"));
      return;
    }
    const { meta } = call;
    const allowErrors = options.metadata.allowErrorForDataTypeAny === true;
    const args: unknown[] = [];
    const addresses: string[] = [];
    let inputError: string | null = null;
    meta.parameters.forEach((p, k) => {
      const text = call.args[k] ?? "";
      if (text === "") {
        args.push(null); // an omitted optional parameter arrives as null
        addresses.push("");
        return;
      }
      const deliver = (v: StoredValue | undefined): unknown => {
        if (v === undefined) return platform === "desktop" ? 0 : null;
        if (isErrorValue(v)) {
          if (!allowErrors) inputError ??= v.error;
          return new CustomFunctionError(v.error);
        }
        return v;
      };
      const ref = /^[-\d."]/.test(text) ? null : resolveRef(text, cell.sheet);
      if (ref) {
        cell.precedents.push(ref);
        addresses.push(`${quoteSheetName(ref.sheet.name)}!${rectAddress(ref.rect)}`);
        const grid: unknown[][] = [];
        for (let r = ref.rect.r0; r <= ref.rect.r1; r++) {
          const line: unknown[] = [];
          for (let c = ref.rect.c0; c <= ref.rect.c1; c++) line.push(deliver(ref.sheet.value(r, c)));
          grid.push(line);
        }
        args.push(p.dimensionality === "matrix" ? grid : grid[0]?.[0]);
      } else {
        const literal = text.startsWith('"') ? text.slice(1, -1) : Number(text);
        args.push(p.dimensionality === "matrix" ? [[literal]] : literal);
        addresses.push("");
      }
    });
    cell.seen = signature(cell.precedents);
    cell.pending = false;
    if (inputError !== null) {
      // Without allowErrorForDataTypeAny an error among the inputs is the result; the function is not called.
      write(cell, new CustomFunctionError(inputError));
      return;
    }
    const invocation = {
      functionName: meta.name,
      address: `${quoteSheetName(cell.sheet.name)}!${rectAddress({ r0: cell.row, c0: cell.col, r1: cell.row, c1: cell.col })}`,
      ...(meta.options?.requiresParameterAddresses ? { parameterAddresses: addresses } : {}),
    };
    invocations.set(meta.id, (invocations.get(meta.id) ?? 0) + 1);
    let result: unknown;
    try {
      result = await (impls.get(meta.id) as (...a: unknown[]) => unknown)(...args, invocation);
    } catch (e) {
      result = e instanceof CustomFunctionError ? e : new CustomFunctionError("#VALUE!");
    }
    write(cell, result);
  }

  async function pass(full: boolean): Promise<void> {
    for (let round = 0; round < 10; round++) {
      const due = cells.filter((c) => full || c.pending || signature(c.precedents) !== c.seen);
      full = false;
      if (due.length === 0) return;
      for (const c of due) await calculate(c);
    }
  }

  function schedule(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        const requests = model().calculateRequests.splice(0);
        const full = requests.some((r) => r === "Full" || r === "FullRebuild");
        await pass(full);
      } while (again || model().calculateRequests.length > 0);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  afterSync.push((record) => {
    if (cells.length === 0) return;
    if (record.calculationSuspended && model().calculateRequests.length === 0) {
      // "Suspends calculation until the next context.sync() … it is the developer's responsibility
      // to re-calc the workbook": the changed formulas stay stale until a calculate.
      for (const c of cells) {
        const now = signature(c.precedents);
        if (now !== c.seen) {
          c.pending = true;
          c.seen = now;
        }
      }
      return;
    }
    void schedule();
  });

  const CustomFunctions = {
    associate(id: string, fn: (...args: unknown[]) => unknown): void {
      impls.set(id.toUpperCase(), fn);
    },
    Error: CustomFunctionError,
    ErrorCode,
  };

  return {
    CustomFunctions,
    invocations,
    install(target: object = globalThis): () => void {
      const g = target as Record<string, unknown>;
      const before = g.CustomFunctions;
      g.CustomFunctions = CustomFunctions;
      return () => {
        if (before === undefined) delete g.CustomFunctions;
        else g.CustomFunctions = before;
      };
    },
    async enter(sheetName: string, address: string, formula: string): Promise<void> {
      const sheet = model().sheetByName(sheetName);
      const p = parseAddress(address);
      if (!sheet || !p) throw new Error(`bad target ${sheetName}!${address}`);
      const existing = cells.findIndex(
        (c) => c.sheet === sheet && c.row === p.rect.r0 && c.col === p.rect.c0,
      );
      if (existing >= 0) cells.splice(existing, 1);
      const cell: FormulaCell = {
        sheet,
        row: p.rect.r0,
        col: p.rect.c0,
        formula,
        precedents: [],
        seen: "",
        pending: false,
        spill: null,
        message: undefined,
      };
      cells.push(cell);
      await calculate(cell);
      await schedule();
    },
    settle: schedule,
    message(sheetName: string, address: string): string | undefined {
      const p = parseAddress(address);
      return cells.find((c) => c.sheet.name === sheetName && c.row === p?.rect.r0 && c.col === p?.rect.c0)
        ?.message;
    },
  };
}
