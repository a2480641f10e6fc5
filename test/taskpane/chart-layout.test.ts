import {
  chartAxis,
  chartLayout,
  fitText,
  textWidth,
  tickStep,
  type ChartRow,
} from "../../src/taskpane/chart-layout";

/**
 * Issue 10, "a chart worth looking at": the Kết quả chart's geometry. Expected positions are
 * worked out by hand from the layout's constants: the plot runs from x = 26 (after the rank
 * column) to width − 6, so at width 332 it is 300 px wide.
 */
const vi = (v: number) => new Intl.NumberFormat("vi-VN").format(v);
const row = (name: string, rank: number, verified: number, extra: Partial<ChartRow> = {}): ChartRow => ({
  name,
  rank,
  tied: false,
  award: null,
  self: verified,
  verified,
  ...extra,
});
const BANDS_1000 = [
  { min: 900, label: "Xuất sắc" },
  { min: 800, label: "Tốt" },
  { min: 700, label: "Khá" },
  { min: 0, label: "Trung bình" },
];

describe("chartLayout", () => {
  it("seed 000's scores: the axis starts at 850 with its break drawn, round ticks, 900 Xuất sắc as a line", () => {
    const L = chartLayout({
      rows: [row("A", 1, 985), row("B", 2, 915), row("C", 2, 915)],
      maxScore: 1000,
      bands: BANDS_1000,
      width: 332,
      format: vi,
    });
    expect(L.axis).toMatchObject({ lo: 850, hi: 1000, broken: true });
    // 150 points over 300 px: 2 px a point; ticks every 50 (at most 5 intervals of ≥ 52 px).
    expect(L.axis.ticks.map((t) => [t.value, t.x, t.label])).toEqual([
      [850, 26, "850"],
      [900, 126, "900"],
      [950, 226, "950"],
      [1000, 332 - 6, "1.000"],
    ]);
    // Only the cut-off inside the axis is drawn: 900 at 26 + 50·2 = 126, labelled on line 0.
    expect(L.cutoffs).toEqual([{ value: 900, x: 126, label: "900 Xuất sắc", line: 0, anchor: "start" }]);
    expect(L.plotTop).toBe(20);
    // Bars from the plot's left edge to the score: 985 → 26 + 135·2 = 296.
    expect(L.rows[0]?.self).toEqual({ x: 26, width: 270, y: 20 + 16 });
    expect(L.rows[0]?.verified).toEqual({ x: 26, width: 270, y: 20 + 16 + 9 });
    expect(L.axis.y).toBe(L.plotBottom);
    expect(L.plotBottom).toBe(20 + 3 * (16 + 7 + 2 + 7 + 10));
  });

  it("marks ties with '=' and keeps the award for the star", () => {
    const L = chartLayout({
      rows: [
        row("Sở A", 1, 990, { award: "Cờ thi đua của Chính phủ" }),
        row("Sở B", 2, 950, { tied: true }),
        row("Sở C", 2, 950, { tied: true }),
        row("Sở D", 4, 940),
      ],
      maxScore: 1000,
      bands: BANDS_1000,
      width: 332,
      format: vi,
    });
    expect(L.rows.map((r) => r.rankLabel)).toEqual(["1", "2=", "2=", "4"]);
    expect(L.rows.map((r) => r.award)).toEqual(["Cờ thi đua của Chính phủ", null, null, null]);
  });

  it("an axis from 0 has no break; cut-offs whose labels would overlap go one line down", () => {
    // Scores 20–95 of 100: the axis starts at 0. The plot is 300 px over 100 points (3 px a
    // point), so 50, 65 and 80 are 45 px apart, closer than their labels (≈ 88, 41, 75 px wide at
    // 12 px): "65 Tốt" goes to line 1; "80 Xuất sắc" would run past the right edge, so it is drawn
    // leftwards of its line, where it would cover both others: line 2.
    const L = chartLayout({
      rows: [row("A", 1, 95), row("B", 2, 20)],
      maxScore: 100,
      bands: [
        { min: 80, label: "Xuất sắc" },
        { min: 65, label: "Tốt" },
        { min: 50, label: "Hoàn thành" },
        { min: 0, label: "Không hoàn thành" },
      ],
      width: 332,
      format: vi,
    });
    expect(L.axis).toMatchObject({ lo: 0, hi: 100, broken: false });
    expect(L.axis.ticks[0]).toEqual({ value: 0, x: 26, label: "0" });
    expect(L.cutoffs.map((c) => [c.value, c.x, c.line])).toEqual([
      [50, 26 + 150, 0],
      [65, 26 + 195, 1],
      [80, 26 + 240, 2],
    ]);
    expect(L.cutoffs.map((c) => c.anchor)).toEqual(["start", "start", "end"]);
    expect(L.plotTop).toBe(3 * 16 + 4);
  });

  it("a long name is shortened with … to leave room for the scores; the full name is kept", () => {
    const long = "Sở Thông tin và Truyền thông tỉnh Bà Rịa – Vũng Tàu (Văn phòng Sở)";
    const L = chartLayout({ rows: [row(long, 1, 985)], maxScore: 1000, bands: [], width: 300, format: vi });
    const r = L.rows[0];
    expect(r?.fullName).toBe(long);
    expect(r?.name.endsWith("…")).toBe(true);
    expect(long.startsWith(r?.name.slice(0, -1) ?? "x")).toBe(true);
    expect(26 + textWidth(r?.name ?? "") + 8 + textWidth(r?.values ?? "")).toBeLessThanOrEqual(300);
    expect(r?.values).toBe("985 / 985");
  });

  it("a missing score is a dash and no bar", () => {
    const L = chartLayout({
      rows: [{ name: "Sở E", rank: 1, tied: false, award: null, self: 970, verified: null }],
      maxScore: 1000,
      bands: [],
      width: 300,
      format: vi,
    });
    expect(L.rows[0]?.values).toBe("970 / —");
    expect(L.rows[0]?.verified).toBeNull();
  });
});

describe("helpers", () => {
  it("tickStep gives 1, 2, 2.5 or 5 × 10ⁿ", () => {
    expect(tickStep(150, 5)).toBe(50);
    expect(tickStep(100, 5)).toBe(20);
    expect(tickStep(100, 4)).toBe(25);
    expect(tickStep(7, 5)).toBe(2);
  });
  it("chartAxis starts below the lowest score at a round number, never below 0", () => {
    expect(chartAxis([915, 995], 1000)).toEqual({ lo: 850, hi: 1000 });
    expect(chartAxis([20, 95], 100)).toEqual({ lo: 0, hi: 100 });
  });
  it("fitText keeps text that fits", () => {
    expect(fitText("Sở A", 100)).toBe("Sở A");
  });
});
