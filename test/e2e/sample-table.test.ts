/**
 * Issue 10 (10b): what a person sees on a workbook EMU does not recognise, at the pane's real
 * widths: the "Tạo bảng điểm mẫu" offer, the sample table read back with its required columns
 * marked, and the notice form without another cluster's filler. Screenshots go to
 * test-results/screenshots/10b-*.png.
 */
import type { Page } from "playwright-core";
import { join } from "node:path";
import { writeGridsXlsx } from "../helpers/xlsx";
import { openPreview, shot, startPreview, type Preview } from "./preview";

jest.setTimeout(180_000);
let preview: Preview;
beforeAll(async () => {
  preview = await startPreview();
  await writeGridsXlsx(join(preview.extraDir, "ghi-chep.xlsx"), [
    { name: "Ghi chép", rows: [["Danh sách dự họp"], ["Anh Ba", "Chị Tư"]] },
  ]);
});
afterAll(async () => preview?.close());

const idle = (page: Page) =>
  page.waitForFunction(() => !document.querySelector("#root [role=status] .fui-Spinner"));

describe.each([320, 350])("an unrecognised workbook at %i px", (width) => {
  it("offers the sample table, writes it into a new sheet and reads it; the notice has no Cụm 2 filler", async () => {
    const { page, errors } = await openPreview(preview, `?file=extra/ghi-chep.xlsx&width=${width}`, {
      width: width + 900,
      height: 900,
    });
    await page.getByText(/Chưa tìm thấy bảng điểm trên trang này/).waitFor();
    await shot(page, `10b-${width}-1-offer`);
    await page.getByRole("button", { name: "Tạo bảng điểm mẫu" }).click();
    await idle(page);
    await page.getByTestId("table-template-made").waitFor();
    await page.locator("#pane").evaluate((el) => el.scrollTo(0, 0));
    await shot(page, `10b-${width}-2-template-made`);
    const pane = page.locator("#pane");
    const scroll = await pane.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(scroll).toBeLessThanOrEqual(0);
    await page.locator("#pane").evaluate((el) => el.scrollTo(0, 400));
    await shot(page, `10b-${width}-3-required-columns`);

    await page.getByRole("tab", { name: /5\./ }).click();
    await page.getByRole("textbox", { name: "Cơ quan ban hành" }).waitFor();
    await expect(page.getByRole("textbox", { name: "Cơ quan ban hành" }).inputValue()).resolves.toBe("");
    await expect(page.getByRole("button", { name: /Điền mẫu/ }).count()).resolves.toBe(0);
    await page.locator("#pane").evaluate((el) => el.scrollTo(0, 0));
    await shot(page, `10b-${width}-4-notice-top`);
    await page.getByTestId("notice-gaps").scrollIntoViewIfNeeded();
    await shot(page, `10b-${width}-5-notice-gaps`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
