import { issueMessage, presetRules, readScoreTable, type Rules } from "../../src/core";
import { at, expectIssues, grid, unwrap } from "../helpers/grid";

const rules = presetRules("cum-1000");
const HEAD = ["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định", "Xếp loại"];

describe("readScoreTable", () => {
  it("reads clean rows and keeps the source row of each unit", () => {
    const t = unwrap(
      readScoreTable(grid(HEAD, [1, "Sở A", 985, 980, ""], [2, "Sở B", 975, 975, ""]), at(), rules),
    );
    expect(t.units.map((u) => [u.name, u.self, u.verified, u.row])).toEqual([
      ["Sở A", 985, 980, 1],
      ["Sở B", 975, 975, 2],
    ]);
    expect(t.basis).toBe("verified");
  });

  it("finds every problem of a messy table at its exact cell, in reading order", () => {
    const g = grid(
      HEAD,
      [1, "Sở A", "985", "962,5", ""], // text number; decimal comma
      [2, "", 900, 900, ""], // missing unit name
      [3, "Sở  a ", 900, 900, ""], // duplicate of Sở A
      [4, "Sở C", "abc", 900, ""], // not a number
      [5, "Sở D", -5, 0, ""], // negative
      [6, "Sở E", 1200, 990, ""], // above max
      [7, "Sở F", 900, 950, ""], // verified above self (warning)
      [8, "Sở G", "#N/A", 900, ""], // error cell
      [9, "Sở H", "", 900, ""], // missing self score
      [10, "Sở I", 900, "", ""], // missing verified score
    );
    const r = readScoreTable(g, at(), rules);
    expect(r.ok).toBe(false);
    expectIssues(r, [
      "text-number@'Bảng điểm'!C2",
      "decimal-comma@'Bảng điểm'!D2",
      "missing-unit-name@'Bảng điểm'!B3",
      "duplicate-unit@'Bảng điểm'!B4",
      "not-a-number@'Bảng điểm'!C5",
      "negative-score@'Bảng điểm'!C6",
      "score-above-max@'Bảng điểm'!C7",
      "verified-above-self@'Bảng điểm'!D8",
      "cell-error@'Bảng điểm'!C9",
      "missing-score@'Bảng điểm'!C10",
      "missing-score@'Bảng điểm'!D11",
    ]);
    const sev = Object.fromEntries(r.issues.map((i) => [i.code, i.severity]));
    expect(sev).toMatchObject({
      "text-number": "warning",
      "decimal-comma": "warning",
      "verified-above-self": "warning",
      "not-a-number": "error",
    });
  });

  it("writes messages that name the value and say what to do, in both languages", () => {
    const r = readScoreTable(grid(HEAD, [1, "Sở A", 1200, 900, ""]), at(), rules);
    expect(r.issues.map((i) => issueMessage(i, "vi"))).toEqual([
      "Điểm 1200 vượt điểm tối đa 1000. Hãy kiểm tra lại điểm.",
    ]);
    expect(r.issues.map((i) => issueMessage(i, "en"))).toEqual([
      "Score 1200 exceeds the maximum of 1000. Check the score.",
    ]);
    const d = readScoreTable(grid(HEAD, [1, "Sở A", "962,5", 900, ""]), at(), rules);
    expect(issueMessage(d.issues[0]!, "vi")).toBe('"962,5" dùng dấu phẩy thập phân; EMU đọc là 962,5.');
  });

  it("uses numbers stored as text and decimal commas, with warnings only", () => {
    const t = readScoreTable(
      grid(HEAD, [1, "Sở A", " 985 ", "962,5", ""], [2, "Sở B", "1.000", 1000, ""]),
      at(),
      rules,
    );
    const v = unwrap(t);
    expect(v.units.map((u) => [u.self, u.verified])).toEqual([
      [985, 962.5],
      [1000, 1000],
    ]);
    expect(t.issues.every((i) => i.severity === "warning")).toBe(true);
  });

  it("matches duplicates after normalising case, accents, spaces and abbreviations", () => {
    const r = readScoreTable(
      grid(
        HEAD,
        [1, "Sở TT&TT Điện Biên", 985, 985, ""],
        [2, "SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH ĐIỆN BIÊN", 975, 975, ""],
      ),
      at(),
      rules,
    );
    expectIssues(r, ["duplicate-unit@'Bảng điểm'!B3"]);
    expect(issueMessage(r.issues[0]!, "vi")).toContain("'Bảng điểm'!B2");
  });

  it("skips blank rows and unused STT rows, stops at the closing paragraph", () => {
    const g = grid(
      HEAD,
      [1, "Sở A", 985, 985, ""],
      [],
      [2, "Sở B", 975, 975, ""],
      [3, "", "", "", ""],
      [],
      [
        "Sở Thông tin và Truyền thông tỉnh Lào Cai trân trọng thông báo gửi Cụm trưởng Cụm Thi đua số 2 để làm căn cứ xét, trình thi đua khen thưởng năm 2022./.",
      ],
      ["Nơi nhận:"],
    );
    const t = unwrap(readScoreTable(g, at(), rules));
    expect(t.units.map((u) => u.name)).toEqual(["Sở A", "Sở B"]);
    expect(t.lastRow).toBe(3);
  });

  it("checks a total row without taking it for a unit", () => {
    const ok = unwrap(
      readScoreTable(
        grid(HEAD, [1, "Sở A", 900, 890, ""], [2, "Sở B", 800, 790, ""], ["", "Tổng cộng", 1700, 1680, ""]),
        at(),
        rules,
      ),
    );
    expect(ok.units).toHaveLength(2);
    expect(ok.totalRow).toBe(3);
    const bad = readScoreTable(
      grid(HEAD, [1, "Sở A", 900, 890, ""], [2, "Sở B", 800, 790, ""], ["", "Cộng", 1700, 1600, ""]),
      at(),
      rules,
    );
    expectIssues(bad, ["total-mismatch@'Bảng điểm'!D4"]);
  });

  it("does not take a corporation or a formula-like name for a total row", () => {
    const t = unwrap(
      readScoreTable(
        grid(
          HEAD,
          [1, "Tổng công ty Điện lực miền Bắc", 900, 900, ""],
          [2, "@SUM(A1)", 800, 800, ""],
          ["", "Tổng cộng:", 1700, 1700, ""],
        ),
        at(),
        rules,
      ),
    );
    expect(t.units.map((u) => u.name)).toEqual(["Tổng công ty Điện lực miền Bắc", "@SUM(A1)"]);
    expect(t.totalRow).toBe(3);
  });

  it("ranks on self scores before inspection, and says so", () => {
    const r = readScoreTable(grid(HEAD, [1, "Sở A", 900, "", ""], [2, "Sở B", 800, "", ""]), at(), rules);
    expect(unwrap(r).basis).toBe("self");
    expectIssues(r, ["basis-self@'Bảng điểm'!D1"]);
    const noColumn = readScoreTable(grid(["Đơn vị", "Tự chấm"], ["Sở A", 900]), at(), rules);
    expect(unwrap(noColumn).basis).toBe("self");
  });

  it("reports missing columns and empty tables", () => {
    expectIssues(readScoreTable(grid(HEAD), at(), rules), ["no-units@'Bảng điểm'!A1"]);
    const mapped = readScoreTable(grid(["x", "y"], ["Sở A", 1]), at(), rules, {
      headerRow: 1,
      columns: { unit: "A" },
    });
    expectIssues(mapped, ["missing-column@'Bảng điểm'!A1"]);
  });

  it("allows bonus points above the nominal scale and checks each unit's own maximum", () => {
    // The bonus is its own column, added to the score (issue 14): 97 + 10 = 107 ranks above 100.
    const g = grid(
      ["Đơn vị", "Điểm tối đa", "Điểm thưởng", "Tự chấm", "Thẩm định"],
      ["Sở A", 100, 10, 97, 97],
      ["Sở B", 100, 0, 101, 100],
    );
    expectIssues(readScoreTable(g, at(), rules), [
      "total-computed@'Bảng điểm'!C1",
      "score-above-max@'Bảng điểm'!D3",
    ]);
    // A self or verified score above the maximum is an error even with a bonus beside it: the
    // bonus is added once, never taken as already inside the score.
    const inside = grid(
      ["Đơn vị", "Điểm tối đa", "Điểm thưởng", "Tự chấm", "Thẩm định"],
      ["Sở A", 100, 10, 107, 107],
    );
    expectIssues(readScoreTable(inside, at(), rules), [
      "total-computed@'Bảng điểm'!C1",
      "score-above-max@'Bảng điểm'!D2",
      "score-above-max@'Bảng điểm'!E2",
    ]);
  });

  it("treats verified above self as the rules say", () => {
    const g = grid(HEAD, [1, "Sở A", 900, 950, ""]);
    const strict: Rules = { ...rules, verifiedAboveSelf: "error" };
    expect(readScoreTable(g, at(), strict).ok).toBe(false);
    expect(readScoreTable(g, at(), { ...rules, verifiedAboveSelf: "allow" }).issues).toEqual([]);
  });

  it("reads veto marks and reasons", () => {
    const g = grid(
      ["Đơn vị", "Tự chấm", "Thẩm định", "Vi phạm"],
      ["Sở A", 990, 990, "x"],
      ["Sở B", 980, 980, "Kỷ luật cán bộ"],
      ["Sở C", 970, 970, "không"],
    );
    const t = unwrap(readScoreTable(g, at(), rules));
    expect(t.units.map((u) => [u.veto, u.vetoReason])).toEqual([
      [true, ""],
      [true, "Kỷ luật cán bộ"],
      [false, ""],
    ]);
  });

  it("shows legacy-encoded and decomposed names in Unicode NFC, with warnings", () => {
    const g = grid(
      HEAD,
      [1, "UBND huyÖn B¶o Th¾ng", 900, 900, ""],
      [2, "Sở Lào Cai".normalize("NFD"), 800, 800, ""],
    );
    const r = readScoreTable(g, at(), rules);
    expectIssues(r, ["legacy-encoding@'Bảng điểm'!B2", "non-nfc@'Bảng điểm'!B3"]);
    expect(unwrap(r).units.map((u) => u.name)).toEqual(["UBND huyện Bảo Thắng", "Sở Lào Cai"]);
  });
});
