import { and, asc, eq, sql } from "drizzle-orm";
import crypto from "node:crypto";
import type { Db } from "../db";
import { userCategories, users, type User } from "../db/schema";
import { Conflict, Invalid, NotFound } from "../errors";
import { hashPassword, verifyPassword } from "../auth/password";
import type { Role } from "../auth/permissions";
import { assertCategoriesAssignable } from "../categories/categories";
import { parseOrThrow } from "../validation";
import { createUserSchema, resetPasswordSchema, updateUserSchema } from "./schemas";

/** A user as the rest of the app sees it: never the password hash. */
export type PublicUser = Omit<User, "passwordHash">;

export function toPublicUser(u: User): PublicUser {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { passwordHash, ...rest } = u;
  return rest;
}

export interface UserWithSkills extends PublicUser {
  skills: string[];
}

export async function listUsers(db: Db): Promise<UserWithSkills[]> {
  const rows = await db.select().from(users).orderBy(asc(users.name));
  const skills = await db.select().from(userCategories);
  const byUser = new Map<string, string[]>();
  for (const s of skills) (byUser.get(s.userId) ?? byUser.set(s.userId, []).get(s.userId)!).push(s.categoryId);
  return rows.map((u) => ({ ...toPublicUser(u), skills: byUser.get(u.id) ?? [] }));
}

export async function getUser(db: Db, id: string): Promise<UserWithSkills> {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  if (!u) throw new NotFound("User not found");
  const skills = await db
    .select({ id: userCategories.categoryId })
    .from(userCategories)
    .where(eq(userCategories.userId, id));
  return { ...toPublicUser(u), skills: skills.map((s) => s.id) };
}

async function assertEmailFree(db: Db, email: string, exceptId?: string) {
  const [clash] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  if (clash && clash.id !== exceptId) {
    throw new Conflict("A user with this e-mail already exists", { email: ["This e-mail is already in use"] });
  }
}

async function setSkills(db: Db, userId: string, skills: string[]) {
  await assertCategoriesAssignable(db, skills);
  await db.delete(userCategories).where(eq(userCategories.userId, userId));
  const unique = [...new Set(skills)];
  if (unique.length) await db.insert(userCategories).values(unique.map((categoryId) => ({ userId, categoryId })));
}

export async function createUser(db: Db, input: unknown): Promise<PublicUser> {
  const data = parseOrThrow(createUserSchema, input);
  const passwordHash = await hashPassword(data.password);
  return db.transaction(async (tx) => {
    await assertEmailFree(tx, data.email);
    const [row] = await tx
      .insert(users)
      .values({
        name: data.name,
        email: data.email,
        role: data.role,
        greeting: data.greeting,
        maxDialogs: data.maxDialogs,
        active: data.active,
        passwordHash,
      })
      .returning();
    await setSkills(tx, row!.id, data.skills);
    return toPublicUser(row!);
  });
}

/**
 * Updates a user's profile, role and skills. Disabling ends every session the
 * user holds (sessionVersion bump) and takes them offline.
 */
export async function updateUser(db: Db, id: string, input: unknown, actorId?: string): Promise<PublicUser> {
  const data = parseOrThrow(updateUserSchema, input);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, id)).for("update");
    if (!current) throw new NotFound("User not found");
    if (actorId === id && (!data.active || data.role !== "admin") && current.role === "admin") {
      throw new Invalid("You cannot disable yourself or remove your own admin role", {
        [data.active ? "role" : "active"]: ["Ask another administrator to do this"],
      });
    }
    await assertEmailFree(tx, data.email, id);
    const disabling = current.active && !data.active;
    const [row] = await tx
      .update(users)
      .set({
        name: data.name,
        email: data.email,
        role: data.role,
        greeting: data.greeting,
        maxDialogs: data.maxDialogs,
        active: data.active,
        updatedAt: new Date(),
        ...(disabling || current.role !== data.role
          ? { sessionVersion: current.sessionVersion + 1 }
          : {}),
        ...(disabling ? { status: "offline" as const, statusSince: new Date() } : {}),
      })
      .where(eq(users.id, id))
      .returning();
    await setSkills(tx, id, data.skills);
    return toPublicUser(row!);
  });
}

/** Sets a new password and signs the user out everywhere. */
export async function resetPassword(db: Db, id: string, input: unknown): Promise<void> {
  const { password } = parseOrThrow(resetPasswordSchema, input);
  const passwordHash = await hashPassword(password);
  const res = await db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning({ id: users.id });
  if (!res.length) throw new NotFound("User not found");
}

// A fixed hash to compare against when the e-mail is unknown, so that timing
// does not tell which e-mails exist.
const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.3x2mJ6pOqXn6bW0x5bmC0vWdUe4G";

export async function verifyCredentials(db: Db, email: string, password: string): Promise<PublicUser | null> {
  const [u] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  const ok = await verifyPassword(password, u?.passwordHash ?? DUMMY_HASH);
  if (!u || !ok || !u.active) return null;
  return toPublicUser(u);
}

/** The user behind a session, or null if disabled or signed out since. */
export async function getSessionUser(db: Db, id: string, sessionVersion: number): Promise<PublicUser | null> {
  const [u] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.active, true), eq(users.sessionVersion, sessionVersion)));
  return u ? toPublicUser(u) : null;
}

/**
 * Creates the first administrator when there is none. Returns the generated
 * password (to be printed once) when none was given.
 */
export async function ensureFirstAdmin(
  db: Db,
  opts: { email?: string; password?: string },
): Promise<{ created: false } | { created: true; email: string; generatedPassword?: string }> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.role, "admin" as Role)).limit(1);
  if (existing) return { created: false };
  const email = (opts.email || "admin@webchat.local").trim().toLowerCase();
  const generated = opts.password ? undefined : crypto.randomBytes(12).toString("base64url");
  await createUser(db, {
    name: "Administrator",
    email,
    role: "admin",
    maxDialogs: 5,
    active: true,
    password: opts.password || generated,
  });
  return { created: true, email, generatedPassword: generated };
}
