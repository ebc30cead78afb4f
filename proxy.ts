import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { areaFor } from "@/lib/auth/permissions";
import { ensureAuthSecret } from "@/lib/auth/secret";

// Early sign-in redirects only. The role check and its 403 page live in every
// area layout, page, action and route, which also check the session against
// the database (a JWT cannot know that a user was disabled since).
export default async function proxy(req: NextRequest) {
  if (!areaFor(req.nextUrl.pathname)) return NextResponse.next();
  const token = await getToken({
    req,
    secret: ensureAuthSecret(),
    secureCookie: req.nextUrl.protocol === "https:",
  });
  if (token?.uid) return NextResponse.next();
  const url = new URL("/login", publicOrigin(req));
  url.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(url);
}

// The origin the browser used: Next's own request URL names the bind address,
// which is wrong behind a reverse proxy or for another host name.
function publicOrigin(req: NextRequest): string {
  const trust = /^(1|true|yes)$/i.test(process.env.TRUST_PROXY || "");
  const host = (trust && req.headers.get("x-forwarded-host")) || req.headers.get("host") || req.nextUrl.host;
  const proto = (trust && req.headers.get("x-forwarded-proto")) || req.nextUrl.protocol.replace(":", "");
  return `${proto}://${host}`;
}

export const config = {
  matcher: ["/operator/:path*", "/supervisor/:path*", "/admin/:path*"],
};
