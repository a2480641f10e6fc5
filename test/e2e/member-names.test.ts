/**
 * Issue 16 in real headless Chromium, at 320 px: a workbook whose score table spells the members
 * otherwise than its *Thành viên cụm* sheet (test/fixtures/member-names). Step 5 says the notice
 * will be signed by the list's Cụm trưởng, and the notice it writes names every member as the list
 * does. Screenshots go to test-results/screenshots/.
 */
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, openPreview, shot, startPreview, type Preview } from "./preview";

jest.setTimeout(120_000);

let preview: Preview;
beforeAll(async () => {
  preview = await startPreview();
  copyFileSync(
    join(ROOT, "test", "fixtures", "member-names", "input.xlsx"),
    join(preview.extraDir, "member-names.xlsx"),
  );
});
afterAll(async () => preview?.close());

describe("5. Thông báo: names and signer from the member list", () => {
  it("shows the Cụm trưởng as the signer at 320 px and writes the notice with the members' names", async () => {
    const { page, errors } = await openPreview(preview, "?file=extra/member-names.xlsx&width=320", {
      width: 1100,
      height: 1100,
    });
    await page.getByRole("tab", { name: /3\./ }).click();
    await page.getByRole("button", { name: "Kiểm tra bảng điểm" }).click();
    await page
      .getByText(/không khớp đơn vị nào/)
      .first()
      .waitFor();
    await page.getByRole("tab", { name: /5\./ }).click();
    const note = page.getByTestId("notice-signer-members");
    await note.waitFor();
    await expect(note.innerText()).resolves.toMatch(
      /Vũ Anh Dũng \(Sở Thông tin và Truyền thông tỉnh Điện Biên, Cụm trưởng\)/,
    );
    await note.scrollIntoViewIfNeeded();
    await shot(page, "5-notice-signer-members-320");

    await page.locator("#pane").getByRole("button", { name: "Tạo thông báo" }).click();
    await page.getByText("Đã tạo trang “Thông báo kết quả”", { exact: false }).waitFor();
    const text = await page.locator("table.grid").innerText();
    expect(text).toMatch(/SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH HÀ GIANG/);
    expect(text).toMatch(/Sở Thông tin và Truyền thông tỉnh Lào Cai/);
    // Nơi nhận on the left, the signer on the right of the same rows.
    expect(text).toMatch(/TM\. CỤM THI ĐUA SỐ 2[\s\S]*CỤM TRƯỞNG[\s\S]*GIÁM ĐỐC[\s\S]*Vũ Anh Dũng/);
    await shot(page, "5-notice-member-names");
    expect(errors).toEqual([]);
  });
});
