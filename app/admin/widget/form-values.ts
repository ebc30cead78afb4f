import type { WidgetSettings } from "@/lib/settings/widget-settings";

/** The settings as the form's text fields hold them. */
export interface WidgetFormValues {
  primaryColor: string;
  textColor: string;
  logoUrl: string;
  title: string;
  greeting: string;
  position: string;
  launchMode: string;
  allowedOrigins: string;
  offerTimeoutSec: string;
  maxMissedOffers: string;
  holdTimeoutSec: string;
}

export function toWidgetFormValues(s: WidgetSettings): WidgetFormValues {
  return {
    primaryColor: s.primaryColor,
    textColor: s.textColor,
    logoUrl: s.logoUrl ?? "",
    title: s.title ?? "",
    greeting: s.greeting ?? "",
    position: s.position,
    launchMode: s.launchMode,
    allowedOrigins: s.allowedOrigins.join("\n"),
    offerTimeoutSec: String(s.offerTimeoutSec),
    maxMissedOffers: String(s.maxMissedOffers),
    holdTimeoutSec: String(s.holdTimeoutSec),
  };
}
