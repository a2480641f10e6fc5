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
    fireEvent.change(screen.getByRole("combobox", { name: "Ghi chú" }), { target: { value: "E" } });
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
    fireEvent.change(screen.getByRole("combobox", { name: "Ghi chú" }), { target: { value: "E" } });
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
