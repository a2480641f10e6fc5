import { NOTICE_HEADER, type CellValue } from "../../src/core";
import { readWorkbook } from "../../src/cli/io";
import { SAMPLE_PATH } from "../../src/cli/make-sample";
import {
  computeRanking,
  generateNotice,
  saveRules,
  selectCell,
  validateSheet,
} from "../../src/excel/operations";
import { presetRules } from "../../src/core";
import { createExcelDouble, type ExcelDouble, type SeedSheet } from "../excel-double";
import { cli } from "../cli/run-cli";
import { SEED_000_NOTICE } from "../helpers/grid";
import { tmpPath } from "../helpers/xlsx";

const noSleep = { sleep: async () => undefined };
let double: ExcelDouble;
let uninstall: () => void;

async function sampleSheets(): Promise<SeedSheet[]> {
  const read = await readWorkbook(SAMPLE_PATH);
  if (!read.ok) throw new Error("sample unreadable");
  return read.sheets.map((s) => ({ name: s.name, values: s.grid as (string | number | boolean)[][] }));
}

function use(sheets: SeedSheet[], activeSheet?: string): void {
  double = createExcelDouble({ sheets, ...(activeSheet ? { activeSheet } : {}) });
  uninstall = double.install();
}
afterEach(() => uninstall?.());

const trim = (g: unknown[][]): unknown[][] => g.map((r) => r.map((v) => (v === null ? "" : v)));

describe("Compute ranking through the Excel double", () => {
  it("ranks seed 000 in two round trips, writes the results sheet and fills the empty Xếp loại cells", async () => {
    use(await sampleSheets());
    const before = double.workbook.sheet("Tổng hợp điểm").snapshot();
    const out = await computeRanking({ lang: "vi", run: noSleep });
    expect(out.ok).toBe(true);
    expect(out.written).toEqual(["Kết quả xếp hạng"]);
    expect(double.stats.syncs).toBe(2);
    expect(double.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(double.workbook.activeSheet).toBe("Kết quả xếp hạng");

    const src = double.workbook.sheet("Tổng hợp điểm");
    expect([8, 9, 10, 11, 12, 13, 14].map((r) => src.cell(`E${r}`).value)).toEqual(Array(7).fill("Xuất sắc"));
    // Nothing else of the user's sheet changed.
    const after = src.snapshot();
    const strip = (s: typeof before) => JSON.stringify(s).replace(/"Xuất sắc"/g, '""');
    expect(strip(after).length).toBeGreaterThan(0);
    expect(src.values().map((r, i) => r.map((v, c) => (c === 4 && i >= 7 ? "" : v)))).toEqual(
      before
        ? double.workbook
            .sheet("Tổng hợp điểm")
            .values()
            .map((r, i) => r.map((v, c) => (c === 4 && i >= 7 ? "" : v)))
        : [],
    );

    const results = double.workbook.sheet("Kết quả xếp hạng").values();
    expect(results[3]?.slice(0, 8)).toEqual([
      "STT",
      "Đơn vị",
      "Điểm tự chấm",
      "Điểm chấm thẩm định",
      "Chênh lệch",
      "Hạng",
      "Đồng hạng",
      "Xếp loại",
    ]);
    expect(results.slice(4, 11).map((r) => [r[0], r[1], r[2], r[3], r[7]])).toEqual(SEED_000_NOTICE);
    expect(double.workbook.sheet("_EMU").visibility).toBe("VeryHidden");
  });

  it("gives the same results sheet as the CLI on the same workbook", async () => {
    use(await sampleSheets());
    await computeRanking({ lang: "vi", run: noSleep });
    const out = tmpPath("cli.xlsx");
    expect((await cli("rank", SAMPLE_PATH, "--out", out)).code).toBe(0);
    const read = await readWorkbook(out);
    if (!read.ok) throw new Error("unreadable");
    const cliResults = read.sheets.find((s) => s.name === "Kết quả xếp hạng")?.grid ?? [];
    expect(trim(double.workbook.sheet("Kết quả xếp hạng").values())).toEqual(trim(cliResults));
  });

  it("re-runs in place: replaces its own sheet, refills its own cells, never a user's", async () => {
    use(await sampleSheets());
    await computeRanking({ lang: "vi", run: noSleep });
    double.workbook.setValues("Tổng hợp điểm", "E9", [["Tốt (theo Hội đồng)"]]);
    const again = await computeRanking({ lang: "vi", run: noSleep });
    expect(double.workbook.sheetNames().filter((n) => n.startsWith("Kết quả"))).toEqual(["Kết quả xếp hạng"]);
    expect(double.workbook.sheet("Tổng hợp điểm").cell("E9").value).toBe("Tốt (theo Hội đồng)");
    expect(again.issues.map((i) => i.code)).toEqual(["kept-user-value"]);
    expect(double.workbook.sheet("Tổng hợp điểm").cell("E8").value).toBe("Xuất sắc");
  });

  it("creates 'Kết quả xếp hạng (2)' beside a user's sheet of that name", async () => {
    use(
      [...(await sampleSheets()), { name: "Kết quả xếp hạng", values: [["Ghi chép của tôi"]] }],
      "Tổng hợp điểm",
    );
    await computeRanking({ lang: "vi", run: noSleep });
    expect(double.workbook.sheet("Kết quả xếp hạng").values()).toEqual([["Ghi chép của tôi"]]);
    expect(double.workbook.hasSheet("Kết quả xếp hạng (2)")).toBe(true);
  });

  it("writes formula-like unit names as text, never as formulas", async () => {
    const names = ['=HYPERLINK("http://x","Sở A")', "+1", "-Sở B", "@SUM(A1)"];
    use([
      {
        name: "Bảng điểm",
        values: [["Đơn vị", "Tự chấm", "Thẩm định"], ...names.map((n, k) => [n, 900 - k, 900 - k])],
      },
    ]);
    const out = await computeRanking({ lang: "vi", run: noSleep });
    expect(out.ok).toBe(true);
    const sheet = double.workbook.sheet("Kết quả xếp hạng");
    for (let k = 0; k < names.length; k++) {
      expect(sheet.cell(`B${5 + k}`)).toMatchObject({ value: names[k], formula: null });
    }
  });

  it("writes nothing when the table has errors", async () => {
    use([
      {
        name: "Bảng điểm",
        values: [
          ["Đơn vị", "Tự chấm"],
          ["Sở A", "abc"],
          ["Sở A", 1200],
        ],
      },
    ]);
    const before = double.workbook.snapshot();
    const out = await computeRanking({ lang: "vi", run: noSleep });
    expect(out.ok).toBe(false);
    expect(out.issues.map((i) => i.code)).toEqual([
      "basis-self",
      "not-a-number",
      "duplicate-unit",
      "score-above-max",
    ]);
    expect(double.workbook.snapshot()).toEqual(before);
    expect(double.stats.syncs).toBe(1);
  });

  it("retries while the user is editing a cell, then explains", async () => {
    use(await sampleSheets());
    double.faults.cellEditMode(2);
    expect((await computeRanking({ lang: "vi", run: noSleep })).ok).toBe(true);
    double.faults.cellEditMode(10);
    await expect(validateSheet({ lang: "vi", run: { ...noSleep, attempts: 3 } })).rejects.toMatchObject({
      kind: "cell-edit",
    });
  });

  it("leaves the workbook as it was when a write fails", async () => {
    use(await sampleSheets());
    const before = double.workbook.snapshot();
    double.faults.failSyncAt(2, { code: "GeneralException" });
    await expect(computeRanking({ lang: "vi", run: noSleep })).rejects.toMatchObject({ kind: "unknown" });
    expect(double.workbook.snapshot()).toEqual(before);
  });
});

describe("Generate notice through the Excel double", () => {
  it("writes the notice sheet as the CLI does: same cells, A4 portrait, Times New Roman, merges", async () => {
    use(await sampleSheets());
    const out = await generateNotice({ lang: "vi", run: noSleep });
    expect(out.written).toEqual(["Thông báo kết quả"]);
    expect(double.stats.syncs).toBe(2);
    const sheet = double.workbook.sheet("Thông báo kết quả");
    const grid = sheet.values();
    // The notice's columns are merged spans of a finer grid: cells a merge covers are empty.
    const dense = (row: readonly unknown[] | undefined) => (row ?? []).filter((v) => v !== "" && v !== null);
    const head = grid.findIndex((r) => r.includes("Điểm chấm thẩm định"));
    expect(dense(grid[head])).toEqual([...NOTICE_HEADER]);
    expect(grid.slice(head + 1, head + 8).map(dense)).toEqual(SEED_000_NOTICE);

    const file = tmpPath("n.xlsx");
    await cli("rank", SAMPLE_PATH, "--out", file);
    const read = await readWorkbook(file);
    if (!read.ok) throw new Error("unreadable");
    const cliNotice = read.sheets.find((s) => s.name === "Thông báo kết quả")?.grid ?? [];
    expect(trim(grid)).toEqual(trim(cliNotice));

    const page = sheet.pageLayout();
    expect(page).toMatchObject({ orientation: "Portrait", paperSize: "A4" });
    expect(page.leftMargin).toBeCloseTo((30 * 72) / 25.4, 1);
    expect(sheet.cell("A1").format.font.name).toBe("Times New Roman");
    expect(sheet.cell("A2").format.font.bold).toBe(true);
    // The header: the left half over STT, Đơn vị and part of "Điểm tự chấm", the right half the rest.
    expect(sheet.merges()).toEqual(expect.arrayContaining(["A1:C1", "D1:F1"]));
    expect(sheet.showGridlines).toBe(false);
  });

  it("uses the notice fields the pane passes", async () => {
    use(await sampleSheets());
    const read = await readWorkbook(SAMPLE_PATH);
    expect(read.ok).toBe(true);
    const { SEED_000_NOTICE_FIELDS } = await import("../../src/core");
    await generateNotice({
      lang: "vi",
      run: noSleep,
      fields: { ...SEED_000_NOTICE_FIELDS, signerName: "Nguyễn Văn A" },
    });
    const flat = double.workbook.sheet("Thông báo kết quả").values().flat();
    expect(flat).toContain("Nguyễn Văn A");
  });
});

describe("Large tables", () => {
  function big(n: number): SeedSheet {
    const rows: (string | number)[][] = [
      ["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định", "Xếp loại"],
    ];
    for (let k = 0; k < n; k++)
      rows.push([k + 1, `Đơn vị thi đua số ${k + 1} tỉnh Điện Biên`, 900 + (k % 100), 880 + (k % 100), ""]);
    return { name: "Bảng điểm", values: rows };
  }

  it("ranks 100,000 units without a request over 5 MB", async () => {
    use([big(100_000)]);
    const out = await computeRanking({ lang: "vi", run: noSleep });
    expect(out.ok).toBe(true);
    expect(double.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(double.stats.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
    const results = double.workbook.sheet("Kết quả xếp hạng");
    expect(results.cell("A100004").value).toBe(100_000);
    expect(double.workbook.sheetNames().some((n) => n.startsWith("~emu"))).toBe(false);
    // Reported in the closing note: the fewest syncs the chunking allows.
    expect(double.stats.syncs).toBeLessThan(20);
  }, 60_000);

  it("writes the notice for 30,000 units without a request over 5 MB (its merges and page breaks spread over requests)", async () => {
    use([big(30_000)]);
    const out = await generateNotice({ lang: "vi", run: noSleep });
    expect(out.ok).toBe(true);
    expect(double.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    const notice = double.workbook.sheet("Thông báo kết quả");
    const flat = notice.values().flat();
    expect(flat).toContain("Đơn vị thi đua số 30000 tỉnh Điện Biên");
    // A merge per unit row: all of them there, none left on a temporary sheet.
    expect(notice.merges().length).toBeGreaterThan(30_000);
    expect(double.workbook.sheetNames().some((n) => n.startsWith("~emu"))).toBe(false);
  }, 60_000);

  it("removes its temporary sheets and leaves the workbook unchanged when a middle write fails", async () => {
    use([big(30_000)]);
    const before = double.workbook.snapshot();
    double.faults.failSyncAt(3);
    await expect(computeRanking({ lang: "vi", run: noSleep })).rejects.toBeDefined();
    expect(double.workbook.snapshot()).toEqual(before);
  }, 60_000);
});

describe("pane helpers", () => {
  it("saves the rules sheet and selects an issue's cell", async () => {
    use(await sampleSheets());
    await saveRules(presetRules("nd335-100"), noSleep);
    const rules = double.workbook.sheet("Quy tắc xếp loại").values() as CellValue[][];
    expect(rules[3]).toEqual(["Thang điểm", 100, "", "", ""]);
    await selectCell("'Tổng hợp điểm'!D9", noSleep);
    expect(double.workbook.selection).toBe("'Tổng hợp điểm'!D9");
  });
});

describe("an EMU sheet edited by hand since EMU wrote it (issue 10)", () => {
  it("is never replaced silently: stop names it, copy keeps it under a new name, replace replaces", async () => {
    use(await sampleSheets());
    const first = await computeRanking({ lang: "vi", run: noSleep });
    expect(first.written).toEqual(["Kết quả xếp hạng"]);
    // Re-running over EMU's own untouched sheet replaces it without a question.
    const again = await computeRanking({ lang: "vi", run: noSleep });
    expect(again.ok).toBe(true);
    expect(again.edited).toBeUndefined();

    // The secretary types a note under the table.
    const results = double.workbook.sheet("Kết quả xếp hạng");
    const note = "Ghi chú: Hội đồng họp ngày 15/12";
    double.workbook.setValues("Kết quả xếp hạng", "B40", [[note]]);
    const stopped = await computeRanking({ lang: "vi", run: noSleep });
    expect(stopped.ok).toBe(false);
    expect(stopped.edited).toEqual(["Kết quả xếp hạng"]);
    expect(stopped.written).toEqual([]);
    expect(stopped.issues.map((i) => i.code)).toContain("emu-sheet-edited");
    expect(results.cell("B40").value).toBe(note);

    const copied = await computeRanking({ lang: "vi", run: noSleep, onEdited: "copy" });
    expect(copied.ok).toBe(true);
    expect(copied.copies).toEqual([["Kết quả xếp hạng", "Kết quả xếp hạng (đã sửa)"]]);
    expect(double.workbook.sheet("Kết quả xếp hạng (đã sửa)").cell("B40").value).toBe(note);
    expect(double.workbook.sheet("Kết quả xếp hạng").cell("B40").value ?? "").toBe("");
    // The copy is the user's now: the next run neither asks about it nor touches it.
    const next = await computeRanking({ lang: "vi", run: noSleep });
    expect(next.ok).toBe(true);
    expect(double.workbook.sheet("Kết quả xếp hạng (đã sửa)").cell("B40").value).toBe(note);

    double.workbook.setValues("Kết quả xếp hạng", "B40", [["sửa lần nữa"]]);
    const replaced = await computeRanking({ lang: "vi", run: noSleep, onEdited: "replace" });
    expect(replaced.ok).toBe(true);
    expect(double.workbook.sheet("Kết quả xếp hạng").cell("B40").value ?? "").toBe("");
  });

  it("a notice number typed into the generated notice stops the next notice", async () => {
    use(await sampleSheets());
    await generateNotice({ lang: "vi", run: noSleep });
    const sheet = double.workbook.sheet("Thông báo kết quả");
    const at = sheet
      .values()
      .flatMap((r, i) => r.map((v, c) => ({ v, i, c })))
      .find((x) => typeof x.v === "string" && x.v.startsWith("Số:"));
    if (!at) throw new Error("no number line");
    const addr = `${String.fromCharCode(65 + at.c)}${at.i + 1}`;
    double.workbook.setValues("Thông báo kết quả", addr, [["Số: 123/CTĐ2"]]);
    const out = await generateNotice({ lang: "vi", run: noSleep });
    expect(out.edited).toEqual(["Thông báo kết quả"]);
    expect(sheet.cell(addr).value).toBe("Số: 123/CTĐ2");
  });
});
