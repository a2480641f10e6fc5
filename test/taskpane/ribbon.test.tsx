/** @jest-environment jsdom */
import "./jsdom-polyfills";
import { act, screen, waitFor, within } from "@testing-library/react";
import { publish } from "../../src/app/session";
import { generateForms } from "../../src/excel/forms";
import { validateSheet } from "../../src/excel/operations";
import { CRITERIA_LIST_SHEET, MESSY_SHEET, UNITS_SHEET, renderPane } from "./helpers";

// The session keeps the last ribbon event for a pane opened late: these tests publish, so they
// live in their own file (a fresh module registry).
describe("ribbon commands in the pane", () => {
  it("shows a ribbon command's outcome (its errors) on the Check step", async () => {
    renderPane([MESSY_SHEET]);
    await screen.findByText("A1:C4");
    const outcome = await validateSheet({ lang: "vi" });
    act(() => publish({ kind: "compute", outcome }));
    await screen.findByText("Kết quả của lệnh trên thanh công cụ:");
    expect(screen.getByRole("tab", { name: /3\./ }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByText("Lỗi (2)")).toBeTruthy();
  });

  it("shows a ribbon command's host failure as a message, not a blank pane", async () => {
    renderPane([MESSY_SHEET]);
    act(() => publish({ kind: "compute", error: "Excel đang bận. Hãy đợi vài giây rồi thử lại." }));
    expect(within(screen.getByTestId("pane-error")).getByText(/Excel đang bận/)).toBeTruthy();
    // The pane's first read of the sheet still lands, inside the test.
    await waitFor(() => expect(screen.queryByText(/Đang xử lý/)).toBeNull());
  });

  it("opens the Forms step on what the ribbon's Make forms made, with how to send the forms", async () => {
    renderPane([UNITS_SHEET, CRITERIA_LIST_SHEET]);
    await screen.findByText("A1:C3");
    const forms = await generateForms({ lang: "vi" });
    act(() => publish({ kind: "forms", forms }));
    expect(screen.getByRole("tab", { name: /6\./ }).getAttribute("aria-selected")).toBe("true");
    const made = await screen.findByTestId("forms-made");
    expect(made.textContent).toMatch(/Đã tạo 2 phiếu tự chấm/);
    expect(screen.getByText("Kết quả của lệnh trên thanh công cụ:")).toBeTruthy();
    expect(screen.getByText(/Di chuyển hoặc Sao chép…/)).toBeTruthy();
  });
});
