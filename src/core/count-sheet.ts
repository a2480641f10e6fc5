import { headerRole } from "./detect";
import type { CountName, Issue, Result } from "./issues";
import type { AwardRule, Rules } from "./rules";
import { cleanText, foldKey, parseNumber, unitKey } from "./text";
import type { CellRef, CellValue, Grid, GridOrigin } from "./types";

/**
 * The count sheet (Kiểm phiếu) of the year-end conference, found like a score table so a
 * hand-made one works too: labelled counts above the table (`Số thành viên: 9`, or the number in
 * the next cell), then either one row per candidate (`STT | Đơn vị | Cờ thi đua | Bằng khen`, the
 * agreeing votes in the award columns) or one row per ballot (`Phiếu số | <candidate> …`, a mark per
 * agreeing vote, counted here).
 */

/** A labelled count: its value (null when the sheet does not give it) and its cell. */
export interface CountCell {
  readonly value: number | null;
  /** Where the number is (or should be typed); null when the label is absent. */
  readonly cell: CellRef | null;
}

export interface CountCandidate {
  /** The name as shown: NFC, trimmed. */
  readonly name: string;
  readonly key: string;
  /** 0-based sheet row (of the candidate's row, or of its column's header in ballot mode). */
  readonly row: number;
  /** The cell that holds (or, for ballots, heads) its votes. */
  readonly cell: CellRef;
  readonly votes: number;
}

export interface CountAward {
  readonly label: string;
  readonly candidates: readonly CountCandidate[];
}

export interface CountSheet {
  readonly sheet: string;
  readonly mode: "counts" | "ballots";
  readonly counts: Readonly<Record<CountName, CountCell>>;
  /** The awards the sheet has columns for, in the rules' order. */
  readonly awards: readonly CountAward[];
  /** 0-based sheet row of the table's header. */
  readonly headerRow: number;
}

export const COUNT_SHEET_NAME = "Kiểm phiếu";

const COUNT_LABELS: ReadonlyArray<readonly [CountName, readonly string[]]> = [
  // "không hợp lệ" before "hợp lệ", "có mặt" before "thành viên".
  ["invalid", ["so phieu khong hop le", "phieu khong hop le", "invalid ballots", "invalid"]],
  ["valid", ["so phieu hop le", "phieu hop le", "valid ballots", "valid"]],
  ["issued", ["so phieu phat ra", "phieu phat ra", "so phieu phat", "ballots issued", "issued"]],
  ["returned", ["so phieu thu ve", "phieu thu ve", "so phieu thu vao", "ballots returned", "returned"]],
  [
    "present",
    ["so co mat", "so thanh vien co mat", "so don vi co mat", "so dai bieu co mat", "co mat", "present"],
  ],
  ["members", ["so thanh vien", "tong so thanh vien", "so don vi thanh vien", "tong so don vi", "members"]],
];

const BALLOT_HEADERS = new Set(["phieu so", "so phieu", "phieu", "ballot", "ballot no", "ballot number"]);
const NO_MARK = new Set(["", "0", "khong", "no", "false", "-", "k"]);
const TOTAL_WORDS = /^(tong cong|tong so|tong|cong|total|grand total|sum)$/;

function text(v: CellValue | undefined): string {
  return v === undefined || v === null ? "" : cleanText(String(v));
}
function isBlank(v: CellValue | undefined): boolean {
  return text(v) === "";
}
function rowBlank(row: ReadonlyArray<CellValue> | undefined): boolean {
  return !row || row.every((v) => isBlank(v));
}

/** The count a label names, matched whole (a trailing ":" and a number after it allowed). */
function countOfLabel(v: CellValue | undefined): { count: CountName; rest: string } | null {
  if (typeof v !== "string") return null;
  const raw = cleanText(v);
  const [head = "", ...tail] = raw.split(":");
  const key = foldKey(head).replace(/[.()]/g, "").trim();
  for (const [count, labels] of COUNT_LABELS) {
    if (labels.includes(key)) return { count, rest: tail.join(":").trim() };
  }
  return null;
}

/** The award a header names: the label itself, accent- and case-insensitively, or containing it. */
function awardOfHeader(v: CellValue | undefined, awards: readonly AwardRule[]): AwardRule | null {
  const key = foldKey(text(v));
  if (!key) return null;
  return (
    awards.find((a) => foldKey(a.label) === key) ?? awards.find((a) => key.includes(foldKey(a.label))) ?? null
  );
}

interface Reader {
  readonly grid: Grid;
  readonly origin: GridOrigin;
  readonly issues: Issue[];
}
function ref(rd: Reader, r: number, c: number): CellRef {
  return { sheet: rd.origin.sheet, row: r + rd.origin.row, col: c + rd.origin.col };
}

/** A vote count: a whole number ≥ 0; anything else is an error at its cell. */
function votesAt(rd: Reader, r: number, c: number): number | null | "empty" {
  const v = rd.grid[r]?.[c];
  const p = parseNumber(v ?? "");
  const cell = ref(rd, r, c);
  switch (p.kind) {
    case "empty":
      return "empty";
    case "error":
      rd.issues.push({ code: "cell-error", severity: "error", cell, error: p.error });
      return null;
    case "not-a-number":
      rd.issues.push({ code: "not-a-number", severity: "error", cell, text: p.text });
      return null;
    case "number":
      if (p.percent || !Number.isInteger(p.value) || p.value < 0) {
        rd.issues.push({ code: "vote-not-whole", severity: "error", cell, value: p.value });
        return null;
      }
      if (p.source === "text")
        rd.issues.push({ code: "text-number", severity: "warning", cell, text: text(v), value: p.value });
      return p.value;
  }
}

/** The labelled counts in rows [0, end). */
function readCounts(rd: Reader, end: number): Record<CountName, CountCell> {
  const counts: Record<CountName, CountCell> = {
    members: { value: null, cell: null },
    present: { value: null, cell: null },
    issued: { value: null, cell: null },
    returned: { value: null, cell: null },
    valid: { value: null, cell: null },
    invalid: { value: null, cell: null },
  };
  for (let r = 0; r < end; r++) {
    const row = rd.grid[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const hit = countOfLabel(row[c]);
      if (!hit || counts[hit.count].cell !== null) continue;
      if (hit.rest) {
        // "Số thành viên: 9" in one cell.
        const m = /^([\d.,\s]+)/.exec(hit.rest);
        const p = parseNumber(m?.[1]?.trim() ?? hit.rest);
        if (p.kind === "number" && Number.isInteger(p.value) && p.value >= 0)
          counts[hit.count] = { value: p.value, cell: ref(rd, r, c) };
        else {
          rd.issues.push({ code: "not-a-number", severity: "error", cell: ref(rd, r, c), text: hit.rest });
          counts[hit.count] = { value: null, cell: ref(rd, r, c) };
        }
        continue;
      }
      // The number sits in the next filled cell to the right (labels are often merged over two cells).
      let k = c + 1;
      while (k < row.length && isBlank(row[k]) && k < c + 4) k++;
      const vc = k < row.length && !isBlank(row[k]) && !countOfLabel(row[k]) ? k : c + 1;
      const v = votesAt(rd, r, vc);
      counts[hit.count] = { value: v === "empty" ? null : v, cell: ref(rd, r, vc) };
    }
  }
  return counts;
}

/** An official form's numbering row under the header: "(1) | (2) | (3)", or "A | B | 1 | 2 | 3". */
function isNumberingRow(row: ReadonlyArray<CellValue> | undefined): boolean {
  const filled = (row ?? []).filter((v) => !isBlank(v)).map((v) => text(v));
  if (filled.length < 2) return false;
  if (filled.every((t) => /^\(\d{1,2}\)$/.test(t))) return true;
  let letter = 64;
  let num = 0;
  for (const t of filled) {
    if (/^[A-Z]$/.test(t) && t.charCodeAt(0) === letter + 1 && num === 0) letter++;
    else if (/^\d{1,2}$/.test(t) && Number(t) === num + 1) num++;
    else return false;
  }
  return filled.length >= 3;
}

function isTotal(v: CellValue | undefined): boolean {
  return typeof v === "string" && v.length <= 16 && TOTAL_WORDS.test(foldKey(v));
}

interface Header {
  readonly row: number;
  readonly mode: "counts" | "ballots";
  readonly unitCol: number;
  /** Award columns (counts mode) or candidate columns with their award (ballots mode). */
  readonly columns: ReadonlyArray<{ col: number; award: AwardRule; name?: string }>;
}

const SCAN_ROWS = 200;

function findHeader(rd: Reader, rules: Rules): Header | null {
  const limit = Math.min(rd.grid.length, SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = rd.grid[r] ?? [];
    if (row.some((v) => typeof v === "number")) continue;
    // One row per candidate: a unit column and at least one award column.
    const unitCol = row.findIndex((v) => headerRole(v) === "unit");
    if (unitCol >= 0) {
      const columns: { col: number; award: AwardRule }[] = [];
      row.forEach((v, c) => {
        if (c === unitCol) return;
        const a = awardOfHeader(v, rules.awards);
        if (a && !columns.some((x) => x.award.label === a.label)) columns.push({ col: c, award: a });
      });
      if (columns.length > 0) return { row: r, mode: "counts", unitCol, columns };
    }
    // One row per ballot: "Phiếu số" then the candidates.
    const first = row.findIndex((v) => !isBlank(v));
    if (first >= 0 && BALLOT_HEADERS.has(foldKey(text(row[first])))) {
      const names = row
        .map((v, c) => ({ c, name: text(v) }))
        .filter((x) => x.c > first && x.name !== "" && headerRole(x.name) !== "note");
      if (names.length === 0) continue;
      const awards = ballotAwards(
        rd,
        r,
        rules,
        names.map((x) => x.c),
      );
      if (!awards) continue;
      const columns = names.map((x) => ({ col: x.c, award: awards.get(x.c) as AwardRule, name: x.name }));
      return { row: r, mode: "ballots", unitCol: first, columns };
    }
  }
  return null;
}

/**
 * The award each ballot column counts for: from an award band right above the header ("Cờ thi đua"
 * merged over its candidates), else the award a title above names, else the rules' only (or first) award.
 */
function ballotAwards(
  rd: Reader,
  r: number,
  rules: Rules,
  cols: readonly number[],
): Map<number, AwardRule> | null {
  const out = new Map<number, AwardRule>();
  const above = r > 0 ? (rd.grid[r - 1] ?? []) : [];
  let current: AwardRule | null = null;
  let banded = false;
  const width = Math.max(...cols) + 1;
  for (let c = 0; c < width; c++) {
    const v = above[c];
    if (!isBlank(v)) {
      current = awardOfHeader(v, rules.awards);
      if (current) banded = true;
    }
    if (current && cols.includes(c)) out.set(c, current);
  }
  if (banded && cols.every((c) => out.has(c))) return out;
  let named: AwardRule | null = null;
  for (let k = 0; k < r; k++)
    for (const v of rd.grid[k] ?? []) named = awardOfHeader(v, rules.awards) ?? named;
  const award = named ?? rules.awards[0] ?? null;
  if (!award) return null;
  return new Map(cols.map((c) => [c, award]));
}

/**
 * Reads a count sheet. Problems come back as issues at their cells; nothing throws.
 * `unitCount` is the cluster's size, for awards whose quota is a share.
 * @example readCountSheet(grid(["Số thành viên", 9], [], ["STT","Đơn vị","Cờ thi đua"], [1,"Sở A",7]), origin, rules, 9).value.awards[0].candidates[0].votes //=> 7
 */
export function readCountSheet(
  grid: Grid,
  origin: GridOrigin,
  rules: Rules,
  quotaOf: (award: AwardRule) => number,
): Result<CountSheet> {
  const rd: Reader = { grid, origin, issues: [] };
  const header = findHeader(rd, rules);
  if (!header)
    return { ok: false, issues: [{ code: "no-count-table", severity: "error", sheet: origin.sheet }] };
  const counts = readCounts(rd, header.row);
  const awards =
    header.mode === "counts" ? readCandidateRows(rd, header) : readBallotRows(rd, header, counts, quotaOf);
  const ordered = rules.awards
    .map((a) => awards.find((x) => x.label === a.label))
    .filter((x): x is CountAward => x !== undefined);
  const value: CountSheet = {
    sheet: origin.sheet,
    mode: header.mode,
    counts,
    awards: ordered,
    headerRow: header.row + origin.row,
  };
  const errors = rd.issues.some((i) => i.severity === "error");
  return errors ? { ok: false, issues: rd.issues } : { ok: true, value, issues: rd.issues };
}

function readCandidateRows(rd: Reader, h: Header): CountAward[] {
  const per = new Map<string, CountCandidate[]>(h.columns.map((c) => [c.award.label, []]));
  for (let r = h.row + 1; r < rd.grid.length; r++) {
    const row = rd.grid[r];
    if (rowBlank(row)) {
      if ([...per.values()].some((l) => l.length > 0)) break;
      continue;
    }
    if (isNumberingRow(row)) continue;
    const name = text(row?.[h.unitCol]);
    if (isTotal(row?.[h.unitCol]) || isTotal(row?.[0]) || name.length > 120) break;
    // A dash marks "not a candidate for this award" (EMU's prefilled sheet writes one), like a blank.
    const votes = h.columns.map((c) => ({
      c,
      v: /^[-–—]$/.test(text(row?.[c.col])) ? ("empty" as const) : votesAt(rd, r, c.col),
    }));
    if (!name) {
      if (votes.some((x) => x.v !== "empty"))
        rd.issues.push({ code: "missing-unit-name", severity: "error", cell: ref(rd, r, h.unitCol) });
      continue;
    }
    for (const { c, v } of votes) {
      if (v === "empty" || v === null) continue;
      per.get(c.award.label)?.push({
        name,
        key: unitKey(name),
        row: r + rd.origin.row,
        cell: ref(rd, r, c.col),
        votes: v,
      });
    }
  }
  return [...per.entries()].map(([label, candidates]) => ({ label, candidates }));
}

function readBallotRows(
  rd: Reader,
  h: Header,
  counts: Record<CountName, CountCell>,
  quotaOf: (award: AwardRule) => number,
): CountAward[] {
  const tallies = h.columns.map(() => 0);
  const awardsInOrder: AwardRule[] = [];
  for (const c of h.columns) if (!awardsInOrder.includes(c.award)) awardsInOrder.push(c.award);
  let returned = 0;
  let valid = 0;
  for (let r = h.row + 1; r < rd.grid.length; r++) {
    const row = rd.grid[r];
    if (rowBlank(row)) {
      if (returned > 0) break;
      continue;
    }
    if (isNumberingRow(row) || isTotal(row?.[h.unitCol])) {
      if (isTotal(row?.[h.unitCol])) break;
      continue;
    }
    returned++;
    const marks = h.columns.map((c) => !NO_MARK.has(foldKey(text(row?.[c.col]))));
    let ok = true;
    for (const award of awardsInOrder) {
      const marked = h.columns.filter((c, k) => c.award === award && marks[k]).length;
      const quota = quotaOf(award);
      if (marked > quota) {
        ok = false;
        rd.issues.push({
          code: "ballot-invalid",
          severity: "warning",
          cell: ref(rd, r, h.unitCol),
          ballot: text(row?.[h.unitCol]) || String(returned),
          award: award.label,
          marked,
          quota,
        });
      }
    }
    if (!ok) continue;
    valid++;
    marks.forEach((m, k) => {
      if (m) tallies[k] = (tallies[k] ?? 0) + 1;
    });
  }
  // What the ballots say is the count; a labelled number that disagrees is an error at its cell.
  const counted: Partial<Record<CountName, number>> = { returned, valid, invalid: returned - valid };
  for (const name of ["returned", "valid", "invalid"] as const) {
    const given = counts[name];
    const expected = counted[name] as number;
    if (given.value !== null && given.value !== expected && given.cell)
      rd.issues.push({
        code: "vote-count-mismatch",
        severity: "error",
        cell: given.cell,
        count: name,
        value: given.value,
        expected,
      });
    if (given.value === null) counts[name] = { value: expected, cell: given.cell };
  }
  return awardsInOrder.map((award) => ({
    label: award.label,
    candidates: h.columns
      .map((c, k) => ({ c, k }))
      .filter(({ c }) => c.award === award)
      .map(({ c, k }) => ({
        name: c.name ?? "",
        key: unitKey(c.name ?? ""),
        row: h.row + rd.origin.row,
        cell: ref(rd, h.row, c.col),
        votes: tallies[k] ?? 0,
      })),
  }));
}
