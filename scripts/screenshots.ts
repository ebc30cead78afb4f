// Screenshots of every staff page, as each role, at desktop and phone width,
// in English and Russian, for looking the UI over:
//   npx tsx scripts/screenshots.ts http://localhost:3000 ./screenshots
// The server needs the demo users (SEED_DEMO=1 or `npm run db:seed-demo`).
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { closeBrowser, DESKTOP, loginAs, newContext, PHONE } from "../tests/helpers/browser";

const [baseUrl, outDir = "screenshots"] = process.argv.slice(2);
if (!baseUrl) {
  console.error("usage: npx tsx scripts/screenshots.ts <baseUrl> <outDir>");
  process.exit(2);
}
const PASSWORD = process.env.DEMO_PASSWORD || "demo";
const VIEWPORTS = { desktop: DESKTOP, phone: PHONE } as const;
const LOCALES = ["en", "ru"] as const;

fs.mkdirSync(outDir, { recursive: true });
let count = 0;

async function shot(page: Page, name: string, locale: string, vp: string) {
  const file = path.join(outDir, `${name}.${locale}.${vp}.png`);
  // The header is sticky: from the top, a full-page shot shows it where it belongs.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(0, 0);
  await page.screenshot({ path: file, fullPage: true });
  count++;
  console.log(file);
}

async function visit(page: Page, pathname: string) {
  const res = await page.goto(new URL(pathname, baseUrl).toString());
  await page.waitForLoadState("networkidle").catch(() => {});
  return res;
}

/** The path of the first row's link in an admin list, e.g. /admin/users/<id>. */
async function firstDetail(page: Page, list: string): Promise<string> {
  await visit(page, list);
  const href = await page.locator(`main a[href^="${list}/"]:not([href$="/new"])`).first().getAttribute("href");
  if (!href) throw new Error(`no detail link on ${list}`);
  return href;
}

for (const locale of LOCALES) {
  for (const [vp, viewport] of Object.entries(VIEWPORTS)) {
    // Anonymous: landing and sign-in (also with a failed attempt).
    {
      const ctx = await newContext({ locale, viewport, baseUrl });
      const page = await ctx.newPage();
      await visit(page, "/");
      await shot(page, "home", locale, vp);
      await visit(page, "/login");
      await shot(page, "login", locale, vp);
      await page.locator('input[name="email"]').fill("nobody@demo.local");
      await page.locator('input[name="password"]').fill("wrong-password");
      await page.locator('form button[type="submit"]').click();
      await page.locator('form [role="alert"]').first().waitFor();
      await shot(page, "login-error", locale, vp);
      await ctx.close();
    }
    // Operator: the workplace, and the 403 page for /admin.
    {
      const ctx = await newContext({ locale, viewport, baseUrl });
      const page = await ctx.newPage();
      await loginAs(page, baseUrl, "operator1@demo.local", PASSWORD);
      await visit(page, "/operator");
      await shot(page, "operator", locale, vp);
      await visit(page, "/admin");
      await shot(page, "forbidden", locale, vp);
      await ctx.close();
    }
    // Supervisor: the monitor.
    {
      const ctx = await newContext({ locale, viewport, baseUrl });
      const page = await ctx.newPage();
      await loginAs(page, baseUrl, "supervisor@demo.local", PASSWORD);
      await visit(page, "/supervisor");
      await shot(page, "supervisor", locale, vp);
      await ctx.close();
    }
    // Admin: every admin page, a form with errors, and the phone menu.
    {
      const ctx = await newContext({ locale, viewport, baseUrl });
      const page = await ctx.newPage();
      await loginAs(page, baseUrl, "admin@demo.local", PASSWORD);
      for (const [name, p] of [
        ["admin", "/admin"],
        ["admin-users", "/admin/users"],
        ["admin-users-new", "/admin/users/new"],
        ["admin-categories", "/admin/categories"],
        ["admin-categories-new", "/admin/categories/new"],
      ] as const) {
        await visit(page, p);
        await shot(page, name, locale, vp);
      }
      const userPath = await firstDetail(page, "/admin/users");
      await visit(page, userPath);
      await shot(page, "admin-users-edit", locale, vp);
      const categoryPath = await firstDetail(page, "/admin/categories");
      await visit(page, categoryPath);
      await shot(page, "admin-categories-edit", locale, vp);

      await visit(page, "/admin/users/new");
      await page.locator('input[name="email"]').fill("admin@demo.local");
      await page.locator('form button[type="submit"]').click();
      await page.locator('[aria-invalid="true"]').first().waitFor();
      await shot(page, "admin-users-new-errors", locale, vp);

      if (vp === "phone") {
        await visit(page, "/admin/users");
        await page.locator("header details summary").click();
        await shot(page, "phone-menu", locale, vp);
      }
      await ctx.close();
    }
  }
}
await closeBrowser();
console.log(`${count} screenshots in ${outDir}`);
