/**
 * Issue 10: what a person sees at the task pane's real widths. Every step (iterated from the tab
 * list, so a new step is covered without touching this file) at 320 and 450 px, in Vietnamese
 * and English: nothing wider than the pane (no sideways scrolling), and every visible enabled
 * button, input and select receives a click at its centre (document.elementFromPoint hits the
 * control itself, nothing covers it). A screenshot of every step at 350 px goes to
 * test-results/screenshots/every-step-*.png.
 */
import type { Page } from "playwright-core";
import { join } from "node:path";
import { SCREENSHOTS, openPreview, shot, startPreview, type Preview } from "./preview";

jest.setTimeout(300_000);

let preview: Preview;
beforeAll(async () => {
  preview = await startPreview();
});
afterAll(async () => preview?.close());

/** Controls the pane shows but something covers, or that stick out of the pane. */
async function defects(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.querySelector("#pane") as HTMLElement;
    const out: string[] = [];
    const box = pane.getBoundingClientRect();
    if (pane.scrollWidth > pane.clientWidth + 1)
      out.push(`pane scrolls sideways: ${pane.scrollWidth} > ${pane.clientWidth}`);
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}"`;
    for (const el of Array.from(pane.querySelectorAll("*"))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // Fluent's focus-trap sentinels: 1 px, fixed, hidden from everyone.
      if (el.hasAttribute("data-tabster-dummy")) continue;
      // Inside a region that scrolls on its own (a data table), wider content is by design.
      if (el.closest("[role=region]") && !el.matches("[role=region]")) continue;
      if (r.right > box.right + 1 || r.left < box.left - 1)
        out.push(`${name(el)} sticks out (${Math.round(r.left)}–${Math.round(r.right)})`);
    }
    const controls = pane.querySelectorAll("button, input, select, textarea, [role=tab], [role=checkbox]");
    for (const el of Array.from(controls)) {
      const h = el as HTMLElement;
      if (h.closest("[hidden]") || (h as HTMLButtonElement).disabled) continue;
      if (h.getAttribute("type") === "file" || h.getAttribute("type") === "hidden") continue;
      const style = getComputedStyle(h);
      if (style.visibility === "hidden" || style.display === "none" || Number(style.opacity) < 0.05) continue;
      // The control may be visually replaced by its Fluent wrapper (a checkbox's input is the box).
      h.scrollIntoView({ block: "center", inline: "nearest" });
      const r = h.getBoundingClientRect();
      if (r.width < 2 || r.height < 2) continue;
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      const ok =
        hit &&
        (hit === h ||
          h.contains(hit) ||
          hit.contains(h) ||
          hit.closest("label")?.contains(h) ||
          (hit.closest(".fui-Checkbox, .fui-Select, .fui-Input, .fui-Textarea") ?? null)?.contains(h));
      if (!ok) out.push(`${name(h)} is covered by ${hit ? name(hit) : "nothing"}`);
    }
    return out;
  });
}

describe.each(["vi", "en"] as const)("every step in %s", (lang) => {
  it.each([320, 450])(
    "at %i px: nothing wider than the pane, every control clickable at its centre",
    async (width) => {
      const { page, errors } = await openPreview(preview, `?width=${width}&lang=${lang}`, {
        width: width + 900,
        height: 900,
      });
      const tabs = page.locator("#pane [role=tab]");
      const n = await tabs.count();
      expect(n).toBeGreaterThanOrEqual(6);
      const found: string[] = [];
      for (let k = 0; k < n; k++) {
        await tabs.nth(k).click();
        const label = (await tabs.nth(k).innerText()).trim();
        found.push(...(await defects(page)).map((d) => `${label}: ${d}`));
      }
      expect(found).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});

it.each(["vi", "en"] as const)(
  "a screenshot of every step at 350 px (%s), and of the chart",
  async (lang) => {
    const { page } = await openPreview(preview, `?width=350&lang=${lang}`, { width: 1250, height: 900 });
    const tabs = page.locator("#pane [role=tab]");
    const n = await tabs.count();
    // Vietnamese keeps its original file names (every-step-350-1.png …); English adds "-en".
    const suffix = lang === "vi" ? "" : "-en";
    for (let k = 0; k < n; k++) {
      await tabs.nth(k).click();
      await page.locator("#pane").evaluate((el) => el.scrollTo(0, 0));
      await shot(page, `every-step-350-${k + 1}${suffix}`);
    }
    // Kết quả after a preview: the ranking and its chart, the chart alone as a picture too.
    await tabs.nth(3).click();
    await page
      .getByRole("button", { name: lang === "vi" ? "Xem trước xếp hạng" : "Preview ranking" })
      .click();
    const chart = page.locator("figure", { has: page.getByTestId("score-chart") });
    await chart.waitFor();
    // Tall enough that the action bar pinned to the bottom does not cover the chart in the picture.
    await page.setViewportSize({ width: 1250, height: 2400 });
    await chart.screenshot({ path: join(SCREENSHOTS, `results-chart-350${suffix}.png`) });
    // Every label of the chart is at least 12 px, as drawn.
    const small = await chart.evaluate((fig) =>
      Array.from(fig.querySelectorAll("svg text"))
        .map((t) => [t.textContent ?? "", parseFloat(getComputedStyle(t).fontSize)] as const)
        .filter(([, size]) => !(size >= 12)),
    );
    expect(small).toEqual([]);
    await page.close();
    if (lang !== "vi") return;
    // Office's dark theme: the same chart in theme colours.
    const dark = await openPreview(preview, "?width=350&theme=dark", { width: 1250, height: 2400 });
    await dark.page.locator("#pane [role=tab]").nth(3).click();
    await dark.page.getByRole("button", { name: "Xem trước xếp hạng" }).click();
    const darkChart = dark.page.locator("figure", { has: dark.page.getByTestId("score-chart") });
    await darkChart.waitFor();
    await darkChart.screenshot({ path: join(SCREENSHOTS, "results-chart-350-dark.png") });
    await dark.page.close();
  },
);
