/** @jest-environment jsdom */
import "./jsdom-polyfills";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MARKS_SHEET_NAME, NOTICE_FIELDS_SHEET_NAME, RULES_SHEET_NAME, parseMarks } from "../../src/core";
import { HostError } from "../../src/excel/host";
import { MESSY_SHEET, SEED_000_SHEET, noAxeViolations, renderPane } from "./helpers";

jest.setTimeout(120_000);
const user = () => userEvent.setup();
const goTo = async (name: RegExp) => {
  await user().click(screen.getByRole("tab", { name }));
};
const loaded = () => screen.findByText("A1:E10");

describe("1. Table", () => {
  it("shows the sheet, range, header row and the detected columns", async () => {
    const { view } = renderPane();
    await loaded();
    expect(screen.getByRole("combobox", { name: "Trang tính" })).toHaveProperty("value", "Tổng hợp điểm");
    await waitFor(() =>
      expect(screen.getByRole("combobox", { name: "Đơn vị" })).toHaveProperty("value", "B"),
    );
    expect(screen.getByRole("combobox", { name: "Điểm chấm thẩm định" })).toHaveProperty("value", "D");
    expect(screen.getByText("EMU tự nhận các cột.")).toBeTruthy();
    await noAxeViolations(view.container);
  });

  it("corrects a column from the current selection and remembers the mapping in the workbook", async () => {
    const { double } = renderPane();
    await loaded();
    double.workbook.select("'Tổng hợp điểm'!C5");
    await user().click(
      screen.getByRole("button", { name: "Dùng cột của ô đang chọn cho “Điểm chấm thẩm định”" }),
    );
    // C is the self-score's column: EMU asks before taking it away (issue 10).
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    expect(dialog.textContent).toMatch(/Cột C đang là cột “Điểm tự chấm”/);
    await user().click(
      within(dialog).getByRole("button", { name: "Dùng cho “Điểm chấm thẩm định”", hidden: true }),
    );
    await waitFor(() =>
      expect(screen.getByRole("combobox", { name: "Điểm chấm thẩm định" })).toHaveProperty("value", "C"),
    );
    // C was the self-score's column: one column plays one role, and its field says so.
    expect(screen.getByRole("combobox", { name: "Điểm tự chấm" })).toHaveProperty("value", "");
    expect(screen.getByText(/Cột C đã chuyển sang “Điểm chấm thẩm định”/)).toBeTruthy();
    fireEvent.change(screen.getByRole("combobox", { name: "Điểm tự chấm" }), { target: { value: "D" } });
    await user().click(screen.getByRole("button", { name: "Lưu cách đọc cột" }));
    await screen.findByText(/Đã lưu cách đọc cột/);
    const marks = parseMarks(double.workbook.sheet(MARKS_SHEET_NAME).values());
    expect(marks.mapping).toMatchObject({
      sheet: "Tổng hợp điểm",
      headerRow: 3,
      columns: { unit: "B", self: "D", verified: "C" },
    });
    expect(screen.getByText("Đang dùng cách đọc cột đã lưu.")).toBeTruthy();
  });

  it("says plainly when no table is found", async () => {
    renderPane([{ name: "Ghi chép", values: [["chỉ có chữ"]] }]);
    await screen.findByText(/Chưa tìm thấy bảng điểm/);
  });
});

describe("2. Rules", () => {
  it("shows the 1000-point preset as an example, saves edits to the rules sheet", async () => {
    const { double, view } = renderPane();
    await loaded();
    await goTo(/2\./);
    expect(screen.getByText(/chỉ là ví dụ, không phải quy định của pháp luật/)).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: "Từ điểm 1" }), { target: { value: "950" } });
    expect(screen.getByText(/chưa được lưu/)).toBeTruthy();
    await noAxeViolations(view.container);
    await user().click(screen.getByRole("button", { name: "Lưu quy tắc vào sổ làm việc" }));
    await screen.findByText("Đã lưu quy tắc vào trang “Quy tắc xếp loại”.");
    const grid = double.workbook.sheet(RULES_SHEET_NAME).values();
    expect(grid.some((r) => r[0] === 950 && r[1] === "Xuất sắc")).toBe(true);
    expect(screen.getByText("Đang dùng quy tắc trong sổ làm việc.")).toBeTruthy();
  });

  it("switches to the NĐ 335 preset and refuses invalid rules with the engine's message", async () => {
    renderPane();
    await loaded();
    await goTo(/2\./);
    fireEvent.change(screen.getByRole("combobox", { name: "Mẫu quy tắc" }), {
      target: { value: "nd335-100" },
    });
    expect(screen.getByRole("textbox", { name: "Xếp loại 1" })).toHaveProperty(
      "value",
      "Hoàn thành xuất sắc nhiệm vụ",
    );
    expect(screen.queryByText(/chỉ là ví dụ/)).toBeNull();
    fireEvent.change(screen.getByRole("textbox", { name: "Từ điểm 2" }), { target: { value: "90" } });
    await user().click(screen.getByRole("button", { name: "Lưu quy tắc vào sổ làm việc" }));
    // On the field itself, in the user's words (issue 10), never the schema's text.
    await screen.findByText("Mức 2 – Từ điểm trùng với một mức khác.");
    expect(screen.getByRole("textbox", { name: "Từ điểm 2" }).getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByText(/duplicate minimum/)).toBeNull();
  });

  it("reloads the rules when the rules sheet is edited by hand", async () => {
    const listeners: (() => void)[] = [];
    const { double } = renderPane([SEED_000_SHEET], {
      override: {
        onWorkbookChanged: (l) => {
          listeners.push(l);
          return () => undefined;
        },
      },
    });
    await loaded();
    await goTo(/2\./);
    await user().click(screen.getByRole("button", { name: "Lưu quy tắc vào sổ làm việc" }));
    await screen.findByText(/Đã lưu quy tắc/);
    double.workbook.setValues(RULES_SHEET_NAME, "A11", [[880]]);
    act(() => listeners.forEach((l) => l()));
    await screen.findByText("Trang quy tắc vừa được sửa: đã đọc lại.", {}, { timeout: 3000 });
    expect(screen.getByRole("textbox", { name: "Từ điểm 1" })).toHaveProperty("value", "880");
  });
});

describe("3. Check", () => {
  it("lists issues by severity with their cells; a click selects the cell; re-checking after a fix updates", async () => {
    const { double, view } = renderPane([MESSY_SHEET]);
    await screen.findByText("A1:C4");
    await goTo(/3\./);
    expect(screen.getByText("Chưa kiểm tra.")).toBeTruthy();
    await user().click(screen.getByRole("button", { name: "Kiểm tra bảng điểm" }));
    await screen.findByText("Lỗi (2)");
    expect(screen.getByText(/"chín trăm" không phải là số/)).toBeTruthy();
    expect(screen.getByText(/Điểm 1100 vượt điểm tối đa 1000/)).toBeTruthy();
    await noAxeViolations(view.container);
    // The whole row is the button, named with its cell and its message (issue 10).
    await user().click(
      screen.getByRole("button", { name: /^Chuyển tới ô 'Bảng điểm'!B3: "chín trăm" không phải là số/ }),
    );
    await waitFor(() => expect(double.workbook.selection).toBe("'Bảng điểm'!B3"));
    double.workbook.setValues("Bảng điểm", "B3", [[900]]);
    await user().click(screen.getByRole("button", { name: "Kiểm tra lại" }));
    await screen.findByText("Lỗi (1)");
    expect(screen.queryByText(/chín trăm/)).toBeNull();
  });
});

describe("4. Results", () => {
  it("previews the ranking with ties, awards and the chart, then writes the results sheet", async () => {
    const { double, view } = renderPane();
    await loaded();
    await goTo(/4\./);
    expect(screen.getByText(/Chưa có xếp hạng/)).toBeTruthy();
    await user().click(screen.getByRole("button", { name: "Xem trước xếp hạng" }));
    const table = await screen.findByTestId("ranking-table");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^1Sở TT&TT Điện BiênXuất sắc · Cờ thi đua9859850 ?1$/),
      expect.stringMatching(/^2Sở TT&TT Cao Bằng/),
      expect.stringMatching(/^3Sở TT&TT Lạng SơnXuất sắc · Bằng khen995965-303đồng hạng$/),
      expect.stringMatching(/^4Sở TT&TT Lào Cai.*3đồng hạng$/),
      expect.stringMatching(/^5Sở TT&TT Lai Châu/),
      expect.stringMatching(/^6Sở TT&TT Hà Giang.*6đồng hạng$/),
      expect.stringMatching(/^7Sở TT&TT Sơn La.*6đồng hạng$/),
    ]);
    expect(screen.getByRole("img", { name: /Điểm tự chấm và điểm thẩm định/ })).toBeTruthy();
    expect(double.workbook.hasSheet("Kết quả xếp hạng")).toBe(false);
    await noAxeViolations(view.container);
    await user().click(screen.getByRole("button", { name: "Xếp hạng và ghi kết quả" }));
    await screen.findByText("Đã ghi trang “Kết quả xếp hạng”.");
    expect(double.workbook.hasSheet("Kết quả xếp hạng")).toBe(true);
  });

  it("marks a tie across an award's quota as needing deliberation", async () => {
    renderPane([
      {
        name: "Bảng",
        values: [
          ["Đơn vị", "Tự chấm", "Thẩm định"],
          ["Sở A", 990, 990],
          ["Sở B", 950, 950],
          ["Sở C", 950, 950],
        ],
      },
    ]);
    await screen.findByText("A1:C4");
    await goTo(/4\./);
    await user().click(screen.getByRole("button", { name: "Xem trước xếp hạng" }));
    const table = await screen.findByTestId("ranking-table");
    expect(within(table).getAllByText("cần bình xét").length).toBeGreaterThan(0);
  });

  it("runs once when clicked twice, and shows a host failure in a MessageBar", async () => {
    let calls = 0;
    let release: () => void = () => undefined;
    renderPane([SEED_000_SHEET], {
      override: {
        compute: () => {
          calls++;
          return new Promise((_, reject) => {
            release = () => reject(new HostError("cell-edit", "InvalidOperationInCellEditMode", "edit"));
          });
        },
      },
    });
    await loaded();
    await goTo(/4\./);
    const button = screen.getByRole("button", { name: "Xếp hạng và ghi kết quả" });
    fireEvent.click(button);
    fireEvent.click(button);
    await screen.findByText(/Đang xử lý/);
    expect(calls).toBe(1);
    expect((button as HTMLButtonElement).disabled).toBe(true);
    await act(async () => release());
    const bar = await screen.findByTestId("pane-error");
    expect(bar.textContent).toMatch(/Excel đang ở chế độ sửa ô/);
    await user().click(within(bar).getByRole("button", { name: "Đóng" }));
    expect(screen.queryByTestId("pane-error")).toBeNull();
  });

  it("says nothing was written when the table has errors", async () => {
    renderPane([MESSY_SHEET]);
    await screen.findByText("A1:C4");
    await goTo(/4\./);
    await user().click(screen.getByRole("button", { name: "Xếp hạng và ghi kết quả" }));
    expect((await screen.findAllByText(/Bảng điểm còn lỗi nên chưa ghi gì/)).length).toBeGreaterThan(0);
  });
});

describe("5. Notice", () => {
  it("prefills the form, remembers it in the workbook and generates the notice sheet, selected", async () => {
    const { double, view } = renderPane();
    await loaded();
    await goTo(/5\./);
    expect(screen.getByText(/đang dùng mẫu/)).toBeTruthy();
    await user().click(screen.getByRole("button", { name: "Điền mẫu Cụm thi đua số 2 (2022)" }));
    expect(screen.getByRole("textbox", { name: "Người ký" })).toHaveProperty("value", "Vũ Hùng Dũng");
    await noAxeViolations(view.container);
    await user().click(screen.getByRole("button", { name: "Tạo thông báo" }));
    await screen.findByText(/Đã tạo trang “Thông báo kết quả”/);
    expect(double.workbook.activeSheet).toBe("Thông báo kết quả");
    expect(double.workbook.selection).toBe("'Thông báo kết quả'!A1");
    const fields = double.workbook.sheet(NOTICE_FIELDS_SHEET_NAME).values();
    expect(fields.some((r) => r.includes("Vũ Hùng Dũng"))).toBe(true);
    const notice = double.workbook.sheet("Thông báo kết quả").values().flat();
    expect(notice).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  });

  it("refuses to make a notice from a table with errors, and says why", async () => {
    renderPane([MESSY_SHEET]);
    await screen.findByText("A1:C4");
    await goTo(/5\./);
    await user().click(screen.getByRole("button", { name: "Tạo thông báo" }));
    // The template's placeholders are still there: the user makes a draft knowingly (issue 10).
    await user().click(
      within(await screen.findByRole("alertdialog", { hidden: true })).getByRole("button", {
        name: "Tạo bản nháp",
        hidden: true,
      }),
    );
    await screen.findByText(/Bảng điểm còn lỗi nên chưa tạo thông báo/);
  });

  it("shows a failed save as a message", async () => {
    renderPane([SEED_000_SHEET], {
      override: {
        saveNoticeFields: () => Promise.reject(new HostError("busy", "ActivityLimitReached", "busy")),
      },
    });
    await loaded();
    await goTo(/5\./);
    await user().click(screen.getByRole("button", { name: "Lưu thông tin" }));
    expect((await screen.findByTestId("pane-error")).textContent).toMatch(/Excel đang bận/);
  });
});

describe("language and keyboard", () => {
  it("speaks English when Office does", async () => {
    renderPane([SEED_000_SHEET], { lang: "en" });
    await loaded();
    expect(screen.getByRole("tab", { name: "3. Check" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Unit" })).toBeTruthy();
  });

  it("moves between the steps' tabs with the arrow keys, one tab in the Tab order (StepTabs.tsx)", async () => {
    renderPane();
    await loaded();
    const u = user();
    const tabs = screen.getAllByRole("tab");
    expect(tabs).toHaveLength(7);
    const stops = () => tabs.filter((t) => t.tabIndex === 0).map((t) => t.textContent);
    // Before any arrow: only the selected tab is in the Tab order.
    expect(stops()).toEqual([tabs[0]!.textContent]);
    expect(screen.getByRole("tablist").getAttribute("aria-orientation")).toBe("horizontal");
    act(() => tabs[0]!.focus());
    await u.keyboard("{ArrowRight}{ArrowRight}");
    expect(document.activeElement).toBe(tabs[2]);
    // Focus moved, selection did not; the focused tab is the Tab stop now.
    expect(tabs[0]!.getAttribute("aria-selected")).toBe("true");
    expect(tabs[2]!.getAttribute("aria-selected")).toBe("false");
    expect(stops()).toEqual([tabs[2]!.textContent]);
    await u.keyboard("{End}");
    expect(document.activeElement).toBe(tabs[6]);
    await u.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(tabs[0]);
    await u.keyboard("{ArrowLeft}");
    expect(document.activeElement).toBe(tabs[6]);
    await u.keyboard("{Home}{ArrowRight}{ArrowRight} ");
    expect(tabs[2]!.getAttribute("aria-selected")).toBe("true");
    // Tab leaves the list for the step's content; Shift+Tab comes back to the selected tab.
    await u.keyboard("{ArrowLeft}");
    expect(document.activeElement).toBe(tabs[1]);
    await u.tab();
    expect(document.activeElement?.textContent).toBe("Kiểm tra bảng điểm");
    expect(stops()).toEqual([tabs[2]!.textContent]);
    await u.tab({ shift: true });
    expect(document.activeElement).toBe(tabs[2]);
  });

  it("reaches every step and its main action by keyboard", async () => {
    renderPane();
    await loaded();
    const u = user();
    // A focused tab opens with Enter, and Tab reaches the step's action (the arrow keys: below).
    act(() => screen.getByRole("tab", { name: /3\./ }).focus());
    await u.keyboard("{Enter}");
    expect(screen.getByRole("tab", { name: /3\./ }).getAttribute("aria-selected")).toBe("true");
    const check = screen.getByRole("button", { name: "Kiểm tra bảng điểm" });
    expect(check.tabIndex).toBe(0);
    act(() => check.focus());
    await u.keyboard("{Enter}");
    await screen.findByText(/Bảng điểm hợp lệ|Không có lỗi/);
  });
});
