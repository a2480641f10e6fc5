/** @jest-environment jsdom */
import "./jsdom-polyfills";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderPane } from "./helpers";

/**
 * Issue 10: the "Cụm thi đua số 2 (2022)" filler belongs to the bundled sample only. On any other
 * workbook the cluster's name (Cơ quan ban hành) is empty and the placeholder warning lists it.
 */
jest.setTimeout(120_000);

const OTHER = {
  name: "Điểm",
  values: [
    ["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định"],
    [1, "UBND xã Tân Thành", 950, 940],
    [2, "UBND xã Tân Thạnh", 900, 880],
  ],
};

async function openNotice(): Promise<HTMLElement> {
  await userEvent.setup().click(screen.getByRole("tab", { name: /5\./ }));
  const panel = await waitFor(() => {
    const p = screen.getAllByRole("tabpanel").find((x) => !x.hidden && x.querySelector("#step-title-notice"));
    if (!p) throw new Error("no notice panel");
    return p;
  });
  await within(panel).findByRole("textbox", { name: "Cơ quan ban hành" });
  return panel;
}

describe("5. Thông báo on a workbook that is not the bundled sample", () => {
  it("leaves the cluster's name empty, lists it as missing, and offers no Cụm 2 filler", async () => {
    renderPane([OTHER]);
    await screen.findByText("A1:D3");
    const panel = await openNotice();
    expect(within(panel).getByRole("textbox", { name: "Cơ quan ban hành" })).toHaveProperty("value", "");
    expect(within(panel).getByTestId("notice-gaps").textContent).toMatch(/Cơ quan ban hành/);
    expect(panel.textContent).not.toMatch(/số 2|SỐ 2/);
    expect(within(panel).queryByRole("button", { name: /Điền mẫu/ })).toBeNull();
  });

  it("still offers the example on the bundled sample's table", async () => {
    renderPane();
    await screen.findByText("A1:E10");
    const panel = await openNotice();
    expect(within(panel).getByRole("button", { name: "Điền mẫu Cụm thi đua số 2 (2022)" })).toBeTruthy();
  });
});
