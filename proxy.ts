import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/auth-config";
import { areaFor, can } from "@/lib/auth/permissions";
import { ensureAuthSecret } from "@/lib/auth/secret";

// Early redirects only; every layout, action and route checks again against the database.
const { auth } = NextAuth(() => ({ ...authConfig, secret: ensureAuthSecret() }));

const guard = auth((req) => {
  const area = areaFor(req.nextUrl.pathname);
  if (!area) return NextResponse.next();
  const user = req.auth?.user;
  if (!user?.id) {
    const url = new URL("/login", req.nextUrl);
    url.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
    return NextResponse.redirect(url);
  }
  if (!can(user, area)) {
    return NextResponse.rewrite(new URL("/forbidden", req.nextUrl), { status: 403 });
  }
  return NextResponse.next();
});

type Handler = (r: NextRequest, e: NextFetchEvent) => Promise<Response>;

// With a lazily computed config, Auth.js returns the wrapped handler as a promise.
export default async function proxy(req: NextRequest, event: NextFetchEvent) {
  const handler = (await (guard as unknown as Promise<Handler>)) as Handler;
  return handler(req, event);
}

export const config = {
  matcher: ["/operator/:path*", "/supervisor/:path*", "/admin/:path*"],
};
