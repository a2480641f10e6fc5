import { canonicalScore } from "./classify";
import { detectTable, isHeaderRow, type ColumnMapping, type TableLocation } from "./detect";
import { hasErrors, type ColumnRole, type Issue, type Result, type Severity } from "./issues";
import { PRESETS, type Rules } from "./rules";
import { checkText } from "./text-issues";
import {
  cleanText,
  foldKey,
  isExcelError,
  parseNumber,
  sameUnitName,
  unitKey,
  type ParsedNumber,
} from "./text";
import { fnv1aWords, unitKeyWords } from "./text/unit-key";
import { hasCell, type CellFacts, type CellRef, type CellValue, type Grid, type GridOrigin } from "./types";
import { cellAddress, rangeA1 } from "./address";

/** One member unit as read from the score table. */
export interface UnitRow {
  /** The name EMU shows: NFC, trimmed, legacy encodings converted to Unicode. */
  readonly name: string;
  /** The normalised key used to match names ("Sở TT&TT Điện Biên" ~ "SỞ TTTT TỈNH ĐIỆN BIÊN"). */
  readonly key: string;
  readonly self: number | null;
  readonly verified: number | null;
  readonly max: number | null;
  readonly bonus: number | null;
  readonly deduction: number | null;
  /** The sheet's own total column (Tổng điểm …), when the table has one. */
  readonly total: number | null;
  /**
   * The number the unit is ranked and classified on: its total column when the table has one;
   * else its basis score (verified, or self) + bonus − deductions when such columns hold points;
   * else its basis score.
   */
  readonly score: number;
  readonly veto: boolean;
  readonly vetoReason: string;
  /** 0-based sheet row. */
  readonly row: number;
  /** Cells of this row per role, in sheet coordinates. */
  readonly cells: Partial<Record<ColumnRole, CellRef>>;
  /** What the row's own classification / rank cells hold now (the adapter must not overwrite a user's value). */
  readonly existing: { readonly classification: CellValue; readonly rank: CellValue };
}

export type Basis = "verified" | "self";

/** A validated score table. */
export interface ScoreTable {
  readonly sheet: string;
  readonly origin: GridOrigin;
  readonly location: TableLocation;
  readonly units: readonly UnitRow[];
  /** What ranking uses: verified scores, or self-scores before inspection. */
  readonly basis: Basis;
  /** 0-based sheet row of a total row, if the table has one. */
  readonly totalRow: number | null;
  /** 0-based sheet row of the last row that belongs to the table (data or total). */
  readonly lastRow: number;
}

const SCORE_ROLES = ["self", "verified", "max", "bonus", "deduction", "total"] as const;
type ScoreRole = (typeof SCORE_ROLES)[number];

/**
 * A total row's label, whole: "Tổng công ty …" (a corporation) and "@SUM(A1)" are unit names,
 * not totals, so a prefix match would be wrong.
 */
const TOTAL_WORDS = /^(tong cong|tong so|tong|cong|total|grand total|sum)$/;

function isBlank(v: CellValue | undefined): boolean {
  return v === undefined || v === null || v === "" || (typeof v === "string" && v.trim() === "");
}

const NO_VETO: { readonly veto: boolean; readonly reason: string } = { veto: false, reason: "" };

const VETO_NO = new Set(["", "0", "khong", "no", "false", "-"]);

/** A veto cell counts when it holds anything but a blank or a plain "no". */
function vetoOf(v: CellValue | undefined): { veto: boolean; reason: string } {
  if (v === undefined || v === null || v === false || v === 0 || v === "") return NO_VETO;
  if (v === true) return { veto: true, reason: "" };
  const text = cleanText(String(v));
  if (VETO_NO.has(foldKey(text))) return { veto: false, reason: "" };
  const mark = ["x", "1", "co", "yes", "true", "v"].includes(foldKey(text));
  return { veto: true, reason: mark ? "" : text };
}

interface Reader {
  readonly grid: Grid;
  readonly origin: GridOrigin;
  readonly issues: Issue[];
}

function ref(rd: Reader, r: number, c: number): CellRef {
  return { sheet: rd.origin.sheet, row: r + rd.origin.row, col: c + rd.origin.col };
}

/** Turns a parsed cell into a number, recording the issue the cell deserves. */
function numberAt(rd: Reader, r: number, c: number, parsed: ParsedNumber): number | null {
  const cell = ref(rd, r, c);
  switch (parsed.kind) {
    case "empty":
      return null;
    case "error":
      rd.issues.push({ code: "cell-error", severity: "error", cell, error: parsed.error });
      return null;
    case "not-a-number":
      rd.issues.push({ code: "not-a-number", severity: "error", cell, text: parsed.text });
      return null;
    case "number": {
      const text = String(rd.grid[r]?.[c] ?? "").trim();
      if (parsed.source === "decimal-comma")
        rd.issues.push({ code: "decimal-comma", severity: "warning", cell, text, value: parsed.value });
      else if (parsed.source === "text")
        rd.issues.push({ code: "text-number", severity: "warning", cell, text, value: parsed.value });
      if (parsed.value < 0) {
        rd.issues.push({ code: "negative-score", severity: "error", cell, value: parsed.value });
        return null;
      }
      return parsed.value;
    }
  }
}

function rowIsBlank(row: ReadonlyArray<CellValue> | undefined): boolean {
  if (!row) return true;
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return false;
  return true;
}

/** A short text that labels a total row ("Tổng cộng:", "Grand total"). */
function totalLabel(v: CellValue | undefined): boolean {
  return typeof v === "string" && v.length <= 16 && TOTAL_WORDS.test(foldKey(v));
}

/** Longer than any unit name: a closing paragraph written under the table. */
function paragraph(v: CellValue | undefined): boolean {
  return typeof v === "string" && v.trim().length > 120;
}

type RowKind = "data" | "blank" | "total" | "end";

/** The last grid row with anything in a score column: rows below it without scores are not units. */
function lastScoreRow(grid: Grid, loc: TableLocation): number {
  const cs = SCORE_ROLES.map((role) => loc.columns[role]).filter((c): c is number => c !== undefined);
  for (let r = grid.length - 1; r >= loc.firstDataRow; r--) {
    const row = grid[r];
    if (row && cs.some((c) => !isBlank(row[c]))) return r;
  }
  return loc.firstDataRow - 1;
}

function rowKind(
  grid: Grid,
  r: number,
  loc: TableLocation,
  lastScored: number,
  scoreCols: readonly number[],
): RowKind {
  const row = grid[r];
  if (!row || rowIsBlank(row)) return "blank";
  const unit = loc.columns.unit === undefined ? undefined : row[loc.columns.unit];
  const stt = loc.columns.stt === undefined ? undefined : row[loc.columns.stt];
  // Only short texts can be a total's label ("Tổng cộng:", "Grand total"): no need to fold names.
  if (totalLabel(unit) || totalLabel(stt)) return "total";
  let scoresBlank = true;
  for (let k = 0; k < scoreCols.length && scoresBlank; k++)
    scoresBlank = isBlank(row[scoreCols[k] as number]);
  if (scoresBlank) {
    // Below the last score, a row without a unit name (a closing paragraph, a signature) ends
    // the table; above it, such a row (an unused STT, a stray note) is passed over.
    if (isBlank(unit) || paragraph(unit)) return r > lastScored ? "end" : "blank";
  }
  return "data";
}

/**
 * The unit names a score table lists, read without checking its scores: a cluster's table
 * before the scores are in still says which units there are (for making their forms).
 * @example tableUnitNames(grid(["STT","Đơn vị","Điểm tự chấm"],[1,"Sở A",""]), origin) //=> ["Sở A"]
 */
export function tableUnitNames(grid: Grid, origin: GridOrigin): string[] {
  const found = detectTable(grid, origin);
  if (!found.ok || found.value.columns.unit === undefined) return [];
  const col = found.value.columns.unit;
  const names: string[] = [];
  for (const r of locateRows(grid, found.value).units) {
    const v = grid[r]?.[col];
    if (typeof v === "string" && v.trim() && !paragraph(v)) names.push(cleanText(v));
  }
  return names;
}

/** How a score table is read, beyond its grid. */
export interface ReadOptions {
  /** What the values alone do not say (uncalculated formulas, percent formats, SUBTOTAL cells, hidden rows). */
  readonly facts?: CellFacts;
  /**
   * The self and verified scores already include bonus and deductions (a summary EMU computed from
   * detailed sheets): bonus and deduction columns are shown, never added again.
   */
  readonly scoresIncludeBonus?: boolean;
  /**
   * Check that the scores can be on the rules' scale, and how loudly: "error" when nobody chose
   * the rules (the default preset), "warning" when the user did. Absent: no check.
   */
  readonly scaleCheck?: Severity;
}

/** Where the table's rows are, found before any cell is checked. */
export interface RowPlan {
  /** Grid rows of the units, in order. */
  readonly units: readonly number[];
  /** Grid row of the total row (Tổng cộng), if any. */
  readonly totalRow: number | null;
  /** Grid row of the last row that belongs to the table. */
  readonly lastRow: number;
  /** Grid row where a second table starts (its header, or its section title when it has none). */
  readonly secondTable: number | null;
  /** Grid row of the second table's last row (before any notes), when there is one. */
  readonly secondEnd: number | null;
}

/**
 * The words a row of notes or signatures under a table starts with (folded): "Ghi chú: …",
 * "Nơi nhận:", "KT. GIÁM ĐỐC", "TM. CỤM THI ĐUA", "Người lập biểu", "(*) …".
 */
const CLOSING =
  /^(ghi chu|chu thich|luu y|noi nhan|kt |tm |tl |q |ktl |nguoi lap|nguoi ky|nguoi tong hop|thu truong|giam doc|pho giam doc|chu tich|pho chu tich|truong ban|pho truong ban|cum truong|cum pho|khoi truong|truong khoi|truong cum|lanh dao|xac nhan|ky ten|ky ghi ro|da ky|luu vt|luu van thu)( |$)/;

/** "…, ngày 20 tháng 12 năm 2023": the date line over a signature. */
const DATE_LINE = /(^| )ngay( \d+)? thang( \d+)? nam( \d+)?$/;

/** True when a cell starts a block of notes or signatures. */
function closingText(v: CellValue | undefined): boolean {
  if (typeof v !== "string") return false;
  const t = v.trim();
  if (t.startsWith("(*)") || t.startsWith("*")) return true;
  const k = foldKey(t.slice(0, 80));
  return CLOSING.test(k) || DATE_LINE.test(foldKey(t));
}

/** A numbering token of an official form's column-number row: "(1)", "(5)=(4)-(3)", "A", "B", "3". */
const NUMBERING = /^\(?[0-9A-Za-z]{1,3}\)?(\s*[-+=*/x×]\s*\(?[0-9A-Za-z]{1,3}\)?)*$/;

/**
 * True when a row is an official form's column numbering under the header — `(1) | (2) | (3)`,
 * `A | B | 1 | 2 | 3`, `1 | 2 | 3 | 4 | 5` — rather than a unit: every filled cell is such a
 * token, there are at least three, the unit column holds one too, and numbers count up by one.
 */
export function isNumberingRow(row: readonly CellValue[] | undefined, loc: TableLocation): boolean {
  if (!row) return false;
  const filled = row.map((v, c) => ({ v, c })).filter(({ v }) => !isBlank(v));
  if (filled.length < 3) return false;
  const unit = loc.columns.unit;
  if (unit === undefined || isBlank(row[unit])) return false;
  if (
    !filled.every(({ v }) => (typeof v === "number" ? Number.isInteger(v) : NUMBERING.test(String(v).trim())))
  )
    return false;
  const nums = filled.filter(({ v }) => typeof v === "number").map(({ v }) => v as number);
  return nums.every((n, k) => k === 0 || n === (nums[k - 1] as number) + 1);
}

const ROMAN = /^(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)$/;

/**
 * A section title inside a table ("I. Khối các Sở", or "II" in STT beside "Khối các huyện"):
 * no score, and a Roman numeral in STT or at the head of the name.
 */
function isSectionRow(row: readonly CellValue[] | undefined, loc: TableLocation): boolean {
  if (!row) return false;
  if (
    SCORE_ROLES.some((role) => loc.columns[role] !== undefined && !isBlank(row[loc.columns[role] as number]))
  )
    return false;
  const stt = loc.columns.stt === undefined ? undefined : row[loc.columns.stt];
  if (typeof stt === "string" && ROMAN.test(foldKey(stt))) return true;
  const first = row.find((v) => !isBlank(v));
  return typeof first === "string" && /^(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)[.)]\s/.test(first.trim());
}

/**
 * Phase 1, locating the rows: which grid rows are units, where the total row and the table's
 * last row are, and whether a second table follows. A numbering row under the header belongs to
 * the header; notes and signatures under the table end it; a second header (or a second section
 * title after units) starts a second table, which ends the first.
 */
export function locateRows(grid: Grid, loc: TableLocation): RowPlan {
  // The score columns once, and plain loops over them: closures made per row were most of the
  // 50 MB this phase allocated for 100,000 rows.
  const scoreCols = scoreColumns(loc);
  let first = loc.firstDataRow;
  while (first < grid.length && rowIsBlank(grid[first])) first++;
  if (isNumberingRow(grid[first], loc)) first++;
  // Notes and signatures end the table: the last score is looked for above them only.
  let stop = grid.length;
  for (let r = first; r < grid.length; r++) {
    const row = grid[r];
    if (!row || anyNumericCell(row, scoreCols)) continue;
    if (row.some((v) => closingText(v))) {
      stop = r;
      break;
    }
  }
  const lastScored = Math.min(lastScoreRow(grid, loc), stop - 1);
  const units: number[] = [];
  let totalRow: number | null = null;
  let lastRow = loc.firstDataRow - 1;
  let secondTable: number | null = null;
  for (let r = first; r < stop; r++) {
    const row = grid[r];
    // Only a row without a number in its score cells can be a header or a section title.
    const unscored = !!row && !anyNumericCell(row, scoreCols);
    if (units.length > 0 && unscored && (isHeaderRow(row) || isSectionRow(row, loc))) {
      secondTable = r;
      // A section title names the second table; its header, if one follows closely, is where to point.
      for (let k = r; k < Math.min(r + 4, grid.length); k++)
        if (isHeaderRow(grid[k] ?? [])) {
          secondTable = k;
          break;
        }
      break;
    }
    if (units.length === 0 && unscored && isSectionRow(row, loc)) continue;
    const kind = rowKind(grid, r, loc, lastScored, scoreCols);
    if (kind === "blank") continue;
    if (kind === "end") break;
    lastRow = r;
    if (kind === "total") {
      totalRow = r;
      break;
    }
    units.push(r);
  }
  if (secondTable === null && totalRow !== null) {
    // A second table may also follow the first one's total row.
    for (let r = totalRow + 1; r < stop; r++) {
      if (isHeaderRow(grid[r] ?? [])) {
        secondTable = r;
        break;
      }
    }
  }
  let secondEnd: number | null = null;
  if (secondTable !== null)
    for (let r = stop - 1; r >= secondTable && secondEnd === null; r--)
      if (!rowIsBlank(grid[r])) secondEnd = r;
  return { units, totalRow, lastRow, secondTable, secondEnd };
}

/** The columns of the score roles a table has, in `SCORE_ROLES` order. */
function scoreColumns(loc: TableLocation): number[] {
  const cs: number[] = [];
  for (const role of SCORE_ROLES) {
    const c = loc.columns[role];
    if (c !== undefined) cs.push(c);
  }
  return cs;
}

/** True when any of the columns holds a number (or a text that reads as one). */
function anyNumericCell(row: readonly CellValue[], cols: readonly number[]): boolean {
  for (let k = 0; k < cols.length; k++) {
    const v = row[cols[k] as number];
    if (typeof v === "number" || (typeof v === "string" && parseNumber(v).kind === "number")) return true;
  }
  return false;
}

/** Everything reading the cells needs, and what it gathers on the way. */
interface Reading extends Reader {
  readonly loc: TableLocation;
  readonly rules: Rules;
  readonly opts: ReadOptions;
  /** Columns whose percent reading was already reported (once per column). */
  readonly percentSaid: Set<number>;
  /** The table's unit class (`tableUnitClass`): each row is read straight into one of its units. */
  readonly Unit: UnitClass;
  /**
   * Roles whose cell held something that is not a usable number (reported at the cell), for the
   * few rows that have one: a row's blanks are derived (`blankAt`), so nothing per row is kept.
   */
  readonly invalid: Map<TableUnit, Set<ScoreRole>>;
}

/**
 * Whether the row's cell for a role was empty (or the table has no such column): no number, and
 * nothing unusable reported there. Derived, so no record of blanks is kept per row.
 */
function blankAt(rd: Reading, x: TableUnit, role: ScoreRole): boolean {
  return x[role] === null && rd.invalid.get(x)?.has(role) !== true;
}

/** The unit's row in the grid (its `row` is the sheet's). */
function gridRow(rd: Reading, x: TableUnit): number {
  return x.row - rd.origin.row;
}

/** Reads one score cell: a formula never calculated, a percent, a number, or the issue it deserves. */
function scoreAt(rd: Reading, r: number, c: number): { value: number | null; blank: boolean } {
  const cell = ref(rd, r, c);
  const facts = rd.opts.facts;
  if (hasCell(facts?.uncalculated, cell.row, cell.col)) {
    rd.issues.push({ code: "formula-not-calculated", severity: "error", cell });
    return { value: null, blank: false };
  }
  const raw = rd.grid[r]?.[c] ?? "";
  const parsed = parseNumber(raw);
  const percentFormat = typeof raw === "number" && hasCell(facts?.percent, cell.row, cell.col);
  if (parsed.kind === "number" && (percentFormat || parsed.percent)) {
    // 0.9177 shown as 91,77% and the text "91,77%" are both 91.77 points.
    const value = canonicalScore(percentFormat ? parsed.value * 100 : parsed.value);
    if (!rd.percentSaid.has(c)) {
      rd.percentSaid.add(c);
      rd.issues.push({ code: "percent-score", severity: "warning", cell, value });
    }
    if (value < 0) {
      rd.issues.push({ code: "negative-score", severity: "error", cell, value });
      return { value: null, blank: false };
    }
    return { value, blank: false };
  }
  return { value: numberAt(rd, r, c, parsed), blank: parsed.kind === "empty" };
}

/** No fact about the cell (an uncalculated formula, a percent format) changes how its number reads. */
function plainCell(rd: Reading, r: number, c: number): boolean {
  const facts = rd.opts.facts;
  if (!facts) return true;
  const row = r + rd.origin.row;
  const col = c + rd.origin.col;
  return !hasCell(facts.uncalculated, row, col) && !hasCell(facts.percent, row, col);
}

/**
 * Phase 2, reading a row: its score cells and its unit's name (each problem at its cell), straight
 * into the unit the table will hold. One object per row: the cells were once read into a record
 * of their own and copied into the unit, 100,000 more objects carried through the checks.
 */
function readRow(rd: Reading, r: number): TableUnit {
  const cols = rd.loc.columns;
  const cells = rd.grid[r];
  let self: number | null = null;
  let verified: number | null = null;
  let max: number | null = null;
  let bonus: number | null = null;
  let deduction: number | null = null;
  let total: number | null = null;
  let invalid: Set<ScoreRole> | null = null;
  for (let k = 0; k < SCORE_ROLES.length; k++) {
    const role = SCORE_ROLES[k] as ScoreRole;
    const c = cols[role];
    if (c === undefined) continue;
    const raw = cells?.[c];
    let value: number | null;
    // The common cell, a plain number that is a score as it stands: no parse, no objects.
    if (typeof raw === "number" && raw >= 0 && raw !== Infinity && plainCell(rd, r, c)) value = raw;
    else {
      const got = scoreAt(rd, r, c);
      value = got.value;
      if (got.value === null && !got.blank) (invalid ??= new Set()).add(role);
    }
    if (role === "self") self = value;
    else if (role === "verified") verified = value;
    else if (role === "max") max = value;
    else if (role === "bonus") bonus = value;
    else if (role === "deduction") deduction = value;
    else total = value;
  }
  const vetoCol = cols.veto;
  const veto = vetoCol === undefined ? NO_VETO : vetoOf(cells?.[vetoCol]);
  const unit = new rd.Unit(
    unitNameAt(rd, r),
    self,
    verified,
    max,
    bonus,
    deduction,
    total,
    veto,
    r + rd.origin.row,
  );
  if (invalid) rd.invalid.set(unit, invalid);
  return unit;
}

/** The unit's name in row r, or "" with the issue it deserves. */
function unitNameAt(rd: Reading, r: number): string {
  const unitCol = rd.loc.columns.unit ?? 0;
  const cell = ref(rd, r, unitCol);
  const rawName = rd.grid[r]?.[unitCol];
  if (hasCell(rd.opts.facts?.uncalculated, cell.row, cell.col)) {
    rd.issues.push({ code: "formula-not-calculated", severity: "error", cell });
    return "";
  }
  if (isBlank(rawName)) {
    rd.issues.push({ code: "missing-unit-name", severity: "error", cell });
    return "";
  }
  if (typeof rawName === "string" && isExcelError(rawName)) {
    rd.issues.push({ code: "cell-error", severity: "error", cell, error: rawName.trim() });
    return "";
  }
  return checkText(String(rawName), cell, rd.issues);
}

/**
 * Phase 3, checking a row on its own: a blank self-score, a score above the maximum (the self and
 * verified scores; a total may exceed it through bonus points), an inspector who raised a score.
 */
function checkRow(rd: Reading, row: TableUnit): void {
  const cols = rd.loc.columns;
  const r = gridRow(rd, row);
  const nums = row;
  if (cols.self !== undefined && blankAt(rd, row, "self"))
    rd.issues.push({
      code: "missing-score",
      severity: "error",
      role: "self",
      unit: row.name,
      cell: ref(rd, r, cols.self),
    });
  const limitBase = nums.max ?? rd.rules.maxScore;
  const limit = limitBase + (rd.opts.scoresIncludeBonus ? (nums.bonus ?? 0) : 0);
  for (const role of ["self", "verified"] as const) {
    const v = nums[role];
    const c = cols[role];
    if (v !== null && c !== undefined && canonicalScore(v) > canonicalScore(limit))
      rd.issues.push({
        code: "score-above-max",
        severity: "error",
        cell: ref(rd, r, c),
        value: v,
        max: limit,
      });
  }
  const verifiedCol = cols.verified;
  if (
    nums.self !== null &&
    nums.verified !== null &&
    verifiedCol !== undefined &&
    rd.rules.verifiedAboveSelf !== "allow" &&
    canonicalScore(nums.verified) > canonicalScore(nums.self)
  ) {
    rd.issues.push({
      code: "verified-above-self",
      severity: rd.rules.verifiedAboveSelf,
      cell: ref(rd, r, verifiedCol),
      verified: nums.verified,
      self: nums.self,
    });
  }
}

/**
 * Names that differ only in tone marks are different units; one typed without accents may match.
 * A first row's address is built only when a duplicate names it.
 *
 * The rows seen so far are kept in an open-addressing table of row numbers under the FNV-1a hash
 * of their key's words (linear probing, so the rows of one key are met in the order they came);
 * only when two hashes meet does `sameUnitName` compare the keys themselves. A `Map` of 100,000
 * freshly built key strings took twice as long, and the strings were kept for nothing: a unit's
 * key is made when it is first read (`TableUnit.key`).
 */
function checkDuplicates(rd: Reading, rows: readonly TableUnit[]): void {
  const unitCol = rd.loc.columns.unit ?? 0;
  const n = rows.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size); // a row's index + 1; 0 is an empty slot
  const hashes = new Int32Array(size);
  for (let k = 0; k < n; k++) {
    const row = rows[k] as TableUnit;
    if (!row.name) continue;
    const h = fnv1aWords(unitKeyWords(row.name));
    let p = h & mask;
    let first: TableUnit | undefined;
    for (let e = slots[p] as number; e !== 0; p = (p + 1) & mask, e = slots[p] as number) {
      const seen = rows[e - 1] as TableUnit;
      if (hashes[p] === h && sameUnitName(seen.name, row.name)) {
        first = seen;
        break;
      }
    }
    if (first)
      rd.issues.push({
        code: "duplicate-unit",
        severity: "error",
        cell: ref(rd, gridRow(rd, row), unitCol),
        unit: row.name,
        firstAddress: cellAddress(ref(rd, gridRow(rd, first), unitCol)),
      });
    else {
      slots[p] = k + 1;
      hashes[p] = h;
    }
  }
}

/**
 * Phase 4, the totals: the total row against the units (a SUBTOTAL/AGGREGATE total under hidden
 * rows against the visible ones, at most a warning), and each unit's ranking score — its total
 * column (warning where it differs from score + bonus − deductions), else its score + bonus −
 * deductions (said once), else its score.
 */
function checkTotalRow(rd: Reading, r: number, rows: readonly TableUnit[]): void {
  const facts = rd.opts.facts;
  const hidden = facts?.hiddenRows;
  for (const role of SCORE_ROLES) {
    const c = rd.loc.columns[role];
    if (c === undefined || [...rd.invalid.values()].some((roles) => roles.has(role))) continue;
    const cell = ref(rd, r, c);
    if (hasCell(facts?.uncalculated, cell.row, cell.col)) continue;
    const parsed = parseNumber(rd.grid[r]?.[c] ?? "");
    if (parsed.kind !== "number") continue;
    const visibleOnly =
      hasCell(facts?.subtotal, cell.row, cell.col) &&
      hidden !== undefined &&
      rows.some((x) => hidden.has(x.row));
    let sum = 0;
    for (let k = 0; k < rows.length; k++) {
      const x = rows[k] as TableUnit;
      if (!visibleOnly || !hidden?.has(x.row)) sum += x[role] ?? 0;
    }
    const expected = canonicalScore(sum);
    if (Math.abs(canonicalScore(parsed.value) - expected) > 1e-6)
      rd.issues.push({
        code: "total-mismatch",
        severity: visibleOnly ? "warning" : "error",
        cell,
        role,
        expected,
        actual: parsed.value,
        ...(visibleOnly ? { visibleOnly: true } : {}),
      });
  }
}

function rankingScores(rd: Reading, rows: readonly TableUnit[], basis: Basis): number[] {
  const cols = rd.loc.columns;
  const base = (x: TableUnit): number | null => (basis === "verified" ? x.verified : x.self);
  const adjusted = (x: TableUnit): number | null => {
    const b = base(x);
    return b === null ? null : canonicalScore(b + (x.bonus ?? 0) - (x.deduction ?? 0));
  };
  const totalCol = cols.total;
  // A total column with anything in it is the ranking score, even when some cells are unreadable.
  if (totalCol !== undefined && rows.some((x) => !blankAt(rd, x, "total"))) {
    return rows.map((x) => {
      if (x.total === null) {
        if (blankAt(rd, x, "total"))
          rd.issues.push({
            code: "missing-score",
            severity: "error",
            role: "total",
            unit: x.name,
            cell: ref(rd, gridRow(rd, x), totalCol),
          });
        return 0;
      }
      const expected = adjusted(x);
      if (expected !== null && Math.abs(canonicalScore(x.total) - expected) > 1e-6)
        rd.issues.push({
          code: "total-column-mismatch",
          severity: "warning",
          cell: ref(rd, gridRow(rd, x), totalCol),
          expected,
          actual: x.total,
        });
      return x.total;
    });
  }
  const bonus = rows.some((x) => (x.bonus ?? 0) !== 0);
  const deduction = rows.some((x) => (x.deduction ?? 0) !== 0);
  if (!rd.opts.scoresIncludeBonus && (bonus || deduction)) {
    const at = bonus ? cols.bonus : cols.deduction;
    rd.issues.push({
      code: "total-computed",
      severity: "warning",
      cell: ref(rd, Math.max(rd.loc.headerRow, 0), at ?? 0),
      bonus,
      deduction,
    });
    return rows.map((x) => adjusted(x) ?? 0);
  }
  return rows.map((x) => base(x) ?? 0);
}

/**
 * The preset whose scale the scores fit, or null: the smallest maximum the highest score stays
 * within (with the bonus columns' allowance) while being above a tenth of it.
 */
function fittingPreset(highest: number): string | null {
  const fits = Object.entries(PRESETS)
    .map(([id, p]) => ({ id, max: p.maxScore }))
    .filter((p) => highest <= p.max && highest > p.max / 10)
    .sort((a, b) => a.max - b.max);
  return fits[0]?.id ?? null;
}

/**
 * Whether the scores can be on the rules' scale: not when every score (and every row maximum) is at
 * most a tenth of the maximum (a 100-point table against 1000-point rules), nor when most
 * units score above the maximum with no bonus column to explain it.
 */
function checkScale(
  rd: Reading,
  rows: readonly TableUnit[],
  scores: readonly number[],
  severity: Severity,
): void {
  const max = rd.rules.maxScore;
  // One pass, no spread: a table may have 100,000 units.
  let highest = -Infinity;
  for (let k = 0; k < scores.length; k++) if ((scores[k] as number) > highest) highest = scores[k] as number;
  // Plain comparisons per row: an array and a closure per row were 10 MB at 100,000 rows.
  const higher = (v: number | null): boolean => v !== null && v > highest;
  for (let k = 0; k < rows.length; k++) {
    const x = rows[k] as TableUnit;
    if (higher(x.self)) highest = x.self as number;
    if (higher(x.verified)) highest = x.verified as number;
    if (higher(x.max)) highest = x.max as number;
  }
  if (highest === -Infinity) return;
  const noBonus = rd.loc.columns.bonus === undefined && !rows.some((x) => x.max !== null);
  const tooLow = highest > 0 && highest <= max / 10;
  // One score above the maximum is that cell's mistake (score-above-max); most of them, the scale's.
  const limit = canonicalScore(max);
  const over = (v: number | null): boolean => v !== null && canonicalScore(v) > limit;
  let above = 0;
  for (let k = 0; k < rows.length; k++)
    if (over((rows[k] as TableUnit).self) || over((rows[k] as TableUnit).verified)) above++;
  const tooHigh = noBonus && above * 2 > rows.length;
  if (!tooLow && !tooHigh) return;
  const c = rd.loc.columns.verified ?? rd.loc.columns.self ?? 0;
  rd.issues.push({
    code: "scale-mismatch",
    severity,
    cell: ref(rd, Math.max(rd.loc.headerRow, 0), c),
    maxScore: max,
    highest,
    preset: fittingPreset(highest),
  });
}

/** What every unit of one table shares: where its cells are. */
interface TableContext {
  readonly sheet: string;
  readonly origin: GridOrigin;
  readonly grid: Grid;
  readonly cols: TableLocation["columns"];
  readonly mapped: readonly (readonly [ColumnRole, number])[];
}

/**
 * A unit row as read. Its cell references (`cells`) and its row's current classification and
 * rank (`existing`) are built when first asked for, from the table they share (a class per table
 * holds it), never for every unit of a 100,000-unit table that only the notice reads.
 */
/** The table context a unit's class holds on its prototype (`tableUnitClass`). */
function contextOf(u: TableUnit): TableContext {
  return (u as unknown as { readonly ctx: TableContext }).ctx;
}

// The fields are declared here, not in the class body: a class field is first defined as
// undefined and then assigned (ES2022 semantics), twice the work for every unit of the table.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
interface TableUnit {
  name: string;
  self: number | null;
  verified: number | null;
  max: number | null;
  bonus: number | null;
  deduction: number | null;
  total: number | null;
  score: number;
  veto: boolean;
  vetoReason: string;
  row: number;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
abstract class TableUnit implements UnitRow {
  constructor(
    name: string,
    self: number | null,
    verified: number | null,
    max: number | null,
    bonus: number | null,
    deduction: number | null,
    total: number | null,
    veto: { veto: boolean; reason: string },
    row: number,
  ) {
    this.name = name;
    this.self = self;
    this.verified = verified;
    this.max = max;
    this.bonus = bonus;
    this.deduction = deduction;
    this.total = total;
    // Set once every row is read and the table's ranking scores are known (`rankingScores`).
    // A number from the start (not 0, a small integer): the field keeps the representation its
    // scores need instead of changing it under 100,000 units at the first fractional score.
    this.score = Number.NaN;
    this.veto = veto.veto;
    this.vetoReason = veto.reason;
    this.row = row;
  }
  /** `unitKey(name)`, made on first read: a big table's ranking alone never reads it. */
  get key(): string {
    const key = unitKey(this.name);
    Object.defineProperty(this, "key", { value: key, enumerable: true, writable: true, configurable: true });
    return key;
  }
  set key(value: string) {
    Object.defineProperty(this, "key", { value, enumerable: true, writable: true, configurable: true });
  }
  get cells(): Partial<Record<ColumnRole, CellRef>> {
    const ctx = contextOf(this);
    const cells: Partial<Record<ColumnRole, CellRef>> = {};
    for (const [role, c] of ctx.mapped)
      cells[role] = { sheet: ctx.sheet, row: this.row, col: c + ctx.origin.col };
    Object.defineProperty(this, "cells", { value: cells });
    return cells;
  }
  get existing(): { readonly classification: CellValue; readonly rank: CellValue } {
    const ctx = contextOf(this);
    const row = ctx.grid[this.row - ctx.origin.row] ?? [];
    const get = (role: ColumnRole): CellValue | undefined =>
      ctx.cols[role] === undefined ? undefined : row[ctx.cols[role]];
    const existing = { classification: get("classification") ?? "", rank: get("rank") ?? "" };
    Object.defineProperty(this, "existing", { value: existing });
    return existing;
  }
}

/**
 * The same unit under another name (a document printing the member list's name). A unit read from
 * a table builds its `cells` and `existing` on first use from its class, which an object spread
 * would drop: the copy keeps the class.
 * @example withUnitName(unit, "Sở Thông tin và Truyền thông tỉnh Hà Giang").cells // the same cells
 */
export function withUnitName<U extends UnitRow>(unit: U, name: string): U {
  void unit.key; // made now, from the name the unit was read under, so the copy keeps it
  const copy = Object.create(Object.getPrototypeOf(unit) as object) as U;
  return Object.assign(copy, unit, { name });
}

type UnitClass = new (...a: ConstructorParameters<typeof TableUnit>) => TableUnit;

/** The unit class of one table: its prototype holds the table's context. */
function tableUnitClass(ctx: TableContext): UnitClass {
  const Unit = class extends TableUnit {};
  Object.defineProperty(Unit.prototype, "ctx", { value: ctx });
  return Unit;
}

/**
 * Reads, checks and collects the units of a score table, in four phases: locate the rows
 * (`locateRows`), read each row (`readRow`), check it (`checkRow`, duplicates), then the totals
 * (`checkTotalRow`, each unit's ranking score). Every problem a user can cause comes back as an
 * issue at its exact cell; nothing throws. Warnings (text numbers, decimal commas, legacy
 * encodings …) keep the value; errors make `ok` false so ranking does not run.
 * @example readScoreTable(grid(["STT","Đơn vị","Điểm tự chấm"],[1,"Sở A",985]), origin, rules).ok //=> true
 */
export function readScoreTable(
  grid: Grid,
  origin: GridOrigin,
  rules: Rules,
  mapping?: ColumnMapping,
  opts: ReadOptions = {},
): Result<ScoreTable> {
  const found = detectTable(grid, origin, mapping);
  if (!found.ok) return found;
  const loc = found.value;
  const cols = loc.columns;
  const Unit = tableUnitClass({
    sheet: origin.sheet,
    origin,
    grid,
    cols,
    mapped: Object.entries(cols) as [ColumnRole, number][],
  });
  const rd: Reading = {
    grid,
    origin,
    issues: [],
    loc,
    rules,
    opts,
    percentSaid: new Set(),
    Unit,
    invalid: new Map(),
  };
  const headerCell = (role: ColumnRole | undefined): CellRef =>
    ref(
      rd,
      Math.max(loc.headerRow, 0),
      role !== undefined && cols[role] !== undefined ? (cols[role] ?? 0) : 0,
    );

  if (cols.unit === undefined)
    rd.issues.push({ code: "missing-column", severity: "error", role: "unit", cell: headerCell(undefined) });
  if (cols.self === undefined && cols.verified === undefined)
    rd.issues.push({ code: "missing-column", severity: "error", role: "self", cell: headerCell(undefined) });
  if (hasErrors(rd.issues)) return { ok: false, issues: rd.issues };

  const plan = locateRows(grid, loc);
  const rows = plan.units.map((r) => readRow(rd, r));
  for (let k = 0; k < rows.length; k++) checkRow(rd, rows[k] as TableUnit);
  checkDuplicates(rd, rows);
  if (plan.totalRow !== null) checkTotalRow(rd, plan.totalRow, rows);
  if (plan.secondTable !== null) {
    const width = grid.reduce((w, row) => Math.max(w, row.length), 1);
    const tl = ref(rd, plan.secondTable, 0);
    rd.issues.push({
      code: "second-table",
      severity: "warning",
      cell: tl,
      range: rangeA1(
        tl.row,
        tl.col,
        (plan.secondEnd ?? plan.secondTable) + origin.row,
        origin.col + width - 1,
      ),
    });
  }

  // A blank verified score is missing only once inspection has started (some verified score exists).
  // A verified cell holding anything (even a formula never calculated) means inspection has started.
  const inspected = rows.some((x) => !blankAt(rd, x, "verified"));
  let basis: Basis = "verified";
  if (rows.length > 0 && (cols.verified === undefined || !inspected)) {
    basis = "self";
    rd.issues.push({
      code: "basis-self",
      severity: "warning",
      cell: headerCell(cols.verified !== undefined ? "verified" : "self"),
    });
  } else if (cols.verified !== undefined) {
    const vc = cols.verified;
    for (let k = 0; k < rows.length; k++) {
      const x = rows[k] as TableUnit;
      if (blankAt(rd, x, "verified"))
        rd.issues.push({
          code: "missing-score",
          severity: "error",
          role: "verified",
          unit: x.name,
          cell: ref(rd, gridRow(rd, x), vc),
        });
    }
  }
  if (rows.length === 0) rd.issues.push({ code: "no-units", severity: "error", cell: headerCell(undefined) });

  const scores = rankingScores(rd, rows, basis);
  if (opts.scaleCheck) checkScale(rd, rows, scores, opts.scaleCheck);
  for (let k = 0; k < rows.length; k++) (rows[k] as TableUnit).score = scores[k] ?? 0;
  const units: UnitRow[] = rows;

  const issues = sortIssues(rd.issues);
  if (hasErrors(issues)) return { ok: false, issues };
  return {
    ok: true,
    value: {
      sheet: origin.sheet,
      origin,
      location: loc,
      units,
      basis,
      totalRow: plan.totalRow === null ? null : plan.totalRow + origin.row,
      lastRow: plan.lastRow + origin.row,
    },
    issues,
  };
}

/** Issues in reading order: sheet by sheet (in the order they first appear), then by row and column. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  const sheetOrder = new Map<string, number>();
  for (const i of issues)
    if (i.cell && !sheetOrder.has(i.cell.sheet)) sheetOrder.set(i.cell.sheet, sheetOrder.size);
  const key = (i: Issue): [number, number, number] =>
    i.cell ? [sheetOrder.get(i.cell.sheet) ?? 0, i.cell.row, i.cell.col] : [-1, -1, -1];
  return [...issues].sort((a, b) => {
    const [sa, ra, ca] = key(a);
    const [sb, rb, cb] = key(b);
    return sa - sb || ra - rb || ca - cb;
  });
}

/** Where a score table's cells are, in sheet coordinates: what a reader may add facts about. */
export interface TableCells {
  /** Sheet columns whose number formats are wanted: score columns holding only fractions 0–1. */
  readonly formatCols: readonly number[];
  /** Sheet rows of the units, first and last. */
  readonly r1: number;
  readonly r2: number;
  /**
   * Sheet row of a total row that disagrees with the sum of every unit row (its formulas and the
   * rows' visibility are wanted: a SUBTOTAL under a filter), or null.
   */
  readonly totalRow: number | null;
  /** The total row's last score column (sheet), to read its formulas up to. */
  readonly lastCol: number;
}

/**
 * The cells whose number formats, formulas and row visibility can change how a score table reads,
 * or null when none can: only a score column of fractions (0.9177 may be shown 91,77%) and a total
 * row that does not add up (a SUBTOTAL may skip hidden rows) raise the question. The add-in loads
 * those facts in one more round trip, and only then.
 * @example tableCells(grid(["Đơn vị","Tự chấm"],["Sở A",0.9]), origin) //=> { formatCols: [1], r1: 1, r2: 1, totalRow: null, lastCol: 1 }
 */
export function tableCells(grid: Grid, origin: GridOrigin, mapping?: ColumnMapping): TableCells | null {
  const found = detectTable(grid, origin, mapping);
  if (!found.ok) return null;
  const plan = locateRows(grid, found.value);
  const first = plan.units[0];
  const last = plan.units[plan.units.length - 1];
  if (first === undefined || last === undefined) return null;
  const cols = SCORE_ROLES.map((role) => found.value.columns[role]).filter(
    (c): c is number => c !== undefined,
  );
  const formatCols = cols.filter(
    (c) =>
      plan.units.every((r) => {
        const v = grid[r]?.[c];
        return isBlank(v) || (typeof v === "number" && v >= 0 && v <= 1);
      }) && plan.units.some((r) => typeof grid[r]?.[c] === "number"),
  );
  const total = plan.totalRow;
  const offTotal =
    total !== null &&
    cols.some((c) => {
      const v = grid[total]?.[c];
      if (typeof v !== "number") return false;
      let sum = 0;
      for (const r of plan.units) {
        const x = grid[r]?.[c];
        if (typeof x === "number") sum += x;
      }
      return Math.abs(canonicalScore(sum) - canonicalScore(v)) > 1e-6;
    });
  if (formatCols.length === 0 && !offTotal) return null;
  return {
    formatCols: formatCols.map((c) => c + origin.col),
    r1: first + origin.row,
    r2: last + origin.row,
    totalRow: offTotal && total !== null ? total + origin.row : null,
    lastCol: Math.max(...cols) + origin.col,
  };
}
