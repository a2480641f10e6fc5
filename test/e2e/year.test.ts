/**
 * Step 6's members and tracking in real headless Chromium, at 320 px: a workbook with a
 * hand-made member list, the call's deadline and a hand-made tracking sheet (the golden case
 * members-hand-made) shows who has sent, late and missing; the pledge is written as a sheet.
 * Screenshots go to test-results/screenshots/ (the user guide copies chosen ones).
 */
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ROOT, openPreview, shot, startPreview, type Preview } from "./preview";

jest.setTimeout(120_000);

let preview: Preview;
beforeAll(async () => {
  preview = await startPreview();
  copyFileSync(
    join(ROOT, "test", "fixtures", "members-hand-made", "input.xlsx"),
    join(preview.extraDir, "thanh-vien.xlsx"),
  );
});
afterAll(async () => preview?.close());

const idle = (page: Page) =>
  page.waitForFunction(() => !document.querySelector("#root [role=status] .fui-Spinner"));

describe("6. Phiếu chấm: members and who has returned the forms", () => {
  it("shows the deadline and each member's status at 320 px, then writes the pledge", async () => {
    const { page, errors } = await openPreview(preview, "?file=extra/thanh-vien.xlsx&width=320", {
      width: 1100,
      height: 1100,
    });
    await page.getByRole("tab", { name: /6\./ }).click();
    const table = page.getByTestId("year-tracking");
    await table.waitFor();
    await expect(page.getByTestId("year-panel").innerText()).resolves.toMatch(
      /Danh sách thành viên: trang “Danh sách đơn vị” \(7 đơn vị\)[\s\S]*Hạn nộp: 15\/12\/2023/,
    );
    await expect(table.innerText()).resolves.toMatch(/Lai Châu\s+18\/12\/2023\s+Trễ 3 ngày/);
    await expect(table.innerText()).resolves.toMatch(/Sơn La\s+Chưa nhận/);
    await page.getByTestId("year-panel").scrollIntoViewIfNeeded();
    await shot(page, "6-year-tracking-320");

    await page.getByRole("button", { name: "Giao ước thi đua" }).click();
    await idle(page);
    await page.getByTestId("year-message").waitFor();
    await expect(page.getByTestId("year-message").innerText()).resolves.toMatch(
      /Đã tạo trang “Giao ước thi đua”/,
    );
    await expect(page.locator("table.grid").getAttribute("data-sheet")).resolves.toBe("Giao ước thi đua");
    await shot(page, "6-year-pledge");

    // The same pledge as a Word file: the writer's chunk loads on the click, a .docx downloads.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("year-word").getByRole("button", { name: "Giao ước" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("giao-uoc-thi-dua.docx");
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK");
    await expect(page.getByTestId("year-message").innerText()).resolves.toMatch(
      /Đã tải “giao-uoc-thi-dua.docx”/,
    );
    expect(errors).toEqual([]);
  });
});
