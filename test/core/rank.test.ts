import {
  competitionRank,
  presetRules,
  proposeAwards,
  rankTable,
  readScoreTable,
  type Rules,
} from "../../src/core";
import { at, grid, unwrap } from "../helpers/grid";

const cum = presetRules("cum-1000");

function table(
  rows: (string | number)[][],
  head = ["Đơn vị", "Tự chấm", "Thẩm định", "Điểm trừ", "Vi phạm"],
) {
  return unwrap(readScoreTable(grid(head, ...rows), at(), cum));
}

describe("rankTable", () => {
  it("gives competition ranks like RANK.EQ and keeps STT sequential", () => {
    const t = table([
      ["A", 990, 990, 0, ""],
      ["B", 980, 980, 0, ""],
      ["C", 970, 970, 0, ""],
      ["D", 970, 970, 0, ""],
      ["E", 960, 960, 0, ""],
    ]);
    const r = rankTable(t, cum);
    expect(r.map((x) => [x.stt, x.rank, x.tied])).toEqual([
      [1, 1, false],
      [2, 2, false],
      [3, 3, true],
      [4, 3, true],
      [5, 5, false],
    ]);
  });

  it("orders inside a tie by self score, then by Vietnamese name order (Đ after D, before E)", () => {
    const t = table([
      ["Sở Eo", 900, 900, 0, ""],
      ["Sở Đồi", 900, 900, 0, ""],
      ["Sở Dốc", 900, 900, 0, ""],
      ["Sở Zê", 950, 900, 0, ""],
    ]);
    expect(rankTable(t, cum).map((x) => x.unit.name)).toEqual(["Sở Zê", "Sở Dốc", "Sở Đồi", "Sở Eo"]);
    expect(rankTable(t, cum).every((x) => x.rank === 1 && x.tied)).toBe(true);
  });

  it("splits ties only by the chain the rules configure", () => {
    const t = table([
      ["A", 960, 950, 10, ""],
      ["B", 950, 950, 0, ""],
      ["C", 955, 950, 0, ""],
    ]);
    const chained: Rules = { ...cum, tieBreak: ["fewer-deductions", "smaller-gap"] };
    expect(rankTable(t, chained).map((x) => [x.unit.name, x.rank, x.tied])).toEqual([
      ["B", 1, false],
      ["C", 2, false],
      ["A", 3, false],
    ]);
    const selfFirst: Rules = { ...cum, tieBreak: ["higher-self"] };
    expect(rankTable(t, selfFirst).map((x) => x.rank)).toEqual([1, 2, 3]);
  });

  it("computes the gap and forces the veto class", () => {
    const t = table([
      ["A", 995, 990, 0, "x"],
      ["B", 980, 950, 0, ""],
    ]);
    const r = rankTable(t, cum);
    expect(r.map((x) => [x.unit.name, x.rank, x.gap, x.classification])).toEqual([
      ["A", 1, -5, "Yếu"],
      ["B", 2, -30, "Xuất sắc"],
    ]);
  });
});

describe("competitionRank", () => {
  it("counts strictly higher scores", () => {
    expect(competitionRank(965, [985, 975, 965, 965, 960])).toBe(3);
    expect(competitionRank(985, [985])).toBe(1);
    expect(competitionRank(1, [])).toBe(1);
  });
});

describe("proposeAwards", () => {
  const awardsOf = (rows: (string | number)[][], rules: Rules) => {
    const p = proposeAwards(rankTable(table(rows), rules), rules);
    return { list: p.ranking.map((x) => [x.unit.name, x.award, x.needsDeliberation]), issues: p.issues };
  };

  it("flags a tie that straddles a quota instead of cutting it, and charges the overflow to the next award", () => {
    const { list, issues } = awardsOf(
      [
        ["A", 990, 990, 0, ""],
        ["B", 980, 980, 0, ""],
        ["C", 980, 980, 0, ""],
        ["D", 970, 970, 0, ""],
        ["E", 960, 960, 0, ""],
      ],
      cum,
    );
    expect(list).toEqual([
      ["A", "Cờ thi đua", false],
      ["B", "Cờ thi đua", true],
      ["C", "Cờ thi đua", true],
      ["D", "Bằng khen", false],
      ["E", null, false],
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: "needs-deliberation",
      award: "Cờ thi đua",
      rank: 2,
      units: ["B", "C"],
      slots: 1,
    });
  });

  it("honours eligibility: the minimum class and vetoes", () => {
    const { list } = awardsOf(
      [
        ["A", 995, 995, 0, "x"],
        ["B", 950, 950, 0, ""],
        ["C", 850, 850, 0, ""],
      ],
      cum,
    );
    expect(list).toEqual([
      ["A", null, false],
      ["B", "Cờ thi đua", false],
      ["C", null, false],
    ]);
  });

  it("supports share quotas, rounded down", () => {
    const rules: Rules = { ...cum, awards: [{ label: "Cờ", share: 0.5 }] };
    const { list } = awardsOf(
      [
        ["A", 990, 990, 0, ""],
        ["B", 980, 980, 0, ""],
        ["C", 970, 970, 0, ""],
      ],
      rules,
    );
    expect(list.map((x) => x[1])).toEqual(["Cờ", null, null]);
  });
});
