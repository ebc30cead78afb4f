import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { widgetSettings } from "@/lib/db/schema";
import { Invalid } from "@/lib/errors";
import { eq } from "drizzle-orm";
import {
  cachedWidgetSettings,
  getWidgetSettings,
  publicWidgetConfig,
  SETTINGS_CACHE_MS,
  updateWidgetSettings,
  WIDGET_DEFAULTS,
} from "@/lib/settings/widget-settings";
import { createTestDb, type TestDb } from "../helpers/db";

let tdb: TestDb;

beforeAll(async () => {
  tdb = await createTestDb();
});
afterAll(async () => {
  await tdb?.drop();
});

const valid = {
  primaryColor: "#0EA5E9",
  textColor: "#ffffff",
  logoUrl: "https://shop.example.com/logo.png",
  title: "ACME support",
  greeting: "Hi!\nHow can we help?",
  position: "bottom-left",
  launchMode: "popup",
  allowedOrigins: "https://shop.example.com\n\nhttps://SHOP.example.com:443/\nhttp://localhost:8080",
  offerTimeoutSec: "25",
  maxMissedOffers: "2",
  holdTimeoutSec: "900",
};

async function fieldErrors(input: Record<string, unknown>): Promise<Record<string, string[]>> {
  try {
    await updateWidgetSettings(tdb.db, input);
  } catch (e) {
    expect(e).toBeInstanceOf(Invalid);
    return (e as Invalid).fieldErrors;
  }
  throw new Error("expected the input to be refused");
}

describe("widget settings", () => {
  it("reads the defaults while the row does not exist", async () => {
    expect(await tdb.db.select().from(widgetSettings)).toHaveLength(0);
    const s = await getWidgetSettings(tdb.db);
    expect(s).toMatchObject({ ...WIDGET_DEFAULTS, allowedOrigins: [] });
  });

  it("inserts the single row, normalized, then updates it in place", async () => {
    const saved = await updateWidgetSettings(tdb.db, valid);
    expect(saved).toMatchObject({
      id: 1,
      primaryColor: "#0ea5e9",
      greeting: "Hi!\nHow can we help?",
      position: "bottom-left",
      launchMode: "popup",
      allowedOrigins: ["https://shop.example.com", "http://localhost:8080"],
      offerTimeoutSec: 25,
      maxMissedOffers: 2,
      holdTimeoutSec: 900,
    });
    expect(await getWidgetSettings(tdb.db)).toMatchObject(saved);

    await updateWidgetSettings(tdb.db, { ...valid, title: "", greeting: "  ", logoUrl: "", allowedOrigins: "" });
    const rows = await tdb.db.select().from(widgetSettings);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: 1, title: null, greeting: null, logoUrl: null, allowedOrigins: [] });
  });

  it("accepts origins as a JSON array too", async () => {
    const saved = await updateWidgetSettings(tdb.db, { ...valid, allowedOrigins: ["https://a.example", "https://a.example/"] });
    expect(saved.allowedOrigins).toEqual(["https://a.example"]);
  });

  it("refuses bad input with an error on every bad field, and changes nothing", async () => {
    const before = await getWidgetSettings(tdb.db);
    const errors = await fieldErrors({
      primaryColor: "red",
      textColor: "#fff",
      logoUrl: "javascript:alert(1)",
      title: "<b>Hi</b>",
      greeting: "x".repeat(301),
      position: "top-left",
      launchMode: "tab",
      allowedOrigins: "https://ok.example\nshop.example.com\nhttps://shop.example.com/path",
      offerTimeoutSec: "4",
      maxMissedOffers: "21",
      holdTimeoutSec: "29",
    });
    expect(Object.keys(errors).sort()).toEqual(
      ["allowedOrigins", "greeting", "holdTimeoutSec", "launchMode", "logoUrl", "maxMissedOffers", "offerTimeoutSec", "position", "primaryColor", "textColor", "title"].sort(),
    );
    expect(errors.allowedOrigins!.join(" ")).toContain("shop.example.com, https://shop.example.com/path");
    expect(await getWidgetSettings(tdb.db)).toEqual(before);
  });

  it("enforces the limits at their edges", async () => {
    await expect(updateWidgetSettings(tdb.db, { ...valid, offerTimeoutSec: 5, maxMissedOffers: 1, holdTimeoutSec: 30, title: "t".repeat(60), greeting: "g".repeat(300) })).resolves.toBeTruthy();
    await expect(updateWidgetSettings(tdb.db, { ...valid, offerTimeoutSec: 300, maxMissedOffers: 20, holdTimeoutSec: 86400 })).resolves.toBeTruthy();
    expect(Object.keys(await fieldErrors({ ...valid, title: "t".repeat(61) }))).toEqual(["title"]);
    expect(Object.keys(await fieldErrors({ ...valid, offerTimeoutSec: "2.5" }))).toEqual(["offerTimeoutSec"]);
    expect(Object.keys(await fieldErrors({ ...valid, title: "Tab\there" }))).toEqual(["title"]);
    expect(Object.keys(await fieldErrors({ ...valid, logoUrl: `https://x.example/${"a".repeat(500)}` }))).toEqual(["logoUrl"]);
    expect(Object.keys(await fieldErrors({ ...valid, logoUrl: "https://x.example/a b.png" }))).toEqual(["logoUrl"]);
    const many = Array.from({ length: 51 }, (_, i) => `https://s${i}.example`).join("\n");
    expect(await fieldErrors({ ...valid, allowedOrigins: many })).toEqual({ allowedOrigins: ["At most 50 sites can be listed"] });
  });

  it("serves the widget API's reads from memory for a few seconds, and an admin's save at once", async () => {
    const t0 = 1_000_000;
    await updateWidgetSettings(tdb.db, { ...valid, title: "First" });
    expect((await cachedWidgetSettings(tdb.db, t0)).title).toBe("First");
    // Another instance changes the row: this one sees it once its copy is older than the limit.
    await tdb.db.update(widgetSettings).set({ title: "From elsewhere" }).where(eq(widgetSettings.id, 1));
    expect((await cachedWidgetSettings(tdb.db, t0 + SETTINGS_CACHE_MS - 1)).title).toBe("First");
    expect((await cachedWidgetSettings(tdb.db, t0 + SETTINGS_CACHE_MS)).title).toBe("From elsewhere");
    // A save in this process is seen by the very next read.
    await updateWidgetSettings(tdb.db, { ...valid, title: "Saved here", allowedOrigins: "https://new.example" });
    expect(await cachedWidgetSettings(tdb.db, t0 + SETTINGS_CACHE_MS + 1)).toMatchObject({ title: "Saved here", allowedOrigins: ["https://new.example"] });
  });

  it("shows the loader only the look, never the origins or the timers", async () => {
    const saved = await updateWidgetSettings(tdb.db, valid);
    expect(Object.keys(publicWidgetConfig(saved)).sort()).toEqual(["greeting", "launchMode", "logoUrl", "position", "primaryColor", "textColor", "title"]);
  });
});
