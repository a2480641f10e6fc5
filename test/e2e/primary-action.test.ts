/**
 * Issue 10, "progress where the eye is": in a short, narrow pane (320×500 and 350×600, in
 * Vietnamese and English) every step's primary action is visible and receives a click at its
 * centre with the pane scrolled to the top, before and after the step has run (a long issue list,
 * a long notice form); and the running operation shows beside the button that started it.
 */
import type { Page } from "playwright-core";
import { uiText, type Lang, type UiTextKey } from "../../src/core";
import { openPreview, startPreview, type Preview } from "./preview";

jest.setTimeout(300_000);

let preview: Preview;
beforeAll(async () => {
  preview = await startPreview();
});
afterAll(async () => preview?.close());

/** Each step's primary action, by its tab's number (either name, when the step has run). */
const PRIMARY: Readonly<Record<string, readonly UiTextKey[]>> = {
  "1": ["saveMapping"],
  "2": ["rulesSave"],
  "3": ["checkRun", "checkAgain"],
  "4": ["resultsCompute"],
  "5": ["noticeGenerate"],
  "6": ["formsMake", "formsApply"],
  "7": ["conferenceTally"],
};

/** With the pane scrolled to the top: is the visible step's primary button hit at its centre? */
async function reachable(page: Page, names: readonly string[]): Promise<string | null> {
  return page.evaluate((names) => {
    const pane = document.querySelector("#pane") as HTMLElement;
    pane.scrollTo(0, 0);
    document.scrollingElement?.scrollTo(0, 0);
    const panel = pane.querySelector("[role=tabpanel]:not([hidden])");
    if (!panel) return "no visible step";
    const button = Array.from(panel.querySelectorAll("button")).find((b) =>
      names.includes((b.textContent ?? "").trim()),
    );
    if (!button) return `no button named ${names.join(" / ")}`;
    const r = button.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (y < 0 || y > window.innerHeight || x < 0 || x > window.innerWidth)
      return `“${names[0]}” is off screen (centre at ${Math.round(x)}, ${Math.round(y)}; window ${window.innerWidth}×${window.innerHeight})`;
    const hit = document.elementFromPoint(x, y);
    if (!hit || !(hit === button || button.contains(hit)))
      return `“${names[0]}” is covered by ${hit ? `${hit.tagName.toLowerCase()} “${(hit.textContent ?? "").trim().slice(0, 40)}”` : "nothing"}`;
    return null;
  }, names);
}

async function everyStep(page: Page, lang: Lang, when: string): Promise<string[]> {
  const tabs = page.locator("#pane [role=tab]");
  const n = await tabs.count();
  expect(n).toBeGreaterThanOrEqual(7);
  const found: string[] = [];
  for (let k = 0; k < n; k++) {
    await tabs.nth(k).click();
    const label = (await tabs.nth(k).innerText()).trim();
    const number = /^(\d+)\./.exec(label)?.[1] ?? "";
    const keys = PRIMARY[number];
    if (!keys) continue;
    // A step's code is fetched the first time its tab opens (a spinner meanwhile): wait for it.
    await page
      .waitForFunction(
        (names) =>
          Array.from(document.querySelectorAll("#pane [role=tabpanel]:not([hidden]) button")).some((b) =>
            names.includes((b.textContent ?? "").trim()),
          ),
        keys.map((key) => uiText(lang, key)),
        { timeout: 20_000 },
      )
      .catch(() => undefined);
    const problem = await reachable(
      page,
      keys.map((key) => uiText(lang, key)),
    );
    if (problem) found.push(`${when}, ${label}: ${problem}`);
  }
  return found;
}

const idle = (page: Page) =>
  page.waitForFunction(() => !document.querySelector("#root [role=status] .fui-Spinner"));

describe.each(["vi", "en"] as const)("in %s", (lang) => {
  it.each([
    [320, 500],
    [350, 600],
  ])("at %i×%i px: every step's primary action is on screen and clickable", async (width, height) => {
    const { page, errors } = await openPreview(preview, `?width=${width}&lang=${lang}`, {
      width: width + 700,
      height,
    });
    const found = await everyStep(page, lang, "first opened");
    // After running: Kiểm tra lists issues, Kết quả shows the ranking and the chart.
    await page.locator("#pane [role=tab]").nth(2).click();
    await page.getByRole("button", { name: uiText(lang, "checkRun") }).click();
    await idle(page);
    await page.locator("#pane [role=tab]").nth(3).click();
    await page.getByRole("button", { name: uiText(lang, "resultsPreview") }).click();
    await idle(page);
    found.push(...(await everyStep(page, lang, "after running")));
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

it("the running operation shows beside the button that started it", async () => {
  const { page } = await openPreview(preview, "?width=320", { width: 1020, height: 500 });
  await page.locator("#pane [role=tab]").nth(3).click();
  const button = page.getByRole("button", { name: uiText("vi", "resultsCompute") });
  // The step's code arrives on its first opening (with its own loading spinner): wait for it.
  await button.waitFor();
  // The spinner appears while the ranking is written: catch it the moment it does.
  const seen = page.evaluate(
    (name) =>
      new Promise<string>((resolve) => {
        const look = () => {
          const spinner = document.querySelector("#pane [role=tabpanel]:not([hidden]) .fui-Spinner");
          if (!spinner) return false;
          const b = Array.from(document.querySelectorAll("#pane button")).find(
            (x) => (x.textContent ?? "").trim() === name,
          );
          const s = spinner.getBoundingClientRect();
          const r = b?.getBoundingClientRect();
          resolve(
            r &&
              s.height > 0 &&
              s.top < window.innerHeight &&
              Math.abs(s.top + s.height / 2 - (r.top + r.height / 2)) < 80
              ? `beside: ${(spinner.textContent ?? "").trim()}`
              : `far: spinner at ${Math.round(s.top)}, button at ${Math.round(r?.top ?? -1)}`,
          );
          return true;
        };
        if (look()) return;
        setTimeout(() => resolve("no spinner in the step"), 20_000);
        const o = new MutationObserver(() => {
          if (look()) o.disconnect();
        });
        o.observe(document.body, { subtree: true, childList: true });
      }),
    uiText("vi", "resultsCompute"),
  );
  await button.click();
  expect(await seen).toMatch(/^beside: .*Xếp hạng và ghi kết quả.*Đang xử lý/);
  await page.close();
});
