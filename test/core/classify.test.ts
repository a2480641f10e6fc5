import { bandRank, canonicalScore, classifyScore, presetRules } from "../../src/core";

const nd335 = presetRules("nd335-100").bands;
const cum = presetRules("cum-1000").bands;

describe("classifyScore", () => {
  it("puts a score equal to a minimum in that band: từ … đến dưới …", () => {
    expect(classifyScore(90, nd335)).toBe("Hoàn thành xuất sắc nhiệm vụ");
    expect(classifyScore(89.99, nd335)).toBe("Hoàn thành tốt nhiệm vụ");
    expect(classifyScore(70, nd335)).toBe("Hoàn thành tốt nhiệm vụ");
    expect(classifyScore(69.999, nd335)).toBe("Hoàn thành nhiệm vụ");
    expect(classifyScore(49.99, nd335)).toBe("Không hoàn thành nhiệm vụ");
    expect(classifyScore(0, nd335)).toBe("Không hoàn thành nhiệm vụ");
  });

  it("has no float surprises on computed totals", () => {
    const total = 0.1 + 64.1 + 25.8; // 89.99999999999999 in binary floating point
    expect(total).not.toBe(90);
    expect(classifyScore(total, nd335)).toBe("Hoàn thành xuất sắc nhiệm vụ");
    expect(canonicalScore(total)).toBe(90);
  });

  it("classifies seed 000's lowest score 915 as Xuất sắc on the 1000-point preset", () => {
    expect(classifyScore(915, cum)).toBe("Xuất sắc");
    expect(classifyScore(899.5, cum)).toBe("Tốt");
    expect(classifyScore(500, cum)).toBe("Trung bình");
  });

  it("returns null below every band and works whatever order the bands are given in", () => {
    expect(classifyScore(-1, cum)).toBeNull();
    expect(classifyScore(850, [...cum].reverse())).toBe("Tốt");
  });

  it("ranks bands from the best", () => {
    expect(bandRank("Xuất sắc", cum)).toBe(0);
    expect(bandRank("Yếu", cum)).toBe(4);
    expect(bandRank("Không có", cum)).toBe(-1);
  });
});
