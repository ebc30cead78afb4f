// The staff pages in a real Chromium against the production server: sign-in by
// role, the 403 page, sign-out, the admin forms, the language switch, and axe
// (WCAG 2 A/AA) on every page visited, in English and in Russian.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Locator, Page } from "playwright-core";
import en from "../../messages/en.json";
import ru from "../../messages/ru.json";
import { chromiumMissing, closeBrowser, DESKTOP, expectNoAxeViolations, loginAs, newContext, PHONE, WAIT_MS, printServerLogOnFailure } from "../helpers/browser";
import { startServer, type TestServer } from "../helpers/server";

const missing = chromiumMissing();
if (missing) console.warn(`[e2e] skipping the staff pages in a browser: ${missing}`);

const CATALOGUES = { en, ru } as const;
type Locale = keyof typeof CATALOGUES;
const PASSWORD = "demo";
const ACCOUNTS = {
  operator: { email: "operator1@demo.local", home: "/operator" },
  supervisor: { email: "supervisor@demo.local", home: "/supervisor" },
  admin: { email: "admin@demo.local", home: "/admin" },
} as const;

let server: TestServer;
const contexts: BrowserContext[] = [];

async function open(opts: { locale?: Locale; viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const ctx = await newContext({ locale: opts.locale ?? "en", viewport: opts.viewport ?? DESKTOP });
  contexts.push(ctx);
  return ctx.newPage();
}

async function signedIn(role: keyof typeof ACCOUNTS, locale: Locale = "en", viewport: { width: number; height: number } = DESKTOP): Promise<Page> {
  const page = await open({ locale, viewport });
  await loginAs(page, server.url, ACCOUNTS[role].email, PASSWORD);
  return page;
}

async function go(page: Page, path: string) {
  const res = await page.goto(server.url + path);
  expect(res, `navigation to ${path}`).not.toBeNull();
  return res!;
}

function path(page: Page) {
  return new URL(page.url()).pathname;
}

async function heading(page: Page) {
  return (await page.locator("h1").first().innerText()).trim();
}

/** The rows of the admin list on the page. */
function rows(page: Page) {
  return page.locator("main table tbody tr");
}

// playwright-core has no test matchers: wait on the page, assert with Vitest.
async function visible(locator: Locator) {
  await locator.first().waitFor({ state: "visible" });
}

async function hidden(locator: Locator) {
  await locator.first().waitFor({ state: "hidden" });
}

function attribute(locator: Locator, name: string) {
  return expect.poll(() => locator.getAttribute(name), { timeout: WAIT_MS });
}

function text(locator: Locator) {
  return expect.poll(async () => (await locator.innerText()).trim(), { timeout: WAIT_MS });
}

// A browser, a server and axe on a shared machine: generous per-test time.
describe.skipIf(!!missing)("staff pages in Chromium", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    server = await startServer({ SEED_DEMO: "1" });
  });
  printServerLogOnFailure(() => server);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await closeBrowser();
    await server?.stop();
  });

  describe("sign-in and areas", () => {
    for (const role of ["operator", "supervisor", "admin"] as const) {
      it(`${role} signs in through the form and lands on their area`, async () => {
        const page = await open();
        await go(page, "/login");
        await page.getByLabel(en.login.email).fill(ACCOUNTS[role].email);
        await page.getByLabel(en.login.password).fill(PASSWORD);
        await page.getByRole("button", { name: en.login.submit, exact: true }).click();
        await page.waitForURL((u) => u.pathname === ACCOUNTS[role].home);
        const title = { operator: en.workplace.title, supervisor: en.supervisor.title, admin: en.admin.title }[role];
        expect(await heading(page)).toBe(title);
        await visible(page.getByRole("button", { name: en.common.signOut }));
      });
    }

    it("a wrong password keeps the user on /login with an error", async () => {
      const page = await open();
      await go(page, "/login");
      await page.getByLabel(en.login.email).fill(ACCOUNTS.operator.email);
      await page.getByLabel(en.login.password).fill("not-the-password");
      await page.getByRole("button", { name: en.login.submit, exact: true }).click();
      await visible(page.getByText(en.login.invalid));
      expect(path(page)).toBe("/login");
      await expectNoAxeViolations(page, "/login with an error (en)");
    });

    it("an operator opening /admin gets the 403 page", async () => {
      const page = await signedIn("operator");
      const res = await go(page, "/admin");
      expect(res.status()).toBe(403);
      expect(await heading(page)).toBe(en.forbidden.title);
      await visible(page.getByText(en.forbidden.code));
      await page.getByRole("link", { name: en.forbidden.home }).click();
      await page.waitForURL((u) => u.pathname === "/operator");
    });

    it("signing out returns to /login and ends the session", async () => {
      const page = await signedIn("supervisor");
      await page.getByRole("button", { name: en.common.signOut }).click();
      await page.waitForURL((u) => u.pathname === "/login");
      await visible(page.getByLabel(en.login.email));
      await go(page, "/supervisor");
      expect(path(page)).toBe("/login");
    });

    it("the phone menu opens the navigation and closes after a navigation", async () => {
      const page = await signedIn("admin", "en", PHONE);
      const nav = page.getByRole("navigation", { name: en.nav.staffNavigation });
      await hidden(nav);
      await page.locator("header summary").click();
      await visible(nav);
      // A modal drawer keeps the keyboard inside it, both ways round, until Escape.
      const inDrawer = () => page.evaluate(() => Boolean(document.activeElement?.closest("details[open] .fixed.inset-y-0")));
      await expect.poll(inDrawer).toBe(true);
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press("Tab");
        expect(await inDrawer(), `focus after ${i + 1} Tab presses`).toBe(true);
      }
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press("Shift+Tab");
        expect(await inDrawer(), `focus after ${i + 1} Shift+Tab presses`).toBe(true);
      }
      await page.keyboard.press("Escape");
      await hidden(nav);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("SUMMARY");
      await page.locator("header summary").click();
      await visible(nav);
      await nav.getByRole("link", { name: en.nav.users }).click();
      await page.waitForURL((u) => u.pathname === "/admin/users");
      await hidden(nav);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, "horizontal overflow on a phone").toBeLessThanOrEqual(0);
    });
  });

  describe("admin forms", () => {
    const stamp = Date.now().toString(36);
    const category = `E2E Returns ${stamp}`;
    const operator = { name: `E2E Operator ${stamp}`, email: `e2e-${stamp}@example.com`, password: "e2e-password" };

    it("an admin creates a category, then an operator serving it, and sees both in the lists", async () => {
      const page = await signedIn("admin");
      await go(page, "/admin/categories");
      await page.getByRole("link", { name: en.categories.new }).click();
      await page.waitForURL((u) => u.pathname === "/admin/categories/new");
      await page.getByLabel(en.categories.name, { exact: true }).fill(category);
      await page.getByLabel(en.categories.kind).selectOption("department");
      await page.getByLabel(en.categories.description).fill("Returns and exchanges");
      await page.getByLabel(en.categories.queueWaitLimitSec).fill("240");
      await page.getByRole("button", { name: en.common.save }).click();
      await page.waitForURL((u) => u.pathname === "/admin/categories" && u.searchParams.get("done") === "created");
      await visible(page.getByRole("status").filter({ hasText: en.categories.created }));
      const catRow = rows(page).filter({ hasText: category });
      await expect.poll(() => catRow.count()).toBe(1);
      await text(catRow).toContain(en.kinds.department);

      await go(page, "/admin/users");
      await page.getByRole("link", { name: en.users.new }).click();
      await page.waitForURL((u) => u.pathname === "/admin/users/new");
      await page.getByLabel(en.users.name, { exact: true }).fill(operator.name);
      await page.getByLabel(en.users.email).fill(operator.email);
      await page.getByLabel(en.users.role).selectOption("operator");
      await page.getByLabel(en.users.maxDialogs).fill("2");
      await page.getByLabel(en.users.password, { exact: true }).fill(operator.password);
      await page.getByRole("checkbox", { name: category }).check();
      await page.getByRole("button", { name: en.common.save }).click();
      await page.waitForURL((u) => u.pathname === "/admin/users" && u.searchParams.get("done") === "created");
      await visible(page.getByRole("status").filter({ hasText: en.users.created }));
      const userRow = rows(page).filter({ hasText: operator.email });
      await expect.poll(() => userRow.count()).toBe(1);
      await text(userRow).toContain(operator.name);
      await text(userRow).toContain(category);

      await go(page, "/admin/categories");
      await text(rows(page).filter({ hasText: category }).locator("td").nth(3)).toBe("1");

      // The new operator signs in and sees the category among their skills.
      const op = await open();
      await loginAs(op, server.url, operator.email, operator.password);
      expect(path(op)).toBe("/operator");
      await text(op.locator("main")).toContain(category);
    });

    for (const locale of ["en", "ru"] as const) {
      const m = CATALOGUES[locale];
      it(`bad input shows field errors and creates nothing (${locale})`, async () => {
        const page = await signedIn("admin", locale);
        await go(page, "/admin/users");
        const usersBefore = await rows(page).count();

        // A duplicate e-mail (in another case): the e-mail field is marked, no user is added.
        await go(page, "/admin/users/new");
        await page.getByLabel(m.users.name, { exact: true }).fill(`Twin ${locale}`);
        await page.getByLabel(m.users.email).fill("OPERATOR1@demo.local");
        await page.getByLabel(m.users.password, { exact: true }).fill("long enough");
        await page.getByRole("button", { name: m.common.save }).click();
        const email = page.getByLabel(m.users.email);
        await attribute(email, "aria-invalid").toBe("true");
        const emailError = locale === "en" ? "This e-mail is already in use" : ru.serverErrors.emailTaken;
        await visible(page.getByText(emailError));
        await expect.poll(() => email.inputValue()).toBe("OPERATOR1@demo.local");
        expect(path(page)).toBe("/admin/users/new");
        await expectNoAxeViolations(page, `/admin/users/new with errors (${locale})`);

        // An empty name on the category form.
        await go(page, "/admin/categories");
        const categoriesBefore = await rows(page).count();
        await go(page, "/admin/categories/new");
        await page.getByLabel(m.categories.name, { exact: true }).fill("   ");
        await page.getByRole("button", { name: m.common.save }).click();
        const name = page.getByLabel(m.categories.name, { exact: true });
        await attribute(name, "aria-invalid").toBe("true");
        const nameError = locale === "en" ? "Name is required" : ru.serverErrors.required;
        await visible(page.getByText(nameError));
        const summary = locale === "en" ? "Please correct the highlighted fields" : ru.serverErrors.invalidForm;
        await visible(page.getByRole("alert").filter({ hasText: summary }));
        expect(path(page)).toBe("/admin/categories/new");
        await expectNoAxeViolations(page, `/admin/categories/new with errors (${locale})`);

        await go(page, "/admin/categories");
        expect(await rows(page).count()).toBe(categoriesBefore);
        await go(page, "/admin/users");
        expect(await rows(page).count()).toBe(usersBefore);
        await expect.poll(() => rows(page).filter({ hasText: `Twin ${locale}` }).count()).toBe(0);
      });
    }
  });

  describe("language", () => {
    it("the EN/RU switch changes the staff UI to Russian and back", async () => {
      const page = await signedIn("admin", "en");
      await go(page, "/admin/users");
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      expect(await heading(page)).toBe(en.users.title);

      await page.getByRole("button", { name: "RU", exact: true }).click();
      await attribute(page.locator("html"), "lang").toBe("ru");
      await text(page.locator("h1").first()).toBe(ru.users.title);
      await visible(page.getByRole("button", { name: ru.common.signOut }));
      await visible(page.getByRole("link", { name: ru.users.new }));
      await attribute(page.getByRole("button", { name: "RU", exact: true }), "aria-pressed").toBe("true");
      const cookie = (await page.context().cookies(server.url)).find((c) => c.name === "NEXT_LOCALE");
      expect(cookie?.value).toBe("ru");

      // The choice sticks across navigations, over the browser's English.
      await go(page, "/admin/categories");
      expect(await heading(page)).toBe(ru.categories.title);

      await page.getByRole("button", { name: "EN", exact: true }).click();
      await attribute(page.locator("html"), "lang").toBe("en");
      await text(page.locator("h1").first()).toBe(en.categories.title);
    });

    it("the sign-in page follows the browser's language and its switch", async () => {
      const page = await open({ locale: "ru" });
      await go(page, "/login");
      expect(await heading(page)).toBe(ru.login.title);
      await page.getByRole("button", { name: "EN", exact: true }).click();
      await text(page.locator("h1").first()).toBe(en.login.title);
    });
  });

  for (const locale of ["en", "ru"] as const) {
    const m = CATALOGUES[locale];
    describe(`accessibility (axe, WCAG 2 A/AA) in ${locale}`, () => {
      it("landing and sign-in pages", async () => {
        const page = await open({ locale });
        for (const p of ["/", "/login"]) {
          await go(page, p);
          expect(await page.locator("html").getAttribute("lang")).toBe(locale);
          await expectNoAxeViolations(page, `${p} (${locale})`);
        }
        expect(await heading(page)).toBe(m.login.title);
      });

      it("the operator's workplace and the 403 page", async () => {
        const page = await signedIn("operator", locale);
        await go(page, "/operator");
        expect(await heading(page)).toBe(m.workplace.title);
        await expectNoAxeViolations(page, `/operator (${locale})`);
        const res = await go(page, "/admin/users");
        expect(res.status()).toBe(403);
        expect(await heading(page)).toBe(m.forbidden.title);
        await expectNoAxeViolations(page, `403 page (${locale})`);
      });

      it("the supervisor's monitor", async () => {
        const page = await signedIn("supervisor", locale);
        await go(page, "/supervisor");
        expect(await heading(page)).toBe(m.supervisor.title);
        await expectNoAxeViolations(page, `/supervisor (${locale})`);
      });

      for (const viewport of [DESKTOP, PHONE]) {
        it(`the admin pages at ${viewport.width}px`, async () => {
          const page = await signedIn("admin", locale, viewport);
          const pages: [string, string][] = [
            ["/admin", m.admin.title],
            ["/admin/users", m.users.title],
            ["/admin/users/new", m.users.new],
            ["/admin/categories", m.categories.title],
            ["/admin/categories/new", m.categories.new],
          ];
          for (const [p, title] of pages) {
            const res = await go(page, p);
            expect(res.status(), p).toBe(200);
            expect(await heading(page)).toBe(title);
            await expectNoAxeViolations(page, `${p} (${locale}, ${viewport.width}px)`);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            expect(overflow, `horizontal overflow on ${p}`).toBeLessThanOrEqual(0);
          }
          for (const list of ["/admin/users", "/admin/categories"]) {
            await go(page, list);
            const href = await page.locator(`main table a[href^="${list}/"]`).first().getAttribute("href");
            expect(href).toBeTruthy();
            const res = await go(page, href!);
            expect(res.status(), href!).toBe(200);
            await visible(page.locator("form").first());
            await expectNoAxeViolations(page, `${href} (${locale}, ${viewport.width}px)`);
          }
        });
      }
    });
  }
});
