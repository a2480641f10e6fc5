/**
 * Every write path sets the text format before text values (one helper, src/excel/cell-values.ts),
 * so a band label or unit name beginning with "=", "+", "-" or "@" stays text — including the
 * fill-back into the user's own Xếp loại column, which had no text format before.
 */
import { presetRules } from "../../src/core";
import { computeRanking } from "../../src/excel/operations";
import { createExcelDouble } from "../excel-double";

it("fills back band labels that look like formulas as text, keeping the user's number formats", async () => {
  // Written with Excel's text prefix: the user's cells keep their formats (a protected form
  // refuses format changes); EMU's own sheets get the "@" format instead (render.test, operations).
  const cum = presetRules("cum-1000");
  const rules = {
    ...cum,
    bands: [
      { min: 900, label: "=Xuất sắc" },
      { min: 800, label: "+Tốt" },
      { min: 0, label: "-Khác" },
    ],
    awards: [],
  };
  const double = createExcelDouble({
    sheets: [
      {
        name: "Bảng điểm",
        values: [
          ["Đơn vị", "Tự chấm", "Thẩm định", "Xếp loại", "Hạng"],
          ["Sở A", 985, 985, null, null],
          ["Sở B", 900, 850, null, null],
          ["Sở C", 700, 650, null, null],
        ],
        numberFormats: [[], [null, null, null, null, "0"]] as (string | null)[][],
      },
    ],
  });
  const uninstall = double.install();
  try {
    const out = await computeRanking({ lang: "vi", rules, run: { sleep: async () => undefined } });
    expect(out.ok).toBe(true);
    const s = double.workbook.sheet("Bảng điểm");
    for (const [address, label] of [
      ["D2", "=Xuất sắc"],
      ["D3", "+Tốt"],
      ["D4", "-Khác"],
    ] as const) {
      expect(s.cell(address)).toMatchObject({ value: label, formula: null, valueType: "String" });
    }
    expect(s.cell("E2")).toMatchObject({ value: 1, numberFormat: "0" });
  } finally {
    uninstall();
  }
});
