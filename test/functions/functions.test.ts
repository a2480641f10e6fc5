import { presetRules } from "../../src/core";
import { FnError, classify, parseBands, rank, ranking, validate } from "../../src/functions/functions";
import { FUNCTIONS, functionsMetadata } from "../../src/functions/catalog";
import { SEED_000_UNITS } from "../helpers/grid";

const cum = presetRules("cum-1000");
const msg = (v: unknown): string => (v instanceof FnError ? v.message : String(v));

describe("EMU.CLASSIFY / XEPLOAI", () => {
  it("classifies one cell and a range, blank in gives blank out", () => {
    expect(classify([[915]], cum, null, "vi")).toEqual([["Xuất sắc"]]);
    expect(classify([[915], [""], [850], ["799,5"]], cum, null, "vi")).toEqual([
      ["Xuất sắc"],
      [""],
      ["Tốt"],
      ["Khá"],
    ]);
  });

  it("uses an explicit bands range (minimum, label) with a header row", () => {
    const bands = [
      ["Từ điểm", "Xếp loại"],
      [90, "Hoàn thành xuất sắc"],
      [0, "Khác"],
      ["", ""],
    ];
    expect(classify([[90], [89.99]], null, bands, "vi")).toEqual([["Hoàn thành xuất sắc"], ["Khác"]]);
  });

  it("gives #VALUE! with the engine's message for a bad score, per cell", () => {
    const out = classify([["abc"], [1200], [-1]], cum, null, "en");
    expect(out.map((r) => msg(r[0]))).toEqual([
      '"abc" is not a number. Enter the score as a number, e.g. 962.5.',
      "Score 1200 exceeds the maximum of 1000. Check the score.",
      "Score -1 is negative. Scores must be 0 or more.",
    ]);
  });

  it("rejects a bands range that is not two columns of minimum and label", () => {
    expect(parseBands([[90]], "vi")).toBeInstanceOf(FnError);
    expect(
      msg(
        parseBands(
          [
            [90, "A"],
            ["x", "B"],
          ],
          "vi",
        ),
      ),
    ).toBe('cac_muc, dòng 2: "x" không phải là điểm tối thiểu.');
    expect(() => classify([[1]], null, [["a", "b"]], "vi")).toThrow(FnError);
  });
});

describe("EMU.RANKOF / XEPHANG", () => {
  const scores = SEED_000_UNITS.map(([, , v]) => [v]);
  it("gives RANK.EQ competition ranks, highest first", () => {
    expect(rank(scores, scores, null, "vi").flat()).toEqual([6, 5, 1, 3, 6, 2, 3]);
    expect(rank([[965]], scores, null, "vi")).toEqual([[3]]);
    expect(rank([[""]], scores, null, "vi")).toEqual([[""]]);
  });

  it("splits ties with an aligned tie-break range", () => {
    const self = SEED_000_UNITS.map(([, s]) => [s]);
    expect(rank(scores, scores, self, "vi").flat()).toEqual([7, 5, 1, 4, 6, 2, 3]);
  });

  it("refuses a tie-break that is not aligned with the scores", () => {
    expect(() => rank([[965]], scores, [[1]], "vi")).toThrow(FnError);
  });
});

describe("EMU.RANKING / BANGXEPHANG", () => {
  it("spills seed 000's ranked table through the engine", () => {
    const units = SEED_000_UNITS.map(([u]) => [u]);
    const self = SEED_000_UNITS.map(([, s]) => [s]);
    const ver = SEED_000_UNITS.map(([, , v]) => [v]);
    const out = ranking(units, self, ver, cum, null, "vi");
    expect(out[0]).toEqual(["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định", "Hạng", "Xếp loại"]);
    expect(out.slice(1).map((r) => [r[1], r[4]])).toEqual([
      ["Sở TT&TT Điện Biên", 1],
      ["Sở TT&TT Cao Bằng", 2],
      ["Sở TT&TT Lạng Sơn", 3],
      ["Sở TT&TT Lào Cai", 3],
      ["Sở TT&TT Lai Châu", 5],
      ["Sở TT&TT Hà Giang", 6],
      ["Sở TT&TT Sơn La", 6],
    ]);
  });

  it("says which row is wrong", () => {
    expect(() => ranking([["A"], ["B"]], [[900], ["x"]], [[900], [800]], cum, null, "vi")).toThrow(
      'Dòng 2: "x" không phải là số. Hãy nhập điểm bằng số, ví dụ 962,5.',
    );
    expect(() => ranking([["A"]], [[1], [2]], [[1]], cum, null, "en")).toThrow(
      "units, self and verified must be columns with the same number of rows.",
    );
  });
});

describe("EMU.VALIDATE / KIEMTRA", () => {
  it("gives one message per cell, blank where fine", () => {
    const out = validate([[985], ["abc"], [1200], [""], ["962,5"]], cum, null, "vi");
    expect(out.map((r) => r[0])).toEqual([
      "",
      '"abc" không phải là số. Hãy nhập điểm bằng số, ví dụ 962,5.',
      "Điểm 1200 vượt điểm tối đa 1000. Hãy kiểm tra lại điểm.",
      "",
      '"962,5" dùng dấu phẩy thập phân; EMU đọc là 962,5.',
    ]);
  });

  it("takes a maximum as one number or an aligned range", () => {
    expect(validate([[95], [105]], null, [[100]], "en").map((r) => r[0] !== "")).toEqual([false, true]);
    expect(validate([[95], [105]], null, [[90], [110]], "en").map((r) => r[0] !== "")).toEqual([true, false]);
    expect(() => validate([[1], [2]], null, [[1], [2], [3]], "en")).toThrow(FnError);
  });
});

describe("the function catalog", () => {
  it("has the same ids in both languages and Vietnamese names", () => {
    const en = functionsMetadata("en").functions as { id: string; name: string }[];
    const vi = functionsMetadata("vi").functions as { id: string; name: string }[];
    expect(en.map((f) => f.id)).toEqual(vi.map((f) => f.id));
    expect(vi.map((f) => f.name)).toEqual(["XEPLOAI", "XEPHANG", "BANGXEPHANG", "KIEMTRA", "BINHXET"]);
    expect(en.map((f) => f.name)).toEqual(["CLASSIFY", "RANKOF", "RANKING", "VALIDATE", "TALLY"]);
    for (const f of FUNCTIONS) for (const p of f.parameters) expect(p.name.vi).toMatch(/^[a-z_]+$/);
  });
});
