import { z } from "zod";
import { normalizeOrigin } from "../widget/cors";
import { intField, NO_MARKUP } from "../validation";

export const WIDGET_POSITIONS = ["bottom-right", "bottom-left"] as const;
export const LAUNCH_MODES = ["iframe", "popup"] as const;
export const MAX_ALLOWED_ORIGINS = 50;

const hexColor = (label: string) =>
  z
    .string({ message: `${label} is required` })
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, `${label} must be a colour like #1a2b3c`)
    .transform((v) => v.toLowerCase());

// Shown to visitors as text; an empty value means "use the chat's default".
// Greetings may span lines, nothing else may carry control characters.
const visitorText = (max: number, label: string, multiline = false) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .regex(NO_MARKUP, `${label} must not contain < or >`)
    .regex(multiline ? /^[^\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]*$/ : /^[^\u0000-\u001f\u007f]*$/, `${label} must not contain control characters`)
    .optional()
    .nullable()
    .transform((v) => (v ? v.replace(/\r\n?/g, "\n") : null));

const logoUrl = z
  .string()
  .trim()
  .max(500, "Logo URL must be at most 500 characters")
  .optional()
  .nullable()
  .transform((v, ctx) => {
    if (!v) return null;
    let url: URL | null = null;
    try {
      url = new URL(v);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || /[\s"'<>]/.test(v)) {
      ctx.addIssue({ code: "custom", message: "Logo URL must be an http:// or https:// address" });
      return z.NEVER;
    }
    return url.href;
  });

// A textarea with one origin per line (a JSON array works too); each must be a
// bare origin, e.g. https://shop.example.com — stored normalized and deduplicated.
const allowedOrigins = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .nullable()
  .transform((v, ctx) => {
    const lines = (Array.isArray(v) ? v : (v ?? "").split(/[\r\n,]+/)).map((l) => l.trim()).filter(Boolean);
    const out: string[] = [];
    const bad: string[] = [];
    for (const line of lines) {
      const origin = normalizeOrigin(line);
      if (!origin) bad.push(line.length > 60 ? `${line.slice(0, 57)}...` : line);
      else if (!out.includes(origin)) out.push(origin);
    }
    if (bad.length) {
      ctx.addIssue({
        code: "custom",
        message: `Not a site origin like https://shop.example.com (no path): ${bad.slice(0, 5).join(", ")}${bad.length > 5 ? ` and ${bad.length - 5} more` : ""}`,
      });
    }
    if (out.length > MAX_ALLOWED_ORIGINS) {
      ctx.addIssue({ code: "custom", message: `At most ${MAX_ALLOWED_ORIGINS} sites can be listed` });
    }
    return out;
  });

export const widgetSettingsSchema = z.object({
  primaryColor: hexColor("Main colour"),
  textColor: hexColor("Text colour"),
  logoUrl,
  title: visitorText(60, "Title"),
  greeting: visitorText(300, "Greeting", true),
  position: z.enum(WIDGET_POSITIONS, { message: "Choose bottom right or bottom left" }),
  launchMode: z.enum(LAUNCH_MODES, { message: "Choose embedded panel or new window" }),
  allowedOrigins,
  offerTimeoutSec: intField(5, 300, "Offer timeout"),
  maxMissedOffers: intField(1, 20, "Missed offers before away"),
  holdTimeoutSec: intField(30, 86400, "Hold timeout"),
});
export type WidgetSettingsInput = z.input<typeof widgetSettingsSchema>;
export type WidgetSettingsData = z.output<typeof widgetSettingsSchema>;
