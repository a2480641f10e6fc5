/** @jest-environment jsdom */
import "./jsdom-polyfills";
import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MESSY_SHEET, renderPane } from "./helpers";

/**
 * Issue 10, Kiểm tra: the whole row of an issue selects its cell and is named with its message;
 * an edit of the workbook after a check marks the list out of date until the next check.
 */
jest.setTimeout(120_000);
const user = () => userEvent.setup();

describe("3. Check: rows and freshness", () => {
  it("a click on an issue's message selects its cell; an edit marks the list out of date", async () => {
    let edited: (() => void) | null = null;
    const { double } = renderPane([MESSY_SHEET], {
      override: {
        onWorkbookChanged: (listener) => {
          edited = listener;
          return () => undefined;
        },
      },
    });
    await screen.findByText("A1:C4");
    await user().click(screen.getByRole("tab", { name: /3\./ }));
    await user().click(screen.getByRole("button", { name: "Kiểm tra bảng điểm" }));
    await screen.findByText("Lỗi (2)");
    const row = screen.getByRole("button", {
      name: /^Chuyển tới ô 'Bảng điểm'!B3: "chín trăm" không phải là số/,
    });
    // The message itself, not only the address, is part of the button.
    await user().click(screen.getByText(/"chín trăm" không phải là số/));
    await waitFor(() => expect(double.workbook.selection).toBe("'Bảng điểm'!B3"));
    expect(row.textContent).toMatch(/^'Bảng điểm'!B3/);
    expect(screen.queryByTestId("check-stale")).toBeNull();

    double.workbook.setValues("Bảng điểm", "B3", [[900]]);
    act(() => edited?.());
    await screen.findByText(/Sổ làm việc đã được sửa sau lần kiểm tra này/);

    await user().click(screen.getByRole("button", { name: "Kiểm tra lại" }));
    await screen.findByText("Lỗi (1)");
    expect(screen.queryByTestId("check-stale")).toBeNull();
  });
});

describe("each step's state on its tab", () => {
  it("Kiểm tra says 'có lỗi' after a check with errors, 'đã xong' once clean", async () => {
    const { double } = renderPane([MESSY_SHEET]);
    await screen.findByText("A1:C4");
    const tab = () => screen.getByRole("tab", { name: /3\. Kiểm tra/ });
    expect(screen.getByRole("tab", { name: "3. Kiểm tra" })).toBeTruthy();
    await user().click(tab());
    await user().click(screen.getByRole("button", { name: "Kiểm tra bảng điểm" }));
    await screen.findByText("Lỗi (2)");
    expect(screen.getByRole("tab", { name: "3. Kiểm tra (có lỗi)" })).toBeTruthy();
    double.workbook.setValues("Bảng điểm", "B3", [[900]]);
    double.workbook.setValues("Bảng điểm", "B4", [[1000]]);
    await user().click(screen.getByRole("button", { name: "Kiểm tra lại" }));
    await screen.findByRole("tab", { name: "3. Kiểm tra (đã xong)" });
  });
});
