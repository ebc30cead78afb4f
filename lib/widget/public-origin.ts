// The origin browsers use to reach this app, for snippets shown to admins and
// for recognising our own pages in CORS checks. Behind a reverse proxy the
// socket's address is wrong, so X-Forwarded-* count only with TRUST_PROXY.
import { trustProxy } from "../config";

export function publicOrigin(headers: Headers, fallbackUrl?: string): string {
  const trust = trustProxy();
  const first = (v: string | null) => v?.split(",")[0]?.trim() || null;
  const fallback = fallbackUrl ? new URL(fallbackUrl) : null;
  const host = (trust && first(headers.get("x-forwarded-host"))) || headers.get("host") || fallback?.host || "localhost";
  const proto = (trust && first(headers.get("x-forwarded-proto"))) || fallback?.protocol.replace(":", "") || "http";
  return `${proto}://${host}`;
}
