import { detectCriteria, scoreCriteria } from "../../src/core/criteria";
import { rankWorkbook, type CellValue } from "../../src/core";
import { unitSheetRows } from "../helpers/forms";
import { at, expectIssues, unwrap } from "../helpers/grid";

const HEAD = ["TT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định"];

/** A one-unit sheet: groups I, II, a bonus section and a deduction section. */
function single(overrides: Record<string, CellValue[]> = {}): CellValue[][] {
  const rows: [string, CellValue[]][] = [
    ["title", ["BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM 2023"]],
    ["unit", ["Đơn vị: Sở TT&TT Lào Cai"]],
    ["head", HEAD],
    ["I", ["I", "Công tác chỉ đạo, điều hành", 30, "", ""]],
    ["1", ["1", "Ban hành kế hoạch thi đua", 10, 10, 10]],
    ["2", ["2", "Tổ chức phát động phong trào", 20, "", ""]],
    ["2.1", ["2.1", "Phát động đợt thi đua chuyên đề", 12, 12, 10]],
    ["2.2", ["2.2", "Sơ kết, tổng kết", 8, 8, 8]],
    ["II", ["II", "Thực hiện nhiệm vụ chuyên môn", 70, "", ""]],
    ["II.1", ["1", "Hoàn thành chỉ tiêu được giao", 50, "", ""]],
    ["a", ["a", "Chỉ tiêu chuyển đổi số", 30, 28, 25]],
    ["b", ["b", "Chỉ tiêu cải cách hành chính", 20, "19,5", 19]],
    ["II.2", ["2", "Báo cáo đúng hạn (đạt/không đạt)", 20, 20, 20]],
    ["III", ["III", "Điểm thưởng", 10, "", ""]],
    ["III1", ["1", "Được tặng Cờ thi đua của Bộ", 10, 10, 10]],
    ["IV", ["IV", "Điểm trừ", "", "", ""]],
    ["IV1", ["1", "Chậm nộp báo cáo (mỗi lần trừ 2 điểm)", "", 2, 4]],
    ["total", ["", "Tổng cộng", 100, 105.5, 98]],
  ];
  return rows.map(([k, r]) => overrides[k] ?? r);
}

describe("detectCriteria", () => {
  it("builds the tree from the numbering and recognises bonus and deduction sections", () => {
    const t = unwrap(detectCriteria(single(), at("Lào Cai")));
    expect(t.layout).toBe("single");
    expect(t.units.map((u) => [u.unit, u.self, u.verified])).toEqual([["Sở TT&TT Lào Cai", 3, 4]]);
    expect(t.roots.map((r) => [r.path, r.kind, r.children.length])).toEqual([
      ["I", "normal", 2],
      ["II", "normal", 2],
      ["III", "bonus", 1],
      ["IV", "deduction", 1],
    ]);
    expect(t.all.map((n) => n.path)).toEqual([
      "I",
      "I.1",
      "I.2",
      "I.2.1",
      "I.2.2",
      "II",
      "II.1",
      "II.1.a",
      "II.1.b",
      "II.2",
      "III",
      "III.1",
      "IV",
      "IV.1",
    ]);
    expect(t.totalRow).toBe(17);
  });

  it("reads one pair of columns per unit, named in the row above", () => {
    const g: CellValue[][] = [
      ["TT", "Nội dung", "Điểm tối đa", "Sở TT&TT Điện Biên", "", "Sở TT&TT Sơn La", ""],
      ["", "", "", "Tự chấm", "Thẩm định", "Tự chấm", "Thẩm định"],
      ["1", "Tiêu chí một", 60, 60, 55, 50, 50],
      ["2", "Tiêu chí hai", 40, 40, 40, 38, 30],
    ];
    const t = unwrap(detectCriteria(g, at("Chi tiết")));
    expect(t.layout).toBe("multi");
    expect(t.units.map((u) => [u.unit, u.self, u.verified])).toEqual([
      ["Sở TT&TT Điện Biên", 3, 4],
      ["Sở TT&TT Sơn La", 5, 6],
    ]);
    const { totals, issues } = scoreCriteria(g, t);
    expect(issues).toEqual([]);
    expect(totals.map((x) => [x.unit, x.self.total, x.verified?.total])).toEqual([
      ["Sở TT&TT Điện Biên", 100, 95],
      ["Sở TT&TT Sơn La", 88, 80],
    ]);
  });

  it("is not fooled by a summary table", () => {
    expect(
      detectCriteria(
        [
          ["STT", "Đơn vị", "Điểm tự chấm"],
          [1, "Sở A", 900],
        ],
        at(),
      ).ok,
    ).toBe(false);
  });
});

describe("scoreCriteria", () => {
  it("totals base + bonus − deduction for self and verified", () => {
    const g = single();
    const t = unwrap(detectCriteria(g, at("Lào Cai")));
    const { totals, issues } = scoreCriteria(g, t);
    expect(totals[0]?.self).toEqual({ base: 97.5, bonus: 10, deduction: 2, total: 105.5 });
    expect(totals[0]?.verified).toEqual({ base: 92, bonus: 10, deduction: 4, total: 98 });
    expectIssues({ issues }, ["decimal-comma@'Lào Cai'!D12"]);
  });

  it("finds every planted mistake at its cell", () => {
    const g = single({
      "1": ["1", "Ban hành kế hoạch thi đua", 10, 12, 10], // above max
      "2": ["2", "Tổ chức phát động phong trào", 20, 21, ""], // parent entered ≠ children
      "2.2": ["2.2", "Sơ kết, tổng kết", 8, "", 9], // missing self; verified above max
      II: ["II", "Thực hiện nhiệm vụ chuyên môn", 75, "", ""], // maxima add up to 70
      a: ["a", "Chỉ tiêu chuyển đổi số", 30, "ba mươi", 31], // not a number; verified above max
      "II.2": ["2", "Báo cáo đúng hạn (đạt/không đạt)", 20, 15, -1], // pass/fail partial; negative
      III1: ["1", "Được tặng Cờ thi đua của Bộ", 15, 15, 12], // bonus over the section's cap of 10
      total: ["", "Tổng cộng", 100, 100, 90], // totals disagree
    });
    const t = unwrap(detectCriteria(g, at("Lào Cai")));
    const { issues } = scoreCriteria(g, t, { passFail: ["II.2"] });
    expectIssues({ issues }, [
      "score-above-max@'Lào Cai'!D5",
      "parent-sum-mismatch@'Lào Cai'!D6",
      "missing-score@'Lào Cai'!D8",
      "score-above-max@'Lào Cai'!E8",
      "max-sum-mismatch@'Lào Cai'!C9",
      "not-a-number@'Lào Cai'!D11",
      "score-above-max@'Lào Cai'!E11",
      "decimal-comma@'Lào Cai'!D12",
      "pass-fail-partial@'Lào Cai'!D13",
      "negative-score@'Lào Cai'!E13",
      "bonus-above-cap@'Lào Cai'!D14",
      "bonus-above-cap@'Lào Cai'!E14",
      "total-mismatch@'Lào Cai'!D18",
      "total-mismatch@'Lào Cai'!E18",
    ]);
  });
});

describe("ranking from detailed sheets", () => {
  const unitSheet = (name: string, scores: [number, number][]): { name: string; grid: CellValue[][] } => ({
    name,
    grid: unitSheetRows(name, scores),
  });

  it("ranks on the verified totals of one sheet per unit when there is no summary", () => {
    const out = rankWorkbook({
      sheets: [
        unitSheet("Sở A", [
          [50, 45],
          [50, 50],
        ]),
        unitSheet("Sở B", [
          [50, 50],
          [48, 48],
        ]),
        unitSheet("Sở C", [
          [40, 40],
          [40, 30],
        ]),
      ],
      rules: {
        ...rankWorkbook({ sheets: [] }).rules,
        maxScore: 100,
        bands: [
          { min: 90, label: "Xuất sắc" },
          { min: 0, label: "Khác" },
        ],
        awards: [],
      },
    });
    expect(out.ok).toBe(true);
    expect(out.sheet).toBe("Tổng hợp từ bảng chấm");
    expect(
      out.ranking.map((r) => [r.unit.name, r.unit.self, r.unit.verified, r.rank, r.classification]),
    ).toEqual([
      ["Sở B", 98, 98, 1, "Xuất sắc"],
      ["Sở A", 100, 95, 2, "Xuất sắc"],
      ["Sở C", 80, 70, 3, "Khác"],
    ]);
  });

  it("reports a summary that disagrees with the detailed sheets, cell by cell, and does not rank", () => {
    const summary = {
      name: "Tổng hợp",
      grid: [
        ["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định"],
        [1, "Sở A", 100, 95],
        [2, "Sở B", 98, 97],
      ] as CellValue[][],
    };
    const out = rankWorkbook({
      sheets: [
        summary,
        unitSheet("Sở A", [
          [50, 45],
          [50, 50],
        ]),
        unitSheet("Sở B", [
          [50, 50],
          [48, 48],
        ]),
      ],
      rules: { ...rankWorkbook({ sheets: [] }).rules, maxScore: 100 },
    });
    expect(out.ok).toBe(false);
    expectIssues(out, ["summary-mismatch@'Tổng hợp'!D3"]);
  });
});
