/**
 * The pane in real headless Chromium (Debian's, through playwright-core), in the browser
 * preview: the seed 000 sample from "check" to "notice", a messy workbook whose issues select
 * their cells, and a cluster's forms made and a filled one consolidated. Assertions read what
 * the simulated grid shows. Screenshots of the main views go to test-results/screenshots/.
 */
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import { makeForms } from "../../src/core";
import { writeGridsXlsx, writeModelsXlsx } from "../../src/cli/io";
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
    await expect(page.getByLabel(/^Đơn vị\*?$/).inputValue()).resolves.toBe("B");
    await expect(page.getByLabel(/^Điểm chấm thẩm định\*?$/).inputValue()).resolves.toBe("D");
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

    await page
      .getByRole("button", { name: /^Chuyển tới ô 'Bảng điểm'!C10: "chín trăm" không phải là số/ })
      .click();
    await page.locator('table.grid td.selected[data-addr="C10"]').waitFor();
    await expect(gridCell(page, "C10")).resolves.toBe("chín trăm");

    // The user fixes the cell in the sheet, then checks again.
    const before = await errorsList.locator("li").count();
    await page.locator('table.grid td[data-addr="C10"]').dblclick();
    await page.getByLabel("Sửa ô C10").fill("900");
    await page.getByLabel("Sửa ô C10").press("Enter");
    await expect(gridCell(page, "C10")).resolves.toBe("900");
    await page.getByRole("button", { name: "Kiểm tra lại", exact: true }).click();
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

  it("fetches the English strings only under an English Office, and before the first render", async () => {
    // The text of the first tab as it first appears (src/dev/ui-text-loader.cjs, mount.tsx).
    const firstTab = async (query: string) => {
      const page = await preview.browser.newPage({ viewport: { width: 1280, height: 900 } });
      const chunks: string[] = [];
      page.on("request", (r) => chunks.push(r.url().split("/").pop() ?? ""));
      await page.addInitScript(`
        new MutationObserver((_, obs) => {
          const tab = document.querySelector("#root [role=tab]");
          if (tab) { window.__emuFirstTabText = tab.textContent; obs.disconnect(); }
        }).observe(document, { childList: true, subtree: true, characterData: true });
      `);
      await page.goto(`${preview.url}${query}`);
      await page.waitForFunction(() => (window as { __emuFirstTabText?: string }).__emuFirstTabText);
      const text = await page.evaluate(() => (window as { __emuFirstTabText?: string }).__emuFirstTabText);
      await page.close();
      return { text, english: chunks.some((c) => c.startsWith("ui-text-en.")) };
    };
    await expect(firstTab("?lang=en&width=320")).resolves.toEqual({ text: "1. Table", english: true });
    await expect(firstTab("?width=320")).resolves.toEqual({ text: "1. Bảng điểm", english: false });
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

describe("forms: made in the workbook, one returned filled in and consolidated", () => {
  /** A cluster's criteria list of 100 points, two groups. */
  const LIST = [
    ["TT", "Nội dung tiêu chí", "Điểm tối đa"],
    ["I", "Thực hiện nhiệm vụ chính trị được giao", 60],
    ["1", "Hoàn thành các chỉ tiêu kế hoạch năm", 30],
    ["2", "Cải cách hành chính, chuyển đổi số", 20],
    ["3", "Thông tin, tuyên truyền", 10],
    ["II", "Công tác thi đua, khen thưởng", 40],
    ["1", "Ban hành kế hoạch, phát động phong trào thi đua", 20],
    ["2", "Sơ kết, tổng kết, nhân rộng điển hình tiên tiến", 20],
  ];
  const UNITS = ["Sở TT&TT Sơn La", "Sở TT&TT Lai Châu", "Sở TT&TT Điện Biên", "Sở TT&TT Lào Cai"];
  /**
   * The units box's text once step 6 has filled it: the step's chunk arrives when its tab is
   * first opened and the units come from a read of the workbook after that, so on a loaded
   * machine the box is still empty when the tab's click returns.
   */
  const unitsOnceFilled = async (box: Locator): Promise<string> => {
    await box.evaluate(
      (el: HTMLTextAreaElement) =>
        new Promise<void>((resolve) => {
          const check = () => (el.value !== "" ? resolve() : setTimeout(check, 50));
          check();
        }),
    );
    return box.inputValue();
  };

  beforeAll(async () => {
    await writeGridsXlsx(join(preview.extraDir, "cum-phieu.xlsx"), [
      {
        name: "Tổng hợp điểm",
        rows: [["STT", "Đơn vị", "Điểm tự chấm"], ...UNITS.map((u, k) => [k + 1, u, ""])],
      },
      { name: "Danh mục tiêu chí", rows: LIST },
    ]);
  });

  /**
   * Lào Cai's form as the unit sends it back: the form EMU makes, written by the CLI's writer
   * (protected, validated), with the scores typed into its yellow cells.
   */
  async function returnedForm(scores: readonly number[]): Promise<Buffer> {
    const made = makeForms({
      sheets: [{ name: "Danh mục tiêu chí", grid: LIST }],
      units: ["Sở TT&TT Lào Cai"],
      lang: "vi",
    });
    const model = made.ok ? made.forms[0]?.model : undefined;
    if (!model) throw new Error("no form");
    const path = join(preview.extraDir, "phieu-lao-cai.xlsx");
    const written = await writeModelsXlsx(path, [model], { force: true });
    if (!written.ok) throw new Error("form not written");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0];
    // The leaf criteria's rows: I.1–I.3 and II.1–II.2.
    ["D7", "D8", "D9", "D11", "D12"].forEach((a, k) => {
      if (ws) ws.getCell(a).value = scores[k] ?? null;
    });
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it("makes a protected form per unit, then previews and writes a returned one, keeping a differing cell", async () => {
    const { page, errors } = await openPreview(preview, "?file=extra/cum-phieu.xlsx&width=320", {
      width: 1100,
      height: 900,
    });
    await tab(page, /6\./);
    const units = page.getByLabel("Đơn vị, mỗi dòng một đơn vị");
    await expect(unitsOnceFilled(units)).resolves.toBe(UNITS.join("\n"));
    await expect(page.getByLabel("Danh mục tiêu chí", { exact: true }).inputValue()).resolves.toBe(
      "Danh mục tiêu chí",
    );
    await page.locator("#pane").getByRole("button", { name: "Tạo phiếu", exact: true }).click();
    const made = page.getByTestId("forms-made");
    await made.waitFor();
    await expect(made.innerText()).resolves.toMatch(/Đã tạo 4 phiếu tự chấm[\s\S]*Sở TT&TT Lào Cai/);
    // The grid shows the first form EMU made, activated as Excel would.
    const grid = page.locator("table.grid");
    await expect(grid.getAttribute("data-sheet")).resolves.toBe("Sở TT&TT Sơn La");
    await expect(grid.innerText()).resolves.toMatch(
      /BẢNG TỰ CHẤM ĐIỂM THI ĐUA[\s\S]*Đơn vị: Sở TT&TT Sơn La/,
    );
    await shot(page, "6-forms");

    // The cluster head already typed one of Lào Cai's scores into the workbook's copy.
    await page.getByRole("tab", { name: "Sở TT&TT Lào Cai" }).click();
    await page.locator('table.grid td[data-addr="D7"]').dblclick();
    await page.getByLabel("Sửa ô D7").fill("25");
    await page.getByLabel("Sửa ô D7").press("Enter");
    await expect(gridCell(page, "D7")).resolves.toBe("25");

    await page.getByLabel("Chọn tệp phiếu đã điền").setInputFiles({
      name: "Phiếu tự chấm - Lào Cai.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await returnedForm([28, 19.5, 10, 20, 18]),
    });
    const plan = page.getByTestId("forms-plan");
    await plan.waitFor();
    await idle(page);
    await expect(plan.innerText()).resolves.toMatch(/Phiếu hợp lệ \(1\)\s+Sở TT&TT Lào Cai/);
    await expect(page.getByTestId("forms-plan-fill").innerText()).resolves.toBe("4");
    const conflict = page.getByTestId("forms-conflicts").locator("tbody tr");
    await expect(conflict.count()).resolves.toBe(1);
    await expect(conflict.innerText()).resolves.toMatch(/'Sở TT&TT Lào Cai'!D7\s+25\s+28/);
    await expect(
      page.getByRole("checkbox", { name: "Ghi đè ô 'Sở TT&TT Lào Cai'!D7" }).isChecked(),
    ).resolves.toBe(false);
    // Nothing is written before the button: the workbook's cell is as the user left it.
    await expect(gridCell(page, "D8")).resolves.toBe("");
    const pane = page.locator("#pane");
    const [scrollW, clientW] = await pane.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(scrollW).toBeLessThanOrEqual(clientW + 1);
    await plan.scrollIntoViewIfNeeded();
    await shot(page, "6-forms-consolidate");

    await page.getByRole("button", { name: "Ghi vào sổ tổng hợp" }).click();
    await expect(page.getByTestId("forms-applied").innerText()).resolves.toBe(
      "Đã tổng hợp 1 phiếu: thêm 0 trang, điền 4 ô. Giữ nguyên 1 ô đang có giá trị khác.",
    );
    await expect(grid.getAttribute("data-sheet")).resolves.toBe("Sở TT&TT Lào Cai");
    const cells = await Promise.all(["D7", "D8", "D9", "D11", "D12"].map((a) => gridCell(page, a)));
    // The grid shows cells as Vietnamese Excel does: a decimal comma.
    expect(cells).toEqual(["25", "19,5", "10", "20", "18"]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("speaks English and follows the dark theme", async () => {
    const { page, errors } = await openPreview(preview, "?file=extra/cum-phieu.xlsx&lang=en&theme=dark");
    await page.getByRole("tab", { name: "6. Forms" }).click();
    await expect(unitsOnceFilled(page.getByLabel("Units, one per line"))).resolves.toBe(UNITS.join("\n"));
    await page.locator("#pane").getByRole("button", { name: "Make forms", exact: true }).click();
    await expect(page.getByTestId("forms-made").innerText()).resolves.toMatch(/Made 4 self-scoring forms/);
    await shot(page, "dark-en-forms");
    expect(errors).toEqual([]);
    await page.close();
  });
});
