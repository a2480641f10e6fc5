import { joinSentences } from "../../src/core";

describe("joinSentences", () => {
  it("puts one space between sentences shown as one message, whatever their ends and starts", () => {
    expect(joinSentences(["Không tạo phiếu mới.", "Bỏ qua 2 đơn vị:"])).toBe(
      "Không tạo phiếu mới. Bỏ qua 2 đơn vị:",
    );
    expect(joinSentences(["A. ", "  B.", "", "C."])).toBe("A. B. C.");
    expect(joinSentences([])).toBe("");
  });
});
