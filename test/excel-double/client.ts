/**
 * The office.js side of the double: proxy objects that queue commands, `RequestContext.sync()`
 * that sends a batch to the in-memory workbook, load/PropertyNotLoaded semantics, request and
 * response size accounting, and injected faults.
 *
 * Modelled on office.js' own client (node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js):
 * - every proxy created (getItem, getRange, `range.format`, ...) queues an "instantiate" action, so a
 *   missing sheet fails at sync at the position where it was asked for, even if it is never used;
 * - a property setter keeps the value in the proxy (reading it back needs no load), as office.js does;
 * - a getter throws PropertyNotLoaded until a sync has delivered a loaded value;
 * - `isNullObject` is delivered by any sync that instantiated the object;
 * - a sync with no queued action makes no round trip.
 */
import {
  Codes,
  DoubleOfficeError,
  invalidObjectPath,
  officeError,
  propertyNotLoaded,
  toOfficeError,
  type ErrorSpec,
} from "./errors";
import type { WorkbookModel } from "./model";

// ---------------------------------------------------------------------------------------------
// Stats and faults

export interface RequestRecord {
  /** 1-based round-trip number since the double was created or stats were reset. */
  index: number;
  /** UTF-8 bytes of the serialized commands. */
  bytes: number;
  commands: number;
  /** UTF-8 bytes of the JSON of the loaded values returned. */
  responseBytes: number;
  ok: boolean;
  errorCode?: string;
  /** `application.suspendApiCalculationUntilNextSync()` was queued in this request. */
  calculationSuspended: boolean;
  /** Number of commands per operation name, e.g. { "Range.values": 2, "Worksheet.getRange": 2 }. */
  ops: Record<string, number>;
}

export interface DoubleStats {
  /** Round trips: syncs that carried at least one command (what costs time in Excel), failed ones included. */
  syncs: number;
  /** Every `context.sync()` call, including empty ones and the final sync `Excel.run` makes. */
  syncCalls: number;
  runs: number;
  failedSyncs: number;
  requests: RequestRecord[];
  maxRequestBytes: number;
  totalBytes: number;
  maxResponseBytes: number;
  totalResponseBytes: number;
  /** Syncs that waited for cell-edit mode to end because the run asked for `delayForCellEdit`. */
  delayedForCellEdit: number;
}

export function emptyStats(): DoubleStats {
  return {
    syncs: 0,
    syncCalls: 0,
    runs: 0,
    failedSyncs: 0,
    requests: [],
    maxRequestBytes: 0,
    totalBytes: 0,
    maxResponseBytes: 0,
    totalResponseBytes: 0,
    delayedForCellEdit: 0,
  };
}

export interface Limits {
  /** Request payload cap in bytes (Excel on the web: 5 MB). */
  requestBytes: number;
  /** Response payload cap in bytes (Excel on the web: 5 MB). */
  responseBytes: number;
  /** Cells a single range read may cover (documented: five million). */
  readCells: number;
  /** What an over-limit cell read does: fail with RangeExceedsLimit (documented), or return null. */
  oversizedRead: "error" | "null";
  /**
   * What a failing command leaves behind: "applyPrefix" (default; the commands before it stay
   * applied, the rest are dropped, like Excel which has no transaction) or "atomic" (nothing applied).
   */
  batchFailure: "applyPrefix" | "atomic";
}

export const FIVE_MB = 5 * 1024 * 1024;

export function defaultLimits(): Limits {
  return {
    requestBytes: FIVE_MB,
    responseBytes: FIVE_MB,
    readCells: 5_000_000,
    oversizedRead: "error",
    batchFailure: "applyPrefix",
  };
}

type CommandMatcher = string | RegExp | ((info: { name: string; args: readonly unknown[] }) => boolean);

interface SyncFault {
  countdown: number;
  error: ErrorSpec | DoubleOfficeError | undefined;
  code: string;
  cellEdit: boolean;
}

interface CommandFault {
  match: CommandMatcher;
  error: ErrorSpec | DoubleOfficeError | undefined;
  remaining: number;
}

/** Faults on demand. Counting is in round trips (syncs that carry commands). */
export class Faults {
  /** @internal */ syncFaults: SyncFault[] = [];
  /** @internal */ commandFaults: CommandFault[] = [];
  /** @internal */ latencyMs = 0;

  constructor(private readonly limits: Limits) {}

  /** The next round trip fails with `error` (default GeneralException) and applies nothing. */
  failNextSync(error?: ErrorSpec | DoubleOfficeError): this {
    return this.failSyncAt(1, error);
  }

  /** The n-th round trip from now (1 = the next one) fails and applies nothing of its batch. */
  failSyncAt(n: number, error?: ErrorSpec | DoubleOfficeError): this {
    if (!Number.isInteger(n) || n < 1) throw new RangeError("failSyncAt: n must be an integer >= 1");
    this.syncFaults.push({ countdown: n, error, code: Codes.generalException, cellEdit: false });
    return this;
  }

  /** The next `times` round trips fail with InvalidOperationInCellEditMode and apply nothing. */
  cellEditMode(times = 1): this {
    for (let i = 1; i <= times; i++)
      this.syncFaults.push({
        countdown: i,
        error: undefined,
        code: Codes.invalidOperationInCellEditMode,
        cellEdit: true,
      });
    return this;
  }

  /**
   * Fails the batch when a command whose operation name matches executes (e.g. "Range.values" or
   * /^Worksheet\./): the commands before it are applied (or none, in "atomic" mode).
   */
  failOnCommand(match: CommandMatcher, error?: ErrorSpec | DoubleOfficeError, times = 1): this {
    this.commandFaults.push({ match, error, remaining: times });
    return this;
  }

  /** Overrides the request payload cap (bytes); `setPayloadLimit()` restores 5 MB. */
  setPayloadLimit(bytes: number = FIVE_MB): this {
    this.limits.requestBytes = bytes;
    return this;
  }

  setResponseLimit(bytes: number = FIVE_MB): this {
    this.limits.responseBytes = bytes;
    return this;
  }

  setReadCellLimit(cells = 5_000_000, behaviour: "error" | "null" = this.limits.oversizedRead): this {
    this.limits.readCells = cells;
    this.limits.oversizedRead = behaviour;
    return this;
  }

  setBatchFailureMode(mode: "applyPrefix" | "atomic"): this {
    this.limits.batchFailure = mode;
    return this;
  }

  /** Delay each round trip (for the browser preview); tests keep 0. */
  setLatency(ms: number): this {
    this.latencyMs = ms;
    return this;
  }

  clear(): this {
    this.syncFaults = [];
    this.commandFaults = [];
    this.latencyMs = 0;
    const d = defaultLimits();
    Object.assign(this.limits, d);
    return this;
  }

  /** @internal Advances the sync countdowns; returns the fault that fires now, if any. */
  takeSyncFault(): SyncFault | undefined {
    for (const f of this.syncFaults) f.countdown--;
    const fired = this.syncFaults.find((f) => f.countdown <= 0);
    // Two faults due on the same round trip: the second one fails the next round trip.
    this.syncFaults = this.syncFaults
      .filter((f) => f !== fired)
      .map((f) => (f.countdown <= 0 ? { ...f, countdown: 1 } : f));
    return fired;
  }

  /** @internal */
  matchCommand(name: string, args: readonly unknown[]): CommandFault | undefined {
    const f = this.commandFaults.find((cf) => {
      if (cf.remaining <= 0) return false;
      if (typeof cf.match === "string") return cf.match === name;
      if (cf.match instanceof RegExp) return cf.match.test(name);
      return cf.match({ name, args });
    });
    if (f) f.remaining--;
    this.commandFaults = this.commandFaults.filter((cf) => cf.remaining > 0);
    return f;
  }
}

// ---------------------------------------------------------------------------------------------
// Execution

/** What a command sees while a request executes. */
export class Exec {
  responseBytes = 0;
  readonly deliveries: (() => void)[] = [];
  readonly traces: string[] = [];
  calculationSuspended = false;

  constructor(
    readonly model: WorkbookModel,
    readonly limits: Limits,
  ) {}

  /** Queues a load result for delivery to the proxy once the request succeeds; counts its bytes. */
  respond(data: unknown, deliver: () => void): void {
    this.responseBytes += utf8Length(JSON.stringify(data) ?? "null");
    this.deliveries.push(deliver);
  }
}

export interface Command {
  kind: "instantiate" | "set" | "method" | "load" | "trace";
  name: string;
  args: readonly unknown[];
  target: ClientObject<unknown> | null;
  run(exec: Exec): void;
}

/** UTF-8 length of a string without allocating (works in browsers and Node). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function commandBytes(cmd: Command): number {
  // Roughly the shape office.js sends per action: {"Id":..,"ActionType":..,"Name":..,"ObjectPathId":..,"ArgumentInfo":{"Arguments":[...]}}
  const body = JSON.stringify({
    Id: 0,
    ActionType: cmd.kind,
    Name: cmd.name,
    ObjectPathId: 0,
    ArgumentInfo: { Arguments: cmd.args },
  });
  return utf8Length(body ?? "");
}

export class Engine {
  stats: DoubleStats = emptyStats();
  readonly limits: Limits = defaultLimits();
  readonly faults: Faults = new Faults(this.limits);
  /** The ExcelApi requirement set the host supports ("1.8"); null: every set the double implements. */
  excelApi: string | null = null;
  /** Called after every successful sync (the custom-functions host recalculates there). */
  readonly afterSync: ((record: RequestRecord) => void)[] = [];

  constructor(public model: WorkbookModel) {}

  async execute(ctx: RequestContext, commands: Command[]): Promise<void> {
    if (this.faults.latencyMs > 0)
      await new Promise<void>((resolve) => setTimeout(resolve, this.faults.latencyMs));
    else await Promise.resolve();
    const stats = this.stats;
    stats.syncs++;
    const ops: Record<string, number> = {};
    let bytes = 0;
    for (const cmd of commands) {
      bytes += commandBytes(cmd);
      ops[cmd.name] = (ops[cmd.name] ?? 0) + 1;
    }
    const record: RequestRecord = {
      index: stats.syncs,
      bytes,
      commands: commands.length,
      responseBytes: 0,
      ok: false,
      calculationSuspended: commands.some((c) => c.name === "Application.suspendApiCalculationUntilNextSync"),
      ops,
    };
    stats.requests.push(record);
    stats.totalBytes += bytes;
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, bytes);

    const fail = (error: DoubleOfficeError): never => {
      record.errorCode = error.code;
      stats.failedSyncs++;
      throw error;
    };

    const fault = this.faults.takeSyncFault(); // every round trip advances the fault countdowns
    if (bytes > this.limits.requestBytes) {
      fail(officeError(Codes.requestPayloadSizeLimitExceeded, ""));
    }
    if (fault) {
      if (fault.cellEdit && ctx._delayForCellEdit) {
        stats.delayedForCellEdit++;
      } else {
        const err = toOfficeError(fault.error, fault.code);
        if (err.debugInfo.errorLocation === undefined) err.debugInfo.errorLocation = "";
        fail(err);
      }
    }

    const exec = new Exec(this.model, this.limits);
    const restore = this.limits.batchFailure === "atomic" ? captureModel(this.model) : null;
    let error: DoubleOfficeError | null = null;
    for (let i = 0; i < commands.length; i++) {
      const cmd = commands[i] as Command;
      try {
        const injected = this.faults.matchCommand(cmd.name, cmd.args);
        if (injected) throw toOfficeError(injected.error, Codes.generalException);
        cmd.run(exec);
      } catch (e) {
        error = asOfficeError(e, cmd.name);
        error.debugInfo.statement = describeCommand(cmd);
        error.debugInfo.surroundingStatements = commands
          .slice(Math.max(0, i - 2), i + 3)
          .map(describeCommand);
        if (error.debugInfo.errorLocation === undefined) error.debugInfo.errorLocation = cmd.name;
        break;
      }
    }
    if (error && restore) {
      restore();
      exec.deliveries.length = 0;
    }
    record.responseBytes = exec.responseBytes;
    stats.totalResponseBytes += exec.responseBytes;
    stats.maxResponseBytes = Math.max(stats.maxResponseBytes, exec.responseBytes);
    if (!error && exec.responseBytes > this.limits.responseBytes) {
      // The commands ran; the response could not be returned, so no load is delivered.
      fail(officeError(Codes.responsePayloadSizeLimitExceeded, ""));
    }
    for (const deliver of exec.deliveries) deliver();
    if (error) {
      error.traceMessages = exec.traces;
      fail(error);
    }
    record.ok = true;
    for (const f of this.afterSync) f(record);
  }
}

function describeCommand(cmd: Command): string {
  const target = cmd.target?._path ?? "";
  return cmd.kind === "instantiate" ? target : `${target}.${cmd.name.split(".").pop() ?? cmd.name}(...)`;
}

function asOfficeError(e: unknown, location: string): DoubleOfficeError {
  if (e instanceof DoubleOfficeError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new DoubleOfficeError({ code: Codes.generalException, message, errorLocation: location });
}

/** Snapshot of everything a batch can change, restored in place (proxies keep their objects). */
function captureModel(model: WorkbookModel): () => void {
  const sheets = model.sheets.slice();
  const sheetStates = sheets.map((s) => ({
    sheet: s,
    name: s.name,
    visibility: s.visibility,
    showGridlines: s.showGridlines,
    tabColor: s.tabColor,
    rows: new Map(
      [...s.rows].map(([r, row]) => [
        r,
        { v: row.v.slice(), f: row.f ? row.f.slice() : null, s: row.s ? row.s.slice() : null },
      ]),
    ),
    colStyles: new Map(s.colStyles),
    rowStyles: new Map(s.rowStyles),
    colWidths: new Map(s.colWidths),
    rowHeights: new Map(s.rowHeights),
    merges: s.merges.map((m) => ({ ...m })),
    freezeRows: s.freezeRows,
    freezeColumns: s.freezeColumns,
    pageLayout: JSON.parse(JSON.stringify(s.pageLayout)) as typeof s.pageLayout,
    selection: { ...s.selection },
    deleted: s.deleted,
    // Both are replaced, never mutated, by a change: keeping the references is a snapshot.
    protection: s.protection,
    validations: s.validations,
  }));
  const active = model.activeSheet;
  const names = new Map([...model.names].map(([k, v]) => [k, { ...v }]));
  const settings = new Map(model.settings);
  const tables = model.tables.map((t) => ({ table: t, copy: { ...t, rect: { ...t.rect } } }));
  const properties = { ...model.properties };
  const calculationMode = model.calculationMode;
  return () => {
    model.sheets = sheets;
    for (const st of sheetStates) {
      const s = st.sheet;
      s.name = st.name;
      s.visibility = st.visibility;
      s.showGridlines = st.showGridlines;
      s.tabColor = st.tabColor;
      s.rows.clear();
      for (const [r, row] of st.rows) s.rows.set(r, row);
      s.colStyles.clear();
      for (const [k, v] of st.colStyles) s.colStyles.set(k, v);
      s.rowStyles.clear();
      for (const [k, v] of st.rowStyles) s.rowStyles.set(k, v);
      s.colWidths.clear();
      for (const [k, v] of st.colWidths) s.colWidths.set(k, v);
      s.rowHeights.clear();
      for (const [k, v] of st.rowHeights) s.rowHeights.set(k, v);
      s.merges = st.merges;
      s.freezeRows = st.freezeRows;
      s.freezeColumns = st.freezeColumns;
      s.pageLayout = st.pageLayout;
      s.selection = st.selection;
      s.deleted = st.deleted;
      s.protection = st.protection;
      s.validations = st.validations;
    }
    model.activeSheet = active;
    model.names.clear();
    for (const [k, v] of names) model.names.set(k, v);
    model.settings.clear();
    for (const [k, v] of settings) model.settings.set(k, v);
    model.tables.length = 0;
    for (const t of tables) {
      Object.assign(t.table, t.copy);
      model.tables.push(t.table);
    }
    model.properties = properties;
    model.calculationMode = calculationMode;
  };
}

// ---------------------------------------------------------------------------------------------
// Load options

export type LoadOption = string | string[] | Record<string, unknown> | undefined;

/** Normalises every `load(...)` form into property paths ("values", "format/font/name", "*"). */
export function parseLoadOption(option: LoadOption, location: string): string[] {
  if (option === undefined || option === null) return ["*"];
  if (typeof option === "string") return splitPaths(option);
  if (Array.isArray(option)) {
    const out: string[] = [];
    for (const o of option) {
      if (typeof o !== "string") throw officeError(Codes.invalidArgument, location);
      out.push(...splitPaths(o));
    }
    return out.length ? out : ["*"];
  }
  if (typeof option === "object") {
    const o = option as { select?: unknown; expand?: unknown; top?: unknown; skip?: unknown };
    const isLoadOption =
      typeof o.select === "string" ||
      Array.isArray(o.select) ||
      typeof o.expand === "string" ||
      Array.isArray(o.expand) ||
      typeof o.top === "number" ||
      typeof o.skip === "number" ||
      Object.keys(option).length === 0;
    if (isLoadOption) {
      const paths: string[] = [];
      if (typeof o.select === "string") paths.push(...splitPaths(o.select));
      else if (Array.isArray(o.select)) paths.push(...(o.select as string[]));
      if (typeof o.expand === "string") paths.push(...splitPaths(o.expand));
      else if (Array.isArray(o.expand)) paths.push(...(o.expand as string[]));
      return paths.length ? paths : ["*"];
    }
    const out: string[] = [];
    const walk = (obj: Record<string, unknown>, prefix: string): void => {
      for (const [key, value] of Object.entries(obj)) {
        if (key === "$all") {
          if (typeof value !== "boolean") throw officeError(Codes.invalidArgument, location);
          if (value) out.push(prefix ? `${prefix}/*` : "*");
        } else if (key === "$top" || key === "$skip") {
          continue;
        } else if (typeof value === "boolean") {
          if (value) out.push(prefix ? `${prefix}/${key}` : key);
        } else if (typeof value === "object" && value !== null) {
          walk(value as Record<string, unknown>, prefix ? `${prefix}/${key}` : key);
        } else throw officeError(Codes.invalidArgument, location);
      }
    };
    walk(option, "");
    return out;
  }
  throw officeError(Codes.invalidArgument, location);
}

function splitPaths(s: string): string[] {
  const parts = s
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return parts.length ? parts : ["*"];
}

// ---------------------------------------------------------------------------------------------
// Proxies

export interface ProxyInit<E> {
  path: string;
  resolve: ((exec: Exec) => E | null) | null;
  /** Already resolved (collection items created while delivering a load). */
  entity?: E;
  /** Queue an instantiate action now (office.js does for every object it creates). */
  instantiate: boolean;
  parent: ClientObject<unknown> | null;
}

/**
 * Base of every proxy (office.js' `OfficeExtension.ClientObject`). Subclasses describe their
 * loadable scalars (`_scalars`), navigation children (`_navigation`) and how to read a scalar.
 */
export abstract class ClientObject<E> {
  abstract readonly _className: string;
  /** @internal */ readonly _path: string;
  /** @internal */ readonly _fields = new Map<string, unknown>();
  /** @internal */ _isNull: boolean | undefined = undefined;
  /** @internal */ _tracked = false;
  /** @internal */ readonly _parentObject: ClientObject<unknown> | null;
  private _entity: E | null | undefined = undefined;
  private readonly _resolver: ((exec: Exec) => E | null) | null;
  private readonly _children = new Map<string, ClientObject<unknown>>();
  readonly context: RequestContext;

  constructor(context: RequestContext, init: ProxyInit<E>) {
    this.context = context;
    this._path = init.path;
    this._resolver = init.resolve;
    this._parentObject = init.parent;
    if (init.entity !== undefined) {
      this._entity = init.entity;
      this._isNull = false;
    }
    context._register(this);
    if (init.instantiate) {
      context._enqueue(this, {
        kind: "instantiate",
        name: `${init.parent?._className ?? "Workbook"}.${this._methodName()}`,
        args: [],
        target: this as ClientObject<unknown>,
        run: (exec) => {
          const e = this._resolve(exec);
          exec.deliveries.push(() => {
            this._isNull = e === null;
          });
        },
      });
    }
  }

  private _methodName(): string {
    const last = this._path.split(".").pop() ?? "";
    return last.replace(/\(.*$/, "");
  }

  /** Loadable scalar property names (what `load()` without arguments loads). */
  abstract _scalars(): readonly string[];
  /** Reads one scalar for a load. */
  abstract _read(exec: Exec, entity: E, name: string): unknown;
  /** Navigation properties usable in load paths ("format/font/name"). */
  _navigation(): Record<string, () => ClientObject<unknown>> {
    return {};
  }
  /** Called before each use of the resolved entity: throws when it no longer exists. */
  _check(_entity: E, _location: string): void {}

  /** @internal Resolves (once) what this proxy stands for; null for a null object. */
  _resolve(exec: Exec): E | null {
    if (this._entity === undefined) {
      if (!this._resolver) throw new Error(`proxy ${this._path} has no resolver`);
      this._entity = this._resolver(exec);
    }
    return this._entity;
  }

  /** @internal The entity, or an ItemNotFound/InvalidObjectPath error at sync. */
  _require(exec: Exec, location: string): E {
    const e = this._resolve(exec);
    if (e === null) throw officeError(Codes.itemNotFound, location);
    this._check(e, location);
    return e;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(this._className, "isNullObject");
    return this._isNull;
  }

  /** @internal office.js `throwIfNotLoaded`: a null object reads as undefined. */
  protected _get<T>(name: string): T {
    if (this._isNull === true) return undefined as T;
    if (!this._fields.has(name)) throw propertyNotLoaded(this._className, name);
    return this._fields.get(name) as T;
  }

  /**
   * @internal Keeps the value locally (like office.js) and queues the write. `sent` is the value as
   * it goes over the wire when that differs (a Range inside an object travels as a reference).
   */
  protected _setProperty(
    name: string,
    value: unknown,
    apply: (exec: Exec, entity: E) => void,
    sent: unknown = value,
  ): void {
    this._fields.set(name, value);
    this._queue("set", `${this._className}.${name}`, [sent], (exec) => this._onEntity(exec, name, apply));
  }

  /**
   * Runs a write on the entity. On a null object (from an *OrNullObject method) a write or method
   * call does nothing, without error: Microsoft's own samples rely on
   * `worksheets.getItemOrNullObject("Sample").delete()` in the batch that then adds "Sample".
   */
  private _onEntity(exec: Exec, name: string, apply: (exec: Exec, entity: E) => void): void {
    const location = `${this._className}.${name}`;
    const e = this._resolve(exec);
    if (e === null) return;
    this._check(e, location);
    apply(exec, e);
  }

  /** @internal Queues a method call on the entity. */
  protected _method(name: string, args: readonly unknown[], apply: (exec: Exec, entity: E) => void): void {
    this._queue("method", `${this._className}.${name}`, args, (exec) => this._onEntity(exec, name, apply));
  }

  /** @internal */
  protected _queue(
    kind: Command["kind"],
    name: string,
    args: readonly unknown[],
    run: (exec: Exec) => void,
  ): void {
    this.context._enqueue(this, { kind, name, args, target: this as ClientObject<unknown>, run });
  }

  /** @internal A cached navigation child (office.js creates it once per proxy). */
  protected _child<C extends ClientObject<unknown>>(key: string, make: () => C): C {
    let c = this._children.get(key);
    if (!c) {
      c = make();
      this._children.set(key, c);
    }
    return c as C;
  }

  /**
   * A navigation child over this object's own entity (`range.format`, `format.font`,
   * `sheet.protection` …), created once, with an instantiate action as office.js queues one.
   */
  protected _facet<C extends ClientObject<unknown>>(
    key: string,
    Ctor: new (context: RequestContext, init: ProxyInit<E>) => C,
  ): C {
    return this._child(
      key,
      () =>
        new Ctor(this.context, {
          path: `${this._path}.${key}`,
          resolve: (exec) => this._resolve(exec),
          instantiate: true,
          parent: this,
        }),
    );
  }

  /** @internal A method returning a primitive (office.js `ClientResult`). */
  protected _result<T>(
    name: string,
    args: readonly unknown[],
    compute: (exec: Exec, entity: E) => T,
  ): ClientResult<T> {
    const result = new ClientResult<T>();
    this._queue("method", `${this._className}.${name}`, args, (exec) => {
      const value = compute(exec, this._require(exec, `${this._className}.${name}`));
      exec.respond(value, () => result._deliver(value));
    });
    return result;
  }

  load(option?: LoadOption): this {
    this.context.load(this as ClientObject<unknown>, option);
    return this;
  }

  /** @internal Queues a load of these paths (called by RequestContext.load). */
  _queueLoad(paths: string[]): void {
    const nav = this._navigation();
    const own: string[] = [];
    const byChild = new Map<string, string[]>();
    for (const p of paths) {
      const [head = "", ...rest] = p.split("/");
      if (nav[head]) {
        const list = byChild.get(head) ?? [];
        list.push(rest.length ? rest.join("/") : "*");
        byChild.set(head, list);
      } else if (rest.length && head !== "items") {
        throw officeError(
          Codes.invalidArgument,
          `${this._className}.load`,
          `The property '${head}' is not a navigation property of ${this._className}.`,
        );
      } else own.push(p);
    }
    for (const [head, sub] of byChild) {
      const make = nav[head];
      if (make) make()._queueLoad(sub);
    }
    if (own.length === 0) return;
    this._queue("load", `${this._className}.load`, [own.join(",")], (exec) => this._runLoad(exec, own));
  }

  /** @internal Executes a load: reads the selected scalars now, delivers them after the request. */
  _runLoad(exec: Exec, paths: string[]): void {
    const entity = this._resolve(exec);
    if (entity === null) {
      exec.respond(null, () => {
        this._isNull = true;
      });
      return;
    }
    this._check(entity, `${this._className}.load`);
    const names = this._expand(paths);
    const data: Record<string, unknown> = {};
    for (const n of names) data[n] = this._read(exec, entity, n);
    exec.respond(data, () => {
      this._isNull = false;
      for (const [k, v] of Object.entries(data)) this._fields.set(k, v);
    });
  }

  /** @internal "*" → all scalars; validates names. */
  _expand(paths: string[]): string[] {
    const scalars = this._scalars();
    const out: string[] = [];
    for (const p of paths) {
      if (p === "*" || p === "") {
        for (const s of scalars) if (!out.includes(s)) out.push(s);
      } else if (scalars.includes(p)) {
        if (!out.includes(p)) out.push(p);
      } else {
        throw officeError(
          Codes.invalidArgument,
          `${this._className}.load`,
          `The property '${p}' doesn't exist on ${this._className}.`,
        );
      }
    }
    return out;
  }

  /** office.js `set()`: scalars in the class's own order, then navigation objects. */
  protected _setMany(
    properties: Record<string, unknown>,
    scalarOrder: readonly string[],
    navOrder: readonly string[],
    readOnly: readonly string[],
  ): void {
    if (typeof properties !== "object" || properties === null)
      throw officeError(Codes.invalidArgument, `${this._className}.set`);
    const self = this as unknown as Record<string, unknown>;
    for (const key of scalarOrder) {
      if (Object.prototype.hasOwnProperty.call(properties, key) && properties[key] !== undefined)
        self[key] = properties[key];
    }
    for (const key of navOrder) {
      if (Object.prototype.hasOwnProperty.call(properties, key) && properties[key] !== undefined) {
        const child = self[key] as { set(p: unknown): void };
        child.set(properties[key]);
      }
    }
    for (const key of Object.keys(properties)) {
      if (scalarOrder.includes(key) || navOrder.includes(key)) continue;
      const message =
        readOnly.includes(key) || this._scalars().includes(key)
          ? `Attempting to set read-only property '${key}'.`
          : `The property '${key}' does not exist on ${this._className}.`;
      throw officeError(Codes.invalidArgument, key, message);
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this._fields) out[k] = v;
    for (const [k, c] of this._children) {
      const j = c.toJSON();
      if (Object.keys(j).length) out[k] = j;
    }
    return out;
  }

  track(): this {
    this.context.trackedObjects.add(this as ClientObject<unknown>);
    return this;
  }

  untrack(): this {
    this.context.trackedObjects.remove(this as ClientObject<unknown>);
    return this;
  }
}

/** "1.10" > "1.9": requirement-set versions compare part by part. */
export function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

/** `Office.context.requirements.isSetSupported` as the double's host answers it. */
export function isSetSupported(engine: Engine, name: string, version = "1.1"): boolean {
  if (name !== "ExcelApi") return false;
  return engine.excelApi === null || versionAtLeast(engine.excelApi, version);
}

/**
 * office.js `CommonUtility.throwIfApiNotSupported`: a method of a requirement set the host lacks
 * throws ApiNotFound when called (before anything is queued), with office.js' message.
 */
export function throwIfApiNotSupported(context: RequestContext, apiFullName: string, version: string): void {
  if (isSetSupported(context._engine, "ExcelApi", version)) return;
  throw new DoubleOfficeError({
    code: Codes.apiNotFound,
    message: `The method or property ${apiFullName} is part of the ExcelApi ${version} requirement set, which is not available in your version of Excel.`,
    errorLocation: apiFullName,
    httpStatusCode: 404,
  });
}

/**
 * office.js `ClientResult<T>`: `value` is readable after the sync that computed it; before, it
 * throws office.js' own ValueNotLoaded (`ClientResult.prototype.value` in excel-web-16.00.debug.js:
 * code "ValueNotLoaded", httpStatusCode 400, debugInfo.errorLocation "clientResult.value").
 */
export class ClientResult<T> {
  private _loaded = false;
  private _value: T | undefined;

  get value(): T {
    if (!this._loaded) throw officeError(Codes.valueNotLoaded, "clientResult.value");
    return this._value as T;
  }

  /** @internal */
  _deliver(v: T): void {
    this._value = v;
    this._loaded = true;
  }
}

/** Collection proxies: `items` after a load; `load("items/name")` or `load("name")`. */
export abstract class ClientCollection<E, I extends ClientObject<unknown>, IE> extends ClientObject<E> {
  /** Entities of the items, in order. */
  abstract _itemEntities(exec: Exec, entity: E): IE[];
  /** A proxy for an existing item (no instantiate action). */
  abstract _makeItem(entity: IE, index: number): I;

  get items(): I[] {
    return this._get<I[]>("items");
  }

  override _scalars(): readonly string[] {
    return [];
  }

  override _read(): unknown {
    return undefined;
  }

  override _queueLoad(paths: string[]): void {
    const itemPaths = paths.map((p) => (p.startsWith("items/") ? p.slice(6) : p === "items" ? "*" : p));
    this._queue("load", `${this._className}.load`, [paths.join(",")], (exec) => {
      const entity = this._resolve(exec);
      if (entity === null) {
        exec.respond(null, () => {
          this._isNull = true;
        });
        return;
      }
      this._check(entity, `${this._className}.load`);
      const entities = this._itemEntities(exec, entity);
      const items = entities.map((ie, i) => this._makeItem(ie, i));
      const data: Record<string, unknown>[] = [];
      for (const item of items) {
        const names = item._expand(itemPaths);
        const row: Record<string, unknown> = {};
        for (const n of names) row[n] = item._read(exec, item._resolve(exec), n);
        data.push(row);
      }
      exec.respond({ items: data }, () => {
        this._isNull = false;
        items.forEach((item, i) => {
          item._isNull = false;
          for (const [k, v] of Object.entries(data[i] ?? {})) item._fields.set(k, v);
        });
        this._fields.set("items", items);
      });
    });
  }

  override toJSON(): Record<string, unknown> {
    const items = this._fields.get("items") as I[] | undefined;
    return items ? { items: items.map((i) => i.toJSON()) } : {};
  }
}

// ---------------------------------------------------------------------------------------------
// RequestContext

export class TrackedObjects {
  constructor(private readonly ctx: RequestContext) {}
  add(objects: ClientObject<unknown> | ClientObject<unknown>[]): void {
    for (const o of Array.isArray(objects) ? objects : [objects]) {
      if (o.context !== this.ctx) throw officeError(Codes.invalidRequestContext);
      o._tracked = true;
    }
  }
  remove(objects: ClientObject<unknown> | ClientObject<unknown>[]): void {
    for (const o of Array.isArray(objects) ? objects : [objects]) o._tracked = false;
  }
}

/** office.js' (Excel.)RequestContext: a queue of commands and `sync()`. */
export class RequestContext {
  /** @internal */ _pending: Command[] = [];
  /** @internal */ _delayForCellEdit = false;
  /** @internal */ _runObjects: ClientObject<unknown>[] | null = null;
  /** @internal */ _invalid = new WeakSet<ClientObject<unknown>>();
  readonly trackedObjects: TrackedObjects;
  requestHeaders: Record<string, string> = {};
  private _workbook: unknown;
  /** @internal */ readonly _engine: Engine;
  /** @internal */ _workbookFactory: ((ctx: RequestContext) => unknown) | null = null;

  constructor(engine: Engine, workbookFactory: (ctx: RequestContext) => unknown) {
    this._engine = engine;
    this._workbookFactory = workbookFactory;
    this.trackedObjects = new TrackedObjects(this);
  }

  /** @internal */
  _workbookObject(): unknown {
    if (this._workbook === undefined && this._workbookFactory) this._workbook = this._workbookFactory(this);
    return this._workbook;
  }

  /** @internal */
  _register(obj: ClientObject<unknown>): void {
    // The root (context.workbook) is a global object: it stays valid across runs.
    if (this._runObjects && obj._parentObject !== null) this._runObjects.push(obj);
  }

  /** @internal */
  _enqueue(obj: ClientObject<unknown>, cmd: Command): void {
    // A tracked object keeps its own reference in Excel: its parents' lifetime no longer matters.
    let o: ClientObject<unknown> | null = obj;
    while (o) {
      if (this._invalid.has(o)) throw invalidObjectPath(obj._path);
      if (o._tracked) break;
      o = o._parentObject;
    }
    this._pending.push(cmd);
  }

  load(object: ClientObject<unknown>, option?: LoadOption): void {
    if (object.context !== this) throw officeError(Codes.invalidRequestContext);
    const paths = parseLoadOption(option, `${object._className}.load`);
    if (paths.length === 0) return;
    object._queueLoad(paths);
  }

  trace(message: string): void {
    this._pending.push({
      kind: "trace",
      name: "Trace",
      args: [message],
      target: null,
      run: (exec) => {
        exec.traces.push(message);
      },
    });
  }

  get debugInfo(): { pendingStatements: string[] } {
    return { pendingStatements: this._pending.map((c) => `${c.target?._path ?? ""}:${c.name}`) };
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const commands = this._pending;
    this._pending = [];
    this._engine.stats.syncCalls++;
    if (commands.length === 0) {
      await Promise.resolve();
      return passThroughValue as T;
    }
    await this._engine.execute(this, commands);
    return passThroughValue as T;
  }
}
