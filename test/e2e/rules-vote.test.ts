/**
 * Issue 12: the vote rule in step 2 at the pane's narrowest width (320 px), in the real bundle:
 * the fields fit, the votes needed follow what the user types. Screenshot:
 * test-results/screenshots/rules-vote-320.png.
 */
import { openPreview, shot, startPreview, type Preview } from "./preview";

jest.setTimeout(300_000);

let preview: Preview;
beforeAll(async () => {
  preview = await startPreview();
});
afterAll(async () => preview?.close());

it("shows the vote rule with the votes needed, fitting 320 px", async () => {
  const { page, errors } = await openPreview(preview, "?width=320", { width: 1220, height: 900 });
  await page.getByRole("tab", { name: /2\./ }).click();
  const group = page.getByRole("group", { name: "Biểu quyết bình xét" });
  await group.scrollIntoViewIfNeeded();
  await group.getByRole("textbox", { name: /Tổng số thành viên: bao nhiêu/ }).fill("9");
  await group.getByRole("textbox", { name: /Tỷ lệ/ }).fill("2/3");
  await group.getByRole("combobox", { name: "So sánh" }).selectOption("atLeast");
  await page.getByTestId("vote-rule").scrollIntoViewIfNeeded();
  expect((await page.getByTestId("vote-rule").innerText()).trim()).toBe(
    "Từ 2/3 tổng số thành viên trở lên: cần ít nhất 6/9 phiếu",
  );
  const overflow = await page.evaluate(() => {
    const pane = document.querySelector("#pane") as HTMLElement;
    const box = pane.getBoundingClientRect();
    const g = document.querySelector('[aria-labelledby="rules-vote"]') as HTMLElement;
    return Array.from(g.querySelectorAll("input, select, span"))
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1)).length;
  });
  expect(overflow).toBe(0);
  await group.scrollIntoViewIfNeeded();
  await shot(page, "rules-vote-320");
  expect(errors).toEqual([]);
});
