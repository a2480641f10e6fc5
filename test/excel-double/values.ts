/**
 * Cell contents: how a value written through `Range.values`/`Range.formulas` is read by Excel
 * (typed-input semantics), a tiny formula evaluator for constant expressions, and the display text
 * of a value under a number format (`Range.text`).
 */

/** An error value such as "#NAME?" (what `values` returns for it; `valueTypes` says "Error"). */
export interface ErrorValue {
  readonly error: string;
}

export type Scalar = string | number | boolean;
/** What a cell holds; `undefined` is an empty cell. */
export type StoredValue = Scalar | ErrorValue;

export function isErrorValue(v: unknown): v is ErrorValue {
  return typeof v === "object" && v !== null && typeof (v as { error?: unknown }).error === "string";
}

export const ERROR_LITERALS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#BUSY!",
];

/**
 * The cached result this double gives a formula it cannot evaluate (anything that reads a cell or
 * calls a function other than HYPERLINK). Decision (README): 0, so that code which writes a string
 * and reads `values` back sees a difference when Excel turned it into a formula; `formulas` shows the
 * formula itself.
 */
export const UNEVALUATED_FORMULA_VALUE = 0;

export interface ParsedInput {
  value: StoredValue | undefined;
  formula?: string;
  /** A number format Excel applies by itself when the cell's format is General ("10%" → "0%"). */
  autoFormat?: string;
}

export class FormulaSyntaxError extends Error {}

export interface InputOptions {
  /** True when a bare identifier is a defined name (so it is not #NAME?). */
  isDefinedName: (name: string) => boolean;
  /** Evaluates a formula this double cannot; return undefined to use UNEVALUATED_FORMULA_VALUE. */
  evaluate?: ((formula: string) => StoredValue | undefined) | undefined;
}

const NUMERIC = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?(?:[eE][+-]?\d+)?%?$/;

/** en-US reading of a numeric string (the `values` setter is locale-independent). */
export function parseNumeric(s: string): { value: number; autoFormat?: string } | null {
  if (!NUMERIC.test(s) || !/\d/.test(s.replace(/[eE][+-]?\d+/, ""))) return null;
  const percent = s.endsWith("%");
  const body = (percent ? s.slice(0, -1) : s).replace(/,/g, "");
  if (body === "" || body === "+" || body === "-" || body === ".") return null;
  const n = Number(body);
  if (!Number.isFinite(n)) return null;
  if (percent) {
    const decimals = /\.(\d+)/.exec(body)?.[1]?.length ?? 0;
    return { value: n / 100, autoFormat: decimals > 0 ? `0.${"0".repeat(decimals)}%` : "0%" };
  }
  if (/[eE]/.test(body)) return { value: n, autoFormat: "0.00E+00" };
  if (s.includes(",")) return { value: n, autoFormat: /\./.test(body) ? "#,##0.00" : "#,##0" };
  return { value: n };
}

/** Excel's 1900 date system serial of a calendar date (with the 1900 leap-year bug). */
export function dateSerial(year: number, month: number, day: number): number {
  const utc = Date.UTC(year, month - 1, day);
  const base = Date.UTC(1899, 11, 30);
  return Math.round((utc - base) / 86_400_000);
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 9999) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * en-US dates Excel recognises in typed input: m/d/yyyy, m/d/yy, m-d-yyyy, ISO yyyy-mm-dd, and
 * m/d or m-d without a year (the current year: "9-10" becomes 10 September).
 */
export function parseDate(s: string): { serial: number; format: string } | null {
  const short = /^(\d{1,2})[/-](\d{1,2})$/.exec(s);
  if (short) {
    const year = new Date().getFullYear();
    const month = Number(short[1]);
    const day = Number(short[2]);
    return validDate(year, month, day) ? { serial: dateSerial(year, month, day), format: "d-mmm" } : null;
  }
  const serial = parseFullDate(s);
  return serial === null ? null : { serial, format: "m/d/yyyy" };
}

function parseFullDate(s: string): number | null {
  let m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})$/.exec(s);
  if (m) {
    const month = Number(m[1]);
    const day = Number(m[2]);
    let year = Number(m[3]);
    if ((m[3] ?? "").length === 2) year += year < 30 ? 2000 : 1900;
    return validDate(year, month, day) ? dateSerial(year, month, day) : null;
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    return validDate(year, month, day) ? dateSerial(year, month, day) : null;
  }
  return null;
}

/**
 * How Excel stores one value written through `values` or `formulas` (as if typed), given the cell's
 * number format at that moment. Throws FormulaSyntaxError for a formula Excel would reject.
 */
export function parseInput(raw: Scalar, numberFormat: string, opts: InputOptions): ParsedInput {
  if (typeof raw === "number" || typeof raw === "boolean") return { value: raw };
  const s = raw;
  if (s === "") return { value: undefined };
  if (numberFormat === "@") return { value: s };
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (s.length > 1 && s.startsWith("=")) return formulaCell(s, opts);
  if (s.startsWith("+") && s.length > 1) return formulaCell(`=${s}`, opts);
  const num = parseNumeric(s);
  if (num) return num.autoFormat ? { value: num.value, autoFormat: num.autoFormat } : { value: num.value };
  const upper = s.toUpperCase();
  if (upper === "TRUE") return { value: true };
  if (upper === "FALSE") return { value: false };
  if (ERROR_LITERALS.includes(upper)) return { value: { error: upper } };
  const date = parseDate(s);
  if (date !== null) return { value: date.serial, autoFormat: date.format };
  if (s.startsWith("-") && s.length > 1) return formulaCell(`=${s}`, opts);
  if (s.startsWith("@") && /^@[\p{L}_\\][\p{L}\p{M}\p{N}_.]*\(/u.test(s))
    return formulaCell(`=${s.slice(1)}`, opts);
  return { value: s };
}

function formulaCell(formula: string, opts: InputOptions): ParsedInput {
  const result = evaluateFormula(formula, opts);
  return { value: result, formula };
}

// ---------------------------------------------------------------------------------------------
// A small formula evaluator: constants, arithmetic, "&", comparisons, HYPERLINK; anything that
// reads cells or calls other functions is "unevaluated"; a bare unknown name is #NAME?.

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "err"; v: string }
  | { t: "id"; v: string }
  | { t: "ref"; v: string }
  | { t: "op"; v: string }
  | { t: "sp" };

const UNEVALUATED: unique symbol = Symbol("unevaluated");
type EvalValue = Scalar | ErrorValue | typeof UNEVALUATED;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    const ch = src[i] ?? "";
    if (ch === " " || ch === "\n" || ch === "\r" || ch === "\t") {
      while (i < src.length && /\s/.test(src[i] ?? "")) i++;
      out.push({ t: "sp" });
      continue;
    }
    let m = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(rest);
    if (m) {
      out.push({ t: "num", v: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      for (;;) {
        if (j >= src.length) throw new FormulaSyntaxError("unterminated string");
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j];
        j++;
      }
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    if (ch === "#") {
      const lit = ERROR_LITERALS.find((e) => rest.toUpperCase().startsWith(e));
      if (!lit) throw new FormulaSyntaxError("bad error literal");
      out.push({ t: "err", v: lit });
      i += lit.length;
      continue;
    }
    if (ch === "'") {
      m = /^'(?:[^']|'')+'!\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?/.exec(rest);
      if (!m) throw new FormulaSyntaxError("bad quoted reference");
      out.push({ t: "ref", v: m[0] });
      i += m[0].length;
      continue;
    }
    m = /^[\p{L}_\\][\p{L}\p{M}\p{N}_.?\\]*/u.exec(rest);
    if (m) {
      let word = m[0];
      let len = word.length;
      const after = src.slice(i + len);
      const sheetRef = /^!\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?/.exec(after);
      if (sheetRef) {
        out.push({ t: "ref", v: word + sheetRef[0] });
        i += len + sheetRef[0].length;
        continue;
      }
      const cellRef = /^\$?[A-Za-z]{1,3}\$?\d+/.exec(rest);
      if (cellRef && cellRef[0].length >= len) {
        word = cellRef[0];
        len = word.length;
        out.push({ t: "ref", v: word });
        i += len;
        continue;
      }
      out.push({ t: "id", v: word });
      i += len;
      continue;
    }
    m = /^\$?[A-Za-z]{1,3}\$?\d+/.exec(rest);
    if (m) {
      out.push({ t: "ref", v: m[0] });
      i += m[0].length;
      continue;
    }
    m = /^(<>|<=|>=|[-+*/^&=<>%(),:;{}])/.exec(rest);
    if (m) {
      out.push({ t: "op", v: m[0] });
      i += m[0].length;
      continue;
    }
    throw new FormulaSyntaxError(`unexpected character ${ch}`);
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Token[],
    private readonly opts: InputOptions,
  ) {}

  private peek(skipSpace = true): Token | undefined {
    let j = this.i;
    if (skipSpace) while (this.toks[j]?.t === "sp") j++;
    return this.toks[j];
  }
  private skipSpaces(): void {
    while (this.toks[this.i]?.t === "sp") this.i++;
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t !== undefined && t.t === "op" && t.v === v;
  }
  private next(): Token | undefined {
    this.skipSpaces();
    return this.toks[this.i++];
  }

  parseAll(): EvalValue {
    const v = this.comparison();
    this.skipSpaces();
    if (this.i < this.toks.length) throw new FormulaSyntaxError("trailing tokens");
    return v;
  }

  private comparison(): EvalValue {
    let left = this.concat();
    for (;;) {
      const t = this.peek();
      if (t?.t === "op" && ["=", "<>", "<", ">", "<=", ">="].includes(t.v)) {
        this.next();
        const right = this.concat();
        left = binary(t.v, left, right);
      } else return left;
    }
  }
  private concat(): EvalValue {
    let left = this.additive();
    while (this.isOp("&")) {
      this.next();
      left = binary("&", left, this.additive());
    }
    return left;
  }
  private additive(): EvalValue {
    let left = this.multiplicative();
    for (;;) {
      if (this.isOp("+") || this.isOp("-")) {
        const op = (this.next() as { v: string }).v;
        left = binary(op, left, this.multiplicative());
      } else return left;
    }
  }
  private multiplicative(): EvalValue {
    let left = this.power();
    for (;;) {
      if (this.isOp("*") || this.isOp("/")) {
        const op = (this.next() as { v: string }).v;
        left = binary(op, left, this.power());
      } else return left;
    }
  }
  private power(): EvalValue {
    let left = this.unary();
    while (this.isOp("^")) {
      this.next();
      left = binary("^", left, this.unary());
    }
    return left;
  }
  private unary(): EvalValue {
    if (this.isOp("-") || this.isOp("+")) {
      const op = (this.next() as { v: string }).v;
      const v = this.unary();
      return op === "-" ? binary("-", 0, v) : v;
    }
    return this.percent();
  }
  private percent(): EvalValue {
    let v = this.intersect();
    while (this.isOp("%")) {
      this.next();
      v = binary("/", v, 100);
    }
    return v;
  }
  /** Reference operators: ":" (range) and a space between operands (intersection). */
  private intersect(): EvalValue {
    let left = this.primary();
    for (;;) {
      const raw = this.toks[this.i];
      if (raw?.t === "op" && raw.v === ":") {
        this.i++;
        left = refOp(left, this.primary());
        continue;
      }
      if (raw?.t === "sp") {
        let j = this.i;
        while (this.toks[j]?.t === "sp") j++;
        const nx = this.toks[j];
        if (
          nx &&
          (nx.t === "id" ||
            nx.t === "ref" ||
            nx.t === "num" ||
            nx.t === "str" ||
            (nx.t === "op" && nx.v === "("))
        ) {
          this.i = j;
          left = refOp(left, this.primary());
          continue;
        }
      }
      return left;
    }
  }
  private primary(): EvalValue {
    const t = this.next();
    if (!t) throw new FormulaSyntaxError("unexpected end");
    switch (t.t) {
      case "num":
        return t.v;
      case "str":
        return t.v;
      case "err":
        return { error: t.v };
      case "ref":
        if (this.isOp("(")) throw new FormulaSyntaxError("reference called");
        return UNEVALUATED;
      case "id": {
        const raw = this.toks[this.i];
        if (raw?.t === "op" && raw.v === "(") {
          this.i++;
          const args: EvalValue[] = [];
          if (!this.isOp(")")) {
            for (;;) {
              args.push(this.isOp(",") || this.isOp(")") ? "" : this.comparison());
              if (this.isOp(",")) {
                this.next();
                continue;
              }
              break;
            }
          }
          if (!this.isOp(")")) throw new FormulaSyntaxError("missing )");
          this.next();
          return callFunction(t.v, args);
        }
        const upper = t.v.toUpperCase();
        if (upper === "TRUE") return true;
        if (upper === "FALSE") return false;
        if (this.opts.isDefinedName(t.v)) return UNEVALUATED;
        return { error: "#NAME?" };
      }
      case "op":
        if (t.v === "(") {
          const v = this.comparison();
          if (!this.isOp(")")) throw new FormulaSyntaxError("missing )");
          this.next();
          return v;
        }
        if (t.v === "{") {
          // array constants: accept and leave unevaluated
          let depth = 1;
          while (depth > 0) {
            const n = this.toks[this.i++];
            if (!n) throw new FormulaSyntaxError("missing }");
            if (n.t === "op" && n.v === "{") depth++;
            if (n.t === "op" && n.v === "}") depth--;
          }
          return UNEVALUATED;
        }
        throw new FormulaSyntaxError(`unexpected ${t.v}`);
      case "sp":
        return this.primary();
    }
  }
}

/** ":" and " " work on references (names, cells); Excel rejects them between constants ("=84 912"). */
function refOp(a: EvalValue, b: EvalValue): EvalValue {
  const constant = (v: EvalValue): boolean => v !== UNEVALUATED && !isErrorValue(v);
  if (constant(a) || constant(b)) throw new FormulaSyntaxError("reference operator between constants");
  if (isErrorValue(a)) return a;
  if (isErrorValue(b)) return b;
  if (a === UNEVALUATED && b === UNEVALUATED) return UNEVALUATED;
  return { error: "#VALUE!" };
}

function toNumber(v: Scalar): number | ErrorValue {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === "") return 0;
  const n = parseNumeric(v);
  return n ? n.value : { error: "#VALUE!" };
}

function toText(v: Scalar): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return generalNumber(v, ".");
  return v;
}

function binary(op: string, a: EvalValue, b: EvalValue): EvalValue {
  if (isErrorValue(a)) return a;
  if (isErrorValue(b)) return b;
  if (a === UNEVALUATED || b === UNEVALUATED) return UNEVALUATED;
  if (op === "&") return toText(a) + toText(b);
  if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
    const cmp = compare(a, b);
    switch (op) {
      case "=":
        return cmp === 0;
      case "<>":
        return cmp !== 0;
      case "<":
        return cmp < 0;
      case ">":
        return cmp > 0;
      case "<=":
        return cmp <= 0;
      default:
        return cmp >= 0;
    }
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (isErrorValue(x)) return x;
  if (isErrorValue(y)) return y;
  switch (op) {
    case "+":
      return x + y;
    case "-":
      return x - y;
    case "*":
      return x * y;
    case "/":
      return y === 0 ? { error: "#DIV/0!" } : x / y;
    case "^": {
      const r = Math.pow(x, y);
      return Number.isFinite(r) ? r : { error: "#NUM!" };
    }
    default:
      return { error: "#VALUE!" };
  }
}

function compare(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar): number => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string" && typeof b === "string") {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function callFunction(name: string, args: EvalValue[]): EvalValue {
  const upper = name.toUpperCase();
  if (upper === "HYPERLINK" && args.length >= 1 && args.length <= 2) {
    const shown = args.length === 2 ? args[1] : args[0];
    if (shown === undefined) return UNEVALUATED;
    return shown;
  }
  for (const a of args) if (isErrorValue(a)) return a;
  return UNEVALUATED;
}

/**
 * The cached value of a formula: evaluated when it is a constant expression (or through the
 * `evaluate` hook), UNEVALUATED_FORMULA_VALUE otherwise. Throws FormulaSyntaxError.
 */
export function evaluateFormula(formula: string, opts: InputOptions): StoredValue {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  const toks = tokenize(body);
  if (toks.every((t) => t.t === "sp")) throw new FormulaSyntaxError("empty formula");
  const v = new Parser(toks, opts).parseAll();
  if (v !== UNEVALUATED) return v;
  const hooked = opts.evaluate?.(formula);
  return hooked === undefined ? UNEVALUATED_FORMULA_VALUE : hooked;
}

// ---------------------------------------------------------------------------------------------
// Display text (Range.text)

export interface Separators {
  decimal: string;
  group: string;
}

export function separatorsFor(language: string): Separators {
  const lang = language.toLowerCase();
  if (/^(vi|de|id|it|es|pt|nl|tr|da|el)\b/.test(lang)) return { decimal: ",", group: "." };
  if (/^(fr|ru|pl|cs|sk|uk|sv|nb|fi|hu)\b/.test(lang)) return { decimal: ",", group: "\u00a0" };
  return { decimal: ".", group: "," };
}

/** Excel's General format: up to 11 characters, else scientific notation. */
export function generalNumber(n: number, decimal: string): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  let s: string;
  if (abs >= 1e11 || abs < 1e-9) {
    const [mant = "0", exp = "0"] = n.toExponential(5).split("e");
    const m = mant.replace(/\.?0+$/, "");
    const e = Number(exp);
    s = `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  } else {
    const intDigits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
    const room = Math.max(0, 10 - intDigits - (n < 0 ? 1 : 0));
    s = n.toFixed(Math.min(room, 20));
    if (s.includes(".")) s = s.replace(/\.?0+$/, "");
    if (s === "-0") s = "0";
  }
  return decimal === "." ? s : s.replace(".", decimal);
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function fromSerial(serial: number): Date {
  const ms = Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000);
  return new Date(ms);
}

function formatDate(n: number, code: string): string {
  const d = fromSerial(n);
  const tokens =
    code.match(/"[^"]*"|\\.|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|AM\/PM|am\/pm|./gi) ?? [];
  const hasTime = tokens.some((t) => /^h+$/i.test(t));
  let out = "";
  tokens.forEach((tok, idx) => {
    const lower = tok.toLowerCase();
    const prev =
      tokens
        .slice(0, idx)
        .reverse()
        .find((t) => /^[a-z]/i.test(t))
        ?.toLowerCase() ?? "";
    const next =
      tokens
        .slice(idx + 1)
        .find((t) => /^[a-z]/i.test(t))
        ?.toLowerCase() ?? "";
    const minuteContext = hasTime && (prev.startsWith("h") || next.startsWith("s"));
    switch (lower) {
      case "yyyy":
        out += String(d.getUTCFullYear());
        break;
      case "yy":
        out += String(d.getUTCFullYear() % 100).padStart(2, "0");
        break;
      case "mmmm":
        out += MONTHS[d.getUTCMonth()] ?? "";
        break;
      case "mmm":
        out += (MONTHS[d.getUTCMonth()] ?? "").slice(0, 3);
        break;
      case "mm":
        out += minuteContext
          ? String(d.getUTCMinutes()).padStart(2, "0")
          : String(d.getUTCMonth() + 1).padStart(2, "0");
        break;
      case "m":
        out += minuteContext ? String(d.getUTCMinutes()) : String(d.getUTCMonth() + 1);
        break;
      case "dddd":
        out += DAYS[d.getUTCDay()] ?? "";
        break;
      case "ddd":
        out += (DAYS[d.getUTCDay()] ?? "").slice(0, 3);
        break;
      case "dd":
        out += String(d.getUTCDate()).padStart(2, "0");
        break;
      case "d":
        out += String(d.getUTCDate());
        break;
      case "hh":
        out += String(d.getUTCHours()).padStart(2, "0");
        break;
      case "h":
        out += String(d.getUTCHours());
        break;
      case "ss":
        out += String(d.getUTCSeconds()).padStart(2, "0");
        break;
      case "s":
        out += String(d.getUTCSeconds());
        break;
      case "am/pm":
        out += d.getUTCHours() < 12 ? "AM" : "PM";
        break;
      default:
        if (tok.startsWith('"')) out += tok.slice(1, -1);
        else if (tok.startsWith("\\")) out += tok.slice(1);
        else out += tok;
    }
  });
  return out;
}

function groupDigits(intPart: string, group: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
}

function formatNumberSection(n: number, section: string, sep: Separators): string | null {
  let prefix = "";
  let suffix = "";
  let core = section;
  const lit = /^((?:"[^"]*"|\\.|[^0#?.,%Ee])*)(.*?)((?:"[^"]*"|\\.|[^0#?.,%Ee])*)$/.exec(section);
  if (lit) {
    prefix = (lit[1] ?? "")
      .replace(/"([^"]*)"/g, "$1")
      .replace(/\\(.)/g, "$1")
      .replace(/[_*]./g, "");
    core = lit[2] ?? "";
    suffix = (lit[3] ?? "")
      .replace(/"([^"]*)"/g, "$1")
      .replace(/\\(.)/g, "$1")
      .replace(/[_*]./g, "");
  }
  if (!/^[0#?.,%]*(?:E[+-]0+)?%?$/i.test(core) || !/[0#?]/.test(core)) return null;
  let value = n;
  const percent = core.includes("%");
  if (percent) value *= 100;
  const sci = /E[+-](0+)/i.exec(core);
  const mantissa = sci ? core.slice(0, sci.index) : core.replace(/%/g, "");
  const [intFmt = "", fracFmt = ""] = mantissa.split(".");
  const decimals = (fracFmt.match(/[0#?]/g) ?? []).length;
  const minDecimals = (fracFmt.match(/0/g) ?? []).length;
  if (sci) {
    const expDigits = (sci[1] ?? "0").length;
    const [m = "0", e = "0"] = Math.abs(value).toExponential(decimals).split("e");
    const exp = Number(e);
    const mant = m.replace(".", sep.decimal);
    return `${prefix}${value < 0 ? "-" : ""}${mant}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(expDigits, "0")}${suffix}`;
  }
  let fixed = Math.abs(value).toFixed(decimals);
  if (decimals > minDecimals && fixed.includes(".")) {
    let trimmed = fixed;
    while (trimmed.endsWith("0") && trimmed.length - trimmed.indexOf(".") - 1 > minDecimals)
      trimmed = trimmed.slice(0, -1);
    if (trimmed.endsWith(".")) trimmed = trimmed.slice(0, -1);
    fixed = trimmed;
  }
  const [intDigits = "0", fracPart] = fixed.split(".");
  let intPart = intDigits;
  const minInt = (intFmt.match(/0/g) ?? []).length;
  if (minInt === 0 && intPart === "0" && fracPart !== undefined) intPart = "";
  intPart = intPart.padStart(minInt, "0");
  if (intFmt.includes(",")) intPart = groupDigits(intPart, sep.group);
  const sign = value < 0 && Number(fixed) !== 0 ? "-" : "";
  const body = fracPart !== undefined ? `${intPart}${sep.decimal}${fracPart}` : intPart;
  return `${prefix}${sign}${body}${percent ? "%" : ""}${suffix}`;
}

function isDateFormat(code: string): boolean {
  const stripped = code.replace(/"[^"]*"|\\./g, "").replace(/\[[^\]]*\]/g, "");
  return /[dyhs]/i.test(stripped) || (/m/i.test(stripped.replace(/AM\/PM/gi, "")) && !/[0#]/.test(stripped));
}

/** The display text of a value under a number format, in a locale's separators. */
export function displayText(value: StoredValue | undefined, numberFormat: string, sep: Separators): string {
  if (value === undefined) return "";
  if (isErrorValue(value)) return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") {
    const sections = numberFormat.split(";");
    const textSection = sections[3];
    if (textSection !== undefined && textSection.includes("@"))
      return textSection.replace(/"([^"]*)"/g, "$1").replace("@", value);
    return value;
  }
  const fmt = numberFormat.trim();
  if (fmt === "" || /^general$/i.test(fmt) || fmt === "@") return generalNumber(value, sep.decimal);
  const sections = fmt.split(";");
  let section = sections[0] ?? "";
  let n = value;
  if (value < 0 && sections[1] !== undefined) {
    section = sections[1];
    n = -value;
  } else if (value === 0 && sections[2] !== undefined) {
    section = sections[2];
  }
  section = section.replace(/\[[^\]]*\]/g, "");
  if (isDateFormat(section)) {
    return value < 0 ? "#".repeat(10) : formatDate(n, section);
  }
  const out = formatNumberSection(n, section, sep);
  return out ?? generalNumber(value, sep.decimal);
}

export type ValueType = "Empty" | "String" | "Double" | "Boolean" | "Error";

export function valueTypeOf(value: StoredValue | undefined): ValueType {
  if (value === undefined) return "Empty";
  if (isErrorValue(value)) return "Error";
  if (typeof value === "boolean") return "Boolean";
  if (typeof value === "number") return "Double";
  return "String";
}

/** What `Range.values` returns for a cell. */
export function apiValue(value: StoredValue | undefined): Scalar {
  if (value === undefined) return "";
  if (isErrorValue(value)) return value.error;
  return value;
}
