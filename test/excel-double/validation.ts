/**
 * Data validation (`Range.dataValidation`, ExcelApi 1.8): the sheet's validation areas, the checks
 * Excel makes when a rule is set, what it reads back, and the `Excel.DataValidation` proxy.
 *
 * A sheet keeps non-overlapping areas, each with one validation (Excel keeps a list of validations
 * with their cell ranges). Setting a property on a range changes the validation of exactly those
 * cells: areas that overlap it are split, cells without validation get one.
 */
import { fullAddress, intersection, rect, rectAddress, rectCells, type Rect } from "./address";
import { ClientObject, type Exec } from "./client";
import { ExcelEnums } from "./enums";
import { Codes, officeError } from "./errors";
import {
  NO_VALIDATION,
  type BasicRule,
  type SheetModel,
  type ValidationArea,
  type ValidationErrorAlert,
  type ValidationModel,
  type ValidationPrompt,
  type ValidationRule,
} from "./model";
import type { Range, RangeEntity } from "./range";
import type { StoredValue } from "./values";

/** `Excel.DataValidationRule` as Excel reads it back: one member, every formula a string ("=10"). */
export interface DataValidationRuleData {
  decimal?: BasicRule;
  wholeNumber?: BasicRule;
  textLength?: BasicRule;
  list?: { inCellDropDown: boolean; source: string };
  custom?: { formula: string };
}

type Operand = string | number | Range;

interface BasicRuleInput {
  formula1: Operand;
  formula2?: Operand;
  operator: string;
}

/** What `DataValidation.rule` accepts (`Excel.DataValidationRule`). */
export interface DataValidationRuleInput {
  decimal?: BasicRuleInput;
  wholeNumber?: BasicRuleInput;
  textLength?: BasicRuleInput;
  date?: BasicRuleInput;
  time?: BasicRuleInput;
  list?: { inCellDropDown?: boolean; source: string | Range };
  custom?: { formula: string };
}

/** A cell's validation as the inspection shows it (the properties `load()` gives, without `valid`). */
export interface ValidationSnapshot {
  type: string;
  rule: DataValidationRuleData;
  prompt: ValidationPrompt;
  errorAlert: ValidationErrorAlert;
  ignoreBlanks: boolean;
}

const OPERATORS: readonly string[] = Object.values(ExcelEnums.DataValidationOperator);
const ALERT_STYLES: readonly string[] = Object.values(ExcelEnums.DataValidationAlertStyle);
const TYPE_NAMES: Record<string, string> = {
  decimal: "Decimal",
  wholeNumber: "WholeNumber",
  textLength: "TextLength",
  list: "List",
  custom: "Custom",
};
/**
 * Excel's limits on the validation texts (MS-XLS 2.5.37 DValStrings: titles 32 characters, input
 * message 255, error message 225) and on a typed list source (255 characters, as in the UI).
 */
const LIMITS = { title: 32, promptMessage: 255, alertMessage: 225, listSource: 255 };

// ---------------------------------------------------------------------------------------------
// The store

/** The parts of `a` outside `b` (at most four rectangles). */
function subtract(a: Rect, b: Rect): Rect[] {
  const common = intersection(a, b);
  if (!common) return [a];
  const out: Rect[] = [];
  if (a.r0 < common.r0) out.push(rect(a.r0, a.c0, common.r0 - 1, a.c1));
  if (common.r1 < a.r1) out.push(rect(common.r1 + 1, a.c0, a.r1, a.c1));
  if (a.c0 < common.c0) out.push(rect(common.r0, a.c0, common.r1, common.c0 - 1));
  if (common.c1 < a.c1) out.push(rect(common.r0, common.c1 + 1, common.r1, a.c1));
  return out;
}

function sameValidation(a: ValidationModel, b: ValidationModel): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Applies `change` to the validation of every cell of `target` (cells without one start from none). */
export function updateValidation(
  sheet: SheetModel,
  target: Rect,
  change: (v: ValidationModel) => ValidationModel,
): void {
  const kept: ValidationArea[] = [];
  const changed: ValidationArea[] = [];
  let uncovered = [target];
  for (const area of sheet.validations) {
    const common = intersection(area.rect, target);
    if (!common) {
      kept.push(area);
      continue;
    }
    changed.push({ rect: common, validation: change(area.validation) });
    for (const rest of subtract(area.rect, target)) kept.push({ rect: rest, validation: area.validation });
    uncovered = uncovered.flatMap((r) => subtract(r, common));
  }
  if (uncovered.length) {
    const fresh = change(NO_VALIDATION);
    for (const r of uncovered) changed.push({ rect: r, validation: fresh });
  }
  // A change back to "no validation" (e.g. prompt.showPrompt = false on an empty rule) leaves nothing stored.
  sheet.validations = [...kept, ...changed.filter((a) => !sameValidation(a.validation, NO_VALIDATION))];
}

/** `DataValidation.clear()`: only the cells of `target` lose their validation. */
export function clearValidation(sheet: SheetModel, target: Rect): void {
  sheet.validations = sheet.validations.flatMap((area) =>
    subtract(area.rect, target).map((r) => ({ rect: r, validation: area.validation })),
  );
}

/** The validation of one cell, or null. */
export function validationAt(sheet: SheetModel, r: number, c: number): ValidationModel | null {
  const area = sheet.validations.find(
    (a) => r >= a.rect.r0 && r <= a.rect.r1 && c >= a.rect.c0 && c <= a.rect.c1,
  );
  return area ? area.validation : null;
}

export function validationType(rule: ValidationRule | null): string {
  if (rule === null) return "None";
  const kind = Object.keys(rule)[0] ?? "";
  return TYPE_NAMES[kind] ?? kind;
}

/** A deep copy: what a load delivers must not alias the workbook. */
function copy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export function snapshotValidation(v: ValidationModel): ValidationSnapshot {
  return {
    type: validationType(v.rule),
    rule: copy(v.rule ?? {}),
    prompt: { ...v.prompt },
    errorAlert: { ...v.errorAlert },
    ignoreBlanks: v.ignoreBlanks,
  };
}

/** The validations over a range: the overlapping parts of areas, and how many cells have none. */
function coverage(sheet: SheetModel, target: Rect): { parts: ValidationArea[]; uncovered: number } {
  const parts: ValidationArea[] = [];
  let covered = 0;
  for (const area of sheet.validations) {
    const common = intersection(area.rect, target);
    if (!common) continue;
    parts.push({ rect: common, validation: area.validation });
    covered += rectCells(common);
  }
  return { parts, uncovered: rectCells(target) - covered };
}

/** The value every cell shares, wrapped (a shared value may itself be null), or null when they differ. */
function shared<T>(
  cover: { parts: ValidationArea[]; uncovered: number },
  get: (v: ValidationModel) => T,
): { value: T } | null {
  const all = cover.parts.map((p) => p.validation);
  if (cover.uncovered > 0) all.push(NO_VALIDATION);
  const first = all[0] ?? NO_VALIDATION;
  const key = JSON.stringify(get(first));
  for (const v of all) if (JSON.stringify(get(v)) !== key) return null;
  return { value: get(first) };
}

// ---------------------------------------------------------------------------------------------
// What Excel accepts

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof ClientObject);
}

function isRange(v: unknown): v is ClientObject<RangeEntity> {
  return v instanceof ClientObject && v._className === "Range";
}

/** "=$A$1:$A$3" for a range on the validated sheet, "=Names!$A$1:$A$3" for one elsewhere. */
function reference(
  exec: Exec,
  sheet: SheetModel,
  range: ClientObject<RangeEntity>,
  location: string,
): string {
  const e = range._require(exec, location);
  return `=${e.sheet === sheet ? rectAddress(e.rect, true) : fullAddress(e.sheet.name, e.rect, true)}`;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * `formula1`/`formula2` as Excel reads them back ("always returned as a string formula, for example
 * "=10"", @types/office-js BasicDataValidation): a number or numeric string becomes "=10", a
 * formula stays as written, a Range becomes its absolute reference. Other text is not a bound.
 */
function operand(exec: Exec, sheet: SheetModel, v: unknown, location: string): string {
  if (typeof v === "number" && Number.isFinite(v)) return `=${v}`;
  if (isRange(v)) return reference(exec, sheet, v, location);
  if (typeof v === "string") {
    const t = v.trim();
    if (NUMBER.test(t)) return `=${Number(t)}`;
    if (t.length > 1 && t.startsWith("=")) return v;
  }
  throw officeError(Codes.invalidArgument, location);
}

/** The number a formula stands for when it is a constant ("=10", "=-1.5"), else null. */
function constant(formula: string | undefined): number | null {
  if (formula === undefined || !formula.startsWith("=")) return null;
  const t = formula.slice(1).trim();
  return NUMBER.test(t) ? Number(t) : null;
}

function basicRule(exec: Exec, sheet: SheetModel, v: unknown, location: string): BasicRule {
  if (!isRecord(v) || typeof v.operator !== "string" || !OPERATORS.includes(v.operator))
    throw officeError(Codes.invalidArgument, location);
  const formula1 = operand(exec, sheet, v.formula1, location);
  if (v.operator !== "Between" && v.operator !== "NotBetween") return { formula1, operator: v.operator };
  const formula2 = operand(exec, sheet, v.formula2, location);
  const low = constant(formula1);
  const high = constant(formula2);
  // Excel's own check ("The Maximum must be greater than or equal to the Minimum").
  if (low !== null && high !== null && low > high) throw officeError(Codes.invalidArgument, location);
  return { formula1, formula2, operator: v.operator };
}

/**
 * Checks a rule the way Excel does when `rule` is set, and returns it as Excel reads it back. The
 * docs: "No more than one of these properties may be present in any DataValidationRule object."
 */
export function normalizeRule(
  exec: Exec,
  sheet: SheetModel,
  input: unknown,
  location: string,
): ValidationRule {
  if (!isRecord(input)) throw officeError(Codes.invalidArgument, location);
  const present = Object.entries(input).filter(([, v]) => v !== undefined && v !== null);
  const [entry] = present;
  if (!entry || present.length !== 1) throw officeError(Codes.invalidArgument, location);
  const [kind, value] = entry;
  switch (kind) {
    case "decimal":
      return { decimal: basicRule(exec, sheet, value, location) };
    case "wholeNumber":
      return { wholeNumber: basicRule(exec, sheet, value, location) };
    case "textLength":
      return { textLength: basicRule(exec, sheet, value, location) };
    case "list": {
      if (!isRecord(value)) throw officeError(Codes.invalidArgument, location);
      const dropDown = value.inCellDropDown ?? true; // documented default
      if (typeof dropDown !== "boolean") throw officeError(Codes.invalidArgument, location);
      const source = value.source;
      if (isRange(source))
        return { list: { inCellDropDown: dropDown, source: reference(exec, sheet, source, location) } };
      if (typeof source !== "string" || source.trim() === "" || source.length > LIMITS.listSource)
        throw officeError(Codes.invalidArgument, location);
      return { list: { inCellDropDown: dropDown, source } };
    }
    case "custom": {
      if (!isRecord(value) || typeof value.formula !== "string" || value.formula.trim() === "")
        throw officeError(Codes.invalidArgument, location);
      return { custom: { formula: value.formula } };
    }
    case "date":
    case "time":
      throw officeError(
        Codes.notImplemented,
        location,
        "Date and time validation rules are not simulated by the Excel double.",
      );
    default:
      throw officeError(Codes.invalidArgument, location);
  }
}

type Field = "boolean" | { text: number } | { oneOf: readonly string[] };

/**
 * Checks a `prompt` or `errorAlert` value and returns its members (a partial value changes only
 * the members given). An unknown member fails: a typo must not silently leave a prompt hidden.
 */
function members<T>(input: unknown, fields: Record<string, Field>, location: string): Partial<T> {
  if (!isRecord(input)) throw officeError(Codes.invalidArgument, location);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const field = fields[key];
    const ok =
      field === undefined
        ? false
        : field === "boolean"
          ? typeof value === "boolean"
          : "text" in field
            ? typeof value === "string" && value.length <= field.text
            : typeof value === "string" && field.oneOf.includes(value);
    if (!ok) throw officeError(Codes.invalidArgument, location);
    out[key] = value;
  }
  return out as Partial<T>;
}

function promptOf(input: unknown, location: string): Partial<ValidationPrompt> {
  return members<ValidationPrompt>(
    input,
    { showPrompt: "boolean", title: { text: LIMITS.title }, message: { text: LIMITS.promptMessage } },
    location,
  );
}

function errorAlertOf(input: unknown, location: string): Partial<ValidationErrorAlert> {
  return members<ValidationErrorAlert>(
    input,
    {
      showAlert: "boolean",
      style: { oneOf: ALERT_STYLES },
      title: { text: LIMITS.title },
      message: { text: LIMITS.alertMessage },
    },
    location,
  );
}

// ---------------------------------------------------------------------------------------------
// `valid`

function compare(operator: string, x: number, low: number, high: number): boolean {
  switch (operator) {
    case "Between":
      return x >= low && x <= high;
    case "NotBetween":
      return x < low || x > high;
    case "EqualTo":
      return x === low;
    case "NotEqualTo":
      return x !== low;
    case "GreaterThan":
      return x > low;
    case "LessThan":
      return x < low;
    case "GreaterThanOrEqualTo":
      return x >= low;
    default:
      return x <= low;
  }
}

/**
 * The test a non-blank cell value must pass. Simulated for decimal and whole-number rules with
 * constant bounds; anything else fails the load with NotImplemented rather than guess.
 */
function valueCheck(rule: ValidationRule, location: string): (value: StoredValue) => boolean {
  const basic = "decimal" in rule ? rule.decimal : "wholeNumber" in rule ? rule.wholeNumber : null;
  const whole = "wholeNumber" in rule;
  const low = constant(basic?.formula1);
  const ternary = basic?.operator === "Between" || basic?.operator === "NotBetween";
  const high = ternary ? constant(basic?.formula2) : low; // a binary operator has no upper bound
  if (!basic || low === null || high === null) {
    throw officeError(
      Codes.notImplemented,
      location,
      `DataValidation.valid is simulated for decimal and whole-number rules with constant bounds only (not ${JSON.stringify(rule)}).`,
    );
  }
  return (value) =>
    typeof value === "number" &&
    (!whole || Number.isInteger(value)) &&
    compare(basic.operator, value, low, high);
}

/**
 * Documented: true when every cell value is valid, false when every one is invalid, null when
 * both occur. Cells without a rule are valid; a blank cell is valid only when `ignoreBlanks`.
 */
function validity(
  sheet: SheetModel,
  cover: { parts: ValidationArea[]; uncovered: number },
  location: string,
): boolean | null {
  let sawValid = cover.uncovered > 0;
  let sawInvalid = false;
  for (const { rect: r, validation } of cover.parts) {
    if (validation.rule === null) {
      sawValid = true;
      continue;
    }
    const check = valueCheck(validation.rule, location);
    let filled = 0;
    for (const [row, cells] of sheet.rows) {
      if (row < r.r0 || row > r.r1) continue;
      for (let c = r.c0; c <= Math.min(r.c1, cells.v.length - 1); c++) {
        const value = cells.v[c];
        if (value === undefined) continue;
        filled++;
        if (check(value)) sawValid = true;
        else sawInvalid = true;
      }
    }
    if (filled < rectCells(r)) {
      if (validation.ignoreBlanks) sawValid = true;
      else sawInvalid = true;
    }
  }
  if (sawValid && sawInvalid) return null;
  return !sawInvalid;
}

// ---------------------------------------------------------------------------------------------
// The proxy

/** The arguments as sent: a Range inside a rule goes as a reference, not as its loaded data. */
function wire(v: unknown): unknown {
  if (v instanceof ClientObject) return v._path;
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, wire(x)]));
  return v;
}

/**
 * `Excel.DataValidation`. Reading over a range whose cells differ gives "Inconsistent" for `type`
 * and null for the other properties (Excel's convention for mixed formats).
 */
export class DataValidation extends ClientObject<RangeEntity> {
  readonly _className = "DataValidation";

  override _scalars(): readonly string[] {
    return ["type", "rule", "prompt", "errorAlert", "ignoreBlanks", "valid"];
  }

  override _check(e: RangeEntity, location: string): void {
    if (e.sheet.deleted) throw officeError(Codes.itemNotFound, location);
  }

  override _read(_exec: Exec, e: RangeEntity, name: string): unknown {
    const cover = coverage(e.sheet, e.rect);
    switch (name) {
      case "type": {
        // Cells with and without a rule: the docs say "MixedCriteria", but Excel returns
        // "Inconsistent" (known issue noted in Microsoft's data-validation-types snippet).
        const rule = shared(cover, (v) => v.rule);
        return rule ? validationType(rule.value) : "Inconsistent";
      }
      case "rule": {
        const rule = shared(cover, (v) => v.rule);
        return rule ? copy(rule.value ?? {}) : null;
      }
      case "prompt":
        return copy(shared(cover, (v) => v.prompt)?.value ?? null);
      case "errorAlert":
        return copy(shared(cover, (v) => v.errorAlert)?.value ?? null);
      case "ignoreBlanks":
        return shared(cover, (v) => v.ignoreBlanks)?.value ?? null;
      case "valid":
        return validity(e.sheet, cover, "DataValidation.valid");
      default:
        return undefined;
    }
  }

  private _change(
    name: string,
    value: unknown,
    change: (exec: Exec, e: RangeEntity) => (v: ValidationModel) => ValidationModel,
  ): void {
    this._setProperty(
      name,
      value,
      (exec, e) => {
        exec.model.guardEdit(e.sheet, e.rect, "validation", `DataValidation.${name}`);
        updateValidation(e.sheet, e.rect, change(exec, e));
      },
      wire(value),
    );
  }

  get type(): string {
    return this._get("type");
  }

  /** Reads back with string formulas ("=10"); `{}` where there is no rule. Setting replaces the rule. */
  get rule(): DataValidationRuleData {
    return this._get("rule");
  }
  set rule(value: DataValidationRuleInput) {
    this._change("rule", value, (exec, e) => {
      const rule = normalizeRule(exec, e.sheet, value, "DataValidation.rule");
      return (v) => ({ ...v, rule });
    });
  }

  get prompt(): ValidationPrompt {
    return this._get("prompt");
  }
  set prompt(value: Partial<ValidationPrompt>) {
    this._change("prompt", value, () => {
      const given = promptOf(value, "DataValidation.prompt");
      return (v) => ({ ...v, prompt: { ...v.prompt, ...given } });
    });
  }

  get errorAlert(): ValidationErrorAlert {
    return this._get("errorAlert");
  }
  set errorAlert(value: Partial<ValidationErrorAlert>) {
    this._change("errorAlert", value, () => {
      const given = errorAlertOf(value, "DataValidation.errorAlert");
      return (v) => ({ ...v, errorAlert: { ...v.errorAlert, ...given } });
    });
  }

  get ignoreBlanks(): boolean {
    return this._get("ignoreBlanks");
  }
  set ignoreBlanks(value: boolean) {
    this._change("ignoreBlanks", value, () => {
      if (typeof value !== "boolean") throw officeError(Codes.invalidArgument, "DataValidation.ignoreBlanks");
      return (v) => ({ ...v, ignoreBlanks: value });
    });
  }

  /** true / false / null (some valid, some not). Loading it on a rule the double cannot check fails with NotImplemented. */
  get valid(): boolean {
    return this._get("valid");
  }

  clear(): void {
    this._method("clear", [], (exec, e) => {
      exec.model.guardEdit(e.sheet, e.rect, "validation", "DataValidation.clear");
      clearValidation(e.sheet, e.rect);
    });
  }

  set(properties: Record<string, unknown>): void {
    this._setMany(properties, ["rule", "prompt", "errorAlert", "ignoreBlanks"], [], ["type", "valid"]);
  }
}
