// The signed-in staff member, checked against the database on every use so
// that a disabled user or a reset password ends existing sessions at once.
import { forbidden, redirect } from "next/navigation";
import { auth } from "@/auth";
import { getDb } from "../db";
import { Forbidden, Unauthorized } from "../errors";
import { getSessionUser, type PublicUser } from "../users/users";
import { can, type Permission } from "./permissions";

export async function currentUser(): Promise<PublicUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id || typeof session.user.sv !== "number") return null;
  return getSessionUser(await getDb(), id, session.user.sv);
}

/** For pages and layouts: sign-in redirect, or the 403 page. */
export async function requirePageUser(permission: Permission, from: string): Promise<PublicUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(from)}`);
  if (!can(user, permission)) forbidden();
  return user;
}

/** For route handlers and actions: throws Unauthorized / Forbidden. */
export async function requireUser(permission: Permission): Promise<PublicUser> {
  const user = await currentUser();
  if (!user) throw new Unauthorized();
  if (!can(user, permission)) throw new Forbidden("Your role does not allow this");
  return user;
}
