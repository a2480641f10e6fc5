/**
 * Section 7: the pane's first render in Chromium, from the browser preview (dist/preview: the
 * production pane beside the Excel double; `npm run build:preview`), at 320 px as in Excel.
 * Each run is a fresh browser context (cold cache). An init script records, with the page's own
 * clock, the moment the pane's first step tab is in the DOM: `ms` counts from navigation start
 * (the preview's own page and workbook too), `paneMs` from the moment the preview asks for the
 * pane's code (its `emu:pane-import` mark) — the part an Excel user waits for after opening
 * the pane. Debian's /usr/bin/chromium through playwright-core; skipped when it is absent.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { median } from "./stats";

export interface PaneRender {
  /** Median ms from navigation start to the pane's first step tab in the DOM. */
  ms: number;
  /** Median ms from the preview's request for the pane code to the same moment. */
  paneMs: number;
  runs: number;
  width: number;
  /** The preview was (re)built in this benchmark. */
  built: boolean;
}

const CHROMIUM = process.env.EMU_CHROMIUM ?? "/usr/bin/chromium";

function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function ensurePreview(root: string, log: (s: string) => void): boolean {
  const html = join(root, "dist", "preview", "index.html");
  const sources = Math.max(
    ...["taskpane", "preview", "core", "excel", "app", "commands"].map((d) => newest(join(root, "src", d))),
  );
  if (existsSync(html) && statSync(html).mtimeMs >= sources) return false;
  log("  dist/preview is missing or stale: npm run build:preview …");
  const res = spawnSync("npm", ["run", "build:preview"], { cwd: root, stdio: ["ignore", 2, 2] });
  if (res.status !== 0) throw new Error("npm run build:preview failed");
  return true;
}

/** The moment the first step tab appears, on the page's clock (set before any page script). */
const RECORD_FIRST_TAB = `
  new MutationObserver((_, obs) => {
    if (document.querySelector("#root [role=tab]")) {
      window.__emuFirstTab = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

export async function measurePaneRender(
  root: string,
  runs: number,
  log: (s: string) => void = () => undefined,
): Promise<PaneRender | null> {
  if (!existsSync(CHROMIUM)) {
    log(`  ${CHROMIUM} is missing: the pane's first render is not measured (apt-get install -y chromium)`);
    return null;
  }
  const built = ensurePreview(root, log);
  const server: ChildProcess = spawn(
    process.execPath,
    [join(root, "src", "dev", "preview-server.mjs"), "--port", "0"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      server.stdout?.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /EMU preview: (\S+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      server.once("exit", (code) => reject(new Error(`preview server exited ${code}`)));
      setTimeout(() => reject(new Error(`preview server did not start: ${out}`)), 15_000);
    });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
      ],
    });
    try {
      const total: number[] = [];
      const pane: number[] = [];
      for (let k = 0; k <= runs; k++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.addInitScript(RECORD_FIRST_TAB);
        await page.goto(`${url}?width=320`);
        await page.waitForFunction(
          () => (window as { __emuFirstTab?: number }).__emuFirstTab !== undefined,
          null,
          {
            timeout: 60_000,
          },
        );
        const t = await page.evaluate(() => {
          const first = (window as { __emuFirstTab?: number }).__emuFirstTab ?? NaN;
          const mark = performance.getEntriesByName("emu:pane-import")[0];
          return { first, pane: mark ? first - mark.startTime : NaN };
        });
        await context.close();
        if (k === 0) continue; // warm-up: the server's and the browser's first page
        total.push(t.first);
        pane.push(t.pane);
        log(
          `  first render run ${k}: ${t.first.toFixed(0)} ms from navigation, ${t.pane.toFixed(0)} ms of pane`,
        );
      }
      return { ms: median(total), paneMs: median(pane), runs, width: 320, built };
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }
}
