/**
 * The pane in real headless Chromium (Debian's, through playwright-core), in the browser
 * preview: the seed 000 sample from "check" to "notice", and a messy workbook whose issues
 * select their cells. Assertions read what the simulated grid shows. Screenshots of the main
 * views go to test-results/screenshots/.
 */
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ROOT, gridCell, openPreview, shot, startPreview, type Preview } from "./preview";

jest.setTimeout(120_000);

let preview: Preview;
beforeAll(async () => {
  preview = await startPreview();
  copyFileSync(join(ROOT, "test", "fixtures", "messy", "input.xlsx"), join(preview.extraDir, "messy.xlsx"));
});
afterAll(async () => preview?.close());

const tab = (page: Page, name: RegExp) => page.getByRole("tab", { name }).click();
const idle = (page: Page) =>
  page.waitForFunction(() => !document.querySelector("#root [role=status] .fui-Spinner"));

describe("the seed 000 sample, from the sheet to the notice, using only the pane", () => {
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    ({ page, errors } = await openPreview(preview));
  });
  afterAll(async () => page?.close());

  it("is labelled plainly as a preview, not Excel", async () => {
    await expect(page.getByTestId("preview-banner").innerText()).resolves.toMatch(
      /Bản xem thử — không phải Excel.*Preview — not Excel/s,
    );
  });

  it("1. Table: shows the detected sheet, range and columns", async () => {
    await expect(page.getByTestId("used-range").innerText()).resolves.toBe("A1:F14");
    await expect(page.getByLabel("Đơn vị", { exact: true }).inputValue()).resolves.toBe("B");
    await expect(page.getByLabel("Điểm chấm thẩm định", { exact: true }).inputValue()).resolves.toBe("D");
    await shot(page, "1-table");
  });

  it("2. Rules: the 1000-point preset, with its bands marked as an example", async () => {
    await tab(page, /2\./);
    await expect(page.getByTestId("example-warning").innerText()).resolves.toMatch(/chỉ là ví dụ/);
    await expect(page.getByLabel("Xếp loại 1").inputValue()).resolves.toBe("Xuất sắc");
    await shot(page, "2-rules");
  });

  it("3. Check: the sample is clean but for nothing that blocks ranking", async () => {
    await tab(page, /3\./);
    await page.getByRole("button", { name: "Kiểm tra bảng điểm" }).click();
    await idle(page);
    await expect(page.getByTestId("check-summary").innerText()).resolves.toMatch(/hợp lệ|Không có lỗi/);
    await shot(page, "3-check");
  });

  it("4. Results: ranks, shows ties and the chart, and writes the results sheet the grid shows", async () => {
    await tab(page, /4\./);
    await page.getByRole("button", { name: "Xếp hạng và ghi kết quả" }).click();
    await page.getByText("Đã ghi trang “Kết quả xếp hạng”.").waitFor();
    const table = page.getByTestId("ranking-table");
    await expect(table.locator("tbody tr").count()).resolves.toBe(7);
    await expect(table.locator("tbody tr").nth(0).innerText()).resolves.toMatch(/Sở TT&TT Điện Biên/);
    await expect(table.innerText()).resolves.toMatch(/đồng hạng/);
    await expect(page.getByTestId("score-chart").isVisible()).resolves.toBe(true);
    // The grid now shows the results sheet EMU wrote (activated, as Excel would).
    await expect(page.locator("table.grid").getAttribute("data-sheet")).resolves.toBe("Kết quả xếp hạng");
    await expect(page.locator("table.grid").innerText()).resolves.toMatch(
      /Sở TT&TT Điện Biên[\s\S]*Sở TT&TT Sơn La/,
    );
    await shot(page, "4-results");
  });

  it("5. Notice: prefilled from the workbook; 'Generate notice' writes and selects the notice sheet", async () => {
    await tab(page, /5\./);
    await expect(page.getByLabel("Người ký", { exact: true }).inputValue()).resolves.toBe("Vũ Hùng Dũng");
    await page.getByLabel("Số", { exact: true }).fill("15");
    await shot(page, "5-notice");
    await page.locator("#pane").getByRole("button", { name: "Tạo thông báo" }).click();
    await page.getByText("Đã tạo trang “Thông báo kết quả”", { exact: false }).waitFor();
    const grid = page.locator("table.grid");
    await expect(grid.getAttribute("data-sheet")).resolves.toBe("Thông báo kết quả");
    const text = await grid.innerText();
    expect(text).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(text).toMatch(/Độc lập - Tự do - Hạnh phúc/);
    expect(text).toMatch(/Số: 15\//);
    expect(text).toMatch(/Nơi nhận:/);
    await expect(page.locator("table.grid td.selected").getAttribute("data-addr")).resolves.toBe("A1");
    // The fields were remembered in the workbook's own sheet.
    await page.getByRole("tab", { name: "Thông tin thông báo" }).click();
    await expect(page.locator("table.grid").innerText()).resolves.toMatch(/Số\s+15/);
    await page.getByRole("tab", { name: "Thông báo kết quả" }).click();
    await shot(page, "5-notice-generated");
    expect(errors).toEqual([]);
  });
});

describe("a messy workbook", () => {
  it("lists its issues by severity; clicking one selects its cell; fixing it and checking again updates the list", async () => {
    const { page, errors } = await openPreview(preview, "?file=extra/messy.xlsx");
    await tab(page, /3\./);
    await page.getByRole("button", { name: "Kiểm tra bảng điểm" }).click();
    await idle(page);
    const errorsList = page.getByTestId("issues-error");
    await errorsList.waitFor();
    await expect(errorsList.innerText()).resolves.toMatch(/không phải là số/);
    await expect(page.getByTestId("issues-warning").innerText()).resolves.toMatch(/TCVN3/);
    await shot(page, "3-check-messy");

    await page.getByRole("button", { name: "Chuyển tới ô 'Bảng điểm'!C10" }).click();
    await page.locator('table.grid td.selected[data-addr="C10"]').waitFor();
    await expect(gridCell(page, "C10")).resolves.toBe("chín trăm");

    // The user fixes the cell in the sheet, then checks again.
    const before = await errorsList.locator("li").count();
    await page.locator('table.grid td[data-addr="C10"]').dblclick();
    await page.getByLabel("Sửa ô C10").fill("900");
    await page.getByLabel("Sửa ô C10").press("Enter");
    await expect(gridCell(page, "C10")).resolves.toBe("900");
    await page.getByRole("button", { name: "Kiểm tra lại" }).click();
    await idle(page);
    await expect(errorsList.locator("li").count()).resolves.toBe(before - 1);
    await expect(errorsList.innerText()).resolves.not.toMatch(/chín trăm/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("narrow, English and dark", () => {
  it("fits 320 px, follows English and the dark theme", async () => {
    const { page } = await openPreview(preview, "?width=320", { width: 1000, height: 800 });
    await shot(page, "narrow-320-table");
    await tab(page, /4\./);
    await page.getByRole("button", { name: "Xem trước xếp hạng" }).click();
    await page.getByTestId("ranking-table").waitFor();
    const pane = page.locator("#pane");
    const [scrollW, clientW] = await pane.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(scrollW).toBeLessThanOrEqual(clientW + 1);
    await shot(page, "narrow-320-results");
    await page.close();

    const en = await openPreview(preview, "?lang=en&theme=dark");
    await en.page.getByRole("tab", { name: /3\. Check/ }).click();
    await en.page.getByRole("button", { name: "Check the score table" }).click();
    await en.page.getByTestId("check-summary").waitFor();
    await expect(en.page.getByTestId("preview-banner").innerText()).resolves.toMatch(/^Preview — not Excel/);
    await shot(en.page, "dark-en-check");
    await en.page.close();
  });

  it("works from the keyboard alone: arrows between steps, Tab to the action, Enter", async () => {
    const { page } = await openPreview(preview);
    await page.getByRole("tab", { name: /1\./ }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("tab", { name: /3\./ }).getAttribute("aria-selected")).resolves.toBe("true");
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      "Kiểm tra bảng điểm",
    );
    await page.keyboard.press("Enter");
    await page.getByTestId("check-summary").waitFor();
    await page.close();
  });

  it("a ribbon command's errors land in the pane's Check step", async () => {
    const { page } = await openPreview(preview, "?file=extra/messy.xlsx");
    await page.getByRole("toolbar").getByRole("button", { name: "Xếp hạng" }).click();
    await page.getByText("Kết quả của lệnh trên thanh công cụ:").waitFor();
    await expect(page.getByRole("tab", { name: /3\./ }).getAttribute("aria-selected")).resolves.toBe("true");
    await expect(page.getByTestId("issues-error").locator("li").count()).resolves.toBeGreaterThan(0);
    await page.close();
  });
});
