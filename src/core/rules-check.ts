import type { Rules } from "./rules";
import { TIE_BREAKS } from "./rules";
import { checkShare, VOTE_BASES } from "./vote";

/**
 * The rules schema's verdict without zod: what the add-in's first load runs (custom functions and
 * ribbon commands), so zod and its messages load with the pane instead. It accepts exactly what
 * `rulesSchema` (rules-schema.ts) accepts and returns exactly its output (defaults filled in,
 * labels trimmed, unknown keys dropped, keys in the schema's order). When it says no it names
 * only the field; the full schema, once loaded, says why. `test/core/rules-check-properties.test.ts` holds the two
 * together on random rules and fails when the schema gains a field this file does not know.
 */

/** The keys the schema knows, in its order (the property test compares them with the schema's). */
export const RULES_KEYS = [
  "id",
  "name",
  "maxScore",
  "bands",
  "awards",
  "vetoLabel",
  "tieBreak",
  "verifiedAboveSelf",
  "sheet",
  "criteria",
  "vote",
] as const;
export const BAND_KEYS = ["min", "label"] as const;
export const AWARD_KEYS = ["label", "count", "share", "minBand", "allowVeto"] as const;
export const CRITERIA_KEYS = ["bonusCap", "deductionCap", "passFail"] as const;
export const VOTE_KEYS = ["share", "strict", "base"] as const;

/** Thrown inside the checker only, caught at its top: "the schema would say no". */
const NO = Symbol("no");

/** Where the checker is in the input; on a NO, where the problem is. */
const trail: (string | number)[] = [];

/** Reads `v` as field `key` of the current place. */
function at<T>(key: string | number, v: unknown, read: (v: unknown) => T): T {
  trail.push(key);
  const out = read(v);
  trail.pop();
  return out;
}

/** Every item of an array, each at its index. */
function each<T>(v: unknown[], read: (v: unknown) => T): T[] {
  return v.map((x, i) => at(i, x, read));
}

type Obj = Record<string, unknown>;

/** zod's object check: anything of type "object" but null and arrays. */
function obj(v: unknown): Obj {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw NO;
  return v as Obj;
}

function arr(v: unknown): unknown[] {
  if (!Array.isArray(v)) throw NO;
  return v;
}

/** z.number(): a finite number (zod 4 rejects NaN and ±Infinity). */
function num(v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v)) throw NO;
  return v;
}

function str(v: unknown): string {
  if (typeof v !== "string") throw NO;
  return v;
}

/** z.string().trim().min(1): trimmed, then not empty. */
function label(v: unknown): string {
  const s = str(v).trim();
  if (s.length < 1) throw NO;
  return s;
}

/** Copies `key` into `out` when the input has it: absent stays absent, as zod does. */
function opt(out: Obj, input: Obj, key: string, read: (v: unknown) => unknown): void {
  if (!(key in input)) return;
  const v = input[key];
  out[key] = v === undefined ? undefined : at(key, v, read);
}

function band(v: unknown): Obj {
  const b = obj(v);
  return { min: at("min", b.min, num), label: at("label", b.label, label) };
}

function award(v: unknown): Obj {
  const a = obj(v);
  const out: Obj = { label: at("label", a.label, label) };
  opt(out, a, "count", (x) => {
    const n = num(x);
    if (!Number.isSafeInteger(n) || n < 0) throw NO;
    return n;
  });
  opt(out, a, "share", (x) => {
    const n = num(x);
    if (n < 0 || n > 1) throw NO;
    return n;
  });
  opt(out, a, "minBand", label);
  opt(out, a, "allowVeto", (x) => {
    if (typeof x !== "boolean") throw NO;
    return x;
  });
  if ((out.count === undefined) === (out.share === undefined)) throw NO;
  return out;
}

function criteria(v: unknown): Obj {
  const c = obj(v);
  const out: Obj = {};
  const cap = (x: unknown): number => {
    const n = num(x);
    if (n < 0) throw NO;
    return n;
  };
  opt(out, c, "bonusCap", cap);
  opt(out, c, "deductionCap", cap);
  opt(out, c, "passFail", (x) => each(arr(x), label));
  return out;
}

/** The vote rule: each field defaulted as the schema defaults it. */
function vote(v: unknown): Obj {
  const o = obj(v);
  const share =
    o.share === undefined
      ? 0.5
      : at("share", o.share, (x) => {
          const ok = checkShare(x);
          if (ok === null) throw NO;
          return ok;
        });
  const strict =
    o.strict === undefined
      ? true
      : at("strict", o.strict, (x) => {
          if (typeof x !== "boolean") throw NO;
          return x;
        });
  const base = o.base === undefined ? "members" : at("base", o.base, oneOf(VOTE_BASES));
  return { share, strict, base };
}

function oneOf<T extends string>(values: readonly T[]): (v: unknown) => T {
  return (v) => {
    if (typeof v !== "string" || !(values as readonly string[]).includes(v)) throw NO;
    return v as T;
  };
}

// Read when called: rules.ts, which defines TIE_BREAKS, imports this module.
const tieBreak = (v: unknown): string => oneOf(TIE_BREAKS)(v);
const aboveSelf = oneOf(["warning", "error", "allow"] as const);

function rules(v: unknown): Obj {
  const r = obj(v);
  const out: Obj = {};
  opt(out, r, "id", str);
  opt(out, r, "name", str);
  out.maxScore = at("maxScore", r.maxScore, (x) => {
    const n = num(x);
    if (!(n > 0)) throw NO;
    return n;
  });
  const bands = at("bands", r.bands, (x) => {
    const bs = each(arr(x), band);
    if (bs.length < 1) throw NO;
    return bs;
  });
  out.bands = bands;
  out.awards = r.awards === undefined ? [] : at("awards", r.awards, (x) => each(arr(x), award));
  opt(out, r, "vetoLabel", label);
  out.tieBreak = r.tieBreak === undefined ? [] : at("tieBreak", r.tieBreak, (x) => each(arr(x), tieBreak));
  out.verifiedAboveSelf =
    r.verifiedAboveSelf === undefined ? "warning" : at("verifiedAboveSelf", r.verifiedAboveSelf, aboveSelf);
  opt(out, r, "sheet", label);
  opt(out, r, "criteria", criteria);
  opt(out, r, "vote", vote);

  // The schema's cross-field checks: distinct minimums, and minBand naming a band.
  const mins = new Set<number>();
  bands.forEach((b, i) => {
    if (mins.has(b.min as number)) trail.push("bands", i, "min");
    mins.add(b.min as number);
  });
  if (trail.length) throw NO;
  const labels = new Set(bands.map((b) => b.label));
  (out.awards as Obj[]).forEach((a, i) => {
    if (!trail.length && a.minBand !== undefined && !labels.has(a.minBand))
      trail.push("awards", i, "minBand");
  });
  if (trail.length) throw NO;
  return out;
}

/**
 * The rules as `rulesSchema` would output them, or where it would first find a problem (the
 * path as the schema writes it, "bands.0.label", "(root)" for the whole). Never throws.
 * @example checkRules({ maxScore: 100, bands: [{ min: 0, label: " Đạt " }] }) //=> { ok: true, value: { …, bands: [{ min: 0, label: "Đạt" }] } }
 * @example checkRules({ maxScore: 0, bands: [] }) //=> { ok: false, path: "maxScore" }
 */
export function checkRules(input: unknown): { ok: true; value: Rules } | { ok: false; path: string } {
  trail.length = 0;
  try {
    return { ok: true, value: rules(input) as unknown as Rules };
  } catch (e) {
    if (e !== NO) throw e;
    return { ok: false, path: trail.join(".") || "(root)" };
  } finally {
    trail.length = 0;
  }
}
