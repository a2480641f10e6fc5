/**
 * @jest-environment jsdom
 */
import "./jsdom-polyfills";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SEED_000_SHEET, renderPane } from "./helpers";

jest.setTimeout(90_000);
const user = () => userEvent.setup();

describe("6. Phiếu chấm: members, the call, the pledge", () => {
  it("offers to create the member list from the score table, then writes the call and its fields sheet", async () => {
    const { double } = renderPane([SEED_000_SHEET]);
    await screen.findByText("A1:E10");
    await user().click(screen.getByRole("tab", { name: /6\./ }));
    await screen.findByText(/Chưa có trang Thành viên cụm\. EMU có thể tạo từ 7 đơn vị/);
    // No member list, so no pledge yet; no deadline, so no reminder.
    expect(screen.getByRole("button", { name: "Giao ước thi đua" })).toHaveProperty("disabled", true);
    expect(screen.getByRole("button", { name: "Công văn đôn đốc" })).toHaveProperty("disabled", true);

    await user().click(screen.getByRole("button", { name: "Tạo trang Thành viên cụm" }));
    await screen.findByText("Đã tạo trang “Thành viên cụm”.");
    expect(double.workbook.sheetNames()).toContain("Thành viên cụm");
    const list = double.workbook.sheet("Thành viên cụm").values();
    expect(list[2]?.slice(0, 5)).toEqual(["STT", "Đơn vị", "Tên viết tắt", "Chức vụ người ký", "Người ký"]);
    expect(list.slice(3).map((r) => r[1])).toEqual([
      "Sở TT&TT Sơn La",
      "Sở TT&TT Lai Châu",
      "Sở TT&TT Điện Biên",
      "Sở TT&TT Lào Cai",
      "Sở TT&TT Hà Giang",
      "Sở TT&TT Cao Bằng",
      "Sở TT&TT Lạng Sơn",
    ]);
    await screen.findByText("Danh sách thành viên: trang “Thành viên cụm” (7 đơn vị).");

    await user().click(screen.getByRole("button", { name: "Công văn đề nghị" }));
    await screen.findByTestId("year-message");
    await waitFor(() => expect(double.workbook.sheetNames()).toContain("Công văn đề nghị"));
    expect(double.workbook.sheetNames()).toContain("Thông tin công văn");
    const call = double.workbook.sheet("Công văn đề nghị").values().flat();
    expect(call).toContain("- Sở TT&TT Lạng Sơn.");
    // A letter has no signature grid: the printer lays out its pages, EMU adds no break.
    expect(double.workbook.sheet("Công văn đề nghị").rowBreaks).toEqual([]);
  });
});
