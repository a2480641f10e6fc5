import type { CellValue, SheetModel } from "../../src/core";

/** A small criteria list as a cluster keeps it: a title, then TT | Nội dung | Điểm tối đa, with a bonus section. */
export const CRITERIA_LIST_NAME = "Danh mục tiêu chí";
export const CRITERIA_LIST_ROWS: CellValue[][] = [
  ["DANH MỤC TIÊU CHÍ THI ĐUA NĂM 2023", "", ""],
  ["TT", "Nội dung tiêu chí", "Điểm tối đa"],
  ["I", "Thực hiện nhiệm vụ", 30],
  ["1", "Chủ đề thi đua của Cụm", 10],
  ["2", "Cải cách hành chính", 20],
  ["II", "Điểm thưởng", 5],
  ["1", "Sáng kiến được công nhận", 5],
];

/**
 * A form model as a member returns it filled, read back as values from A1: the model's values,
 * with `scores` (by 0-based row) typed into the self-score column D.
 */
export function filledForm(
  model: SheetModel,
  scores: Record<number, number>,
): { name: string; grid: CellValue[][] } {
  const rows = Math.max(...model.cells.map((c) => c.row)) + 1;
  const grid: CellValue[][] = Array.from({ length: rows }, () => ["", "", "", "", ""]);
  for (const c of model.cells) {
    const row = grid[c.row];
    if (row) row[c.col] = c.value ?? "";
  }
  for (const [r, v] of Object.entries(scores)) {
    const row = grid[Number(r)];
    if (row) row[3] = v;
  }
  return { name: model.name, grid };
}

/**
 * A unit's detailed scoring sheet, one unit a sheet: section I of 100 points and one 50-point
 * criterion per [self, verified] pair.
 */
export function unitSheetRows(name: string, scores: readonly (readonly [number, number])[]): CellValue[][] {
  return [
    [`Đơn vị: ${name}`, "", "", "", ""],
    ["TT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định"],
    ["I", "Nhiệm vụ", 100, "", ""],
    ...scores.map(([s, v], k) => [String(k + 1), `Tiêu chí ${k + 1}`, 50, s, v]),
  ];
}
