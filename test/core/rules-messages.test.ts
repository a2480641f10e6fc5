import { presetRules, rulesProblems, type RulesInput } from "../../src/core";

const base: RulesInput = {
  maxScore: 100,
  bands: [
    { min: 90, label: "Xuất sắc" },
    { min: 70, label: "Tốt" },
    { min: 0, label: "Chưa đạt" },
  ],
  awards: [{ label: "Bằng khen", count: 2, minBand: "Xuất sắc" }],
};
const msgs = (input: unknown, lang: "vi" | "en" = "vi") =>
  Object.fromEntries(rulesProblems(input, lang).map((p) => [p.path, p.message]));

describe("rules problems in the user's words (issue 10)", () => {
  it("has nothing to say about valid rules and the presets", () => {
    expect(rulesProblems(base, "vi")).toEqual([]);
    expect(rulesProblems(presetRules("cum-1000"), "vi")).toEqual([]);
    expect(rulesProblems(presetRules("nd335-100"), "en")).toEqual([]);
  });

  it("names the band, 1-based, and the field", () => {
    const bands = [
      { min: 90, label: "Xuất sắc" },
      { min: "bảy mươi", label: "Tốt" },
      { min: 0, label: " " },
    ];
    expect(msgs({ ...base, bands })).toEqual({
      "bands.1.min": "Mức 2 – Từ điểm phải là một số.",
      "bands.2.label": "Mức 3 – Xếp loại không được để trống.",
    });
    expect(msgs({ ...base, bands }, "en")).toEqual({
      "bands.1.min": "Band 2 – From score must be a number.",
      "bands.2.label": "Band 3 – Class cannot be empty.",
    });
  });

  it("says a band above the maximum score cannot be reached, and a duplicate minimum", () => {
    expect(
      msgs({
        ...base,
        bands: [
          { min: 900, label: "Xuất sắc" },
          { min: 0, label: "Chưa đạt" },
        ],
      }),
    ).toEqual({
      "bands.0.min": "Mức 1 – Từ điểm 900 cao hơn điểm tối đa 100: không đơn vị nào đạt được.",
    });
    expect(
      msgs({
        ...base,
        bands: [
          { min: 50, label: "Xuất sắc" },
          { min: 50, label: "Tốt" },
        ],
      }),
    ).toEqual({
      "bands.1.min": "Mức 2 – Từ điểm trùng với một mức khác.",
    });
  });

  it("says when every band was removed, and when an award's lowest class no longer exists", () => {
    expect(msgs({ ...base, bands: [], awards: [] })).toEqual({ bands: "Cần ít nhất một mức xếp loại." });
    // The class was renamed while the maximum score is also wrong: both are said at once.
    const renamed = {
      ...base,
      maxScore: "",
      bands: [
        { min: 90, label: "Hoàn thành xuất sắc" },
        { min: 0, label: "Khác" },
      ],
    };
    expect(msgs(renamed)).toEqual({
      maxScore: "Điểm tối đa phải là một số.",
      "awards.0.minBand": "Danh hiệu 1 – Xếp loại tối thiểu “Xuất sắc” không còn trong các mức xếp loại.",
    });
  });

  it("words award counts and shares, and still reads unknown fields", () => {
    expect(
      msgs({
        ...base,
        awards: [{ label: "Cờ", count: 1.5 }, { label: "Bằng khen" }, { label: "", share: 2 }],
      }),
    ).toEqual({
      "awards.0.count": "Danh hiệu 1 – Số lượng phải là một số nguyên.",
      "awards.1.count": "Danh hiệu 2 – Số lượng phải là một số (ví dụ 2) hoặc một tỉ lệ (ví dụ 20%).",
      "awards.2.label": "Danh hiệu 3 – Tên danh hiệu không được để trống.",
      "awards.2.share": "Danh hiệu 3 – Số lượng (tỉ lệ) phải từ 0% đến 100%.",
    });
    expect(msgs({ ...base, verifiedAboveSelf: "sometimes" })).toEqual({
      verifiedAboveSelf: "Điểm thẩm định cao hơn tự chấm không phải là một lựa chọn có sẵn.",
    });
    // A field this table does not know (another engineer's new one) is still named readably.
    expect(msgs({ ...base, criteria: { bonusCap: -1 } })).toEqual({
      "criteria.bonusCap": "Mục “criteria › bonusCap” không được âm.",
    });
  });
});

describe("the vote rule's problems (issue 12)", () => {
  it("names the vote's fields in the user's words, in Vietnamese and English", () => {
    const problems = (vote: unknown, lang: "vi" | "en" = "vi") =>
      Object.fromEntries(rulesProblems({ ...base, vote }, lang).map((p) => [p.path, p.message]));
    const share = "Biểu quyết – Tỷ lệ phải là số trong (0, 1] hoặc phân số như 2/3.";
    for (const bad of ["3/2", "0/3", 1.5, 0, -0.5, "hai phần ba", "2/0"])
      expect(problems({ share: bad })).toEqual({ "vote.share": share });
    expect(problems({ share: "3/2" }, "en")).toEqual({
      "vote.share": "Vote – Share must be a number in (0, 1] or a fraction such as 2/3.",
    });
    expect(problems({ share: "2/3", base: "everyone" })).toEqual({
      "vote.base": "Biểu quyết – Tính trên không phải là một lựa chọn có sẵn.",
    });
    expect(problems({ share: "2/3", strict: "yes" })["vote.strict"]).toMatch(/^Biểu quyết – So sánh /);
    expect(problems({ share: "2/3", strict: false, base: "present" })).toEqual({});
    expect(problems({ share: 1 })).toEqual({});
  });
});
