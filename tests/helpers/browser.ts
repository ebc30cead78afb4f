// The system Chromium (Debian's `chromium` package) driven by playwright-core,
// with the sign-in and accessibility helpers the browser tests and the
// screenshot script share. Never `npx playwright install`: it downloads a browser.
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterEach } from "vitest";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

// Without the background-networking ones Chromium floods the closed network.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

export const DESKTOP = { width: 1366, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/** Why the browser tests cannot run here, or null when Chromium is installed. */
export function chromiumMissing(): string | null {
  try {
    fs.accessSync(CHROMIUM_PATH, fs.constants.X_OK);
    return null;
  } catch {
    return `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  }
}

let shared: Browser | null = null;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** One browser per process, launched on first use. */
export async function browser(): Promise<Browser> {
  if (!shared || !shared.isConnected()) shared = await launchBrowser();
  return shared;
}

export async function closeBrowser(): Promise<void> {
  const b = shared;
  shared = null;
  await b?.close().catch(() => {});
}

export interface ContextOptions {
  locale?: "en" | "ru";
  viewport?: { width: number; height: number };
  /** Also pin the language with the app's NEXT_LOCALE cookie for this origin. */
  baseUrl?: string;
}

/**
 * How long a browser test waits for something to appear. Generous on purpose:
 * CI runs two test files at once on two cores next to their servers, where a
 * page that shows a change in 1 s alone can take over 15 s. A wait is not a
 * speed check (that is `npm run bench`); it only bounds a hang.
 */
export const WAIT_MS = 40_000;

/** A fresh browser context (own cookies) speaking `locale` through Accept-Language. */
export async function newContext({ locale = "en", viewport = DESKTOP, baseUrl }: ContextOptions = {}): Promise<BrowserContext> {
  const ctx = await (await browser()).newContext({
    locale: locale === "ru" ? "ru-RU" : "en-US",
    extraHTTPHeaders: { "accept-language": locale === "ru" ? "ru-RU,ru;q=0.9" : "en-US,en;q=0.9" },
    viewport,
    deviceScaleFactor: 1,
    isMobile: false,
    reducedMotion: "reduce",
  });
  if (baseUrl) await ctx.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseUrl }]);
  ctx.setDefaultTimeout(WAIT_MS);
  ctx.setDefaultNavigationTimeout(WAIT_MS);
  return ctx;
}

/** Signs in through the real /login form and waits until the browser has left it. */
export async function loginAs(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(new URL("/login", baseUrl).toString());
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== "/login" && url.pathname !== "/after-login", { timeout: WAIT_MS }),
    page.locator('form button[type="submit"]').click(),
  ]);
  await page.waitForLoadState("load");
}

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Runs axe (WCAG 2 A/AA) on the page and throws with a readable list of what it found. */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  if (!results.violations.length) return;
  const lines = results.violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 5)
      .map((n) => `      ${n.target.join(" ")}\n        ${(n.failureSummary ?? "").split("\n").join("\n        ")}`)
      .join("\n");
    const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : "";
    return `  [${v.impact ?? "?"}] ${v.id}: ${v.help} (${v.nodes.length} element(s))\n    ${v.helpUrl}\n${nodes}${more}`;
  });
  throw new Error(`axe found ${results.violations.length} accessibility violation(s) on ${label}:\n${lines.join("\n")}`);
}

/**
 * After a failed browser test, prints the end of the server's log, so a
 * failure seen only in CI can be understood from its output.
 */
export function printServerLogOnFailure(server: () => { output(): string } | undefined): void {
  afterEach((ctx) => {
    if (ctx.task.result?.state !== "fail") return;
    const log = server()?.output() ?? "";
    console.error(`[e2e] the server's log, last 6000 characters, after "${ctx.task.name}" failed:\n${log.slice(-6000)}`);
  });
}
