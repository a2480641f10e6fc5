/** @jest-environment jsdom */
import "./jsdom-polyfills";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { unitSheetRows } from "../helpers/forms";
import { renderPane } from "./helpers";

/**
 * Issue 10, "column mapping never changes another column silently": taking a column another role
 * holds asks first and says so on the other field; "Dùng ô đang chọn" explains why a cell above
 * the header or a numbers-only column cannot be used. Seed 000's sheet: header on row 3,
 * A = STT (numbers only), B = Đơn vị, C = Điểm tự chấm, D = Điểm chấm thẩm định, E = Xếp loại.
 */
jest.setTimeout(120_000);
const user = () => userEvent.setup();
const loaded = () => screen.findByText("A1:E10");
const combo = (name: string) => screen.getByRole("combobox", { name });
const answer = async (name: string) => {
  const dialog = await screen.findByRole("alertdialog", { hidden: true });
  await user().click(within(dialog).getByRole("button", { name, hidden: true }));
};
const noDialog = () => waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());

describe("column mapping never changes another column silently", () => {
  it("asks before taking the verified column for the self score; Cancel keeps both", async () => {
    renderPane();
    await loaded();
    await waitFor(() => expect(combo("Điểm tự chấm")).toHaveProperty("value", "C"));
    expect(combo("Điểm chấm thẩm định")).toHaveProperty("value", "D");

    fireEvent.change(combo("Điểm tự chấm"), { target: { value: "D" } });
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    expect(dialog.textContent).toMatch(/Cột D đang là cột “Điểm chấm thẩm định”/);
    await answer("Hủy");
    await noDialog();
    expect(combo("Điểm tự chấm")).toHaveProperty("value", "C");
    expect(combo("Điểm chấm thẩm định")).toHaveProperty("value", "D");
    expect(screen.getByRole("tab", { name: /1\. Bảng điểm/ }).textContent).not.toMatch(/●/);

    fireEvent.change(combo("Điểm tự chấm"), { target: { value: "D" } });
    await answer("Dùng cho “Điểm tự chấm”");
    await noDialog();
    expect(combo("Điểm tự chấm")).toHaveProperty("value", "D");
    expect(combo("Điểm chấm thẩm định")).toHaveProperty("value", "");
    // The emptied role says why, on its own field.
    expect(
      screen.getByText("Cột D đã chuyển sang “Điểm tự chấm”: hãy chọn lại cột cho mục này."),
    ).toBeTruthy();
  });

  it("“Dùng ô đang chọn” on a cell above the header says why and changes nothing", async () => {
    const { double } = renderPane();
    await loaded();
    await waitFor(() => expect(combo("Xếp loại")).toHaveProperty("value", "E"));
    fireEvent.change(combo("Xếp loại"), { target: { value: "" } });
    await waitFor(() => expect(combo("Xếp loại")).toHaveProperty("value", ""));
    double.workbook.select("'Tổng hợp điểm'!E1");
    await user().click(screen.getByRole("button", { name: "Dùng cột của ô đang chọn cho “Xếp loại”" }));
    await screen.findByText("Ô E1 nằm trên dòng tiêu đề (dòng 3): hãy chọn một ô trong bảng điểm.");
    expect(combo("Xếp loại")).toHaveProperty("value", "");
    expect(combo("Xếp loại").getAttribute("aria-invalid")).toBe("true");

    // A cell inside the table is taken, and the message goes.
    double.workbook.select("'Tổng hợp điểm'!E6");
    await user().click(screen.getByRole("button", { name: "Dùng cột của ô đang chọn cho “Xếp loại”" }));
    await waitFor(() => expect(combo("Xếp loại")).toHaveProperty("value", "E"));
    expect(screen.queryByText(/nằm trên dòng tiêu đề/)).toBeNull();
  });

  it("“Dùng ô đang chọn” on the numbers-only STT column refuses it for the unit names", async () => {
    const { double } = renderPane();
    await loaded();
    double.workbook.select("'Tổng hợp điểm'!A5");
    await user().click(screen.getByRole("button", { name: "Dùng cột của ô đang chọn cho “Đơn vị”" }));
    await waitFor(() => expect(combo("Đơn vị")).toHaveProperty("value", "B"));
    await screen.findByText("Cột A chỉ có số, không thể là cột tên đơn vị.");
    expect(combo("Đơn vị")).toHaveProperty("value", "B");
    expect(combo("STT")).toHaveProperty("value", "A");
    expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull();
  });
});

describe("one sheet per unit (detailed criteria sheets)", () => {
  const unit = (name: string, scores: [number, number][]) => ({ name, values: unitSheetRows(name, scores) });

  it("hides the summary-table column pickers, keeps the layout choice, and checks every unit's sheet", async () => {
    renderPane([
      unit("Sở A", [
        [50, 45],
        [50, 50],
      ]),
      // Planted on the sheets that are not active: a self score above its criterion's 50 points.
      unit("Sở B", [
        [50, 50],
        [60, 48],
      ]),
      unit("Sở C", [
        [70, 40],
        [40, 30],
      ]),
    ]);
    await screen.findByTestId("criteria-detected");
    expect(screen.getByTestId("criteria-no-columns").textContent).toMatch(/không cần chọn cột/);
    for (const role of ["Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định", "STT", "Xếp loại"])
      expect(screen.queryByRole("combobox", { name: role })).toBeNull();
    expect(screen.queryByRole("button", { name: "Lưu cách đọc cột" })).toBeNull();
    expect(screen.getByRole("combobox", { name: "Kiểu bảng chấm" })).toBeTruthy();

    await user().click(screen.getByRole("tab", { name: /3\./ }));
    await user().click(screen.getByRole("button", { name: "Kiểm tra bảng điểm" }));
    await screen.findByTestId("check-summary");
    const section = screen.getByRole("region", { name: /Kiểm tra/ });
    // The problems on Sở B and Sở C are listed although Sở A is the active sheet.
    expect(section.textContent).toMatch(/Sở B.?!D5Điểm 60 vượt điểm tối đa 50/);
    expect(section.textContent).toMatch(/Sở C.?!D4Điểm 70 vượt điểm tối đa 50/);
  });
});

describe("required columns are marked", () => {
  const required = (name: string) => combo(name).hasAttribute("required");
  it("marks Đơn vị and the score column the ranking needs, with a visible asterisk and a legend", async () => {
    renderPane();
    await loaded();
    await waitFor(() => expect(combo("Điểm chấm thẩm định")).toHaveProperty("value", "D"));
    // Seed 000 ranks on the verified score: that column and the unit are required.
    expect(required("Đơn vị")).toBe(true);
    expect(required("Điểm chấm thẩm định")).toBe(true);
    expect(required("Điểm tự chấm")).toBe(false);
    expect(required("Xếp loại")).toBe(false);
    // The native `required` attribute is what screen readers announce ("required").
    const label = screen.getByText("Đơn vị", { selector: "label" });
    expect(label.textContent).toBe("Đơn vị*"); // Fluent spaces the asterisk by CSS
    expect(screen.getByText("* Cột bắt buộc: Đơn vị và cột điểm dùng để xếp hạng.")).toBeTruthy();
    // Without a verified column the ranking is on the self scores: that one becomes required.
    fireEvent.change(combo("Điểm chấm thẩm định"), { target: { value: "" } });
    await waitFor(() => expect(required("Điểm tự chấm")).toBe(true));
    expect(required("Điểm chấm thẩm định")).toBe(false);
  });
});
