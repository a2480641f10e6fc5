import { canonicalScore } from "./classify";
import type { Issue } from "./issues";
import type { ScoreTable, UnitRow } from "./score-table";
import type { Rules } from "./rules";
import { RULES_SHEET_NAME, rulesSheetGrid } from "./rules-sheet";
import type { CellValue, Lang } from "./types";
import { unitSheetName } from "./unit-sheet-name";

/**
 * "Tạo bảng điểm mẫu": a ready score table for a workbook where EMU found none (empty, or a
 * layout it does not recognise), so a new user has a way forward: the headers EMU reads, a few
 * example units clearly marked as examples, and the rules sheet when the workbook has none.
 */

export interface ScoreTemplate {
  /** A new sheet's name, unique among the workbook's (never one of them). */
  readonly name: string;
  readonly grid: CellValue[][];
  /** 0-based row of the header in `grid`. */
  readonly headerRow: number;
  /** Column widths in characters, one per column. */
  readonly widths: readonly number[];
  /** The rules sheet to add, or null when the workbook has one (it is never replaced). */
  readonly rules: { readonly name: string; readonly grid: CellValue[][] } | null;
}

const TEXT: Readonly<Record<Lang, { title: string; note: string; example: string; remark: string }>> = {
  vi: {
    title: "BẢNG TỔNG HỢP ĐIỂM THI ĐUA (MẪU)",
    note: "Các đơn vị dưới đây chỉ là ví dụ: thay bằng tên và điểm của các đơn vị trong Cụm (có thể thêm dòng), rồi bấm “Kiểm tra” trong bảng điều khiển EMU.",
    example: "ví dụ",
    remark: "Ví dụ, thay bằng số liệu thật",
  },
  en: {
    title: "BẢNG TỔNG HỢP ĐIỂM THI ĐUA (MẪU) / SCORE TABLE (TEMPLATE)",
    note: "The units below are examples only: replace them with your cluster's units and scores (add rows as needed), then press “Check” in the EMU pane.",
    example: "example",
    remark: "Example, replace with real figures",
  },
};

/** The headers EMU recognises in either language (the notice's table: seed 000). */
const HEADERS = ["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định", "Ghi chú"];

/** Example units' [self, verified] as shares of the scale: verified never above self. */
const EXAMPLES: readonly (readonly [string, number, number])[] = [
  ["Đơn vị A", 0.95, 0.94],
  ["Đơn vị B", 0.88, 0.86],
  ["Đơn vị C", 0.76, 0.76],
];

/**
 * The template's example units still in a score table (their names exactly as the template
 * writes them, in either language): a warning at each, so a notice never lists "Đơn vị A (ví dụ)"
 * unnoticed.
 * @example exampleUnitIssues(table)[0]?.code //=> "example-unit"
 */
export function exampleUnitIssues(table: ScoreTable): Issue[] {
  const names = new Set(
    EXAMPLES.flatMap(([unit]) => (Object.keys(TEXT) as Lang[]).map((l) => `${unit} (${TEXT[l].example})`)),
  );
  const out: Issue[] = [];
  // Indexed: run once per table, a for-of loop stays in the interpreter long enough to make an
  // iterator result per unit.
  for (let k = 0; k < table.units.length; k++) {
    const u = table.units[k] as UnitRow;
    if (!names.has(u.name)) continue;
    const cell = u.cells.unit ?? { sheet: table.sheet, row: u.row, col: 0 };
    out.push({ code: "example-unit", severity: "warning", cell, unit: u.name });
  }
  return out;
}

/**
 * The template sheet (and the rules sheet when `rulesSheet` is true) for a workbook whose sheets
 * are `taken`; example scores on the scale of `rules`.
 * @example scoreTableTemplate({ lang: "vi", taken: ["Sheet1"], rules, rulesSheet: true }).name //=> "Bảng điểm mẫu"
 */
export function scoreTableTemplate(opts: {
  readonly lang: Lang;
  readonly taken: readonly string[];
  readonly rules: Rules;
  /** True when the workbook has no rules sheet yet. */
  readonly rulesSheet: boolean;
}): ScoreTemplate {
  const t = TEXT[opts.lang];
  const max = opts.rules.maxScore;
  const headerRow = 3;
  const grid: CellValue[][] = [
    [t.title, "", "", "", ""],
    [t.note, "", "", "", ""],
    ["", "", "", "", ""],
    [...HEADERS],
    ...EXAMPLES.map(([unit, self, verified], k): CellValue[] => [
      k + 1,
      `${unit} (${t.example})`,
      canonicalScore(Math.round(self * max * 100) / 100),
      canonicalScore(Math.round(verified * max * 100) / 100),
      t.remark,
    ]),
  ];
  const taken = [...opts.taken];
  const name = unitSheetName("Bảng điểm mẫu", taken);
  const hasRules = !opts.rulesSheet || taken.some((n) => n.toLowerCase() === RULES_SHEET_NAME.toLowerCase());
  return {
    name,
    grid,
    headerRow,
    widths: [6, 34, 14, 20, 30],
    rules: hasRules ? null : { name: RULES_SHEET_NAME, grid: rulesSheetGrid(opts.rules) },
  };
}
