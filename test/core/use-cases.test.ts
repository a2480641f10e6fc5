import {
  jsonReport,
  noticeTable,
  presetRules,
  rankWorkbook,
  rulesSheetGrid,
  type WorkbookSheet,
} from "../../src/core";
import { SEED_000_NOTICE, seed000Grid } from "../helpers/grid";

const sheets = (): WorkbookSheet[] => [{ name: "Tổng hợp", grid: seed000Grid() }];

describe("rankWorkbook on seed 000", () => {
  it("reproduces the published notice table: order, STT, scores and classification", () => {
    const out = rankWorkbook({ sheets: sheets() });
    expect(out.ok).toBe(true);
    expect(out.basis).toBe("verified");
    expect(out.rulesSource).toBe("preset");
    expect(noticeTable(out.ranking).slice(1)).toEqual(SEED_000_NOTICE);
  });

  it("shows the two ties with shared competition ranks (1, 2, 3, 3, 5, 6, 6)", () => {
    const out = rankWorkbook({ sheets: sheets() });
    expect(out.ranking.map((r) => [r.unit.name, r.rank, r.tied])).toEqual([
      ["Sở TT&TT Điện Biên", 1, false],
      ["Sở TT&TT Cao Bằng", 2, false],
      ["Sở TT&TT Lạng Sơn", 3, true],
      ["Sở TT&TT Lào Cai", 3, true],
      ["Sở TT&TT Lai Châu", 5, false],
      ["Sở TT&TT Hà Giang", 6, true],
      ["Sở TT&TT Sơn La", 6, true],
    ]);
  });

  it("proposes two flags and two certificates to the leading units (seed 001's shape)", () => {
    const out = rankWorkbook({ sheets: sheets() });
    expect(out.ranking.map((r) => r.award)).toEqual([
      "Cờ thi đua",
      "Cờ thi đua",
      "Bằng khen",
      "Bằng khen",
      null,
      null,
      null,
    ]);
    expect(out.ranking.some((r) => r.needsDeliberation)).toBe(false);
  });

  it("reports units at their source rows in the JSON report", () => {
    const report = jsonReport(rankWorkbook({ sheets: sheets() }), "vi");
    expect(report.sheet).toBe("Tổng hợp");
    expect(report.units[0]).toEqual({
      stt: 1,
      unit: "Sở TT&TT Điện Biên",
      self: 985,
      verified: 985,
      score: 985,
      gap: 0,
      rank: 1,
      tied: false,
      classification: "Xuất sắc",
      award: "Cờ thi đua",
      needsDeliberation: false,
      row: 9,
    });
    expect(report.units[2]?.gap).toBe(-30);
    expect(report.issues).toEqual([]);
  });

  it("takes the rules from the workbook's rules sheet when no rules are given", () => {
    const rules = {
      ...presetRules("nd335-100"),
      maxScore: 1000,
      bands: [
        { min: 970, label: "Dẫn đầu" },
        { min: 0, label: "Khác" },
      ],
    };
    const out = rankWorkbook({
      sheets: [...sheets(), { name: "Quy tắc xếp loại", grid: rulesSheetGrid(rules) }],
    });
    expect(out.rulesSource).toBe("workbook");
    expect(out.ranking.map((r) => r.classification)).toEqual([
      "Dẫn đầu",
      "Dẫn đầu",
      "Khác",
      "Khác",
      "Khác",
      "Khác",
      "Khác",
    ]);
  });

  it("lets explicit rules win over the workbook's", () => {
    const rules = presetRules("nd335-100");
    const out = rankWorkbook({
      sheets: [...sheets(), { name: "Quy tắc xếp loại", grid: rulesSheetGrid(presetRules("cum-1000")) }],
      rules,
    });
    expect(out.rulesSource).toBe("explicit");
    expect(out.ok).toBe(false); // 985 is above a 100-point maximum
    expect(out.issues.find((i) => i.severity === "error")?.code).toBe("score-above-max");
    // Chosen explicitly, rules off the table's scale are a warning naming the preset that fits.
    expect(out.issues[0]).toMatchObject({ code: "scale-mismatch", severity: "warning", preset: "cum-1000" });
  });

  it("skips sheets without a table and reports a sheet asked for by name that does not exist", () => {
    const out = rankWorkbook({ sheets: [{ name: "Ghi chú", grid: [["Ghi chú của cán bộ"]] }, ...sheets()] });
    expect(out.sheet).toBe("Tổng hợp");
    const missing = rankWorkbook({ sheets: sheets(), sheet: "Không có" });
    expect(missing.ok).toBe(false);
    expect(missing.issues.map((i) => i.code)).toEqual(["no-table"]);
  });

  it("reports no-table when no sheet holds a score table", () => {
    const out = rankWorkbook({ sheets: [{ name: "Trống", grid: [] }] });
    expect(out.ok).toBe(false);
    expect(out.issues).toEqual([{ code: "no-table", severity: "error", sheet: "Trống" }]);
  });
});
