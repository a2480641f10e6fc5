import { canonicalScore } from "./classify";
import { headerRole } from "./detect";
import type { Issue, Result } from "./issues";
import { sortIssues } from "./score-table";
import { checkText } from "./text-issues";
import { cleanText, detectLegacy, foldKey, legacyToUnicode, parseNumber, unitKey } from "./text";
import type { CellIndents, CellRef, CellValue, Grid, GridOrigin } from "./types";

/**
 * Detailed scoring sheets (bảng chấm điểm chi tiết): a numbering column (I, II … / 1, 2 … /
 * 1.1 … / a, b … / "-"), a content column, a maximum column and score columns — one self/verified
 * pair for one unit, or one pair per unit side by side under the units' names. The numbering
 * builds the criteria tree; bonus and deduction sections are recognised by their wording.
 */

export type CriterionKind = "normal" | "bonus" | "deduction";

export interface Criterion {
  /** The numbering as written ("II", "1.2", "a", "-"), or "" when the row has none. */
  readonly number: string;
  /** Path of numbers from the root, e.g. "II.1.a": stable across units and forms. */
  readonly path: string;
  readonly content: string;
  readonly max: number | null;
  readonly kind: CriterionKind;
  /** Grid row of the criterion. */
  readonly gridRow: number;
  readonly depth: number;
  readonly children: Criterion[];
}

/** One unit's pair of score columns (grid columns). */
export interface UnitColumns {
  readonly unit: string;
  readonly key: string;
  readonly self: number;
  readonly verified: number | null;
  /** Where the unit's name was found (a header cell), if anywhere in the grid. */
  readonly nameCell?: CellRef;
}

export type CriteriaLayout = "single" | "multi";

export interface CriteriaTable {
  readonly sheet: string;
  readonly origin: GridOrigin;
  readonly layout: CriteriaLayout;
  readonly headerRow: number;
  readonly columns: { readonly number: number; readonly content: number; readonly max: number };
  readonly roots: readonly Criterion[];
  /** Every criterion in sheet order. */
  readonly all: readonly Criterion[];
  readonly units: readonly UnitColumns[];
  /** Grid row of a total row (Tổng cộng / Tổng điểm), if any. */
  readonly totalRow: number | null;
}

/** What the rules of a cluster say about criteria: caps and pass/fail criteria. */
export interface CriteriaRules {
  /** Cap on the bonus points a unit may get in total. */
  readonly bonusCap?: number;
  /** Cap on the deduction a unit may get in total. */
  readonly deductionCap?: number;
  /** Paths (e.g. "I.2") of criteria scored pass/fail: 0 or their maximum. */
  readonly passFail?: readonly string[];
  /** How to treat a verified score above the self-score. */
  readonly verifiedAboveSelf?: "warning" | "error" | "allow";
}

export interface UnitTotals {
  readonly unit: string;
  readonly key: string;
  /** Base points (the sum of the normal criteria), bonus and deduction after caps, and the total. */
  readonly self: { base: number; bonus: number; deduction: number; total: number };
  readonly verified: { base: number; bonus: number; deduction: number; total: number } | null;
}

const CONTENT_HEADERS = [
  "noi dung",
  "tieu chi",
  "noi dung tieu chi",
  "noi dung cham diem",
  "noi dung danh gia",
  "tieu chi cham diem",
  "tieu chi danh gia",
  "noi dung thi dua",
  "content",
  "criterion",
  "criteria",
];

const isBlank = (v: CellValue | undefined): boolean =>
  v === undefined || v === null || v === "" || (typeof v === "string" && v.trim() === "");

function contentHeader(v: CellValue | undefined): boolean {
  if (typeof v !== "string") return false;
  const k = foldKey(v);
  return CONTENT_HEADERS.some((h) => k === h || k.startsWith(`${h} `));
}

/** Numbering kinds, from the outermost: I, 1, 1.1, 1.1.1, a, "-". */
function numberRank(n: string): number | null {
  const t = n.trim().replace(/[.)]$/, "");
  if (!t) return null;
  if (/^(?=[IVXL])(L?X{0,3})(IX|IV|V?I{0,3})$/.test(t)) return 0;
  if (/^\d+$/.test(t)) return 10;
  if (/^\d+(\.\d+)+$/.test(t)) return 10 + 10 * (t.split(".").length - 1);
  if (/^[a-zđ]$/i.test(t)) return 60;
  if (/^[-+–•*]$/.test(t)) return 70;
  return null;
}

function kindOf(content: string): CriterionKind | null {
  const k = foldKey(content);
  if (/\b(diem thuong|diem cong|cong diem|thuong diem|bonus)\b/.test(k)) return "bonus";
  if (/\b(diem tru|tru diem|deduction|penalt)/.test(k)) return "deduction";
  return null;
}

/**
 * How far a content cell is indented by leading blanks: a space or no-break space counts 1, a
 * tab 4, a full-width space 2 (capped, so a runaway cell cannot outrank real levels).
 * @example indentOf("    Báo cáo đúng hạn") //=> 4
 */
export function indentOf(v: CellValue | undefined): number {
  if (typeof v !== "string") return 0;
  let w = 0;
  for (const ch of v) {
    if (ch === " " || ch === "\u00a0") w += 1;
    else if (ch === "\t") w += 4;
    else if (ch === "\u3000") w += 2;
    else break;
  }
  return Math.min(w, 19);
}

const TOTAL = /^(tong cong|tong diem|tong so diem|tong|cong|total)$/;

interface Header {
  row: number;
  number: number;
  content: number;
  max: number;
  selfCols: number[];
  verifiedCols: number[];
  /** For a multi-unit sheet: the row above, with the units' names. */
  unitRow: number | null;
}

function findHeader(grid: Grid, scoresRequired = true): Header | null {
  const limit = Math.min(grid.length, 60);
  for (let r = 0; r < limit; r++) {
    const row = grid[r] ?? [];
    let number = -1;
    let content = -1;
    let max = -1;
    row.forEach((v, c) => {
      const role = headerRole(v);
      if (role === "stt" && number < 0) number = c;
      else if (role === "max" && max < 0) max = c;
      else if (contentHeader(v) && content < 0) content = c;
    });
    if (content < 0 || max < 0) continue;
    // Score columns on this row (single unit) or on the next (one pair per unit).
    for (const [scoreRow, unitRow] of [
      [r, null],
      [r + 1, r],
    ] as const) {
      const sr = grid[scoreRow] ?? [];
      const selfCols: number[] = [];
      const verifiedCols: number[] = [];
      sr.forEach((v, c) => {
        if (c === max || c === content || c === number) return;
        const role = headerRole(v);
        if (role === "self") selfCols.push(c);
        if (role === "verified") verifiedCols.push(c);
      });
      if (selfCols.length > 0 || (!scoresRequired && unitRow === null)) {
        // Several score columns on the header row itself: the units are named in the row
        // above (a merged band "Sở A | Sở B" over "Tự chấm | Tự chấm"), when it names them.
        const above = grid[r - 1] ?? [];
        const named = unitRow === null && selfCols.length > 1 && selfCols.some((c) => !isBlank(above[c]));
        return {
          row: scoreRow,
          number: number < 0 ? Math.max(content - 1, 0) : number,
          content,
          max,
          selfCols,
          verifiedCols,
          unitRow: named ? r - 1 : unitRow,
        };
      }
    }
  }
  return null;
}

const TITLE_LABEL = /^\s*(đơn vị|tên đơn vị|cơ quan|unit)\s*:/iu;
const LABEL_ONLY = /^\s*(đơn vị|tên đơn vị|cơ quan|unit)\s*:?\s*$/iu;

/**
 * The title cell's text as a label can be recognised in: NFC, and converted to Unicode when the
 * whole title was typed in a legacy encoding ("§¬n vÞ: Së …" is "Đơn vị: Sở …" in TCVN3).
 */
function labelText(v: string): string {
  const nfc = v.normalize("NFC");
  const legacy = detectLegacy(nfc);
  return legacy ? legacyToUnicode(nfc, legacy) : nfc;
}

/**
 * "Đơn vị: Sở TT&TT Lào Cai" in a title row, for a one-unit sheet. The name is returned as
 * typed (after the label's colon), so the caller's text check still sees a decomposed or
 * legacy-encoded name and reports it at its cell.
 */
function unitFromTitle(grid: Grid, before: number): { name: string; row: number; col: number } | null {
  for (let r = 0; r < before; r++) {
    const row = grid[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string") continue;
      const label = labelText(v);
      if (TITLE_LABEL.test(label)) {
        // The legacy and NFD forms of the label keep its colon: the name is what follows it.
        const name = v.slice(v.indexOf(":") + 1);
        if (name.trim()) return { name, row: r, col: c };
      }
      // The name may sit in the next cell: "Đơn vị:" | "Sở TT&TT Lào Cai".
      if (LABEL_ONLY.test(label) && typeof row[c + 1] === "string" && String(row[c + 1]).trim())
        return { name: String(row[c + 1]), row: r, col: c + 1 };
    }
  }
  return null;
}

/**
 * Finds a criteria table in a grid and builds its tree. A sheet without one is `no-table`.
 * @example detectCriteria(grid(["TT","Nội dung","Điểm tối đa","Tự chấm","Thẩm định"],["I","Công tác A",10,9,8]), origin).value.roots[0].path //=> "I"
 */
export function detectCriteria(
  grid: Grid,
  origin: GridOrigin,
  layout?: CriteriaLayout,
  scoresRequired = true,
  indents?: CellIndents,
): Result<CriteriaTable> {
  const h = findHeader(grid, scoresRequired);
  if (!h) return { ok: false, issues: [{ code: "no-table", severity: "error", sheet: origin.sheet }] };
  const issues: Issue[] = [];
  const cellAt = (r: number, c: number): CellRef => ({
    sheet: origin.sheet,
    row: r + origin.row,
    col: c + origin.col,
  });
  const multi = layout ? layout === "multi" : h.unitRow !== null && h.selfCols.length > 1;

  // The units: one per self column, its verified column the next one after it.
  const units: UnitColumns[] = [];
  h.selfCols.forEach((self, k) => {
    const next = h.selfCols[k + 1] ?? Infinity;
    const verified = h.verifiedCols.find((c) => c > self && c < next) ?? null;
    let name = "";
    let nameCell: CellRef | undefined;
    if (multi && h.unitRow !== null) {
      const unitRow = grid[h.unitRow] ?? [];
      for (let c = self; c >= 0; c--) {
        const v = unitRow[c];
        if (!isBlank(v) && c !== h.content && c !== h.max && c !== h.number) {
          name = checkText(String(v), cellAt(h.unitRow, c), issues);
          nameCell = cellAt(h.unitRow, c);
          break;
        }
      }
    } else {
      const t = unitFromTitle(grid, h.unitRow ?? h.row);
      if (t) {
        name = checkText(t.name, cellAt(t.row, t.col), issues);
        nameCell = cellAt(t.row, t.col);
      } else name = cleanText(origin.sheet);
    }
    units.push({ unit: name, key: unitKey(name), self, verified, ...(nameCell ? { nameCell } : {}) });
    if (multi && !name && nameCell === undefined)
      issues.push({ code: "missing-unit-name", severity: "error", cell: cellAt(h.unitRow ?? h.row, self) });
  });

  // The tree, from the numbering.
  const all: Criterion[] = [];
  const roots: Criterion[] = [];
  const stack: { rank: number; node: Criterion }[] = [];
  let totalRow: number | null = null;
  for (let r = h.row + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (row.every((v) => isBlank(v))) continue;
    // Without a numbering column the content column stands in for it: then nothing is numbered.
    const numText = h.number === h.content || isBlank(row[h.number]) ? "" : cleanText(String(row[h.number]));
    // Content typed in TCVN3/VNI or decomposed is reported, and read converted: the bonus and
    // deduction wording must be recognised, and forms must not copy "§iÓm th­ëng".
    const content = isBlank(row[h.content])
      ? ""
      : checkText(String(row[h.content]), cellAt(r, h.content), issues);
    if (TOTAL.test(foldKey(numText)) || TOTAL.test(foldKey(content))) {
      totalRow = r;
      break;
    }
    const maxParsed = parseNumber(row[h.max] ?? "");
    const max = maxParsed.kind === "number" ? maxParsed.value : null;
    if (maxParsed.kind === "not-a-number" || maxParsed.kind === "error")
      issues.push(
        maxParsed.kind === "error"
          ? { code: "cell-error", severity: "error", cell: cellAt(r, h.max), error: maxParsed.error }
          : { code: "not-a-number", severity: "error", cell: cellAt(r, h.max), text: maxParsed.text },
      );
    let rank = numberRank(numText);
    if (rank === null) {
      // A row without numbering is a criterion only when it carries points; otherwise a note.
      // (An inspector's verified points alone count: a deduction only the inspection found.)
      const scored =
        max !== null ||
        units.some((u) => !isBlank(row[u.self]) || (u.verified !== null && !isBlank(row[u.verified])));
      if (!scored || !content) continue;
      // Below every numbered level; deeper the more its content is indented, so a list
      // without any numbering still gets its tree from the indentation people typed.
      // An Excel indent level is worth a few typed spaces (Excel draws it about three wide).
      rank = 80 + Math.min(indentOf(row[h.content]) + 3 * (indents?.get(r)?.get(h.content) ?? 0), 19);
    }
    while (stack.length > 0 && (stack[stack.length - 1]?.rank ?? -1) >= rank) stack.pop();
    const parent = stack[stack.length - 1]?.node;
    const worded = kindOf(content);
    const kind: CriterionKind = parent?.kind && parent.kind !== "normal" ? parent.kind : (worded ?? "normal");
    const label = numText.replace(/[.)]$/, "");
    // "2.1" under "2" extends its parent's path ("I.2" → "I.2.1"), not "I.2.2.1".
    const parentLabel = parent?.number.replace(/[.)]$/, "") ?? "";
    // Bullets ("-", "+") and unnumbered rows repeat among siblings: their place among them
    // ("#2") is what stays the same between a criteria list and the forms made from it.
    const own =
      rank >= 70
        ? `#${(parent ? parent.children.length : roots.length) + 1}`
        : parentLabel && label.startsWith(`${parentLabel}.`)
          ? label.slice(parentLabel.length + 1)
          : label;
    const node: Criterion = {
      number: numText,
      path: parent ? `${parent.path}.${own}` : own,
      content,
      max,
      kind,
      gridRow: r,
      depth: stack.length,
      children: [],
    };
    if (parent) parent.children.push(node);
    else roots.push(node);
    all.push(node);
    stack.push({ rank, node });
  }
  if (all.length === 0) issues.push({ code: "no-units", severity: "error", cell: cellAt(h.row, h.content) });
  const table: CriteriaTable = {
    sheet: origin.sheet,
    origin,
    layout: multi ? "multi" : "single",
    headerRow: h.row,
    columns: { number: h.number, content: h.content, max: h.max },
    roots,
    all,
    units,
    totalRow,
  };
  if (issues.some((i) => i.severity === "error")) return { ok: false, issues };
  return { ok: true, value: table, issues };
}

/**
 * Where the add-in should read Excel's indent levels for a criteria table: its content column,
 * over its rows, when some row has no numbering (numbered rows need none). Grid coordinates.
 * @example indentColumn(grid, origin) //=> { col: 1, r1: 3, r2: 140 }
 */
export function indentColumn(
  grid: Grid,
  origin: GridOrigin,
): { readonly col: number; readonly r1: number; readonly r2: number } | null {
  const d = detectCriteria(grid, origin, undefined, false);
  if (!d.ok) return null;
  const t = d.value;
  if (!t.all.some((n) => n.number === "")) return null;
  const last = t.totalRow ?? t.all[t.all.length - 1]?.gridRow ?? t.headerRow;
  return { col: t.columns.content, r1: t.headerRow + 1, r2: last };
}

/**
 * A criterion as a person finds it: "II.1.a" when numbered; when not (its path holds "#"),
 * the first words of its content in quotes.
 * @example criterionName({ path: "I.#2", content: "Tổ chức phát động phong trào" }) //=> '"Tổ chức phát động phong trào"'
 */
export function criterionName(n: Pick<Criterion, "path" | "content">): string {
  if (!n.path.includes("#")) return n.path;
  const words = n.content.length > 60 ? `${n.content.slice(0, 57).trimEnd()}…` : n.content;
  return `"${words}"`;
}

type Side = "self" | "verified";

/**
 * Validates every score cell of a criteria table and computes each unit's totals: base (normal
 * criteria) + bonus − deduction, with the caps the rules set. A parent's points are the sum of
 * its children; a parent's own entered value is checked against that sum.
 */
export function scoreCriteria(
  grid: Grid,
  table: CriteriaTable,
  rules: CriteriaRules = {},
): { totals: UnitTotals[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const o = table.origin;
  const cellAt = (r: number, c: number): CellRef => ({ sheet: o.sheet, row: r + o.row, col: c + o.col });
  const passFail = new Set(rules.passFail ?? []);

  // Structure: the children's maxima must add up to the parent's maximum (bonus/deduction
  // sections excepted: their children are alternatives, each capped on its own).
  for (const n of table.all) {
    if (n.children.length === 0 || n.max === null || n.kind !== "normal") continue;
    const maxes = n.children.map((c) => c.max);
    if (maxes.some((m) => m === null)) continue;
    const sum = canonicalScore(maxes.reduce<number>((a, m) => a + (m ?? 0), 0));
    if (sum !== canonicalScore(n.max))
      issues.push({
        code: "max-sum-mismatch",
        severity: "error",
        cell: cellAt(n.gridRow, table.columns.max),
        path: n.path,
        criterion: criterionName(n),
        expected: sum,
        actual: n.max,
      });
  }

  const totals: UnitTotals[] = [];
  for (const u of table.units) {
    const side = (s: Side): UnitTotals["self"] | null => {
      const col = s === "self" ? u.self : u.verified;
      if (col === null) return null;
      const value = (n: Criterion): number => {
        const raw = grid[n.gridRow]?.[col];
        const parsed = parseNumber(raw ?? "");
        const cell = cellAt(n.gridRow, col);
        if (n.children.length > 0) {
          const sum = canonicalScore(n.children.reduce((a, c) => a + value(c), 0));
          if (parsed.kind === "number" && canonicalScore(parsed.value) !== sum)
            issues.push({
              code: "parent-sum-mismatch",
              severity: "error",
              cell,
              path: n.path,
              criterion: criterionName(n),
              expected: sum,
              actual: parsed.value,
            });
          if (parsed.kind === "error")
            issues.push({ code: "cell-error", severity: "error", cell, error: parsed.error });
          return sum;
        }
        switch (parsed.kind) {
          case "empty":
            // Bonus and deduction lines are often left blank when none apply.
            if (n.kind === "normal")
              issues.push({ code: "missing-score", severity: "error", cell, role: s, unit: u.unit });
            return 0;
          case "error":
            issues.push({ code: "cell-error", severity: "error", cell, error: parsed.error });
            return 0;
          case "not-a-number":
            issues.push({ code: "not-a-number", severity: "error", cell, text: parsed.text });
            return 0;
          case "number": {
            const v = parsed.value;
            if (parsed.source === "decimal-comma")
              issues.push({
                code: "decimal-comma",
                severity: "warning",
                cell,
                text: String(raw).trim(),
                value: v,
              });
            else if (parsed.source === "text")
              issues.push({
                code: "text-number",
                severity: "warning",
                cell,
                text: String(raw).trim(),
                value: v,
              });
            if (v < 0) {
              issues.push({ code: "negative-score", severity: "error", cell, value: v });
              return 0;
            }
            if (n.max !== null && canonicalScore(v) > canonicalScore(n.max))
              issues.push({ code: "score-above-max", severity: "error", cell, value: v, max: n.max });
            if (
              passFail.has(n.path) &&
              n.max !== null &&
              v !== 0 &&
              canonicalScore(v) !== canonicalScore(n.max)
            )
              issues.push({
                code: "pass-fail-partial",
                severity: "error",
                cell,
                path: n.path,
                criterion: criterionName(n),
                value: v,
                max: n.max,
              });
            return v;
          }
        }
      };
      let base = 0;
      let bonus = 0;
      let deduction = 0;
      for (const root of table.roots) {
        const v = value(root);
        if (root.kind === "bonus") bonus += v;
        else if (root.kind === "deduction") deduction += v;
        else base += v;
      }
      const bonusNode = table.roots.find((r) => r.kind === "bonus");
      const cap = rules.bonusCap ?? bonusNode?.max ?? undefined;
      if (cap !== undefined && canonicalScore(bonus) > canonicalScore(cap)) {
        issues.push({
          code: "bonus-above-cap",
          severity: "error",
          cell: cellAt(bonusNode?.gridRow ?? table.headerRow, col),
          value: bonus,
          max: cap,
        });
        bonus = cap;
      }
      if (rules.deductionCap !== undefined) deduction = Math.min(deduction, rules.deductionCap);
      return {
        base: canonicalScore(base),
        bonus: canonicalScore(bonus),
        deduction: canonicalScore(deduction),
        total: canonicalScore(base + bonus - deduction),
      };
    };
    const self = side("self") as UnitTotals["self"];
    const verified = side("verified");
    // Per criterion: an inspector raising a self-score (a quy chế decision; default warn).
    if (u.verified !== null && (rules.verifiedAboveSelf ?? "warning") !== "allow") {
      for (const n of table.all) {
        // A larger verified deduction lowers the score: only points gained are "raised".
        if (n.children.length > 0 || n.kind === "deduction") continue;
        const s = parseNumber(grid[n.gridRow]?.[u.self] ?? "");
        const v = parseNumber(grid[n.gridRow]?.[u.verified] ?? "");
        if (s.kind === "number" && v.kind === "number" && canonicalScore(v.value) > canonicalScore(s.value))
          issues.push({
            code: "verified-above-self",
            severity: rules.verifiedAboveSelf === "error" ? "error" : "warning",
            cell: cellAt(n.gridRow, u.verified),
            verified: v.value,
            self: s.value,
          });
      }
    }
    // A total row, when present, must agree with the computed total.
    if (table.totalRow !== null) {
      for (const [s, col] of [
        ["self", u.self],
        ["verified", u.verified],
      ] as const) {
        const t = s === "self" ? self : verified;
        if (col === null || !t) continue;
        const p = parseNumber(grid[table.totalRow]?.[col] ?? "");
        if (p.kind === "number" && canonicalScore(p.value) !== t.total)
          issues.push({
            code: "total-mismatch",
            severity: "error",
            cell: cellAt(table.totalRow, col),
            role: s,
            expected: t.total,
            actual: p.value,
          });
      }
    }
    totals.push({ unit: u.unit, key: u.key, self, verified });
  }
  return { totals, issues: sortIssues(issues) };
}
