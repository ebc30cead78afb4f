// The widget's look and the global routing timers: one row (id = 1) that may
// not exist yet, in which case the column defaults apply.
import { eq } from "drizzle-orm";
import type { Db } from "../db";
import { widgetSettings } from "../db/schema";
import { parseOrThrow } from "../validation";
import { widgetSettingsSchema } from "./schemas";

export type WidgetSettings = typeof widgetSettings.$inferSelect;

const SETTINGS_ID = 1;

// Mirrors the column defaults in lib/db/schema.ts, for a database without the row.
export const WIDGET_DEFAULTS: Omit<WidgetSettings, "updatedAt"> = {
  id: SETTINGS_ID,
  primaryColor: "#4f46e5",
  textColor: "#ffffff",
  logoUrl: null,
  title: null,
  greeting: null,
  position: "bottom-right",
  launchMode: "iframe",
  allowedOrigins: [],
  offerTimeoutSec: 20,
  maxMissedOffers: 3,
  holdTimeoutSec: 600,
};

export async function getWidgetSettings(db: Db): Promise<WidgetSettings> {
  const [row] = await db.select().from(widgetSettings).where(eq(widgetSettings.id, SETTINGS_ID));
  return row ?? { ...WIDGET_DEFAULTS, allowedOrigins: [], updatedAt: new Date(0) };
}

/** How long the widget API may use settings it read before; an admin's save in this process clears them at once. */
export const SETTINGS_CACHE_MS = 5000;
const CACHE = Symbol.for("webchat.widget-settings.cache");
type CacheHolder = { [CACHE]?: WeakMap<Db, { at: number; value: Promise<WidgetSettings> }> };

function settingsCache() {
  return ((globalThis as CacheHolder)[CACHE] ??= new WeakMap());
}

/**
 * The settings for the widget API's hot paths (the CORS check on every page
 * view and heartbeat of every visitor): read at most once per
 * SETTINGS_CACHE_MS per process. Other instances see an admin's change within
 * that time; admin pages and the chat page read fresh.
 */
export function cachedWidgetSettings(db: Db, now = Date.now()): Promise<WidgetSettings> {
  const cache = settingsCache();
  const hit = cache.get(db);
  if (hit && now - hit.at < SETTINGS_CACHE_MS && now >= hit.at) return hit.value;
  const value = getWidgetSettings(db);
  cache.set(db, { at: now, value });
  value.catch(() => cache.delete(db));
  return value;
}

/** Validates the whole form (all field errors at once) and writes the single row. */
export async function updateWidgetSettings(db: Db, input: unknown): Promise<WidgetSettings> {
  const data = parseOrThrow(widgetSettingsSchema, input);
  settingsCache().delete(db);
  const values = { ...data, updatedAt: new Date() };
  const [row] = await db
    .insert(widgetSettings)
    .values({ id: SETTINGS_ID, ...values })
    .onConflictDoUpdate({ target: widgetSettings.id, set: values })
    .returning();
  settingsCache().delete(db);
  return row!;
}

/** What the loader on a customer's page may see: the look, never the origin list or timers. */
export interface PublicWidgetConfig {
  primaryColor: string;
  textColor: string;
  logoUrl: string | null;
  title: string | null;
  greeting: string | null;
  position: WidgetSettings["position"];
  launchMode: WidgetSettings["launchMode"];
}

export function publicWidgetConfig(s: WidgetSettings): PublicWidgetConfig {
  return {
    primaryColor: s.primaryColor,
    textColor: s.textColor,
    logoUrl: s.logoUrl,
    title: s.title,
    greeting: s.greeting,
    position: s.position,
    launchMode: s.launchMode,
  };
}
