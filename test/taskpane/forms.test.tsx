/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Node's export conditions, not jsdom's "browser": the test writes real .xlsx files with the
// CLI's writer (exceljs), whose browser build of uuid is ESM that jest cannot load.
import "./jsdom-polyfills";
import { readFileSync } from "node:fs";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ExcelDouble, SeedSheet, SeedValue } from "../excel-double";
import { cleanTmp, tmpPath, writeGridsXlsx } from "../helpers/xlsx";
import { excelAdapter, type Adapter } from "../../src/taskpane/adapter";
import { CRITERIA_LIST_SHEET, UNITS_SHEET, noAxeViolations, renderPane } from "./helpers";

jest.setTimeout(120_000);
afterAll(cleanTmp);
const user = () => userEvent.setup();
const goTo = (name: RegExp) => user().click(screen.getByRole("tab", { name }));

/** Where the made form keeps the leaf scores: rows 7 and 8 of column D (row 6 is group I). */
const SCORES = ["D7", "D8"] as const;

/** The pane over a summary and a criteria list, on the Forms step, with the forms' sources read. */
async function openForms() {
  const harness = renderPane([UNITS_SHEET, CRITERIA_LIST_SHEET]);
  await screen.findByText("A1:C3");
  await goTo(/6\./);
  await waitFor(() =>
    expect(screen.getByRole("textbox", { name: /Đơn vị, mỗi dòng một đơn vị/ })).toHaveProperty(
      "value",
      "Sở A\nSở B",
    ),
  );
  return harness;
}

async function makeForms(): Promise<HTMLElement> {
  await user().click(screen.getByRole("button", { name: "Tạo phiếu" }));
  return screen.findByTestId("forms-made");
}

/** The blank form EMU made for `unit` in the workbook, as its values. */
const formGrid = (double: ExcelDouble, unit: string): SeedValue[][] =>
  double.workbook
    .sheet(unit)
    .values()
    .map((r) => [...r]);

/**
 * A unit's returned form as a real .xlsx: a form's values with the unit's scores typed into the
 * yellow cells, in a file of its own (as "Move or Copy → (new book)" makes it), under the name
 * the unit sent it with.
 */
async function filledForm(
  grid: SeedValue[][],
  unit: string,
  scores: readonly number[],
  file: string,
): Promise<File> {
  const rows = grid.map((r) => [...r]);
  rows[1] = [`Đơn vị: ${unit}`, ...(rows[1] ?? []).slice(1)];
  scores.forEach((v, k) => {
    const row = rows[6 + k];
    if (row) row[3] = v;
  });
  const path = tmpPath(file);
  await writeGridsXlsx(path, [{ name: unit, rows }]);
  return new File([readFileSync(path)], file, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

const picker = () => screen.getByLabelText<HTMLInputElement>("Chọn tệp phiếu đã điền");

/**
 * Picks files as the user does. Focus leaving for the (hidden) file input gives the window focus
 * back, as the closing file dialog does in a browser, and the pane re-reads the workbook 300 ms
 * later: that re-read is let happen and finish before the test goes on.
 */
async function upload(files: File[]): Promise<HTMLElement> {
  // The browser's file dialog lets a user choose "All files", so a CSV can arrive despite `accept`.
  await userEvent.setup({ applyAccept: false }).upload(picker(), files);
  const plan = await screen.findByTestId("forms-plan");
  await act(() => new Promise((r) => setTimeout(r, 400)));
  await waitFor(() => expect(screen.queryByText(/Đang xử lý/)).toBeNull());
  return plan;
}

describe("6. Forms: make self-scoring forms", () => {
  it("offers the criteria list and the workbook's units, and makes one protected, validated sheet per unit", async () => {
    const { double, view } = await openForms();
    expect(screen.getByRole("combobox", { name: "Danh mục tiêu chí" })).toHaveProperty(
      "value",
      "Danh mục tiêu chí",
    );
    await noAxeViolations(view.container);

    const made = await makeForms();
    expect(made.textContent).toMatch(/Đã tạo 2 phiếu tự chấm/);
    expect(
      within(made)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Sở A", "Sở B"]);
    expect(screen.getByText(/Di chuyển hoặc Sao chép… → chọn “\(sách mới\)”/)).toBeTruthy();
    await noAxeViolations(view.container);

    for (const unit of ["Sở A", "Sở B"]) {
      const sheet = double.workbook.sheet(unit);
      expect(sheet.protected).toBe(true);
      expect(sheet.cell("A2").value).toBe(`Đơn vị: ${unit}`);
      expect(sheet.cell("D6").formula).toBe("=SUM(D7,D8)");
      for (const [address, max] of [
        ["D7", 10],
        ["D8", 20],
      ] as const) {
        const cell = sheet.cell(address);
        expect(cell.locked).toBe(false);
        expect(cell.validation?.rule).toMatchObject({
          decimal: { formula1: "=0", formula2: `=${max}`, operator: "Between" },
        });
      }
      expect(sheet.cell("C7").locked).toBe(true);
    }
    expect(double.workbook.activeSheet).toBe("Sở A");
  });

  it("takes pasted units, replaces no sheet, and says which units it left alone", async () => {
    const { double } = await openForms();
    await makeForms();
    const before = double.workbook.sheet("Sở A").snapshot();
    fireEvent.change(screen.getByRole("textbox", { name: /Đơn vị, mỗi dòng một đơn vị/ }), {
      target: { value: "Sở A\n  Sở C  \n\nSở B" },
    });
    const made = await makeForms();
    expect(made.textContent).toMatch(/Đã tạo 1 phiếu tự chấm/);
    expect(made.textContent).toMatch(/Bỏ qua 2 đơn vị đã có trang chấm điểm \(không thay trang nào\)/);
    expect(made.textContent).toMatch(/Sở A \(trang “Sở A”\)/);
    expect(double.workbook.hasSheet("Sở C")).toBe(true);
    expect(double.workbook.sheet("Sở A").snapshot()).toEqual(before);
  });

  it("keeps a space between the sentences when every unit already has its sheet", async () => {
    await openForms();
    await makeForms();
    const again = await makeForms();
    // Two messages in one bar: "…trang chấm điểm.Bỏ qua…" ran them together.
    expect(again.textContent).toMatch(
      /^Không tạo phiếu mới: các đơn vị đều đã có trang chấm điểm\. Bỏ qua 2 đơn vị đã có trang chấm điểm/,
    );
  });

  it("explains what a criteria list is when the workbook has none", async () => {
    renderPane([UNITS_SHEET]);
    await screen.findByText("A1:C3");
    await goTo(/6\./);
    await screen.findByText(
      /Sổ làm việc chưa có danh mục tiêu chí. Hãy thêm một trang có các cột TT \| Nội dung tiêu chí \| Điểm tối đa/,
    );
    expect(screen.getByRole("button", { name: "Tạo phiếu" })).toHaveProperty("disabled", true);
  });

  it("says so when the units are left empty", async () => {
    await openForms();
    fireEvent.change(screen.getByRole("textbox", { name: /Đơn vị, mỗi dòng một đơn vị/ }), {
      target: { value: " \n" },
    });
    await user().click(screen.getByRole("button", { name: "Tạo phiếu" }));
    await screen.findByText("Chưa có đơn vị nào: hãy nhập tên các đơn vị, mỗi dòng một đơn vị.");
  });
});

describe("6. Forms: consolidate returned forms", () => {
  it("plans first, keeps unticked differing cells, overwrites ticked ones, adds new units, skips unreadable files", async () => {
    const { double, view } = await openForms();
    await makeForms();
    // The cluster head already typed two scores into the workbook's own copies of the forms
    // (a protected sheet takes typing in its open cells).
    double.workbook.setValues("Sở A", "D7", [[9]]);
    double.workbook.setValues("Sở B", "D8", [[15]]);
    const blank = formGrid(double, "Sở A");
    const a = await filledForm(blank, "Sở A", [10, 18], "phieu-so-a.xlsx");
    const b = await filledForm(blank, "Sở B", [8, 20], "Phiếu Sở B.xlsx");
    // A unit the workbook has no sheet for: its form becomes a new sheet.
    const c = await filledForm(blank, "Sở C", [7, 17], "so-c.xlsx");
    const csv = new File(["STT,Đơn vị,Điểm\n1,Sở D,90\n"], "diem-so-d.csv", { type: "text/csv" });
    const untouched = double.workbook.snapshot();

    const plan = await upload([a, b, c, csv]);
    // Nothing is written before the user presses the button.
    expect(double.workbook.snapshot()).toEqual(untouched);
    expect(screen.getByTestId("forms-unreadable").textContent).toMatch(
      /Bỏ qua 1 tệp không đọc được:.*Tệp "diem-so-d.csv" là tệp văn bản \(CSV\/TXT\), không phải sổ làm việc .xlsx/,
    );
    expect(within(plan).getByText("Phiếu hợp lệ (3)")).toBeTruthy();
    expect(within(plan).getByText("Sở A; Sở B; Sở C")).toBeTruthy();
    expect(within(plan).getByText("Trang sẽ thêm (1)")).toBeTruthy();
    // 'Sở A'!D8 and 'Sở B'!D7 are empty: filled. D7 of Sở A and D8 of Sở B differ: asked.
    expect(screen.getByTestId("forms-plan-fill").textContent).toBe("2");
    const rows = within(screen.getByTestId("forms-conflicts")).getAllByRole("row").slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole("cell")
          .map((td) => td.textContent),
      ),
    ).toEqual([
      ["", "'Sở A'!D7", "9", "10"],
      ["", "'Sở B'!D8", "15", "20"],
    ]);
    const tickA = screen.getByRole("checkbox", { name: "Ghi đè ô 'Sở A'!D7" });
    const tickB = screen.getByRole("checkbox", { name: "Ghi đè ô 'Sở B'!D8" });
    expect([tickA, tickB].map((x) => (x as HTMLInputElement).checked)).toEqual([false, false]);
    await noAxeViolations(view.container);

    // A differing cell's address selects it in the workbook.
    await user().click(screen.getByRole("button", { name: "Chuyển tới ô 'Sở B'!D8" }));
    await waitFor(() => expect(double.workbook.selection).toBe("'Sở B'!D8"));

    await user().click(tickA);
    await user().click(screen.getByRole("button", { name: "Ghi vào sổ tổng hợp" }));
    const done = await screen.findByTestId("forms-applied");
    expect(done.textContent).toBe(
      "Đã tổng hợp 3 phiếu: thêm 1 trang, điền 3 ô. Giữ nguyên 1 ô đang có giá trị khác.",
    );
    expect(screen.queryByTestId("forms-plan")).toBeNull();
    expect(SCORES.map((x) => double.workbook.sheet("Sở A").cell(x).value)).toEqual([10, 18]);
    expect(SCORES.map((x) => double.workbook.sheet("Sở B").cell(x).value)).toEqual([8, 15]);
    expect(SCORES.map((x) => double.workbook.sheet("Sở C").cell(x).value)).toEqual([7, 17]);
  });

  it("says the files could not be read, and why for each, when none of them could (never 'nothing new')", async () => {
    await openForms();
    const csv = new File(["STT,Đơn vị,Điểm\n1,Sở D,90\n"], "diem-so-d.csv", { type: "text/csv" });
    const fake = new File(["not a zip"], "phieu-so-e.xlsx");
    await userEvent.setup({ applyAccept: false }).upload(picker(), [csv, fake]);
    const bar = await screen.findByTestId("forms-unreadable");
    expect(bar.textContent).toMatch(
      /^Không đọc được tệp nào trong 2 tệp đã chọn, nên chưa có gì để tổng hợp:/,
    );
    const reasons = within(bar)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toMatch(/"diem-so-d.csv" là tệp văn bản/);
    expect(reasons[1]).toMatch(/"phieu-so-e.xlsx"/);
    expect(screen.queryByText(/Không có gì mới/)).toBeNull();
    expect(screen.queryByTestId("forms-plan")).toBeNull();
  });

  it("says no form could be used, not 'nothing new', when the files hold no form", async () => {
    await openForms();
    const path = tmpPath("ghi-chu.xlsx");
    await writeGridsXlsx(path, [{ name: "Ghi chú", rows: [["Biên bản họp"], ["Nội dung"]] }]);
    const notes = new File([readFileSync(path)], "ghi-chu.xlsx");
    const plan = await upload([notes]);
    expect(within(plan).getByTestId("issues-error").textContent).toMatch(
      /Tệp "ghi-chu.xlsx" không có phiếu tự chấm/,
    );
    expect(within(plan).getByText(/^Không có phiếu nào dùng được, nên chưa có gì để ghi/)).toBeTruthy();
    expect(within(plan).queryByText(/Không có gì mới/)).toBeNull();
  });

  it("shows a form with another criteria list as an issue and leaves it out", async () => {
    const { double } = await openForms();
    await makeForms();
    // A form made from last year's list: criterion 2 was worth 25.
    const old = formGrid(double, "Sở A");
    const row = old[7];
    if (row) row[2] = 25;
    const wrong = await filledForm(old, "Sở A", [10, 18], "so-a-mau-cu.xlsx");
    const plan = await upload([wrong]);
    expect(within(plan).getByTestId("issues-error").textContent).toMatch(
      /Phiếu của "Sở A" \(so-a-mau-cu.xlsx\) có danh mục tiêu chí khác với của Cụm \(I.2: 20 ≠ 25\)/,
    );
    // The issue is about a sheet of the file, not of the workbook: nothing to select.
    expect(within(plan).queryByRole("button", { name: /Chuyển tới ô/ })).toBeNull();
    expect(screen.getByRole("button", { name: "Ghi vào sổ tổng hợp" })).toHaveProperty("disabled", true);
    await user().click(screen.getByRole("button", { name: "Hủy" }));
    expect(screen.queryByTestId("forms-plan")).toBeNull();
  });
});

describe("1. Table: a detailed scoring sheet's layout", () => {
  const unitSheet: SeedSheet = {
    name: "Sở A",
    values: [
      ["Đơn vị: Sở A", "", "", "", ""],
      ["TT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định"],
      ["I", "Nhiệm vụ", 100, "", ""],
      ["1", "Tiêu chí 1", 50, 50, 45],
      ["2", "Tiêu chí 2", 50, 48, 48],
    ],
  };

  it("says what EMU detected; the user's override reaches validate, compute and the notice", async () => {
    const seen: string[] = [];
    const real = excelAdapter();
    const spy =
      <K extends "validate" | "compute" | "generateNotice">(name: K) =>
      (req: Parameters<Adapter[K]>[0]) => {
        seen.push(`${name}:${req.criteriaLayout ?? "auto"}`);
        return (real[name] as (r: typeof req) => ReturnType<Adapter[K]>)(req);
      };
    const { view } = renderPane([unitSheet], {
      override: { validate: spy("validate"), compute: spy("compute"), generateNotice: spy("generateNotice") },
    });
    await screen.findByTestId("criteria-detected");
    expect(screen.getByTestId("criteria-detected").textContent).toBe(
      "Bảng chấm chi tiết: 3 tiêu chí, 1 đơn vị, mỗi trang một đơn vị.",
    );
    expect(screen.queryByText(/Chưa tìm thấy bảng điểm/)).toBeNull();
    const layout = screen.getByRole("combobox", { name: "Kiểu bảng chấm" });
    expect(layout).toHaveProperty("value", "");
    expect(
      within(layout)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Tự động (mỗi trang một đơn vị)", "Mỗi trang một đơn vị", "Nhiều đơn vị cạnh nhau"]);
    await noAxeViolations(view.container);

    await goTo(/3\./);
    await user().click(screen.getByRole("button", { name: "Kiểm tra bảng điểm" }));
    await waitFor(() => expect(seen).toEqual(["validate:auto"]));

    await goTo(/1\./);
    fireEvent.change(screen.getByRole("combobox", { name: "Kiểu bảng chấm" }), {
      target: { value: "multi" },
    });
    await goTo(/3\./);
    await user().click(screen.getByRole("button", { name: "Kiểm tra lại" }));
    await goTo(/4\./);
    await user().click(screen.getByRole("button", { name: "Xếp hạng và ghi kết quả" }));
    await waitFor(() => expect(seen).toHaveLength(3));
    await goTo(/5\./);
    await user().click(screen.getByRole("button", { name: "Tạo thông báo" }));
    // The template's placeholders are still there: the user makes a draft knowingly (issue 10).
    await user().click(
      within(await screen.findByRole("alertdialog", { hidden: true })).getByRole("button", {
        name: "Tạo bản nháp",
        hidden: true,
      }),
    );
    await waitFor(() =>
      expect(seen).toEqual(["validate:auto", "validate:multi", "compute:multi", "generateNotice:multi"]),
    );
  });
});
