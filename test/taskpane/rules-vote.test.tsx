/** @jest-environment jsdom */
import "./jsdom-polyfills";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { parseRulesSheet, RULES_SHEET_NAME } from "../../src/core";
import { renderPane } from "./helpers";

/**
 * Issue 12, the vote rule in step 2: share (a number or an exact fraction), more-than / at-least,
 * the base; the votes needed shown beside the rule; field errors in the user's words; saved to
 * the rules sheet and read back from it.
 */
jest.setTimeout(180_000);
const user = () => userEvent.setup();
const loaded = () => screen.findByText("A1:E10");

it("shows, edits and saves the vote rule, with the votes needed and the quy chế note", async () => {
  const { double } = renderPane();
  await loaded();
  await user().click(screen.getByRole("tab", { name: /2\./ }));

  // The default: more than half of all members; the quy chế decides, nothing legal is built in.
  const share = screen.getByRole("textbox", { name: /Tỷ lệ/ });
  expect(share).toHaveProperty("value", "0,5");
  expect(screen.getByTestId("vote-note").textContent).toMatch(/quy chế của Cụm quyết định/);
  expect(screen.getByTestId("vote-note").textContent).toMatch(/không cài sẵn ngưỡng nào theo luật/);
  const count = screen.getByRole("textbox", { name: /Tổng số thành viên: bao nhiêu/ });
  fireEvent.change(count, { target: { value: "9" } });
  // 9 members, more than 1/2: 4,5 is not enough, 5 is (worked out by hand).
  expect(screen.getByTestId("vote-rule").textContent).toBe(
    "Quá bán (trên 1/2 tổng số thành viên): cần ít nhất 5/9 phiếu",
  );

  // 2/3, at least, of 9 members: exactly 6 (no floating-point surprise).
  fireEvent.change(share, { target: { value: "2/3" } });
  fireEvent.change(screen.getByRole("combobox", { name: "So sánh" }), { target: { value: "atLeast" } });
  expect(screen.getByTestId("vote-rule").textContent).toBe(
    "Từ 2/3 tổng số thành viên trở lên: cần ít nhất 6/9 phiếu",
  );
  // Of the members present, 7 present: 2/3 of 7 = 4,67 → at least 5.
  fireEvent.change(screen.getByRole("combobox", { name: "Tính trên" }), { target: { value: "present" } });
  fireEvent.change(screen.getByRole("textbox", { name: /Số thành viên có mặt: bao nhiêu/ }), {
    target: { value: "7" },
  });
  expect(screen.getByTestId("vote-rule").textContent).toBe(
    "Từ 2/3 số thành viên có mặt trở lên: cần ít nhất 5/7 phiếu",
  );

  // A share out of range: the message on the field, in Vietnamese; nothing is written.
  fireEvent.change(share, { target: { value: "3/2" } });
  expect(screen.queryByTestId("vote-rule")).toBeNull();
  await user().click(screen.getByRole("button", { name: "Lưu quy tắc vào sổ làm việc" }));
  await screen.findByText("Biểu quyết – Tỷ lệ phải là số trong (0, 1] hoặc phân số như 2/3.");
  expect(share.getAttribute("aria-invalid")).toBe("true");
  expect(double.workbook.hasSheet(RULES_SHEET_NAME)).toBe(false);
  fireEvent.change(share, { target: { value: "1,5" } });
  await screen.findByText("Biểu quyết – Tỷ lệ phải là số trong (0, 1] hoặc phân số như 2/3.");

  // Fixed: saved to the rules sheet, and the sheet reads back as the same rule.
  fireEvent.change(share, { target: { value: "2/3" } });
  await waitFor(() =>
    expect(screen.queryByText("Biểu quyết – Tỷ lệ phải là số trong (0, 1] hoặc phân số như 2/3.")).toBeNull(),
  );
  await user().click(screen.getByRole("button", { name: "Lưu quy tắc vào sổ làm việc" }));
  await screen.findByText("Đã lưu quy tắc vào trang “Quy tắc xếp loại”.");
  const sheet = double.workbook.sheet(RULES_SHEET_NAME);
  const grid = sheet.values();
  const back = parseRulesSheet(grid, { sheet: RULES_SHEET_NAME, row: 0, col: 0 });
  expect(back.ok && back.value.vote).toEqual({ share: "2/3", strict: false, base: "present" });
  // The form shows the saved rule after the re-read.
  await waitFor(() => expect(screen.getByRole("textbox", { name: /Tỷ lệ/ })).toHaveProperty("value", "2/3"));
  expect(screen.getByRole("combobox", { name: "Tính trên" })).toHaveProperty("value", "present");
});

it("saves an untouched vote rule as it was (the preset's quá bán of all members)", async () => {
  const { double } = renderPane();
  await loaded();
  await user().click(screen.getByRole("tab", { name: /2\./ }));
  fireEvent.change(screen.getByRole("textbox", { name: "Từ điểm 1" }), { target: { value: "950" } });
  await user().click(screen.getByRole("button", { name: "Lưu quy tắc vào sổ làm việc" }));
  await screen.findByText("Đã lưu quy tắc vào trang “Quy tắc xếp loại”.");
  const grid = double.workbook.sheet(RULES_SHEET_NAME).values();
  const back = parseRulesSheet(grid, { sheet: RULES_SHEET_NAME, row: 0, col: 0 });
  expect(back.ok && back.value.vote).toEqual({ share: 0.5, strict: true, base: "members" });
});
