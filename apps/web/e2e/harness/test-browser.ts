import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/** Debian's chromium (`apt-get install -y chromium`); .ci/run installs it. Override with CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Where tests save their screenshots (git-ignored). */
export const screenshotDirectory = resolve(fileURLToPath(import.meta.url), "../../screenshots");

const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A page that records every console error and uncaught exception, so a test can fail on them. */
export interface WatchedPage {
  page: Page;
  /** Console errors and page errors seen so far, in order. */
  problems: string[];
  /** Save a full-page screenshot as screenshots/<name>.png. */
  screenshot(name: string): Promise<void>;
}

export interface TestBrowser {
  /** A page in a browser of its own (fresh profile: no cookies, no stored language). */
  newPage(viewport?: { width: number; height: number }): Promise<WatchedPage>;
  /** Close every browser opened and remove their profiles. */
  close(): Promise<void>;
}

/** Headless chromium launcher: each page gets its own process and a fresh --user-data-dir, removed on close. */
export function launchTestBrowser(locale = "en-US"): TestBrowser {
  mkdirSync(screenshotDirectory, { recursive: true });
  const opened: Array<{ context: BrowserContext; profile: string }> = [];
  return {
    async newPage(viewport = { width: 1280, height: 800 }) {
      const profile = mkdtempSync(join(tmpdir(), "tenure-chromium-"));
      let context: BrowserContext;
      try {
        context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: chromiumArgs, locale, viewport });
      } catch (error) {
        rmSync(profile, { recursive: true, force: true });
        throw error;
      }
      opened.push({ context, profile });
      const page = context.pages()[0] ?? (await context.newPage());
      const problems: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(`console: ${message.text()}`);
      });
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      return { page, problems, screenshot: async (name) => void (await page.screenshot({ path: join(screenshotDirectory, `${name}.png`), fullPage: true })) };
    },
    async close() {
      for (const { context, profile } of opened.splice(0)) {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}
