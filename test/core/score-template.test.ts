import {
  RULES_SHEET_NAME,
  presetRules,
  rankWorkbook,
  readScoreTable,
  scoreTableTemplate,
  type WorkbookSheet,
} from "../../src/core";

const errors = (issues: readonly { severity: string }[]) => issues.filter((i) => i.severity === "error");

describe("scoreTableTemplate: a ready score table for an empty or unrecognised workbook", () => {
  it("has the headers EMU recognises and example units marked as examples, read back without errors", () => {
    const t = scoreTableTemplate({
      lang: "vi",
      taken: ["Sheet1"],
      rules: presetRules("cum-1000"),
      rulesSheet: true,
    });
    expect(t.name).toBe("Bảng điểm mẫu");
    const header = t.grid[t.headerRow];
    expect(header?.slice(0, 4)).toEqual(["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định"]);
    const units = t.grid.slice(t.headerRow + 1).map((r) => String(r[1]));
    expect(units.length).toBeGreaterThanOrEqual(3);
    for (const u of units) expect(u).toMatch(/\(ví dụ\)$/);
    const origin = { sheet: t.name, row: 0, col: 0 };
    const read = readScoreTable(t.grid, origin, presetRules("cum-1000"));
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(errors(read.issues)).toEqual([]);
    expect(read.value.units.map((u) => u.name)).toEqual(units);
  });

  it("comes with the rules sheet when the workbook has none, and ranks with no error through the use case", () => {
    const t = scoreTableTemplate({ lang: "vi", taken: [], rules: presetRules("cum-1000"), rulesSheet: true });
    expect(t.rules?.name).toBe(RULES_SHEET_NAME);
    const sheets: WorkbookSheet[] = [
      { name: "Sheet1", grid: [] },
      { name: t.name, grid: t.grid },
      { name: RULES_SHEET_NAME, grid: t.rules?.grid ?? [] },
    ];
    const out = rankWorkbook({ sheets });
    expect(out.sheet).toBe(t.name);
    expect(errors(out.issues)).toEqual([]);
    expect(out.ok).toBe(true);
    expect(out.rulesSource).toBe("workbook");
    expect(out.ranking).toHaveLength(3);
  });

  it("keeps a rules sheet already there, fits the example scores to its scale, and never takes a sheet's name", () => {
    const rules = presetRules("nd335-100");
    const t = scoreTableTemplate({
      lang: "en",
      taken: ["Bảng điểm mẫu", "bảng điểm mẫu (2)"],
      rules,
      rulesSheet: false,
    });
    expect(t.name).toBe("Bảng điểm mẫu (3)");
    expect(t.rules).toBeNull();
    const read = readScoreTable(t.grid, { sheet: t.name, row: 0, col: 0 }, rules);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(errors(read.issues)).toEqual([]);
    expect(read.issues.map((i) => i.code)).not.toContain("scale-mismatch");
    for (const u of read.value.units) expect(u.self).toBeLessThanOrEqual(100);
    expect(String(t.grid[t.headerRow + 1]?.[1])).toMatch(/\(example\)$/);
  });
});
