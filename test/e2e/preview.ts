/**
 * Helpers for the browser tests: the preview server on a free loopback port, and Debian's
 * headless Chromium driven by playwright-core (never a downloaded browser).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const ROOT = join(__dirname, "..", "..");
export const SCREENSHOTS = join(ROOT, "test-results", "screenshots");
export const CHROMIUM = process.env.EMU_CHROMIUM ?? "/usr/bin/chromium";

export interface Preview {
  readonly url: string;
  /** A folder served under /extra/ (?file=extra/<name>). */
  readonly extraDir: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function startPreview(): Promise<Preview> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const extraDir = mkdtempSync(join(tmpdir(), "emu-e2e-"));
  const server: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, "src", "dev", "preview-server.mjs"), "--port", "0", "--extra", extraDir],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    let err = "";
    server.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /EMU preview: (\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    server.stderr?.on("data", (d: Buffer) => (err += d.toString()));
    server.once("exit", (code) => reject(new Error(`preview server exited ${code}: ${err}`)));
    setTimeout(() => reject(new Error(`preview server did not start: ${out}${err}`)), 15_000);
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    url,
    extraDir,
    browser,
    async close() {
      await browser.close().catch(() => undefined);
      server.kill();
      rmSync(extraDir, { recursive: true, force: true });
    },
  };
}

/** Opens the preview and waits until the workbook is loaded and the pane has mounted. */
export async function openPreview(
  preview: Preview,
  query = "",
  viewport = { width: 1280, height: 900 },
): Promise<{ page: Page; errors: string[] }> {
  const page = await preview.browser.newPage({ viewport });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${preview.url}${query}`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  await page.getByRole("tab", { name: /1\./ }).waitFor();
  return { page, errors };
}

export function shot(page: Page, name: string, full = false): Promise<Buffer> {
  return page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: full });
}

/** The grid's cell text on the active sheet ("B9"). */
export async function gridCell(page: Page, addr: string): Promise<string> {
  return (await page.locator(`table.grid td[data-addr="${addr}"]`).innerText()).trim();
}
