import { canonicalScore } from "./classify";
import { detectTable, type ColumnMapping, type TableLocation } from "./detect";
import { hasErrors, type ColumnRole, type Issue, type Result } from "./issues";
import type { Rules } from "./rules";
import { checkText } from "./text-issues";
import { cleanText, foldKey, isExcelError, parseNumber, unitKey, type ParsedNumber } from "./text";
import type { CellRef, CellValue, Grid, GridOrigin } from "./types";
import { cellAddress } from "./address";

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

const SCORE_ROLES = ["self", "verified", "max", "bonus", "deduction"] as const;
type ScoreRole = (typeof SCORE_ROLES)[number];

/**
 * A total row's label, whole: "Tổng công ty …" (a corporation) and "@SUM(A1)" are unit names,
 * not totals, so a prefix match would be wrong.
 */
const TOTAL_WORDS = /^(tong cong|tong so|tong|cong|total|grand total|sum)$/;

function isBlank(v: CellValue | undefined): boolean {
  return v === undefined || v === null || v === "" || (typeof v === "string" && v.trim() === "");
}

const VETO_NO = new Set(["", "0", "khong", "no", "false", "-"]);

/** A veto cell counts when it holds anything but a blank or a plain "no". */
function vetoOf(v: CellValue | undefined): { veto: boolean; reason: string } {
  if (v === undefined || v === null || v === false || v === 0) return { veto: false, reason: "" };
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
  return !row || row.every((v) => isBlank(v));
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

function rowKind(grid: Grid, r: number, loc: TableLocation, lastScored: number): RowKind {
  const row = grid[r];
  if (rowIsBlank(row)) return "blank";
  const col = (role: ColumnRole): CellValue | undefined => {
    const c = loc.columns[role];
    return c === undefined ? undefined : row?.[c];
  };
  const unit = col("unit");
  for (const v of [unit, col("stt")]) {
    // Only short texts can be a total's label ("Tổng cộng:", "Grand total"): no need to fold names.
    if (typeof v === "string" && v.length <= 16 && TOTAL_WORDS.test(foldKey(v))) return "total";
  }
  if (SCORE_ROLES.every((role) => isBlank(col(role)))) {
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
  const loc = found.value;
  const col = loc.columns.unit as number;
  const lastScored = lastScoreRow(grid, loc);
  const names: string[] = [];
  for (let r = loc.firstDataRow; r < grid.length; r++) {
    const kind = rowKind(grid, r, loc, lastScored);
    if (kind === "total" || kind === "end") break;
    const v = grid[r]?.[col];
    if (kind === "data" && typeof v === "string" && v.trim() && !paragraph(v)) names.push(cleanText(v));
  }
  return names;
}

/**
 * Reads, checks and collects the units of a score table. Every problem a user can cause comes
 * back as an issue at its exact cell; nothing throws. Warnings (text numbers, decimal commas,
 * legacy encodings …) keep the value; errors make `ok` false so ranking does not run.
 * @example readScoreTable(grid(["STT","Đơn vị","Điểm tự chấm"],[1,"Sở A",985]), origin, rules).ok //=> true
 */
export function readScoreTable(
  grid: Grid,
  origin: GridOrigin,
  rules: Rules,
  mapping?: ColumnMapping,
): Result<ScoreTable> {
  const found = detectTable(grid, origin, mapping);
  if (!found.ok) return found;
  const loc = found.value;
  const rd: Reader = { grid, origin, issues: [] };
  const cols = loc.columns;
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

  const units: UnitRow[] = [];
  // The first row of each key; its address is built only for a duplicate's message.
  const seen = new Map<string, number>();
  const sums: Record<ScoreRole, number> = { self: 0, verified: 0, max: 0, bonus: 0, deduction: 0 };
  // A column with an invalid cell has no meaningful sum: its total is not checked (the cell is reported).
  const unsummable = new Set<ScoreRole>();
  let totalRow: number | null = null;
  let lastRow = loc.firstDataRow - 1;
  const pending: { r: number; unit: number; verifiedBlank: boolean }[] = [];

  const lastScored = lastScoreRow(grid, loc);
  for (let r = loc.firstDataRow; r < grid.length; r++) {
    const kind = rowKind(grid, r, loc, lastScored);
    if (kind === "blank") continue;
    if (kind === "end") break;
    lastRow = r;
    if (kind === "total") {
      totalRow = r;
      checkTotals(rd, r, loc, sums, unsummable);
      break;
    }
    const row = grid[r] ?? [];
    const get = (role: ColumnRole): CellValue | undefined =>
      cols[role] === undefined ? undefined : row[cols[role]];
    const nums: Record<ScoreRole, number | null> = {
      self: null,
      verified: null,
      max: null,
      bonus: null,
      deduction: null,
    };
    const parsedBlank: Record<ScoreRole, boolean> = {
      self: true,
      verified: true,
      max: true,
      bonus: true,
      deduction: true,
    };
    for (const role of SCORE_ROLES) {
      const c = cols[role];
      if (c === undefined) continue;
      const parsed = parseNumber(row[c] ?? "");
      parsedBlank[role] = parsed.kind === "empty";
      nums[role] = numberAt(rd, r, c, parsed);
      if (nums[role] !== null) sums[role] += nums[role];
      else if (parsed.kind !== "empty") unsummable.add(role);
    }

    // The unit's name.
    const unitCol = cols.unit ?? 0;
    const rawName = get("unit");
    let name = "";
    if (isBlank(rawName)) {
      rd.issues.push({ code: "missing-unit-name", severity: "error", cell: ref(rd, r, unitCol) });
    } else if (typeof rawName === "string" && isExcelError(rawName)) {
      rd.issues.push({
        code: "cell-error",
        severity: "error",
        cell: ref(rd, r, unitCol),
        error: rawName.trim(),
      });
    } else {
      name = checkText(String(rawName), ref(rd, r, unitCol), rd.issues);
    }
    const key = name ? unitKey(name) : "";
    if (key) {
      const first = seen.get(key);
      if (first !== undefined)
        rd.issues.push({
          code: "duplicate-unit",
          severity: "error",
          cell: ref(rd, r, unitCol),
          unit: name,
          firstAddress: cellAddress(ref(rd, first, unitCol)),
        });
      else seen.set(key, r);
    }

    // Missing scores: a blank self-score is always missing; a blank verified score is missing
    // only if inspection has started (some verified score exists), decided after the loop.
    if (cols.self !== undefined && parsedBlank.self)
      rd.issues.push({
        code: "missing-score",
        severity: "error",
        role: "self",
        unit: name,
        cell: ref(rd, r, cols.self),
      });
    if (cols.verified !== undefined)
      pending.push({ r, unit: units.length, verifiedBlank: parsedBlank.verified });

    const limitBase = nums.max ?? rules.maxScore;
    const limit = limitBase + (nums.bonus ?? 0);
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
    if (
      nums.self !== null &&
      nums.verified !== null &&
      cols.verified !== undefined &&
      rules.verifiedAboveSelf !== "allow" &&
      canonicalScore(nums.verified) > canonicalScore(nums.self)
    ) {
      rd.issues.push({
        code: "verified-above-self",
        severity: rules.verifiedAboveSelf,
        cell: ref(rd, r, cols.verified),
        verified: nums.verified,
        self: nums.self,
      });
    }

    const veto = vetoOf(get("veto"));
    const cells: Partial<Record<ColumnRole, CellRef>> = {};
    for (const [role, c] of Object.entries(cols) as [ColumnRole, number][]) cells[role] = ref(rd, r, c);
    units.push({
      name,
      key,
      self: nums.self,
      verified: nums.verified,
      max: nums.max,
      bonus: nums.bonus,
      deduction: nums.deduction,
      veto: veto.veto,
      vetoReason: veto.reason,
      row: r + origin.row,
      cells,
      existing: { classification: get("classification") ?? "", rank: get("rank") ?? "" },
    });
  }

  const inspected = units.some((u) => u.verified !== null);
  let basis: Basis = "verified";
  if (units.length > 0 && (cols.verified === undefined || !inspected)) {
    basis = "self";
    rd.issues.push({
      code: "basis-self",
      severity: "warning",
      cell: headerCell(cols.verified !== undefined ? "verified" : "self"),
    });
  } else {
    for (const p of pending) {
      const u = units[p.unit];
      if (p.verifiedBlank && cols.verified !== undefined)
        rd.issues.push({
          code: "missing-score",
          severity: "error",
          role: "verified",
          unit: u?.name ?? "",
          cell: ref(rd, p.r, cols.verified),
        });
    }
  }
  if (units.length === 0)
    rd.issues.push({ code: "no-units", severity: "error", cell: headerCell(undefined) });

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
      totalRow: totalRow === null ? null : totalRow + origin.row,
      lastRow: lastRow + origin.row,
    },
    issues,
  };
}

function checkTotals(
  rd: Reader,
  r: number,
  loc: TableLocation,
  sums: Record<ScoreRole, number>,
  unsummable: ReadonlySet<ScoreRole>,
): void {
  for (const role of SCORE_ROLES) {
    const c = loc.columns[role];
    if (c === undefined || unsummable.has(role)) continue;
    const parsed = parseNumber(rd.grid[r]?.[c] ?? "");
    if (parsed.kind !== "number") continue;
    if (Math.abs(canonicalScore(parsed.value) - canonicalScore(sums[role])) > 1e-6)
      rd.issues.push({
        code: "total-mismatch",
        severity: "error",
        cell: ref(rd, r, c),
        role,
        expected: canonicalScore(sums[role]),
        actual: parsed.value,
      });
  }
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
