/**
 * The custom functions as Excel hosts them: registered by src/functions/index.ts, typed into cells
 * of the Excel double, with Excel's argument marshalling (web and desktop blanks, error inputs),
 * its dependency rules (recalculated when an argument range changes, not when a sheet read behind
 * Excel's back changes) and its failures. The double's README lists the sources.
 */
import { functionsMetadata } from "../../src/functions/catalog";
import { presetRules, RULES_SHEET_NAME, rulesSheetGrid } from "../../src/core";
import { saveRules } from "../../src/excel/operations";
import {
  createExcelDouble,
  type CustomFunctionsHost,
  type ExcelDouble,
  type SeedSheet,
} from "../excel-double";

const SHEET = "Bảng điểm";
let double: ExcelDouble;
let host: CustomFunctionsHost;
let undo: (() => void)[] = [];

/** A workbook, the EMU functions registered in a fresh runtime (as a new Excel session loads them). */
async function open(sheets: SeedSheet[], platform: "web" | "desktop"): Promise<void> {
  double = createExcelDouble({ sheets });
  host = double.customFunctions({ metadata: functionsMetadata("en"), platform });
  undo = [double.install(), host.install()];
  await jest.isolateModulesAsync(async () => {
    await import("../../src/functions/index");
  });
}
afterEach(() => {
  for (const u of undo) u();
  undo = [];
});

const values = (address: string): unknown[] => {
  const s = double.workbook.sheet(SHEET);
  const [from, to] = address.split(":") as [string, string];
  const col = from.replace(/\d+/g, "");
  const r0 = Number(from.replace(/\D+/g, ""));
  const r1 = Number((to ?? from).replace(/\D+/g, ""));
  const out: unknown[] = [];
  for (let r = r0; r <= r1; r++) out.push(s.cell(`${col}${r}`).value);
  return out;
};

// D2 915, D3 blank (no verified score yet), D4 a real 0.
const scores: SeedSheet = {
  name: SHEET,
  values: [
    ["Đơn vị", "Tự chấm", "", "Thẩm định"],
    ["Sở A", 930, "", 915],
    ["Sở B", 880, "", null],
    ["Sở C", 10, "", 0],
  ],
};

describe.each(["web", "desktop"] as const)("blank cells on Excel %s", (platform) => {
  it("CLASSIFY gives a blank for a blank, Yếu for a real 0", async () => {
    await open([scores], platform);
    await host.enter(SHEET, "F2", "=EMU.CLASSIFY(D2:D4)");
    expect(values("F2:F4")).toEqual(["Xuất sắc", "", "Yếu"]);
    await host.enter(SHEET, "G3", "=EMU.CLASSIFY(D3)");
    expect(values("G3")).toEqual([""]);
  });

  it("RANKOF leaves the unit without a score unranked instead of last with 0", async () => {
    await open([scores], platform);
    for (const r of [2, 3, 4]) await host.enter(SHEET, `H${r}`, `=EMU.RANKOF(D${r},$D$2:$D$4)`);
    expect(values("H2:H4")).toEqual([1, "", 2]);
  });

  it("RANKING reports the missing verified score instead of ranking it as 0", async () => {
    await open([scores], platform);
    await host.enter(SHEET, "J1", "=EMU.RANKING(A2:A4,B2:B4,D2:D4)");
    const s = double.workbook.sheet(SHEET);
    // The engine says which row lacks its verified score; never a table with Sở B at 0.
    expect(s.cell("J1").value).toBe("#VALUE!");
    expect(host.message(SHEET, "J1")).toMatch(/^Dòng 2: /);
  });
});

describe("error values inside an input range", () => {
  const withError: SeedSheet = {
    name: SHEET,
    values: [
      ["Đơn vị", "Thẩm định"],
      ["Sở A", 985],
      ["Sở B", null],
      ["Sở C", 1200],
    ],
    formulas: [[], [], ["", "=#N/A"], []],
  };

  it("VALIDATE reports the #N/A cell on its own line; the other cells keep their messages", async () => {
    await open([withError], "web");
    await host.enter(SHEET, "D2", "=EMU.VALIDATE(B2:B4)");
    const [fine, na, above] = values("D2:D4");
    expect(fine).toBe("");
    expect(String(na)).toContain("#N/A");
    expect(String(above)).toContain("1200");
  });

  it("CLASSIFY gives #VALUE! with a message for that cell only", async () => {
    await open([withError], "desktop");
    await host.enter(SHEET, "E2", "=EMU.CLASSIFY(B2:B4)");
    expect(values("E2:E4")).toEqual(["Xuất sắc", "#VALUE!", "#VALUE!"]);
  });
});

describe("recalculation when the rules change", () => {
  const bandsGrid = rulesSheetGrid(presetRules("cum-1000"));
  const bandRow = bandsGrid.findIndex((r) => r[1] === "Xuất sắc" || r[0] === "Xuất sắc");

  it("with the bands as an argument, editing a band updates every dependent cell", async () => {
    await open(
      [
        {
          name: SHEET,
          values: [
            ["Đơn vị", "Điểm"],
            ["Sở A", 915],
            ["Sở B", 850],
            ["Sở C", 905],
          ],
        },
        {
          name: "Mức",
          values: [
            ["Từ điểm", "Xếp loại"],
            [900, "Xuất sắc"],
            [800, "Tốt"],
            [0, "Khác"],
          ],
        },
      ],
      "web",
    );
    for (const r of [2, 3, 4]) await host.enter(SHEET, `C${r}`, `=EMU.CLASSIFY(B${r},Mức!$A$1:$B$4)`);
    expect(values("C2:C4")).toEqual(["Xuất sắc", "Tốt", "Xuất sắc"]);
    double.workbook.setValues("Mức", "A2", [[910]]); // the user raises the top band
    await host.settle();
    expect(values("C2:C4")).toEqual(["Xuất sắc", "Tốt", "Tốt"]);
  });

  it("without bands, saving new rules from EMU recalculates the cells that read the rules sheet", async () => {
    expect(bandRow).toBeGreaterThan(0);
    await open(
      [
        {
          name: SHEET,
          values: [
            ["Đơn vị", "Điểm"],
            ["Sở A", 915],
            ["Sở B", 850],
            ["Sở C", 905],
          ],
        },
        { name: RULES_SHEET_NAME, values: bandsGrid as (string | number | null)[][] },
      ],
      "web",
    );
    for (const r of [2, 3, 4]) await host.enter(SHEET, `C${r}`, `=EMU.CLASSIFY(B${r})`);
    expect(values("C2:C4")).toEqual(["Xuất sắc", "Tốt", "Xuất sắc"]);
    const cum = presetRules("cum-1000");
    const raised = {
      ...cum,
      bands: cum.bands.map((b) => (b.min === 900 ? { ...b, min: 910 } : b)),
    };
    await new Promise((resolve) => setTimeout(resolve, 5)); // the user at work in the pane
    await saveRules(raised, { sleep: async () => undefined });
    await host.settle();
    expect(values("C2:C4")).toEqual(["Xuất sắc", "Tốt", "Tốt"]);
  });
});

describe("host failures inside a function", () => {
  it("cell-edit mode past the retries gives #VALUE! with EMU's explanation, not a bare #VALUE!", async () => {
    await open([scores], "desktop");
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] });
    try {
      double.faults.cellEditMode(10);
      const entered = host.enter(SHEET, "F2", "=EMU.CLASSIFY(D2:D4)");
      await jest.runAllTimersAsync();
      await entered;
    } finally {
      jest.useRealTimers();
    }
    expect(values("F2")).toEqual(["#VALUE!"]);
    expect(host.message(SHEET, "F2")).toBe(
      "Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để thoát khỏi ô đang sửa rồi thử lại.",
    );
  });
});

describe("RANKOF filled down", () => {
  it("gives the same ranks as RANK.EQ, each cell answered from one sorted index per range", async () => {
    const n = 60;
    const rows: (string | number)[][] = [["Đơn vị", "Điểm"]];
    for (let k = 0; k < n; k++) rows.push([`Sở ${k}`, 900 - (k % 17) * 5]);
    await open([{ name: SHEET, values: rows }], "web");
    for (let r = 2; r <= n + 1; r++) await host.enter(SHEET, `C${r}`, `=EMU.RANKOF(B${r},$B$2:$B$${n + 1})`);
    const pts = rows.slice(1).map((r) => r[1] as number);
    const expected = pts.map((p) => pts.filter((q) => q > p).length + 1);
    expect(values(`C2:C${n + 1}`)).toEqual(expected);
  });
});
