/** Excel.Workbook, Application, NamedItem(Collection), Setting(Collection), DocumentProperties, Excel.RequestContext. */
import { columnIndex, fullAddress, parseAddress, type Rect } from "./address";
import {
  ClientCollection,
  ClientObject,
  ClientResult,
  RequestContext,
  type Engine,
  type Exec,
} from "./client";
import { Codes, officeError, readOnlyProperty } from "./errors";
import type { NamedItemModel, WorkbookModel } from "./model";
import { Range, type RangeEntity } from "./range";
import { TableCollection, WorksheetCollection } from "./sheet";

/** Excel.RequestContext: `workbook`, `application`, `sync()`, `load()`, `trace()`, `trackedObjects`. */
export class ExcelRequestContext extends RequestContext {
  constructor(engine: Engine) {
    super(
      engine,
      (ctx) =>
        new Workbook(ctx, {
          path: "workbook",
          resolve: (exec) => exec.model,
          instantiate: false,
          parent: null,
        }),
    );
  }

  get workbook(): Workbook {
    return this._workbookObject() as Workbook;
  }

  get application(): Application {
    return this.workbook.application;
  }
}

export class Workbook extends ClientObject<WorkbookModel> {
  readonly _className = "Workbook";

  override _scalars(): readonly string[] {
    return ["name", "isDirty", "readOnly"];
  }

  override _navigation(): Record<string, () => ClientObject<unknown>> {
    return {
      worksheets: () => this.worksheets,
      names: () => this.names,
      settings: () => this.settings,
      application: () => this.application,
      properties: () => this.properties,
      tables: () => this.tables,
    };
  }

  override _read(_exec: Exec, _model: WorkbookModel, name: string): unknown {
    if (name === "name") return "Book1.xlsx";
    return false;
  }

  get name(): string {
    return this._get("name");
  }

  private _nav<C extends ClientObject<unknown>>(key: string, make: (path: string) => C): C {
    return this._child(key, () => make(`workbook.${key}`));
  }

  get worksheets(): WorksheetCollection {
    return this._nav(
      "worksheets",
      (path) =>
        new WorksheetCollection(this.context, {
          path,
          resolve: (exec) => exec.model,
          instantiate: true,
          parent: this,
        }),
    );
  }

  get names(): NamedItemCollection {
    return this._nav(
      "names",
      (path) =>
        new NamedItemCollection(this.context, {
          path,
          resolve: (exec) => exec.model,
          instantiate: true,
          parent: this,
        }),
    );
  }

  get settings(): SettingCollection {
    return this._nav(
      "settings",
      (path) =>
        new SettingCollection(this.context, {
          path,
          resolve: (exec) => exec.model,
          instantiate: true,
          parent: this,
        }),
    );
  }

  get application(): Application {
    return this._nav(
      "application",
      (path) =>
        new Application(this.context, {
          path,
          resolve: (exec) => exec.model,
          instantiate: true,
          parent: this,
        }),
    );
  }

  get properties(): DocumentProperties {
    return this._nav(
      "properties",
      (path) =>
        new DocumentProperties(this.context, {
          path,
          resolve: (exec) => exec.model,
          instantiate: true,
          parent: this,
        }),
    );
  }

  get tables(): TableCollection {
    return this._nav(
      "tables",
      (path) =>
        new TableCollection(this.context, {
          path,
          resolve: (exec) => ({ model: exec.model, sheet: null }),
          instantiate: true,
          parent: this,
        }),
    );
  }

  /** The selection on the active sheet (each sheet keeps its own; A1 until something is selected). */
  getSelectedRange(): Range {
    return Range.create(this.context, "workbook.getSelectedRange()", this, (exec) => {
      const sheet = exec.model.activeSheet;
      if (!sheet) throw officeError(Codes.invalidSelection, "Workbook.getSelectedRange");
      return { sheet, rect: { ...sheet.selection } };
    });
  }

  getActiveCell(): Range {
    return Range.create(this.context, "workbook.getActiveCell()", this, (exec) => {
      const sheet = exec.model.activeSheet;
      if (!sheet) throw officeError(Codes.invalidSelection, "Workbook.getActiveCell");
      return {
        sheet,
        rect: {
          r0: sheet.selection.r0,
          c0: sheet.selection.c0,
          r1: sheet.selection.r0,
          c1: sheet.selection.c0,
        },
      };
    });
  }

  set(properties: Record<string, unknown>): void {
    this._setMany(properties, [], ["properties"], ["name"]);
  }
}

const CALC_MODES = ["Automatic", "AutomaticExceptTables", "Manual"];

export class Application extends ClientObject<WorkbookModel> {
  readonly _className = "Application";

  override _scalars(): readonly string[] {
    return [
      "calculationMode",
      "calculationEngineVersion",
      "calculationState",
      "decimalSeparator",
      "thousandsSeparator",
      "useSystemSeparators",
    ];
  }

  override _read(exec: Exec, model: WorkbookModel, name: string): unknown {
    switch (name) {
      case "calculationMode":
        return model.calculationMode;
      case "calculationEngineVersion":
        return 0;
      case "calculationState":
        return "Done";
      case "decimalSeparator":
        return exec.model.sep.decimal;
      case "thousandsSeparator":
        return exec.model.sep.group;
      case "useSystemSeparators":
        return true;
      default:
        return undefined;
    }
  }

  get calculationMode(): string {
    return this._get("calculationMode");
  }
  set calculationMode(v: string) {
    this._setProperty("calculationMode", v, (_exec, model) => {
      if (!CALC_MODES.includes(v)) throw officeError(Codes.invalidArgument, "Application.calculationMode");
      model.calculationMode = v;
    });
  }
  get calculationState(): string {
    return this._get("calculationState");
  }
  get decimalSeparator(): string {
    return this._get("decimalSeparator");
  }
  get thousandsSeparator(): string {
    return this._get("thousandsSeparator");
  }
  get useSystemSeparators(): boolean {
    return this._get("useSystemSeparators");
  }

  /** Recorded per request in `stats.requests[i].calculationSuspended`; formulas are not evaluated anyway. */
  suspendApiCalculationUntilNextSync(): void {
    this._method("suspendApiCalculationUntilNextSync", [], (exec) => {
      exec.calculationSuspended = true;
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this._method("suspendScreenUpdatingUntilNextSync", [], () => undefined);
  }

  calculate(calculationType: string): void {
    this._method("calculate", [calculationType], (exec) => {
      if (!["Recalculate", "Full", "FullRebuild"].includes(calculationType))
        throw officeError(Codes.invalidArgument, "Application.calculate");
      exec.model.calculateRequests.push(calculationType);
    });
  }

  set(properties: Record<string, unknown>): void {
    this._setMany(
      properties,
      ["calculationMode"],
      [],
      ["calculationState", "decimalSeparator", "thousandsSeparator", "useSystemSeparators"],
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Names

/** Excel's rules for a defined name: starts with a letter, "_" or "\", no spaces, not a cell reference. */
export function validDefinedName(name: unknown): name is string {
  if (typeof name !== "string" || name.length === 0 || name.length > 255) return false;
  if (!/^[\p{L}_\\][\p{L}\p{M}\p{N}_.\\?]*$/u.test(name)) return false;
  if (/^(r|c)$/i.test(name)) return false;
  const m = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (m && m[1] !== undefined && columnIndex(m[1]) >= 0 && Number(m[2]) >= 1 && Number(m[2]) <= 1_048_576)
    return false;
  if (/^R\d*C\d*$/i.test(name)) return false;
  return true;
}

function namedRange(exec: Exec, n: NamedItemModel): RangeEntity | null {
  const parsed = parseAddress(n.formula.replace(/^=/, ""));
  if (!parsed || parsed.sheet === null) return null;
  const sheet = exec.model.sheetByName(parsed.sheet);
  return sheet ? { sheet, rect: parsed.rect } : null;
}

function namedType(exec: Exec, n: NamedItemModel): string {
  if (namedRange(exec, n)) return "Range";
  const body = n.formula.replace(/^=/, "");
  if (/^(TRUE|FALSE)$/i.test(body)) return "Boolean";
  if (/^-?\d+(\.\d+)?$/.test(body)) return "Double";
  if (/^".*"$/.test(body)) return "String";
  if (/^#/.test(body)) return "Error";
  return "Range";
}

function rangeReference(sheetName: string, r: Rect): string {
  return `=${fullAddress(sheetName, r, true)}`;
}

export class NamedItemCollection extends ClientCollection<WorkbookModel, NamedItem, NamedItemModel> {
  readonly _className = "NamedItemCollection";

  override _itemEntities(exec: Exec): NamedItemModel[] {
    return [...exec.model.names.values()];
  }

  override _makeItem(n: NamedItemModel): NamedItem {
    return new NamedItem(this.context, {
      path: `${this._path}.getItem(${JSON.stringify(n.name)})`,
      resolve: null,
      entity: n,
      instantiate: false,
      parent: this,
    });
  }

  private _item(
    name: string,
    args: readonly unknown[],
    resolve: (exec: Exec) => NamedItemModel | null,
  ): NamedItem {
    return new NamedItem(this.context, {
      path: `${this._path}.${name}(${args.map((a) => JSON.stringify(a)).join(", ")})`,
      resolve,
      instantiate: true,
      parent: this,
    });
  }

  /**
   * Adds a workbook-scoped name. `reference` is a Range or a formula text ("=Sheet1!$A$1:$B$2",
   * "=0.5", or an unqualified "A1:B2" taken on the active sheet).
   */
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    return this._item(
      "add",
      [name, typeof reference === "string" ? reference : reference._path, comment ?? ""],
      (exec) => {
        if (!validDefinedName(name))
          throw officeError(Codes.invalidArgument, "NamedItemCollection.add", "The name is not valid.");
        const key = name.toLowerCase();
        if (exec.model.names.has(key) || exec.model.tables.some((t) => t.name.toLowerCase() === key)) {
          throw officeError(Codes.itemAlreadyExists, "NamedItemCollection.add");
        }
        let formula: string;
        if (typeof reference === "string") {
          const body = reference.replace(/^=/, "");
          const parsed = parseAddress(body);
          if (parsed) {
            const sheet =
              parsed.sheet !== null ? exec.model.sheetByName(parsed.sheet) : exec.model.activeSheet;
            if (!sheet) throw officeError(Codes.invalidArgument, "NamedItemCollection.add");
            formula = rangeReference(sheet.name, parsed.rect);
          } else formula = `=${body}`;
        } else {
          const e = reference._require(exec, "NamedItemCollection.add");
          formula = rangeReference(e.sheet.name, e.rect);
        }
        const item: NamedItemModel = { name, formula, comment: comment ?? "", visible: true };
        exec.model.names.set(key, item);
        return item;
      },
    );
  }

  getItem(name: string): NamedItem {
    return this._item("getItem", [name], (exec) => {
      const n = exec.model.names.get(String(name).toLowerCase());
      if (!n) throw officeError(Codes.itemNotFound, "NamedItemCollection.getItem");
      return n;
    });
  }

  getItemOrNullObject(name: string): NamedItem {
    return this._item(
      "getItemOrNullObject",
      [name],
      (exec) => exec.model.names.get(String(name).toLowerCase()) ?? null,
    );
  }

  getCount(): ClientResult<number> {
    return this._result("getCount", [], (exec) => exec.model.names.size);
  }
}

export class NamedItem extends ClientObject<NamedItemModel> {
  readonly _className = "NamedItem";

  override _scalars(): readonly string[] {
    return ["comment", "formula", "name", "scope", "type", "value", "visible"];
  }

  override _check(n: NamedItemModel, location: string): void {
    // a deleted name is gone
    void n;
    void location;
  }

  private _live(exec: Exec, n: NamedItemModel, location: string): NamedItemModel {
    if (exec.model.names.get(n.name.toLowerCase()) !== n) throw officeError(Codes.itemNotFound, location);
    return n;
  }

  override _read(exec: Exec, n: NamedItemModel, name: string): unknown {
    this._live(exec, n, "NamedItem.load");
    switch (name) {
      case "comment":
        return n.comment;
      case "formula":
        return n.formula;
      case "name":
        return n.name;
      case "scope":
        return "Workbook";
      case "type":
        return namedType(exec, n);
      case "value": {
        const body = n.formula.replace(/^=/, "");
        const t = namedType(exec, n);
        if (t === "Double") return Number(body);
        if (t === "Boolean") return /^true$/i.test(body);
        if (t === "String") return body.slice(1, -1).replace(/""/g, '"');
        return body;
      }
      case "visible":
        return n.visible;
      default:
        return undefined;
    }
  }

  get name(): string {
    return this._get("name");
  }
  get type(): string {
    return this._get("type");
  }
  get value(): unknown {
    return this._get("value");
  }
  get scope(): string {
    return this._get("scope");
  }
  get formula(): string {
    return this._get("formula");
  }
  set formula(v: string) {
    this._setProperty("formula", v, (exec, n) => {
      this._live(exec, n, "NamedItem.formula");
      n.formula = v.startsWith("=") ? v : `=${v}`;
    });
  }
  get comment(): string {
    return this._get("comment");
  }
  set comment(v: string) {
    this._setProperty("comment", v, (exec, n) => {
      this._live(exec, n, "NamedItem.comment");
      n.comment = String(v);
    });
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(v: boolean) {
    this._setProperty("visible", v, (exec, n) => {
      this._live(exec, n, "NamedItem.visible");
      n.visible = Boolean(v);
    });
  }

  delete(): void {
    this._method("delete", [], (exec, n) => {
      this._live(exec, n, "NamedItem.delete");
      exec.model.names.delete(n.name.toLowerCase());
    });
  }

  getRange(): Range {
    return Range.create(this.context, `${this._path}.getRange()`, this, (exec) => {
      const n = this._require(exec, "NamedItem.getRange");
      const r = namedRange(exec, this._live(exec, n, "NamedItem.getRange"));
      if (!r) throw officeError(Codes.invalidOperation, "NamedItem.getRange");
      return r;
    });
  }

  getRangeOrNullObject(): Range {
    return Range.create(this.context, `${this._path}.getRangeOrNullObject()`, this, (exec) => {
      const n = this._resolve(exec);
      return n ? namedRange(exec, n) : null;
    });
  }

  set(properties: Record<string, unknown>): void {
    this._setMany(properties, ["visible", "comment", "formula"], [], ["name", "type", "value", "scope"]);
  }
}

// ---------------------------------------------------------------------------------------------
// Settings (stored as JSON in the document, like Excel's)

interface SettingEntity {
  key: string;
}

function jsonValue(value: unknown, location: string): unknown {
  const text = JSON.stringify(value, function (this: Record<string, unknown>, k: string, v: unknown) {
    const raw = this[k];
    return raw instanceof Date ? `Date(${raw.getTime()})` : v;
  });
  if (text === undefined) throw officeError(Codes.invalidArgument, location);
  return JSON.parse(text, (_k, v: unknown) => {
    if (typeof v === "string" && /^Date\(\d+\)$/.test(v)) return new Date(Number(v.slice(5, -1)));
    return v;
  });
}

export class SettingCollection extends ClientCollection<WorkbookModel, Setting, SettingEntity> {
  readonly _className = "SettingCollection";

  override _itemEntities(exec: Exec): SettingEntity[] {
    return [...exec.model.settings.keys()].map((key) => ({ key }));
  }

  override _makeItem(e: SettingEntity): Setting {
    return new Setting(this.context, {
      path: `${this._path}.getItem(${JSON.stringify(e.key)})`,
      resolve: null,
      entity: e,
      instantiate: false,
      parent: this,
    });
  }

  private _item(
    name: string,
    args: readonly unknown[],
    resolve: (exec: Exec) => SettingEntity | null,
  ): Setting {
    return new Setting(this.context, {
      path: `${this._path}.${name}(${JSON.stringify(args[0])})`,
      resolve,
      instantiate: true,
      parent: this,
    });
  }

  /** Adds or replaces a setting; the value goes through JSON (Dates survive, functions don't). */
  add(key: string, value: unknown): Setting {
    return this._item("add", [key, value], (exec) => {
      if (typeof key !== "string" || key.length === 0 || key.length > 255)
        throw officeError(Codes.invalidArgument, "SettingCollection.add");
      exec.model.settings.set(key, jsonValue(value, "SettingCollection.add"));
      return { key };
    });
  }

  getItem(key: string): Setting {
    return this._item("getItem", [key], (exec) => {
      if (!exec.model.settings.has(key)) throw officeError(Codes.itemNotFound, "SettingCollection.getItem");
      return { key };
    });
  }

  getItemOrNullObject(key: string): Setting {
    return this._item("getItemOrNullObject", [key], (exec) =>
      exec.model.settings.has(key) ? { key } : null,
    );
  }

  getCount(): ClientResult<number> {
    return this._result("getCount", [], (exec) => exec.model.settings.size);
  }
}

export class Setting extends ClientObject<SettingEntity> {
  readonly _className = "Setting";

  override _scalars(): readonly string[] {
    return ["key", "value"];
  }

  override _read(exec: Exec, e: SettingEntity, name: string): unknown {
    if (!exec.model.settings.has(e.key)) throw officeError(Codes.itemNotFound, "Setting.load");
    return name === "key" ? e.key : jsonValue(exec.model.settings.get(e.key), "Setting.value");
  }

  get key(): string {
    return this._get("key");
  }
  set key(_v: string) {
    throw readOnlyProperty("Setting", "key");
  }
  get value(): unknown {
    return this._get("value");
  }
  set value(v: unknown) {
    this._setProperty("value", v, (exec, e) => {
      exec.model.settings.set(e.key, jsonValue(v, "Setting.value"));
    });
  }

  delete(): void {
    this._method("delete", [], (exec, e) => {
      exec.model.settings.delete(e.key);
    });
  }

  set(properties: Record<string, unknown>): void {
    this._setMany(properties, ["value"], [], ["key"]);
  }
}

// ---------------------------------------------------------------------------------------------

const DOC_PROPS = ["title", "subject", "author", "keywords", "comments", "category", "manager", "company"];

export class DocumentProperties extends ClientObject<WorkbookModel> {
  readonly _className = "DocumentProperties";

  override _scalars(): readonly string[] {
    return DOC_PROPS;
  }

  override _read(_exec: Exec, model: WorkbookModel, name: string): unknown {
    return model.properties[name] ?? "";
  }

  private _prop(name: string): string {
    return this._get(name);
  }

  private _setProp(name: string, v: string): void {
    this._setProperty(name, v, (_exec, model) => {
      if (typeof v !== "string") throw officeError(Codes.invalidArgument, `DocumentProperties.${name}`);
      model.properties[name] = v;
    });
  }

  get title(): string {
    return this._prop("title");
  }
  set title(v: string) {
    this._setProp("title", v);
  }
  get subject(): string {
    return this._prop("subject");
  }
  set subject(v: string) {
    this._setProp("subject", v);
  }
  get author(): string {
    return this._prop("author");
  }
  set author(v: string) {
    this._setProp("author", v);
  }
  get keywords(): string {
    return this._prop("keywords");
  }
  set keywords(v: string) {
    this._setProp("keywords", v);
  }
  get comments(): string {
    return this._prop("comments");
  }
  set comments(v: string) {
    this._setProp("comments", v);
  }
  get category(): string {
    return this._prop("category");
  }
  set category(v: string) {
    this._setProp("category", v);
  }
  get manager(): string {
    return this._prop("manager");
  }
  set manager(v: string) {
    this._setProp("manager", v);
  }
  get company(): string {
    return this._prop("company");
  }
  set company(v: string) {
    this._setProp("company", v);
  }

  set(properties: Record<string, unknown>): void {
    this._setMany(properties, DOC_PROPS, [], []);
  }
}
