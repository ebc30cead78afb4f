// Which sites may call the widget API from a browser. The admin's list holds
// exact origins; an empty list means any site (the out-of-the-box state).
// Requests carry tokens in the body, never cookies, so credentials are not allowed.

/** `scheme://host[:port]` in canonical form (lower case, default port dropped), or null. */
export function normalizeOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== "")) return null;
  // new URL() accepts "https://shop.example.com/" but also a trailing "?" or "#"; only the bare form is an origin.
  if (/[?#]/.test(value)) return null;
  return url.origin;
}

/**
 * Whether a browser request from `origin` may read the widget API.
 * No Origin header means a same-origin GET or a non-browser client, which CORS does not govern.
 * The chat host's own origin (`selfOrigin`, e.g. /demo and /chat) is always allowed.
 */
export function isOriginAllowed(
  origin: string | null | undefined,
  allowedOrigins: readonly string[],
  selfOrigin?: string | null,
): boolean {
  if (!origin) return true;
  if (origin === "null") return allowedOrigins.length === 0;
  const normalized = normalizeOrigin(origin);
  if (!normalized) return false;
  if (selfOrigin && normalized === normalizeOrigin(selfOrigin)) return true;
  if (allowedOrigins.length === 0) return true;
  return allowedOrigins.some((a) => normalizeOrigin(a) === normalized);
}

/** Response headers for a widget API answer: the caller's origin echoed only when allowed. */
export function corsHeaders(
  origin: string | null | undefined,
  allowedOrigins: readonly string[],
  selfOrigin?: string | null,
): Record<string, string> {
  // Vary on every answer: a shared cache must not hand one site's answer to another.
  const headers: Record<string, string> = { Vary: "Origin" };
  if (origin && isOriginAllowed(origin, allowedOrigins, selfOrigin)) {
    headers["Access-Control-Allow-Origin"] = origin;
    headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS";
    headers["Access-Control-Allow-Headers"] = "Content-Type";
    headers["Access-Control-Max-Age"] = "600";
  }
  return headers;
}
