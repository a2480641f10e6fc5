/** @jest-environment jsdom */
import "./jsdom-polyfills";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SEED_000_SHEET, renderPane } from "./helpers";

/**
 * Issue 16: step 5 signs the notice with the member list's Cụm trưởng when no signer is typed,
 * says so under the form, and no longer counts the blank signer as missing.
 */
jest.setTimeout(120_000);
const user = () => userEvent.setup();

const MEMBERS = {
  name: "Thành viên cụm",
  values: [
    ["STT", "Đơn vị", "Tên viết tắt", "Chức vụ người ký", "Người ký", "Vai trò"],
    [
      1,
      "Sở Thông tin và Truyền thông tỉnh Điện Biên",
      "Sở TT&TT Điện Biên",
      "GIÁM ĐỐC",
      "Vũ Anh Dũng",
      "Cụm trưởng",
    ],
    [
      2,
      "Sở Thông tin và Truyền thông tỉnh Lào Cai",
      "Sở TT&TT Lào Cai",
      "GIÁM ĐỐC",
      "Vũ Hùng Dũng",
      "Cụm phó",
    ],
  ],
};

describe("5. Notice: the signer from the member list", () => {
  it("names the Cụm trưởng as the signer and leaves Người ký out of what is missing", async () => {
    const { double } = renderPane([SEED_000_SHEET, MEMBERS]);
    await screen.findByText("A1:E10");
    await user().click(screen.getByRole("tab", { name: /3\./ }));
    await user().click(screen.getByRole("button", { name: "Kiểm tra bảng điểm" }));
    // The five units the short list lacks are warned at their cells: the list was read.
    expect((await screen.findAllByText(/không khớp đơn vị nào/)).length).toBeGreaterThan(0);
    await user().click(screen.getByRole("tab", { name: /5\./ }));
    const note = await screen.findByTestId("notice-signer-members");
    expect(note.textContent).toBe(
      "Người ký lấy từ trang “Thành viên cụm”: Vũ Anh Dũng (Sở Thông tin và Truyền thông tỉnh Điện Biên, Cụm trưởng). Gõ Người ký ở trên để dùng người khác.",
    );
    expect(screen.getByTestId("notice-gaps").textContent).toBe(
      "Chưa sẵn sàng in: còn thiếu Cơ quan chủ quản, Cơ quan ban hành, Địa danh.",
    );
    // A typed signer wins: the note goes away.
    await user().type(screen.getByRole("textbox", { name: /^Người ký/ }), "Nguyễn Văn A");
    expect(screen.queryByTestId("notice-signer-members")).toBeNull();

    // The notice sheet the pane writes: the members' full names, the typed signer.
    await user().click(screen.getByRole("button", { name: "Tạo thông báo" }));
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    await user().click(within(dialog).getByRole("button", { name: "Tạo bản nháp", hidden: true }));
    await screen.findByText(/Đã tạo trang “Thông báo kết quả”/);
    const cells = double.workbook.sheet("Thông báo kết quả").values().flat();
    expect(cells).toContain("Sở Thông tin và Truyền thông tỉnh Điện Biên");
    expect(cells).toContain("Sở TT&TT Sơn La"); // no member: the table's name
    expect(cells).not.toContain("Sở TT&TT Điện Biên");
    expect(cells).toContain("Nguyễn Văn A");
    expect(cells).not.toContain("Vũ Anh Dũng");
  });
});
