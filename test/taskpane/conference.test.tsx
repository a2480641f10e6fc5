/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import "./jsdom-polyfills";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readWorkbook } from "../../src/cli/io";
import { CONFERENCE_SAMPLE_PATH } from "../../src/cli/make-conference-sample";
import { computeRanking } from "../../src/excel/operations";
import type { SeedSheet } from "../excel-double";
import { noAxeViolations, renderPane } from "./helpers";

jest.setTimeout(120_000);
const user = () => userEvent.setup();

async function sampleSheets(): Promise<SeedSheet[]> {
  const read = await readWorkbook(CONFERENCE_SAMPLE_PATH);
  if (!read.ok) throw new Error("sample unreadable");
  return read.sheets.map((s) => ({ name: s.name, values: s.grid as (string | number | boolean)[][] }));
}

describe("the pane's step 7, Bình xét (over the Excel double)", () => {
  it("prepares the vote, then counts what was typed in and shows the result per award", async () => {
    const { double, view } = renderPane(await sampleSheets());
    expect((await computeRanking({ lang: "vi", run: { sleep: async () => undefined } })).ok).toBe(true);

    await user().click(screen.getByRole("tab", { name: /7\. Bình xét/ }));
    expect(screen.getByTestId("conference-rule").textContent).toContain("quy chế của Cụm");
    const prepare = screen.getByRole("button", { name: "Tạo phiếu và trang Kiểm phiếu" });
    await waitFor(() => expect(prepare).toHaveProperty("disabled", false));
    await user().click(prepare);
    const made = await screen.findByTestId("conference-message");
    expect(made.textContent).toContain("Phiếu bình xét - Cờ thi đua, Phiếu bình xét - Bằng khen, Kiểm phiếu");

    // Typed by the counting committee: a tie for the second flag between Hậu Giang and Tiền Giang
    // (Tiền Giang added as a flag candidate by hand).
    for (const [a, v] of Object.entries({
      B4: 9,
      B5: 9,
      B6: 9,
      B7: 9,
      C10: 8,
      C11: 6,
      C12: 6,
      D12: 7,
      D13: 5,
    }))
      double.workbook.setValues("Kiểm phiếu", a, [[v]]);
    await user().click(screen.getByRole("button", { name: "Kiểm phiếu, lập biên bản" }));
    await waitFor(() => expect(screen.getByTestId("conference-message").textContent).toContain("Đã ghi"));
    expect(screen.getByTestId("conference-rule").textContent).toContain("cần ít nhất 5/9 phiếu");
    const flags = within(screen.getByRole("table", { name: "Cờ thi đua" }));
    const rows = flags.getAllByRole("row").map((r) => r.textContent);
    expect(rows).toEqual([
      "Sở KH&CN Long An8/988,89%Được đề nghị",
      "Sở KH&CN Hậu Giang6/966,67%Đồng phiếu: vòng hai",
      "Sở KH&CN Tiền Giang6/966,67%Đồng phiếu: vòng hai",
    ]);
    // The tie is also an issue at its cell, as on every other step.
    expect(screen.getByText(/cần bỏ phiếu vòng hai giữa các đơn vị này/)).toBeTruthy();
    expect(double.workbook.sheetNames()).toEqual(
      expect.arrayContaining(["Biên bản họp bình xét", "Tờ trình khen thưởng"]),
    );
    await noAxeViolations(view.container);
  });
});
