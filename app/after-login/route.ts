import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/current-user";
import { homeFor } from "@/lib/auth/permissions";

// Where sign-in lands when no page was asked for: the user's own area.
export async function GET(req: Request) {
  const user = await currentUser();
  return NextResponse.redirect(new URL(user ? homeFor(user.role) : "/login", req.url));
}
