import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { homeFor } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

// Where sign-in lands when no page was asked for: the user's own area. A page
// rather than a route handler, because the sign-in server action's redirect is
// a client-side navigation, which cannot follow a route handler's redirect
// (the browser stayed on /after-login showing the sign-in form).
export default async function AfterLoginPage(): Promise<never> {
  const user = await currentUser();
  redirect(user ? homeFor(user.role) : "/login");
}
