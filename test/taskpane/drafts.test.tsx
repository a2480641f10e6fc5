/** @jest-environment jsdom */
import "./jsdom-polyfills";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SEED_000_SHEET, renderPane } from "./helpers";

/**
 * Issue 10, "nothing the user typed is lost": drafts survive tab switches and are marked on
 * their tab; discarding them asks first; an EMU sheet edited by hand is never replaced silently.
 */
jest.setTimeout(120_000);
const user = () => userEvent.setup();
const goTo = async (name: RegExp) => {
  await user().click(screen.getByRole("tab", { name }));
};
const loaded = () => screen.findByText("A1:E10");
/** The answer button of the open question (tabster marks the surface aria-hidden in jsdom). */
const answer = async (name: string) => {
  const dialog = await screen.findByRole("alertdialog", { hidden: true });
  await user().click(within(dialog).getByRole("button", { name, hidden: true }));
};

describe("drafts across tabs", () => {
  it("keeps Rules, Notice and Table edits when the user switches tabs, and marks their tabs", async () => {
    renderPane();
    await loaded();
    // Table: a column choice, not saved.
    await waitFor(() =>
      expect(screen.getByRole("combobox", { name: "Xếp loại" })).toHaveProperty("value", "E"),
    );
    fireEvent.change(screen.getByRole("combobox", { name: "Ghi chú" }), { target: { value: "E" } });
    await answer("Dùng cho “Ghi chú”"); // E is the classification's column: EMU asks first
    await goTo(/2\./);
    fireEvent.change(screen.getByRole("textbox", { name: "Từ điểm 1" }), { target: { value: "950" } });
    await goTo(/5\./);
    fireEvent.change(screen.getByRole("textbox", { name: "Số" }), { target: { value: "123" } });
    await goTo(/3\./);

    expect(screen.getByRole("tab", { name: /1\. Bảng điểm.*chưa lưu/ })).toBeTruthy();
    expect(screen.getByRole("tab", { name: /2\. Quy tắc.*chưa lưu/ })).toBeTruthy();
    expect(screen.getByRole("tab", { name: /5\. Thông báo.*chưa lưu/ })).toBeTruthy();
    expect(screen.getByRole("tab", { name: /3\. Kiểm tra/ }).textContent).not.toMatch(/●/);

    await goTo(/2\./);
    expect(screen.getByRole("textbox", { name: "Từ điểm 1" })).toHaveProperty("value", "950");
    await goTo(/5\./);
    expect(screen.getByRole("textbox", { name: "Số" })).toHaveProperty("value", "123");
    await goTo(/1\./);
    expect(screen.getByRole("combobox", { name: "Ghi chú" })).toHaveProperty("value", "E");
  });

  it("a re-read of the sheet (the pane regaining focus) keeps an unsaved column choice", async () => {
    renderPane();
    await loaded();
    await waitFor(() =>
      expect(screen.getByRole("combobox", { name: "Xếp loại" })).toHaveProperty("value", "E"),
    );
    fireEvent.change(screen.getByRole("combobox", { name: "Ghi chú" }), { target: { value: "E" } });
    await answer("Dùng cho “Ghi chú”");
    fireEvent.focus(window);
    await new Promise((r) => setTimeout(r, 700));
    await screen.findByText("A1:E10");
    expect(screen.getByRole("combobox", { name: "Ghi chú" })).toHaveProperty("value", "E");
  });

  it("asks before discarding rule edits; Cancel keeps them, Discard reads the workbook again", async () => {
    renderPane();
    await loaded();
    await goTo(/2\./);
    fireEvent.change(screen.getByRole("textbox", { name: "Từ điểm 1" }), { target: { value: "950" } });
    await user().click(screen.getByRole("button", { name: "Đọc lại từ trang quy tắc" }));
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    expect(dialog.textContent).toMatch(/Bỏ các thay đổi chưa lưu\?/);
    await answer("Hủy");
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
    expect(screen.getByRole("textbox", { name: "Từ điểm 1" })).toHaveProperty("value", "950");

    await user().click(screen.getByRole("button", { name: "Đọc lại từ trang quy tắc" }));
    await answer("Bỏ thay đổi");
    await waitFor(() =>
      expect(screen.getByRole("textbox", { name: "Từ điểm 1" })).toHaveProperty("value", "900"),
    );
    expect(screen.getByRole("tab", { name: /2\. Quy tắc/ }).textContent).not.toMatch(/●/);
  });
});

describe("the overwrite question", () => {
  it("asks before replacing a results sheet edited by hand: keep, keep a copy, replace", async () => {
    const { double } = renderPane([SEED_000_SHEET]);
    await loaded();
    await goTo(/4\./);
    const compute = () => user().click(screen.getByRole("button", { name: "Xếp hạng và ghi kết quả" }));
    await compute();
    await screen.findByText("Đã ghi trang “Kết quả xếp hạng”.");
    const note = "Ghi chú: Hội đồng họp ngày 15/12";
    double.workbook.setValues("Kết quả xếp hạng", "B30", [[note]]);

    await compute();
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    expect(dialog.textContent).toMatch(/“Kết quả xếp hạng” đã được sửa tay/);
    await answer("Giữ trang đã sửa, không ghi");
    await screen.findByTestId("results-kept");
    expect(double.workbook.sheet("Kết quả xếp hạng").cell("B30").value).toBe(note);

    await compute();
    await answer("Giữ một bản sao rồi ghi");
    await screen.findByText("Đã ghi trang “Kết quả xếp hạng”.");
    expect(double.workbook.sheet("Kết quả xếp hạng (đã sửa)").cell("B30").value).toBe(note);
    expect(double.workbook.sheet("Kết quả xếp hạng").cell("B30").value ?? "").toBe("");
  });
});

describe("field-level rule errors", () => {
  it("shows each problem on its field, 1-based, and refuses to save", async () => {
    const { double } = renderPane();
    await loaded();
    await goTo(/2\./);
    fireEvent.change(screen.getByRole("textbox", { name: "Từ điểm 2" }), { target: { value: "tám trăm" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Xếp loại 1" }), {
      target: { value: "Hoàn thành xuất sắc" },
    });
    fireEvent.change(screen.getByRole("textbox", { name: "Thang điểm (điểm tối đa)" }), {
      target: { value: "100" },
    });
    await user().click(screen.getByRole("button", { name: "Lưu quy tắc vào sổ làm việc" }));
    await screen.findByText("Mức 2 – Từ điểm phải là một số.");
    expect(screen.getByRole("textbox", { name: "Từ điểm 2" }).getAttribute("aria-invalid")).toBe("true");
    expect(
      screen.getByText("Mức 1 – Từ điểm 900 cao hơn điểm tối đa 100: không đơn vị nào đạt được."),
    ).toBeTruthy();
    expect(
      screen.getAllByText("Danh hiệu 1 – Xếp loại tối thiểu “Xuất sắc” không còn trong các mức xếp loại.")
        .length,
    ).toBeGreaterThan(0);
    expect(screen.getByTestId("rules-refused").textContent).toMatch(/Chưa lưu: còn 6 chỗ cần sửa/);
    expect(double.workbook.hasSheet("Quy tắc xếp loại")).toBe(false);

    // Fixing a field clears its message as the user types.
    fireEvent.change(screen.getByRole("textbox", { name: "Từ điểm 2" }), { target: { value: "80" } });
    await waitFor(() => expect(screen.queryByText("Mức 2 – Từ điểm phải là một số.")).toBeNull());
  });

  it("says so when every band was removed", async () => {
    renderPane();
    await loaded();
    await goTo(/2\./);
    for (const label of ["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"])
      await user().click(screen.getByRole("button", { name: new RegExp(`Xóa.*${label}`) }));
    await user().click(screen.getByRole("button", { name: "Lưu quy tắc vào sổ làm việc" }));
    expect((await screen.findByTestId("rules-no-bands")).textContent).toBe("Cần ít nhất một mức xếp loại.");
  });
});

describe("a notice with unfilled fields", () => {
  it("is not 'ready to print': lists what is missing and makes a draft only when asked", async () => {
    const { double } = renderPane([SEED_000_SHEET]);
    await loaded();
    await goTo(/5\./);
    // No notice fields in this workbook: the template's placeholders.
    const gaps = await screen.findByTestId("notice-gaps");
    expect(gaps.textContent).toBe(
      "Chưa sẵn sàng in: còn thiếu Cơ quan chủ quản, Cơ quan ban hành, Địa danh, Người ký.",
    );
    await user().click(screen.getByRole("button", { name: "Tạo thông báo" }));
    await answer("Hủy");
    expect(double.workbook.hasSheet("Thông báo kết quả")).toBe(false);
    await user().click(screen.getByRole("button", { name: "Tạo thông báo" }));
    await answer("Tạo bản nháp");
    await screen.findByText(/Đã tạo trang “Thông báo kết quả”/);
  });
});

describe("a 100-point table under the 1000-point default", () => {
  it("is shown in Kiểm tra and Quy tắc, with the preset that fits; nothing is written", async () => {
    const { double } = renderPane([
      {
        name: "Bảng điểm",
        values: [
          ["STT", "Đơn vị", "Điểm tự chấm", "Điểm thẩm định"],
          [1, "Sở A", 92, 91.5],
          [2, "Sở B", 85, 84],
          [3, "Sở C", 78, 78],
        ],
      },
    ]);
    await screen.findByText("A1:D4");
    await goTo(/3\./);
    await user().click(screen.getByRole("button", { name: "Kiểm tra bảng điểm" }));
    await screen.findByText(/không hợp với thang 1\.000 điểm|không hợp với thang 1000 điểm/);
    await goTo(/2\./);
    const banner = await screen.findByTestId("scale-mismatch");
    expect(banner.textContent).toMatch(/nd335-100/);
    await user().click(within(banner).getByRole("button", { name: /Dùng mẫu/ }));
    expect(screen.getByRole("textbox", { name: "Thang điểm (điểm tối đa)" })).toHaveProperty("value", "100");
    expect(double.workbook.sheetNames().some((n) => n.startsWith("Kết quả"))).toBe(false);
  });
});
