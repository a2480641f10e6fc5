/** @jest-environment jsdom */
import "./jsdom-polyfills";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MESSY_SHEET, renderPane } from "./helpers";

/**
 * Issue 10, Kết quả: with errors, one message and a way to Kiểm tra (no "next step: Thông báo");
 * a vetoed unit carries a visible "vi phạm" badge with its reason.
 */
jest.setTimeout(120_000);
const user = () => userEvent.setup();

describe("4. Results", () => {
  it("with errors: one message, a link to Kiểm tra, no next step", async () => {
    renderPane([MESSY_SHEET]);
    await screen.findByText("A1:C4");
    await user().click(screen.getByRole("tab", { name: /4\./ }));
    await user().click(screen.getByRole("button", { name: "Xếp hạng và ghi kết quả" }));
    const bar = await screen.findByTestId("results-blocked");
    const panel = screen.getByRole("tabpanel", { name: /4\. Kết quả/ });
    expect(within(panel).getAllByText(/còn lỗi/)).toHaveLength(1);
    expect(screen.queryByRole("button", { name: /Bước tiếp theo/ })).toBeNull();
    expect(screen.queryByText(/: 5\. Thông báo/)).toBeNull();
    await user().click(within(bar).getByRole("button", { name: "Xem các lỗi ở bước Kiểm tra" }));
    expect(screen.getByRole("tab", { name: /3\. Kiểm tra/ }).getAttribute("aria-selected")).toBe("true");
  });

  it("a vetoed unit shows a 'vi phạm' badge with the reason", async () => {
    renderPane([
      {
        name: "Tổng hợp",
        values: [
          ["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định", "Vi phạm"],
          [1, "Sở A", 980, 975, ""],
          [2, "Sở B", 990, 985, "Để xảy ra sai phạm nghiêm trọng"],
          [3, "Sở C", 900, 890, ""],
        ],
      },
    ]);
    await screen.findByText("A1:E4");
    await user().click(screen.getByRole("tab", { name: /4\./ }));
    await user().click(screen.getByRole("button", { name: "Xem trước xếp hạng" }));
    const table = await screen.findByTestId("ranking-table");
    const badges = within(table).getAllByTestId("veto-badge");
    expect(badges.map((b) => b.textContent)).toEqual(["vi phạm: Để xảy ra sai phạm nghiêm trọng"]);
    expect(badges[0]?.closest("tr")?.textContent).toMatch(/Sở B/);
  });
});
