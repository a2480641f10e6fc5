/**
 * Validate from the ribbon leaves a visible result in the workbook itself: where the pane cannot be
 * shown (Office.addin.showAsTaskpane is ignored for Marketplace add-ins since February 2026), the
 * first problem cell is selected; the pane, where it opens, lists every issue.
 */
import { COMMANDS, runCommand } from "../../src/commands/handlers";
import { createExcelDouble } from "../excel-double";

const sheet = {
  name: "Bảng điểm",
  values: [
    ["Ghi chú", "", ""],
    ["Đơn vị", "Tự chấm", "Thẩm định"],
    ["Sở A", 985, 985],
    ["Sở B", 900, "chín trăm"],
    ["Sở C", 1100, 950],
  ],
};

it("selects the first error's cell even when the pane never shows", async () => {
  const double = createExcelDouble({
    sheets: [sheet, { name: "Khác", values: [["x"]] }],
    activeSheet: "Bảng điểm",
  });
  const uninstall = double.install();
  try {
    const ignoredPane = jest.fn(async () => undefined);
    const { kind, op } = COMMANDS.validateSheet;
    await runCommand(kind, op, { lang: () => "vi", showPane: ignoredPane });
    expect(double.workbook.selection).toBe("'Bảng điểm'!C4");
    expect(ignoredPane).toHaveBeenCalled();
  } finally {
    uninstall();
  }
});

it("leaves the selection alone when the sheet has nothing to fix", async () => {
  const clean = {
    name: "Bảng điểm",
    values: [
      ["Đơn vị", "Tự chấm", "Thẩm định"],
      ["Sở A", 985, 985],
    ],
  };
  const double = createExcelDouble({ sheets: [clean] });
  const uninstall = double.install();
  try {
    const before = double.workbook.selection;
    const { kind, op } = COMMANDS.validateSheet;
    await runCommand(kind, op, { lang: () => "vi", showPane: async () => undefined });
    expect(double.workbook.selection).toBe(before);
  } finally {
    uninstall();
  }
});
