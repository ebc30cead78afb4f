// Routing settings: the admin edits them in widget_settings (row id = 1); a
// fresh install has no row yet, so every value has a default.
import { eq } from "drizzle-orm";
import type { Db } from "../db";
import { widgetSettings } from "../db/schema";

/** An operator (or browser) silent for longer than this counts as offline. */
export const ONLINE_WINDOW_MS = 60_000;

export interface RoutingSettings {
  offerTimeoutSec: number;
  maxMissedOffers: number;
  holdTimeoutSec: number;
}

export const DEFAULT_ROUTING_SETTINGS: RoutingSettings = {
  offerTimeoutSec: 20,
  maxMissedOffers: 3,
  holdTimeoutSec: 600,
};

export async function getRoutingSettings(db: Db): Promise<RoutingSettings> {
  const [row] = await db
    .select({
      offerTimeoutSec: widgetSettings.offerTimeoutSec,
      maxMissedOffers: widgetSettings.maxMissedOffers,
      holdTimeoutSec: widgetSettings.holdTimeoutSec,
    })
    .from(widgetSettings)
    .where(eq(widgetSettings.id, 1));
  return row ?? DEFAULT_ROUTING_SETTINGS;
}

export function onlineSince(now: Date): Date {
  return new Date(now.getTime() - ONLINE_WINDOW_MS);
}

export function addSeconds(now: Date, sec: number): Date {
  return new Date(now.getTime() + sec * 1000);
}
