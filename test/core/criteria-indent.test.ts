import { detectCriteria, indentOf, scoreCriteria } from "../../src/core/criteria";
import {
  buildForm,
  planConsolidation,
  unicodeToLegacy,
  type CellValue,
  type SheetModel,
} from "../../src/core";
import { at, unwrap } from "../helpers/grid";

/**
 * Criteria lists whose tree is in the indentation, not the numbering: many clusters type the
 * contents with leading spaces and number nothing, or number only the big sections.
 */
const INDENTED: CellValue[][] = [
  ["Đơn vị: Sở TT&TT Cao Bằng", "", "", ""],
  ["Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định"],
  ["Công tác chỉ đạo, điều hành", 30, "", ""],
  ["    Ban hành kế hoạch thi đua", 10, 10, 9],
  ["    Tổ chức phát động phong trào", 20, "", ""],
  ["        Phát động đợt thi đua chuyên đề", 12, 12, 12],
  ["        Sơ kết, tổng kết", 8, 7, 7],
  ["Thực hiện nhiệm vụ chuyên môn", 70, "", ""],
  ["\tHoàn thành chỉ tiêu được giao", 50, 50, 45],
  ["\tBáo cáo đúng hạn", 20, 20, 20],
  ["Điểm thưởng", 5, "", ""],
  ["    Sáng kiến được công nhận", 5, 5, 5],
  ["Tổng cộng", 100, 104, 98],
];

describe("criteria trees from indentation", () => {
  it("measures leading blanks: spaces, no-break spaces, tabs, ideographic spaces", () => {
    expect(indentOf("Nội dung")).toBe(0);
    expect(indentOf("  \u00a0a")).toBe(3);
    expect(indentOf("\ta")).toBe(4);
    expect(indentOf("\u3000a")).toBe(2);
    expect(indentOf(" ".repeat(500))).toBe(19);
    expect(indentOf(12)).toBe(0);
  });

  it("builds the tree of a sheet with no numbering column at all, and totals it", () => {
    const t = unwrap(detectCriteria(INDENTED, at("Cao Bằng")));
    expect(t.roots.map((r) => [r.path, r.kind, r.children.length])).toEqual([
      ["#1", "normal", 2],
      ["#2", "normal", 2],
      ["#3", "bonus", 1],
    ]);
    expect(t.all.map((n) => [n.path, n.depth, n.content])).toEqual([
      ["#1", 0, "Công tác chỉ đạo, điều hành"],
      ["#1.#1", 1, "Ban hành kế hoạch thi đua"],
      ["#1.#2", 1, "Tổ chức phát động phong trào"],
      ["#1.#2.#1", 2, "Phát động đợt thi đua chuyên đề"],
      ["#1.#2.#2", 2, "Sơ kết, tổng kết"],
      ["#2", 0, "Thực hiện nhiệm vụ chuyên môn"],
      ["#2.#1", 1, "Hoàn thành chỉ tiêu được giao"],
      ["#2.#2", 1, "Báo cáo đúng hạn"],
      ["#3", 0, "Điểm thưởng"],
      ["#3.#1", 1, "Sáng kiến được công nhận"],
    ]);
    const scored = scoreCriteria(INDENTED, t);
    expect(scored.issues).toEqual([]);
    expect(scored.totals[0]?.self).toEqual({ base: 99, bonus: 5, deduction: 0, total: 104 });
    expect(scored.totals[0]?.verified?.total).toBe(98);
  });

  it("takes numbered sections and indented, unnumbered items under them", () => {
    const grid: CellValue[][] = [
      ["TT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm"],
      ["I", "Công tác chỉ đạo", 30, ""],
      ["", "  Ban hành kế hoạch", 10, 10],
      ["", "  Tổ chức phong trào", 20, ""],
      ["", "    Chuyên đề", 12, 12],
      ["", "    Sơ kết", 8, 8],
      ["-", "Báo cáo đúng hạn", 0, 0],
      ["-", "Báo cáo đầy đủ", 0, 0],
    ];
    const t = unwrap(detectCriteria(grid, at("S")));
    expect(t.all.map((n) => n.path)).toEqual(["I", "I.#1", "I.#2", "I.#2.#1", "I.#2.#2", "I.#3", "I.#4"]);
    // Bullets repeat among siblings; each still has its own path.
    expect(new Set(t.all.map((n) => n.path)).size).toBe(t.all.length);
  });

  it("makes a form that keeps the indentation, so it consolidates back without differences", () => {
    const list = unwrap(detectCriteria(INDENTED, at("Danh mục"), undefined, false));
    const form: SheetModel = buildForm(list, "Sở TT&TT Cao Bằng", "vi");
    const rows = Math.max(...form.cells.map((c) => c.row)) + 1;
    const grid: CellValue[][] = Array.from({ length: rows }, () => ["", "", "", "", ""]);
    for (const c of form.cells) {
      const row = grid[c.row];
      if (row) row[c.col] = c.value ?? "";
    }
    const back = unwrap(detectCriteria(grid, at(form.name), "single"));
    expect(back.all.map((n) => [n.path, n.max])).toEqual(list.all.map((n) => [n.path, n.max]));
    const plan = planConsolidation(
      [{ name: "Danh mục", grid: INDENTED }],
      [{ source: "cao-bang.xlsx", sheets: [{ name: form.name, grid }] }],
    );
    expect(plan.issues.filter((i) => i.code === "criteria-differ")).toEqual([]);
  });
});

describe("criteria trees from Excel's indent levels", () => {
  /** The same list, indented with Format Cells → Indent instead of typed spaces. */
  const PLAIN = INDENTED.map((r) => r.map((v) => (typeof v === "string" ? v.trim() : v)));
  const LEVELS = new Map<number, Map<number, number>>(
    INDENTED.map((r, i) => [i, new Map([[0, Math.round(indentOf(r[0]) / 4)]])]),
  );

  it("nests unnumbered rows by their indent level, as typed spaces do", () => {
    const spaces = unwrap(detectCriteria(INDENTED, at("S")));
    const levels = unwrap(detectCriteria(PLAIN, at("L"), undefined, true, LEVELS));
    expect(levels.all.map((n) => [n.path, n.depth])).toEqual(spaces.all.map((n) => [n.path, n.depth]));
    // Without the levels the same cells make a flat list.
    const flat = unwrap(detectCriteria(PLAIN, at("F")));
    expect(flat.all.every((n) => n.depth === 0)).toBe(true);
  });

  it("consolidates a form made from a list indented by format", () => {
    const list = unwrap(detectCriteria(PLAIN, at("Danh mục"), undefined, false, LEVELS));
    const form = buildForm(list, "Sở TT&TT Cao Bằng", "vi");
    const rows = Math.max(...form.cells.map((c) => c.row)) + 1;
    const grid: CellValue[][] = Array.from({ length: rows }, () => ["", "", "", "", ""]);
    for (const c of form.cells) (grid[c.row] as CellValue[])[c.col] = c.value ?? "";
    const plan = planConsolidation(
      [{ name: "Danh mục", grid: PLAIN, indents: LEVELS }],
      [{ source: "cao-bang.xlsx", sheets: [{ name: form.name, grid }] }],
    );
    expect(plan.issues.filter((i) => i.code === "criteria-differ")).toEqual([]);
  });
});

describe("criteria content in legacy encodings or decomposed", () => {
  it("is read converted (so a TCVN3 'Điểm thưởng' is still a bonus) and reported at its cell", () => {
    const grid: CellValue[][] = [
      ["Đơn vị: Sở TT&TT Lạng Sơn"],
      ["TT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm"],
      ["I", "Công tác chỉ đạo".normalize("NFD"), 10, 10],
      ["II", unicodeToLegacy("Điểm thưởng", "tcvn3"), 5, ""],
      ["1", "Sáng kiến được công nhận", 5, 5],
    ];
    const t = unwrap(detectCriteria(grid, at("Lạng Sơn")));
    expect(t.roots.map((r) => [r.content, r.kind])).toEqual([
      ["Công tác chỉ đạo", "normal"],
      ["Điểm thưởng", "bonus"],
    ]);
    const found = detectCriteria(grid, at("Lạng Sơn"));
    expect(found.issues.map((i) => `${i.code}@${i.cell?.row},${i.cell?.col}`)).toEqual([
      "non-nfc@2,1",
      "legacy-encoding@3,1",
    ]);
  });
});
