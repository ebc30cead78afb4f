// Small display helpers of the workplace; everything they return is shown as text.

/** The same limit as lib/dialogs/schemas (a test checks), kept here so zod stays out of the browser bundle. */
export const MAX_MESSAGE_CHARS = 5000;

/** "example.com/pricing?plan=pro" from a full URL; the input itself when it is not one. */
export function pageLabel(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname === "/" ? "" : u.pathname;
    return `${u.host}${path}${u.search}`;
  } catch {
    return url;
  }
}

/** Only web addresses become links; anything else (javascript:, data:) stays text. */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export function initials(name: string | null | undefined): string {
  const parts = (name ?? "").trim().split(/\s+/).filter(Boolean);
  if (!parts.length) return "?";
  return parts
    .slice(0, 2)
    .map((p) => Array.from(p)[0]!.toUpperCase())
    .join("");
}

export function timeOfDay(iso: string, locale: string): string {
  return new Date(iso).toLocaleTimeString(locale, { hour: "numeric", minute: "2-digit" });
}

/** "3 min", "1 h 5 min", "42 s" (locale words come from the caller). */
export function shortDuration(ms: number, words: { h: string; min: string; s: string }): string {
  const total = Math.max(0, Math.round(ms / 1000));
  if (total < 60) return `${total} ${words.s}`;
  const m = Math.floor(total / 60);
  if (m < 60) return `${m} ${words.min}`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} ${words.h} ${m % 60} ${words.min}` : `${h} ${words.h}`;
}

/** A message id for idempotent sends; works on plain http too, where randomUUID is missing. */
export function newClientId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
