import { unitKey } from "../../src/core";

// Found by the corpus (formula-like-names): "=1+1" was reported as a duplicate of "+1", because
// the repeated-word filter meant for the typo "TỈNH TỈNH" also dropped a repeated number.
describe("unit keys keep repeated numbers", () => {
  it("does not merge names that differ only by a repeated number", () => {
    expect(unitKey("=1+1")).not.toBe(unitKey("+1"));
    expect(unitKey("Đội 1-1")).not.toBe(unitKey("Đội 1"));
    expect(unitKey("Trường số 2 2")).not.toBe(unitKey("Trường số 2"));
  });
  it("still folds a doubled word", () => {
    expect(unitKey("SỞ TTTT TỈNH TỈNH LÀO CAI")).toBe(unitKey("Sở TT&TT Lào Cai"));
  });
});
