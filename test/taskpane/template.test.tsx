/** @jest-environment jsdom */
import "./jsdom-polyfills";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { RULES_SHEET_NAME } from "../../src/core";
import { noAxeViolations, renderPane } from "./helpers";

/**
 * Issue 10, "an empty or unrecognised workbook gets a way forward": "Tạo bảng điểm mẫu" writes a
 * ready score table into a new sheet (and the rules sheet), selects it and reads it.
 */
jest.setTimeout(120_000);
const user = () => userEvent.setup();

describe("1. Bảng điểm: Tạo bảng điểm mẫu", () => {
  it("on an unrecognised sheet, writes the sample into a new sheet, reads it, and touches nothing else", async () => {
    const { double, view } = renderPane([
      { name: "Ghi chép", values: [["Danh sách họp"], ["Anh Ba", "Chị Tư"]] },
    ]);
    await screen.findByText(/Chưa tìm thấy bảng điểm trên trang này/);
    const before = double.workbook.sheet("Ghi chép").snapshot();
    await noAxeViolations(view.container);
    await user().click(screen.getByRole("button", { name: "Tạo bảng điểm mẫu" }));
    const made = await screen.findByTestId("table-template-made");
    expect(made.textContent).toBe(
      "Đã tạo trang “Bảng điểm mẫu”: các đơn vị trong đó chỉ là ví dụ, hãy thay bằng tên và điểm của các đơn vị trong Cụm. Đã thêm cả trang “Quy tắc xếp loại” (thang điểm và các mức xếp loại, cần đối chiếu với quy chế của Cụm).",
    );
    expect(double.workbook.sheet("Ghi chép").snapshot()).toEqual(before);
    expect(double.workbook.hasSheet(RULES_SHEET_NAME)).toBe(true);
    expect(double.workbook.activeSheet).toBe("Bảng điểm mẫu");
    // The pane now reads the new table: its columns are mapped and the offer is gone.
    await waitFor(() =>
      expect(screen.getByRole("combobox", { name: /Đơn vị/ })).toHaveProperty("value", "B"),
    );
    expect(screen.getByTestId("used-range").textContent).toBe("A1:E7");
    expect(screen.queryByText(/Chưa tìm thấy bảng điểm/)).toBeNull();
    expect(screen.queryByRole("button", { name: "Tạo bảng điểm mẫu" })).toBeNull();

    // Kiểm tra finds no error in it, and points at each example unit until it is replaced.
    await user().click(screen.getByRole("tab", { name: /3\./ }));
    await user().click(await screen.findByRole("button", { name: "Kiểm tra bảng điểm" }));
    await screen.findByText("Cảnh báo (3)");
    expect(screen.queryByText(/^Lỗi \(/)).toBeNull();
    expect(screen.getAllByRole("button", { name: /là đơn vị ví dụ của bảng điểm mẫu/ })).toHaveLength(3);
  });

  it("offers it on an empty sheet too", async () => {
    renderPane([{ name: "Sheet1", values: [] }]);
    await screen.findByText("Trang tính trống.");
    expect(screen.getByRole("button", { name: "Tạo bảng điểm mẫu" })).toBeTruthy();
  });
});
