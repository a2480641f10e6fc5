/** @jest-environment jsdom */
import "./jsdom-polyfills";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Adapter } from "../../src/taskpane/adapter";
import { renderPane } from "./helpers";

/**
 * Issue 10, "progress where the eye is": the running operation shows beside the button that
 * started it, in the step's action bar (pinned to the bottom of the pane); a failure is named
 * there too, pointing to its message; the step's result in a few words once done.
 */
jest.setTimeout(120_000);
const user = () => userEvent.setup();

/** The action bar holding a button: the group the button sits in. */
const barOf = (button: HTMLElement) => {
  const bar = button.closest<HTMLElement>("[role=group]");
  if (!bar) throw new Error("the button is in no group");
  return bar;
};

describe("the step's action bar", () => {
  it("shows the running operation beside the button that started it, then clears", async () => {
    let finish: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const h = renderPane(undefined, {
      override: {
        validate: async (req) => {
          await gate;
          const { excelAdapter } = await import("../../src/taskpane/adapter");
          return excelAdapter().validate(req);
        },
      } as Partial<Adapter>,
    });
    await screen.findByText("A1:E10");
    await user().click(screen.getByRole("tab", { name: /3\./ }));
    const button = screen.getByRole("button", { name: "Kiểm tra bảng điểm" });
    const bar = barOf(button);
    expect(bar.getAttribute("aria-label")).toBe("Thao tác của bước");
    await user().click(button);
    const status = within(bar).getByRole("status");
    await waitFor(() => expect(status.textContent).toBe("Kiểm tra bảng điểm – Đang xử lý…"));
    expect(screen.getByRole("button", { name: "Kiểm tra bảng điểm" })).toHaveProperty("disabled", true);
    finish();
    // Done: the button is named for checking again, and the spinner has gone.
    const again = await screen.findByRole("button", { name: "Kiểm tra lại" });
    expect(barOf(again)).toBe(bar);
    expect(status.textContent).toBe("");
    expect(h.view.container.querySelectorAll(".fui-Spinner")).toHaveLength(0);
  });

  it("names a failure beside the button and shows its message at the top on request", async () => {
    renderPane(undefined, {
      lang: "en",
      override: {
        validate: () => Promise.reject(new Error("the workbook is busy")),
        explain: () => "Excel is busy editing a cell: press Enter or Esc, then try again.",
      } as Partial<Adapter>,
    });
    await screen.findByText("A1:E10");
    await user().click(screen.getByRole("tab", { name: /3\./ }));
    const button = screen.getByRole("button", { name: "Check the score table" });
    await user().click(button);
    const status = within(barOf(button)).getByRole("status");
    await waitFor(() =>
      expect(status.textContent).toMatch(
        /^Check the score table: that did not work \(see the message at the top\)\. Show$/,
      ),
    );
    const error = screen.getByTestId("pane-error");
    expect(error.textContent).toMatch(/Excel is busy editing a cell/);
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    await user().click(within(status).getByRole("button", { name: "Show" }));
    expect(scrolled).toEqual([error]);
    expect(document.activeElement).toBe(within(error).getByRole("button", { name: "Dismiss" }));
  });

  it("says in a few words what the step's last action did (Kết quả: the sheet written)", async () => {
    renderPane();
    await screen.findByText("A1:E10");
    await user().click(screen.getByRole("tab", { name: /4\./ }));
    const button = screen.getByRole("button", { name: "Xếp hạng và ghi kết quả" });
    await user().click(button);
    const result = await within(barOf(button)).findByTestId("step-result");
    expect(result.textContent).toBe("✓ Đã ghi “Kết quả xếp hạng”.");
  });
});
