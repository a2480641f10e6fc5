import {
  CUM_1000,
  issueMessage,
  parseRules,
  parseRulesSheet,
  presetRules,
  rulesSheetGrid,
  type CellValue,
} from "../../src/core";
import { at, expectIssues, unwrap } from "../helpers/grid";

describe("parseRules", () => {
  it("accepts the issue's cum-1000 JSON verbatim", () => {
    const json = JSON.parse(
      '{"maxScore":1000,"bands":[{"min":900,"label":"Xuất sắc"},{"min":800,"label":"Tốt"},{"min":700,"label":"Khá"},{"min":500,"label":"Trung bình"},{"min":0,"label":"Yếu"}],"awards":[{"label":"Cờ thi đua","count":2,"minBand":"Xuất sắc"},{"label":"Bằng khen","count":2,"minBand":"Xuất sắc"}]}',
    );
    const r = unwrap(parseRules(json));
    expect(r.bands.map((b) => b.min)).toEqual([900, 800, 700, 500, 0]);
    expect(r.tieBreak).toEqual([]);
    expect(r.verifiedAboveSelf).toBe("warning");
  });

  it("sorts bands from the highest minimum", () => {
    const r = unwrap(
      parseRules({
        maxScore: 100,
        bands: [
          { min: 0, label: "B" },
          { min: 50, label: "A" },
        ],
      }),
    );
    expect(r.bands.map((b) => b.label)).toEqual(["A", "B"]);
  });

  it("names every bad field, never throws", () => {
    const r = parseRules({
      maxScore: -1,
      bands: [
        { min: 1, label: "" },
        { min: 1, label: "X" },
      ],
      awards: [{ label: "Cờ", minBand: "Không có" }],
    });
    expect(r.ok).toBe(false);
    const paths = r.issues.map((i) => (i.code === "rules-invalid" ? i.path : ""));
    expect(paths).toEqual(expect.arrayContaining(["maxScore", "bands.0.label", "awards.0"]));
    expect(parseRules("không phải quy tắc").ok).toBe(false);
    expect(parseRules(null).ok).toBe(false);
    expect(issueMessage(r.issues[0]!, "vi")).toMatch(/^Quy tắc không hợp lệ ở mục "/);
  });

  it("has both presets valid", () => {
    expect(presetRules("cum-1000").maxScore).toBe(1000);
    expect(presetRules("nd335-100").bands[0]?.label).toBe("Hoàn thành xuất sắc nhiệm vụ");
    expect(() => presetRules("khong-co")).toThrow();
  });
});

describe("the rules sheet", () => {
  it("round-trips every preset and an edited rule set", () => {
    for (const id of ["cum-1000", "nd335-100"]) {
      const rules = presetRules(id);
      const back = unwrap(parseRulesSheet(rulesSheetGrid(rules), at("Quy tắc xếp loại")));
      expect(back).toEqual({
        ...rules,
        id: undefined,
        name: undefined,
        vetoLabel: undefined,
        sheet: undefined,
      });
    }
    const edited = unwrap(
      parseRules({
        ...CUM_1000,
        tieBreak: ["fewer-deductions", "smaller-gap"],
        verifiedAboveSelf: "error",
        vetoLabel: "Không xét",
        sheet: "Tổng hợp",
        awards: [{ label: "Cờ", share: 0.2, minBand: "Tốt", allowVeto: true }],
      }),
    );
    const back = unwrap(parseRulesSheet(rulesSheetGrid(edited), at()));
    expect(back.tieBreak).toEqual(["fewer-deductions", "smaller-gap"]);
    expect(back.verifiedAboveSelf).toBe("error");
    expect(back.vetoLabel).toBe("Không xét");
    expect(back.sheet).toBe("Tổng hợp");
    expect(back.awards).toEqual([{ label: "Cờ", share: 0.2, minBand: "Tốt", allowVeto: true }]);
  });

  it("puts the bands where a formula can point at them: minimum, label", () => {
    const g = rulesSheetGrid(presetRules("cum-1000"));
    expect(g[9]).toEqual(["Từ điểm", "Xếp loại"]);
    expect(g[10]).toEqual([900, "Xuất sắc"]);
  });

  it("reports a hand-edited mistake at its cell", () => {
    const g: CellValue[][] = rulesSheetGrid(presetRules("cum-1000")).map((r) => [...r]);
    g[11] = ["tám trăm", "Tốt"];
    g[5] = ["Điểm thẩm định cao hơn tự chấm", "tùy"];
    const r = parseRulesSheet(g, at("Quy tắc xếp loại"));
    expectIssues(r, ["rules-invalid@'Quy tắc xếp loại'!B6", "rules-invalid@'Quy tắc xếp loại'!A12"]);
  });

  it("reads decimal commas and text numbers people type", () => {
    const g: CellValue[][] = rulesSheetGrid(presetRules("nd335-100")).map((r) => [...r]);
    g[11] = ["69,5", "Hoàn thành tốt nhiệm vụ"];
    expect(unwrap(parseRulesSheet(g, at())).bands[1]?.min).toBe(69.5);
  });
});
