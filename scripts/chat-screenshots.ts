// Screenshots of the visitor chat (/chat) in each of its states, English and
// Russian: full-screen at phone width, and as the 380×600 panel the loader
// opens on a host page of another origin. An operator is driven over HTTP.
//   npx tsx scripts/chat-screenshots.ts http://127.0.0.1:3000 ./screenshots/chat
// The server needs the demo users (SEED_DEMO=1). Blocked-visitor shots need a
// PostgreSQL server (DATABASE_URL in this environment too) to add a blacklist row.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { Frame, FrameLocator, Page } from "playwright-core";
import { closeBrowser, newContext, PHONE } from "../tests/helpers/browser";
import { StaffClient } from "../tests/helpers/http-client";

const [baseUrl, outDir = "screenshots/chat"] = process.argv.slice(2);
if (!baseUrl) {
  console.error("usage: npx tsx scripts/chat-screenshots.ts <baseUrl> <outDir>");
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });

// A customer's page on another origin (another port), embedding the widget.
const hostPage = (lang: string) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Shop</title></head>
<body style="font-family:system-ui;background:#f1f5f9;margin:0;padding:40px"><h1>Example shop</h1><p>A host page on another origin.</p>
<script src="${baseUrl}/widget.js" data-lang="${lang}" async></script></body></html>`;
const host = http.createServer((req, res) => {
  const lang = new URL(req.url || "/", "http://x").searchParams.get("lang") || "en";
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(hostPage(lang));
});
await new Promise<void>((r) => host.listen(0, "127.0.0.1", r));
const hostUrl = `http://127.0.0.1:${(host.address() as { port: number }).port}`;

const operator = new StaffClient(baseUrl);
await operator.login("operator1@demo.local", process.env.DEMO_PASSWORD || "demo");
const opPost = (p: string, body: unknown = {}) =>
  operator.fetch(p, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

async function dialogIdOf(token: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const s = await (await fetch(`${baseUrl}/api/chat/state`, { headers: { "x-visitor-token": token } })).json();
    if (s.dialog?.id) return s.dialog.id as string;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("no dialog");
}

type Surface = { page: Page; ui: Page | Frame | FrameLocator; shot: (name: string) => Promise<void>; token: () => Promise<string> };

async function phoneSurface(locale: string): Promise<Surface & { close(): Promise<void> }> {
  const ctx = await newContext({ locale: locale as "en" | "ru", viewport: PHONE });
  const page = await ctx.newPage();
  await page.goto(`${baseUrl}/chat?lang=${locale}&embed=popup`);
  return {
    page,
    ui: page,
    async shot(name) {
      await page.waitForTimeout(400);
      const file = path.join(outDir, `${name}.${locale}.phone.png`);
      await page.screenshot({ path: file });
      console.log(file);
    },
    async token() {
      return JSON.parse((await page.evaluate(() => localStorage.getItem("webchat:chat:v1"))) || "{}").token;
    },
    close: () => ctx.close(),
  };
}

async function panelSurface(locale: string): Promise<Surface & { close(): Promise<void> }> {
  const ctx = await newContext({ locale: locale as "en" | "ru", viewport: { width: 1024, height: 760 } });
  const page = await ctx.newPage();
  await page.goto(`${hostUrl}/?lang=${locale}`);
  await page.locator("webchat-widget button.l").click();
  const frameEl = page.locator("webchat-widget iframe");
  await frameEl.waitFor();
  const frame = page.frameLocator("webchat-widget iframe");
  return {
    page,
    ui: frame,
    async shot(name) {
      await page.waitForTimeout(500);
      const file = path.join(outDir, `${name}.${locale}.panel.png`);
      await frameEl.screenshot({ path: file });
      console.log(file);
    },
    async token() {
      return JSON.parse((await page.evaluate(() => localStorage.getItem("webchat:v1"))) || "{}").token;
    },
    close: () => ctx.close(),
  };
}

const L = {
  en: { support: "Support", start: "Start chat", name: "Your name", question: "Your question", send: "Send", end: "End chat", confirm: "End this chat?", rate: "Send rating", complaint: "Complaint to the administrator", newChat: "Start a new chat" },
  ru: { support: "Support", start: "Начать чат", name: "Ваше имя", question: "Ваш вопрос", send: "Отправить", end: "Завершить чат", confirm: "Завершить чат?", rate: "Отправить оценку", complaint: "Жалоба администратору", newChat: "Начать новый чат" },
} as const;

for (const locale of ["en", "ru"] as const) {
  const w = L[locale];
  for (const make of [phoneSurface, panelSurface]) {
    await opPost("/api/operator/status", { status: "ready" });
    const s = await make(locale);
    const ui = s.ui;
    await ui.locator("h2").first().waitFor();
    await s.shot("1-categories");
    await ui.getByRole("button", { name: new RegExp(w.support) }).click();
    await s.shot("2-details");
    await ui.getByLabel(w.name).fill(locale === "ru" ? "Анна" : "Anna");
    await ui.getByLabel(w.question).fill(locale === "ru" ? "Здравствуйте! Не работает интернет с утра." : "Hello! My internet has been down since this morning.");
    await ui.getByRole("button", { name: w.start }).click();
    await ui.locator("#queue-title").waitFor();
    await s.shot("3-queued");

    const token = await s.token();
    const dialogId = await dialogIdOf(token);
    await opPost(`/api/operator/offers/${dialogId}/accept`);
    await opPost(`/api/operator/dialogs/${dialogId}/messages`, {
      clientId: `op-${Date.now()}`,
      body: "Let me check your line.\nCould you tell me your contract number? <b>not bold</b>",
    });
    await ui.getByText("not bold").first().waitFor();
    await ui.locator("#composer").fill(locale === "ru" ? "Конечно, 12345" : "Sure, it is 12345");
    await ui.locator("#composer").press("Enter");
    await ui.getByText(/12345/).first().waitFor();
    await s.shot("4-chat");

    await ui.getByRole("button", { name: w.end }).first().click();
    await s.shot("5-end-confirm");
    await ui.getByRole("group", { name: w.confirm }).getByRole("button", { name: w.end }).click();
    await ui.locator("#ended-title").waitFor();
    await s.shot("6-ended-rating");
    await ui.locator('label:has(input[name="score"][value="4"])').click();
    await s.shot("7-rating-chosen");
    await ui.getByRole("button", { name: w.rate }).click();
    await ui.locator("[role=status] p[tabindex]").waitFor();
    await s.shot("8-thanks");

    await ui.getByRole("button", { name: w.complaint }).click();
    await s.shot("9-complaint");

    // W3: nobody online.
    await opPost("/api/operator/status", { status: "away" });
    await s.page.reload();
    // The loader reopens the panel that was open before the reload.
    await ui.getByRole("button", { name: w.newChat }).click().catch(() => {});
    await ui.getByRole("button", { name: new RegExp(w.support) }).click();
    await ui.getByLabel(w.question).fill("Anyone there?");
    await ui.getByRole("button", { name: w.start }).click();
    await ui.locator("form h2").waitFor();
    await s.shot("10-offline");

    // M11: a blacklisted visitor.
    if (process.env.DATABASE_URL) {
      const { default: postgres } = await import("postgres");
      const sql = postgres(process.env.DATABASE_URL);
      const visitorId = (await s.token()).split(".")[0];
      await sql`insert into blacklist (visitor_id, reason) values (${visitorId}, 'screenshot')`;
      await sql.end();
      await s.page.reload();
      await ui.getByRole("heading", { level: 2 }).first().waitFor();
      await s.shot("11-blocked");
    }
    await s.close();
  }
}

await closeBrowser();
host.close();
