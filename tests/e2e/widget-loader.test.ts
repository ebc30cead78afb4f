// The loader on a customer's page of another origin, in a real Chromium against
// the production server: shadow-root launcher, untouched host styles, one global,
// the iframe panel and the popup, the postMessage protocol with origin checks,
// Escape and focus, and reopening after a reload.
//
// /chat is answered by a stand-in that speaks lib/widget/protocol.ts, so this
// file tests the loader's side of the protocol whatever state the chat app is in.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Frame, Page } from "playwright-core";
import { WEBCHAT_STUB } from "@/lib/widget/snippet";
import { buildWidget } from "@/widget/build";
import { chromiumMissing, closeBrowser, newContext, PHONE, printServerLogOnFailure } from "../helpers/browser";
import { startServer, type TestServer } from "../helpers/server";

const missing = chromiumMissing();
if (missing) console.warn(`[e2e] skipping the widget loader in a browser: ${missing}`);

let server: TestServer;
let site: http.Server;
let siteUrl: string;
let widgetCode: string;
const contexts: BrowserContext[] = [];

// The customer's page: aggressive styles of its own, the stub, the snippet.
function hostPage(chatUrl: string, attrs: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop home</title>
<style>
  * { box-sizing: content-box; }
  body { font: 20px/1.2 Georgia, serif; color: rgb(10, 20, 30); background: rgb(250, 240, 230); }
  button { background: rgb(200, 0, 0) !important; color: rgb(255, 255, 0) !important; font-size: 30px !important; }
  div, span, iframe { display: none !important; }
</style>
<script>window.__before = Object.getOwnPropertyNames(window);</script>
<script>${WEBCHAT_STUB}</script>
<script>Webchat.on("unread", function (n) { window.__unread = n; }); Webchat.setVisitor({ name: "Ann Example" });</script>
</head><body>
<h1 id="title">Welcome to the shop</h1>
<button id="own" type="button" onclick="Webchat.open()">Chat with us</button>
<script src="${chatUrl}/widget.js" async ${attrs}></script>
</body></html>`;
}

// A stand-in for the chat app: says ready to its parent or opener, records the
// init it gets, forwards Escape as "webchat:close" (keys inside a cross-origin
// iframe never reach the host page).
const FAKE_CHAT = `<!doctype html><html lang="en"><head><title>Chat</title></head><body><h1>Chat</h1><input id="composer" aria-label="Message">
<script>
  window.inits = [];
  var up = window.opener || window.parent;
  addEventListener("message", function (e) {
    if (e.source === up && e.data && e.data.type === "webchat:init") { window.inits.push({ origin: e.origin, data: e.data }); window.hostOrigin = e.origin; }
  });
  addEventListener("keydown", function (e) { if (e.key === "Escape") up.postMessage({ type: "webchat:close" }, window.hostOrigin || "*"); });
  window.send = function (m) { up.postMessage(m, window.hostOrigin); };
  up.postMessage({ type: "webchat:ready" }, "*");
</script></body></html>`;

async function openSite(query = "", viewport?: { width: number; height: number }): Promise<{ page: Page; ctx: BrowserContext }> {
  const ctx = await newContext({ locale: "en", ...(viewport ? { viewport } : {}) });
  contexts.push(ctx);
  // The freshly built loader, exactly as `npm run build:widget` makes it, from the chat host.
  await ctx.route(`${server.url}/widget.js`, (r) => r.fulfill({ body: widgetCode, contentType: "application/javascript" }));
  await ctx.route(new RegExp(`^${server.url.replace(/[.]/g, "\\.")}/chat(\\?|$)`), (r) => r.fulfill({ body: FAKE_CHAT, contentType: "text/html" }));
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(`${siteUrl}/${query}`);
  return { page, ctx };
}

const launcher = (page: Page) => page.locator("webchat-widget").locator("button.l");

async function chatFrame(page: Page): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const f = page.frames().find((fr) => fr.url().startsWith(`${server.url}/chat`));
    if (f) {
      await f.waitForFunction(() => (window as unknown as { inits: unknown[] }).inits?.length > 0);
      return f;
    }
    await page.waitForTimeout(50);
  }
  throw new Error("the chat iframe did not load");
}

const shadowState = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector("webchat-widget")!.shadowRoot!;
    const l = root.querySelector<HTMLElement>("button.l")!;
    const panel = root.querySelector<HTMLElement>(".p")!;
    return {
      expanded: l.getAttribute("aria-expanded"),
      label: l.getAttribute("aria-label"),
      panelVisible: getComputedStyle(panel).visibility === "visible",
      iframe: root.querySelector("iframe")?.getAttribute("src") ?? null,
      iframeTitle: root.querySelector("iframe")?.getAttribute("title") ?? null,
      focused: root.activeElement?.tagName ?? null,
      badge: root.querySelector<HTMLElement>(".b")!.hidden ? null : root.querySelector(".b")!.textContent,
    };
  });

describe.skipIf(!!missing)("widget loader on a page of another origin", () => {
  beforeAll(async () => {
    widgetCode = (await buildWidget()).code;
    server = await startServer();
    site = http.createServer((req, res) => {
      const u = new URL(req.url ?? "/", "http://x");
      const attrs = [
        u.searchParams.get("mode") ? `data-mode="${u.searchParams.get("mode")}"` : "",
        u.searchParams.has("left") ? 'data-position="bottom-left"' : "",
        u.searchParams.has("hide") ? "data-hide-button" : "",
        'data-lang="en"',
      ].join(" ");
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(hostPage(server.url, attrs));
    });
    await new Promise<void>((r) => site.listen(0, "127.0.0.1", r));
    // "localhost" vs the server's 127.0.0.1: another origin, as on a real customer's site.
    siteUrl = `http://localhost:${(site.address() as AddressInfo).port}`;
  });

  printServerLogOnFailure(() => server);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await closeBrowser();
    await new Promise((r) => site?.close(r));
    await server?.stop();
  });

  it("serves its config with CORS for the calling site", async () => {
    const res = await fetch(`${server.url}/api/widget/config`, { headers: { origin: siteUrl } });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(siteUrl);
    expect(res.headers.get("cache-control")).toContain("max-age=60");
    expect(Object.keys(await res.json()).sort()).toEqual(["greeting", "launchMode", "logoUrl", "position", "primaryColor", "textColor", "title"]);
    const pre = await fetch(`${server.url}/api/widget/config`, { method: "OPTIONS", headers: { origin: siteUrl, "access-control-request-method": "GET" } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe(siteUrl);
  });

  it("draws a themed launcher in a shadow root and leaves the page alone", async () => {
    const { page } = await openSite();
    const before = await page.evaluate(() => ({
      sheets: document.styleSheets.length,
      head: document.head.children.length,
      title: getComputedStyle(document.getElementById("title")!).fontFamily,
      own: getComputedStyle(document.getElementById("own")!).backgroundColor,
    }));
    await launcher(page).waitFor({ state: "visible" });
    expect(await launcher(page).getAttribute("aria-label")).toBe("Open chat");
    expect(await launcher(page).getAttribute("aria-expanded")).toBe("false");

    const after = await page.evaluate(() => {
      const host = document.querySelector("webchat-widget")!;
      const l = host.shadowRoot!.querySelector("button.l")!;
      const ls = getComputedStyle(l);
      return {
        sheets: document.styleSheets.length,
        head: document.head.children.length,
        title: getComputedStyle(document.getElementById("title")!).fontFamily,
        own: getComputedStyle(document.getElementById("own")!).backgroundColor,
        launcherBg: ls.backgroundColor,
        launcherPosition: ls.position,
        launcherRight: ls.right,
        hostElements: document.querySelectorAll("webchat-widget").length,
        bodyChildren: [...document.body.children].map((e) => e.tagName.toLowerCase()),
        globals: Object.getOwnPropertyNames(window).filter((k) => !(window as unknown as { __before: string[] }).__before.includes(k)),
      };
    });
    // The page's own rules still win on its own elements and never reach ours.
    expect(after.sheets).toBe(before.sheets);
    expect(after.head).toBe(before.head);
    expect(after.title).toBe(before.title);
    expect(after.own).toBe("rgb(200, 0, 0)");
    expect(after.launcherBg).toBe("rgb(79, 70, 229)");
    expect(after.launcherPosition).toBe("fixed");
    expect(after.launcherRight).toBe("20px");
    expect(after.hostElements).toBe(1);
    expect(after.bodyChildren).toEqual(["h1", "button", "script", "webchat-widget"]);
    expect(after.globals.filter((g) => !["__before", "__unread"].includes(g))).toEqual(["Webchat"]);
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    // The visitor's identity lives in the site's own storage (when the session API answers).
    const stored = await page.evaluate(() => localStorage.getItem("webchat:v1"));
    if (stored) expect(Object.keys(JSON.parse(stored))).toEqual(expect.arrayContaining(["visitorId", "token"]));
  });

  it("opens the iframe panel from the site's own button, talks the protocol, and closes on Escape", async () => {
    const { page } = await openSite();
    await launcher(page).waitFor({ state: "visible" });
    await page.locator("#own").click();
    const frame = await chatFrame(page);
    let s = await shadowState(page);
    expect(s.iframe).toBe(`${server.url}/chat?embed=iframe&lang=en`);
    expect(s.iframeTitle).toBeTruthy();
    expect(s.expanded).toBe("true");
    expect(s.label).toBe("Close chat");
    expect(s.panelVisible).toBe(true);
    expect(s.focused).toBe("IFRAME");

    // init goes to the chat host's origin only, with what the site told us.
    const inits = await frame.evaluate(() => (window as unknown as { inits: { origin: string; data: Record<string, unknown> }[] }).inits);
    expect(inits[0]!.origin).toBe(siteUrl);
    expect(inits[0]!.data).toMatchObject({ type: "webchat:init", visitor: { name: "Ann Example" }, pageUrl: `${siteUrl}/`, pageTitle: "Shop home" });
    expect(["string", "object"]).toContain(typeof inits[0]!.data.token);

    // Unread from the chat reaches the badge and the site's listener; the same message from elsewhere does not.
    await frame.evaluate(() => (window as unknown as { send(m: object): void }).send({ type: "webchat:unread", count: 3 }));
    await page.waitForFunction(() => (window as unknown as { __unread?: number }).__unread === 3);
    expect((await shadowState(page)).badge).toBe("3");
    await page.evaluate(() => window.postMessage({ type: "webchat:unread", count: 9 }, "*"));
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __unread?: number }).__unread)).toBe(3);
    await frame.evaluate(() => (window as unknown as { send(m: object): void }).send({ type: "webchat:unread", count: 0 }));

    // Escape inside the chat: the chat asks the loader to close; focus returns to the launcher.
    await frame.locator("#composer").focus();
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => document.querySelector("webchat-widget")!.shadowRoot!.querySelector(".l")!.getAttribute("aria-expanded") === "false");
    s = await shadowState(page);
    expect(s.focused).toBe("BUTTON");
    expect(s.badge).toBeNull();

    // Escape on the launcher itself, with the panel open from the keyboard.
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector("webchat-widget")!.shadowRoot!.querySelector(".l")!.getAttribute("aria-expanded") === "true");
    await launcher(page).focus();
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => document.querySelector("webchat-widget")!.shadowRoot!.querySelector(".l")!.getAttribute("aria-expanded") === "false");
    expect((await shadowState(page)).panelVisible).toBe(false);
  });

  it("keeps the conversation open across a reload, and goes full screen on a phone", async () => {
    const { page } = await openSite("", PHONE);
    await launcher(page).click();
    await chatFrame(page);
    await page.reload();
    await chatFrame(page);
    const s = await shadowState(page);
    expect(s.expanded).toBe("true");
    // Restored without stealing the page's focus.
    expect(s.focused).toBeNull();
    const box = await page.evaluate(() => {
      const r = document.querySelector("webchat-widget")!.shadowRoot!.querySelector(".p")!.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    });
    expect(box).toEqual({ x: 0, y: 0, w: PHONE.width, h: PHONE.height });
  });

  it("opens a popup in popup mode and notices when the visitor closes it", async () => {
    const { page, ctx } = await openSite("?mode=popup&left");
    await launcher(page).waitFor({ state: "visible" });
    expect(await page.evaluate(() => getComputedStyle(document.querySelector("webchat-widget")!.shadowRoot!.querySelector(".l")!).left)).toBe("20px");
    const [popup] = await Promise.all([ctx.waitForEvent("page"), launcher(page).click()]);
    await popup.waitForURL(/\/chat\?/);
    await popup.waitForFunction(() => (window as unknown as { inits: unknown[] }).inits?.length > 0);
    expect(popup.url()).toBe(`${server.url}/chat?embed=popup&lang=en`);
    const init = await popup.evaluate(() => (window as unknown as { inits: { origin: string; data: { type: string } }[] }).inits[0]);
    expect(init).toMatchObject({ origin: siteUrl, data: { type: "webchat:init" } });
    expect(await launcher(page).getAttribute("aria-expanded")).toBe("true");
    expect((await shadowState(page)).iframe).toBeNull();
    await popup.close();
    await page.waitForFunction(() => document.querySelector("webchat-widget")!.shadowRoot!.querySelector(".l")!.getAttribute("aria-expanded") === "false");
  });

  it("moves from the iframe to a popup when the chat asks to pop out", async () => {
    const { page, ctx } = await openSite("?hide");
    await page.waitForFunction(() => !!(window as unknown as { Webchat?: { version?: number } }).Webchat?.version);
    await page.waitForTimeout(300);
    expect(await launcher(page).isVisible()).toBe(false);
    await page.locator("#own").click();
    const frame = await chatFrame(page);
    const [popup] = await Promise.all([
      ctx.waitForEvent("page"),
      frame.evaluate(() => (window as unknown as { send(m: object): void }).send({ type: "webchat:popout" })),
    ]);
    await popup.waitForURL(/\/chat\?/);
    await popup.waitForFunction(() => (window as unknown as { inits: unknown[] }).inits?.length > 0);
    expect(popup.url()).toBe(`${server.url}/chat?embed=popup&lang=en`);
    expect((await shadowState(page)).iframe).toBeNull();
  });
});
