/** @jest-environment jsdom */
import "./jsdom-polyfills";
import { act, screen, within } from "@testing-library/react";
import { publish } from "../../src/app/session";
import { validateSheet } from "../../src/excel/operations";
import { MESSY_SHEET, renderPane } from "./helpers";

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
  });
});
