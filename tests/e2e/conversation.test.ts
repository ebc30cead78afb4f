// The heart of the product in real browsers: a host page on another origin
// embeds the snippet, a visitor opens the chat (iframe, then popup), picks a
// category, an operator in a second browser context accepts the ringing offer,
// they exchange messages both ways, and the visitor rates the chat. Then W3:
// with no operator online the visitor is offered the e-mail form.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { BrowserContext, FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../helpers/server";
import { chromiumMissing, closeBrowser, expectNoAxeViolations, loginAs, newContext, WAIT_MS, printServerLogOnFailure } from "../helpers/browser";

const missing = chromiumMissing();
if (missing) console.warn(`[e2e] skipped: ${missing}`);

describe.skipIf(missing)("a conversation through the widget", () => {
  let server: TestServer;
  let host: http.Server;
  let hostUrl: string;
  let operatorCtx: BrowserContext;
  let visitorCtx: BrowserContext;
  let operator: Page;
  let visitor: Page;

  beforeAll(async () => {
    server = await startServer({ SEED_DEMO: "1", RATE_LIMIT: "off" });
    // The customer's site: another origin (localhost vs 127.0.0.1, another port).
    host = http.createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><html lang="en"><head><title>ACME shop ${req.url}</title>
        <style>button { background: red; } body { font-family: serif; }</style></head>
        <body><h1>ACME shop</h1><a href="/pricing">Pricing</a>
        <script src="${server.url}/widget.js" async></script></body></html>`);
    });
    await new Promise<void>((r) => host.listen(0, "127.0.0.1", r));
    hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`;

    operatorCtx = await newContext({ baseUrl: server.url });
    operator = await operatorCtx.newPage();
    await loginAs(operator, server.url, "operator1@demo.local", "demo");
    await operator.goto(`${server.url}/operator`);
    visitorCtx = await newContext();
    visitor = await visitorCtx.newPage();
  });

  printServerLogOnFailure(() => server);
  afterAll(async () => {
    await operatorCtx?.close();
    await visitorCtx?.close();
    await closeBrowser();
    await new Promise((r) => host?.close(r));
    await server?.stop();
  });

  function chatFrame(): FrameLocator {
    return visitor.frameLocator('iframe[src*="/chat"]');
  }

  it("the visitor reaches a free operator, they talk both ways, and the visitor rates the chat", async () => {
    // The switch is optimistic: wait for the server to have the operator ready.
    await Promise.all([
      operator.waitForResponse((r) => r.url().endsWith("/api/operator/status") && r.ok()),
      operator.locator('label:has(input[value="ready"])').click(),
    ]);
    await expect.poll(() => operator.locator('input[value="ready"]').isChecked(), { timeout: WAIT_MS }).toBe(true);
    await visitor.goto(hostUrl);
    await visitor.getByRole("button", { name: "Open chat" }).click();
    const chat = chatFrame();
    await chat.getByRole("button", { name: /Sales/ }).click();
    await chat.getByLabel("Your question").fill("Do you deliver to Riga?");
    await chat.getByRole("button", { name: "Start chat" }).click();

    // The offer rings in the workplace like a call; the operator accepts.
    const offer = operator.getByRole("button", { name: "Accept" });
    await offer.click();
    const transcript = operator.getByRole("log");
    await expect.poll(() => transcript.innerText(), { timeout: WAIT_MS }).toContain("Do you deliver to Riga?");

    // The greeting with the operator's name reaches the visitor.
    const visitorLog = chat.getByRole("log");
    await expect.poll(() => visitorLog.innerText(), { timeout: WAIT_MS }).toContain("I'm Olivia");

    // Visitor → operator, with markup shown as text, never interpreted.
    await chat.getByLabel("Message").fill("Is <b>express</b> possible?");
    await chat.getByLabel("Message").press("Enter");
    await expect.poll(() => transcript.innerText(), { timeout: WAIT_MS }).toContain("Is <b>express</b> possible?");
    expect(await transcript.locator("b").count()).toBe(0);

    // Operator → visitor.
    await operator.getByRole("textbox", { name: /Message to/ }).fill("Yes, in two days.");
    await operator.getByRole("textbox", { name: /Message to/ }).press("Enter");
    await expect.poll(() => visitorLog.innerText(), { timeout: WAIT_MS }).toContain("Yes, in two days.");

    await expectNoAxeViolations(operator, "operator workplace with a dialog");

    // The conversation continues in a popup window.
    const [popup] = await Promise.all([visitorCtx.waitForEvent("page"), chat.getByRole("button", { name: "Open in a new window" }).click()]);
    await popup.waitForLoadState("load");
    const popupLog = popup.getByRole("log");
    await expect.poll(() => popupLog.innerText(), { timeout: WAIT_MS }).toContain("Yes, in two days.");
    await popup.getByLabel("Message").fill("Great, thanks!");
    await popup.getByLabel("Message").press("Enter");
    await expect.poll(() => transcript.innerText(), { timeout: WAIT_MS }).toContain("Great, thanks!");
    await expectNoAxeViolations(popup, "visitor chat (popup)");

    // The visitor ends the chat and rates it.
    await popup.getByRole("button", { name: "End chat" }).first().click();
    const confirmEnd = popup.locator('[role="group"]', { hasText: "End this chat?" });
    await confirmEnd.waitFor().catch(async (e) => {
      await popup.screenshot({ path: "/tmp/e2e-end.png" });
      throw e;
    });
    await confirmEnd.getByRole("button").first().click();
    await popup.getByRole("radio", { name: /5 of 5/ }).check().catch(async (e) => {
      await popup.screenshot({ path: "/tmp/e2e-rating.png" });
      throw e;
    });
    await popup.getByRole("button", { name: "Send rating" }).click();
    await popup.getByText("Thank you!").waitFor();
    await popup.close();
  }, 120_000);

  it("with no operator online the visitor is offered the e-mail form (W3)", async () => {
    await Promise.all([
      operator.waitForResponse((r) => r.url().endsWith("/api/operator/status") && r.ok()),
      operator.locator('label:has(input[value="offline"])').click(),
    ]);
    await expect.poll(() => operator.locator('input[value="offline"]').isChecked(), { timeout: WAIT_MS }).toBe(true);

    const ctx = await newContext();
    try {
      const page = await ctx.newPage();
      await page.goto(`${hostUrl}/pricing`);
      await page.getByRole("button", { name: "Open chat" }).click();
      const chat = page.frameLocator('iframe[src*="/chat"]');
      await chat.getByRole("button", { name: /Support/ }).click();
      await chat.getByLabel("Your question").fill("Is anybody there?");
      await chat.getByRole("button", { name: "Start chat" }).click();
      await chat.getByText("Leave us a message").first().waitFor();
      await chat.getByLabel(/Your name|Name/).first().fill("Mia");
      await chat.getByLabel("E-mail").fill("mia@example.com");
      const body = chat.getByLabel("Message");
      if (!(await body.inputValue())) await body.fill("Please write back.");
      await chat.getByRole("button", { name: "Send message" }).click();
      await chat.getByText("Message sent").first().waitFor();
    } finally {
      await ctx.close();
    }
  }, 120_000);
});
