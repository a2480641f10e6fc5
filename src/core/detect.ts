import { columnIndex, columnLetters } from "./address";
import type { ColumnRole, Issue, Result } from "./issues";
import { foldKey } from "./text";
import type { CellValue, Grid, GridOrigin } from "./types";

/** Column index (0-based, inside the grid) for each role the table has. */
export type ColumnMap = Partial<Record<ColumnRole, number>>;

/** Where the score table sits in a grid. */
export interface TableLocation {
  /** Grid row of the first header row. */
  readonly headerRow: number;
  /** 1, or 2 for a two-row header ("Điểm" over "Tự chấm | Thẩm định"). */
  readonly headerRows: number;
  /** Grid row where data starts. */
  readonly firstDataRow: number;
  readonly columns: ColumnMap;
}

/** A user's explicit mapping: sheet column letters per role, and optionally the 1-based header row. */
export interface ColumnMapping {
  readonly headerRow?: number;
  readonly columns: Partial<Record<ColumnRole, string>>;
}

interface Synonyms {
  readonly exact: readonly string[];
  readonly contains: readonly string[];
}

/**
 * Header synonyms, folded (no case, no accents). Checked in this order: the specific score
 * columns (bonus, deduction, maximum) before the generic ones, so "Điểm tối đa" is never taken
 * for a score and "Điểm chấm thẩm định" never for a self-score.
 */
const HEADER_SYNONYMS: ReadonlyArray<readonly [ColumnRole, Synonyms]> = [
  [
    "veto",
    {
      exact: ["veto", "excluded", "exclusion", "violation", "disqualified", "vi pham", "ky luat"],
      contains: ["khong xet", "vi pham", "ky luat", "khong duoc xet"],
    },
  ],
  ["bonus", { exact: ["bonus", "bonus points"], contains: ["diem thuong", "diem cong", "cong diem"] }],
  ["deduction", { exact: ["deduction", "deductions", "penalty"], contains: ["diem tru", "tru diem"] }],
  [
    "max",
    {
      exact: ["max", "maximum", "max score", "maximum score", "toi da"],
      contains: ["diem toi da", "diem chuan", "thang diem", "so diem toi da"],
    },
  ],
  [
    "verified",
    {
      exact: ["verified", "verified score", "inspection score", "cross inspection"],
      contains: ["tham dinh", "kiem tra cheo", "cham cheo", "verified", "cross inspect", "inspection"],
    },
  ],
  [
    "self",
    {
      exact: ["self", "self score", "self assessed", "self assessment", "self scored"],
      contains: ["tu cham", "tu danh gia", "self score", "self assess"],
    },
  ],
  // After the scores: "Tổng điểm tự chấm" is a self-score, "Tổng điểm thưởng" a bonus.
  [
    "total",
    {
      exact: ["total", "total score", "total points", "tong", "tong cong", "tong so"],
      contains: [
        "tong diem",
        "tong cong diem",
        "diem tong hop",
        "tong so diem",
        "diem tong cong",
        "tong hop diem",
      ],
    },
  ],
  [
    "classification",
    { exact: ["classification", "class", "grade", "rating", "loai"], contains: ["xep loai"] },
  ],
  ["rank", { exact: ["hang", "xep hang", "thu hang", "thu tu xep hang", "rank", "ranking"], contains: [] }],
  ["note", { exact: ["ghi chu", "note", "notes", "remark", "remarks", "comment", "comments"], contains: [] }],
  ["stt", { exact: ["stt", "tt", "so tt", "so thu tu", "no", "nr", "number", "#"], contains: [] }],
  [
    "unit",
    {
      exact: [
        "don vi",
        "ten don vi",
        "don vi thi dua",
        "co quan",
        "ten co quan",
        "co quan don vi",
        "co quan, don vi",
        "tap the",
        "ten tap the",
        "unit",
        "unit name",
        "agency",
        "member",
        "member unit",
        "organization",
        "organisation",
      ],
      contains: ["ten don vi", "don vi thi dua"],
    },
  ],
];

/** Folds a header text; "#" survives because it is a common English STT header. */
function headerKey(v: CellValue): string {
  if (typeof v !== "string") return "";
  const t = v.trim();
  return t === "#" ? "#" : foldKey(t);
}

/**
 * The role a header text names, or null.
 * @example headerRole("Điểm chấm thẩm định") //=> "verified"
 * @example headerRole("Tên đơn vị") //=> "unit"
 */
export function headerRole(text: CellValue): ColumnRole | null {
  const key = headerKey(text);
  if (!key) return null;
  for (const [role, syn] of HEADER_SYNONYMS) {
    if (syn.exact.includes(key)) return role;
    if (syn.contains.some((c) => key.includes(c))) return role;
  }
  return null;
}

function cellText(grid: Grid, r: number, c: number): CellValue {
  return grid[r]?.[c] ?? "";
}

function isBlank(v: CellValue): boolean {
  return v === null || v === "" || (typeof v === "string" && v.trim() === "");
}

/** Roles found in one candidate header (one row, or two rows read together). */
function matchHeader(texts: readonly CellValue[]): ColumnMap {
  const map: ColumnMap = {};
  texts.forEach((t, c) => {
    const role = headerRole(t);
    if (role !== null && map[role] === undefined) map[role] = c;
  });
  return map;
}

/**
 * Reads rows r and r+1 as one header: a merged parent cell ("Điểm") is stored only in its
 * first column, so it is carried right over the blank cells its children sit under.
 */
function twoRowTexts(grid: Grid, r: number, width: number): CellValue[] {
  const out: CellValue[] = [];
  let parent = "";
  for (let c = 0; c < width; c++) {
    const top = cellText(grid, r, c);
    const bottom = cellText(grid, r + 1, c);
    if (!isBlank(top)) parent = String(top);
    else if (isBlank(bottom)) parent = "";
    const topText = isBlank(top) ? (isBlank(bottom) ? "" : parent) : String(top);
    out.push(isBlank(bottom) ? topText : `${topText} ${String(bottom)}`.trim());
  }
  return out;
}

/**
 * True when a row reads as a score table's header on its own (a unit column and a score column):
 * under a first table, such a row starts a second one.
 * @example isHeaderRow(["STT", "Đơn vị", "Điểm tự chấm"]) //=> true
 */
export function isHeaderRow(row: readonly CellValue[]): boolean {
  return !row.some((v) => typeof v === "number") && usable(matchHeader(row));
}

function usable(map: ColumnMap): boolean {
  return map.unit !== undefined && (map.self !== undefined || map.verified !== undefined);
}

function score(map: ColumnMap): number {
  return Object.keys(map).length;
}

function rowHasNumber(grid: Grid, r: number): boolean {
  return (grid[r] ?? []).some((v) => typeof v === "number");
}

/** How far down a header may sit: title blocks of official letters are 10–20 rows. */
const HEADER_SCAN_ROWS = 200;

/**
 * Finds the score table's header in a grid that may have letter-style title rows above it.
 * A user's explicit mapping overrides detection. Problems come back as issues, never thrown.
 * @example detectTable(grid(["STT","Đơn vị","Điểm tự chấm"],[1,"Sở A",985]), origin).value.columns //=> { stt: 0, unit: 1, self: 2 }
 */
export function detectTable(grid: Grid, origin: GridOrigin, mapping?: ColumnMapping): Result<TableLocation> {
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  let best: TableLocation | null = null;
  let bestScore = 0;
  const limit = Math.min(grid.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    if (rowHasNumber(grid, r)) continue;
    const one = matchHeader(grid[r] ?? []);
    if (usable(one) && score(one) > bestScore) {
      best = { headerRow: r, headerRows: 1, firstDataRow: r + 1, columns: one };
      bestScore = score(one);
    }
    if (r + 1 < grid.length && !rowHasNumber(grid, r + 1)) {
      // Two rows count as one header only when together they say more than either alone.
      const two = matchHeader(twoRowTexts(grid, r, width));
      const below = score(matchHeader(grid[r + 1] ?? []));
      if (usable(two) && score(two) > Math.max(bestScore, score(one), below)) {
        best = { headerRow: r, headerRows: 2, firstDataRow: r + 2, columns: two };
        bestScore = score(two);
      }
    }
  }
  if (mapping) return applyMapping(best, mapping, origin);
  if (!best) {
    return { ok: false, issues: [{ code: "no-table", severity: "error", sheet: origin.sheet }] };
  }
  return { ok: true, value: best, issues: [] };
}

function applyMapping(
  found: TableLocation | null,
  mapping: ColumnMapping,
  origin: GridOrigin,
): Result<TableLocation> {
  const issues: Issue[] = [];
  const columns: Record<string, number> = { ...(found?.columns ?? {}) };
  const headerRow =
    mapping.headerRow !== undefined ? mapping.headerRow - 1 - origin.row : (found?.headerRow ?? -1);
  for (const [role, letters] of Object.entries(mapping.columns) as [ColumnRole, string | undefined][]) {
    if (letters === undefined) continue;
    const idx = columnIndex(letters) - origin.col;
    if (idx < 0) {
      issues.push({ code: "mapping-invalid", severity: "error", role, column: letters });
      continue;
    }
    // A column given to a role by the user is taken away from whichever role detection gave it.
    for (const [other, c] of Object.entries(columns)) if (c === idx && other !== role) delete columns[other];
    columns[role] = idx;
  }
  if (headerRow < 0 && mapping.headerRow === undefined && !found) {
    issues.push({ code: "no-table", severity: "error", sheet: origin.sheet });
  }
  if (issues.length > 0) return { ok: false, issues };
  const headerRows = found && found.headerRow === headerRow ? found.headerRows : 1;
  const loc: TableLocation = {
    headerRow: Math.max(headerRow, -1),
    headerRows,
    firstDataRow: Math.max(headerRow, -1) + headerRows,
    columns,
  };
  return { ok: true, value: loc, issues: [] };
}

/** Column letters of each mapped role, in sheet coordinates (what the pane shows and saves). */
export function mappingOf(loc: TableLocation, origin: GridOrigin): ColumnMapping {
  const columns: Partial<Record<ColumnRole, string>> = {};
  for (const [role, c] of Object.entries(loc.columns) as [ColumnRole, number][]) {
    columns[role] = columnLetters(c + origin.col);
  }
  return { headerRow: loc.headerRow + origin.row + 1, columns };
}
