// Admin CRUD on the real database, including the bad inputs that must change nothing.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categories, dialogs, userCategories, users, visitors } from "@/lib/db/schema";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import { createCategory, deleteCategory, listCategories, updateCategory } from "@/lib/categories/categories";
import {
  createUser,
  ensureFirstAdmin,
  getSessionUser,
  getUser,
  resetPassword,
  updateUser,
  verifyCredentials,
} from "@/lib/users/users";
import { seedDemo } from "@/lib/demo/seed";
import { createTestDb, type TestDb } from "../helpers/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.drop());

async function userCount() {
  return (await t.db.select({ n: count() }).from(users))[0]!.n;
}
async function categoryCount() {
  return (await t.db.select({ n: count() }).from(categories))[0]!.n;
}

const validCategory = { name: "Support", kind: "topic", queueWaitLimitSec: "120", sortOrder: "1", enabled: "on" };
const validUser = (over: Record<string, unknown> = {}) => ({
  name: "Olga",
  email: `olga${Math.random().toString(36).slice(2, 8)}@example.com`,
  role: "operator",
  maxDialogs: "3",
  password: "correct horse",
  active: "on",
  skills: [],
  ...over,
});

describe("categories", () => {
  it("are created, listed in display order and edited", async () => {
    const a = await createCategory(t.db, { ...validCategory, name: "Zeta", sortOrder: "5" });
    const b = await createCategory(t.db, { ...validCategory, name: "Alpha", kind: "language", sortOrder: "9", offlineEmail: "Help@Example.com" });
    expect(b.offlineEmail).toBe("help@example.com");
    expect(a.offerTimeoutSec).toBeNull();
    const list = await listCategories(t.db);
    expect(list.map((c) => c.name)).toEqual(["Zeta", "Alpha"]);
    const edited = await updateCategory(t.db, a.id, { ...validCategory, name: "Zeta 2", offerTimeoutSec: "30", description: "Shown to visitors" });
    expect(edited).toMatchObject({ name: "Zeta 2", offerTimeoutSec: 30, description: "Shown to visitors", enabled: true });
  });

  it.each([
    [{ ...validCategory, name: "  " }, "name"],
    [{ ...validCategory, name: "<b>x</b>" }, "name"],
    [{ ...validCategory, kind: "region" }, "kind"],
    [{ ...validCategory, queueWaitLimitSec: "-5" }, "queueWaitLimitSec"],
    [{ ...validCategory, queueWaitLimitSec: "abc" }, "queueWaitLimitSec"],
    [{ ...validCategory, offerTimeoutSec: "1" }, "offerTimeoutSec"],
    [{ ...validCategory, offlineEmail: "not-an-email" }, "offlineEmail"],
    [{ ...validCategory, sortOrder: "-1" }, "sortOrder"],
  ])("refuse bad input %# with a field error and store nothing", async (input, field) => {
    const before = await categoryCount();
    const err = await createCategory(t.db, { ...input, name: (input as { name: string }).name }).catch((e) => e);
    expect(err).toBeInstanceOf(Invalid);
    expect(Object.keys((err as Invalid).fieldErrors)).toContain(field);
    expect(await categoryCount()).toBe(before);
  });

  it("refuse a duplicate name of the same kind", async () => {
    await createCategory(t.db, { ...validCategory, name: "Billing" });
    const before = await categoryCount();
    await expect(createCategory(t.db, { ...validCategory, name: "billing" })).rejects.toBeInstanceOf(Conflict);
    expect(await categoryCount()).toBe(before);
    // The same name as another kind is a different category.
    await expect(createCategory(t.db, { ...validCategory, name: "Billing", kind: "department" })).resolves.toBeTruthy();
  });

  it("are deleted when unused and archived when they have dialogs", async () => {
    const unused = await createCategory(t.db, { ...validCategory, name: "Temporary" });
    expect(await deleteCategory(t.db, unused.id)).toEqual({ archived: false });
    expect(await t.db.select().from(categories).where(eq(categories.id, unused.id))).toHaveLength(0);

    const used = await createCategory(t.db, { ...validCategory, name: "With history" });
    const op = await createUser(t.db, validUser({ skills: [used.id] }));
    const [v] = await t.db.insert(visitors).values({ tokenHash: "x" }).returning();
    const [d] = await t.db.insert(dialogs).values({ visitorId: v!.id, categoryId: used.id, state: "closed" }).returning();
    expect(await deleteCategory(t.db, used.id)).toEqual({ archived: true });
    const [row] = await t.db.select().from(categories).where(eq(categories.id, used.id));
    expect(row!.archivedAt).not.toBeNull();
    expect(row!.enabled).toBe(false);
    // History keeps pointing at it; the skill is gone; it is hidden from the active list.
    expect((await t.db.select().from(dialogs).where(eq(dialogs.id, d!.id)))[0]!.categoryId).toBe(used.id);
    expect(await t.db.select().from(userCategories).where(eq(userCategories.userId, op.id))).toHaveLength(0);
    expect((await listCategories(t.db)).some((c) => c.id === used.id)).toBe(false);
    expect((await listCategories(t.db, { includeArchived: true })).some((c) => c.id === used.id)).toBe(true);
    await expect(updateCategory(t.db, used.id, validCategory)).rejects.toBeInstanceOf(Conflict);
  });

  it("answer NotFound for an unknown id", async () => {
    await expect(deleteCategory(t.db, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFound);
  });
});

describe("users", () => {
  it("are created with skills, and never expose the password hash", async () => {
    const c = await createCategory(t.db, { ...validCategory, name: "Skills test" });
    const u = await createUser(t.db, validUser({ email: "Ivan@Example.com", skills: [c.id], greeting: "Hi, I'm Ivan" }));
    expect(u).not.toHaveProperty("passwordHash");
    expect(u.email).toBe("ivan@example.com");
    const loaded = await getUser(t.db, u.id);
    expect(loaded.skills).toEqual([c.id]);
    expect(loaded.greeting).toBe("Hi, I'm Ivan");
    expect(await verifyCredentials(t.db, "IVAN@example.com", "correct horse")).toMatchObject({ id: u.id });
    expect(await verifyCredentials(t.db, "ivan@example.com", "wrong")).toBeNull();
  });

  it.each([
    [validUser({ name: "" }), "name"],
    [validUser({ email: "nope" }), "email"],
    [validUser({ role: "superuser" }), "role"],
    [validUser({ maxDialogs: "-1" }), "maxDialogs"],
    [validUser({ maxDialogs: "0" }), "maxDialogs"],
    [validUser({ password: "short" }), "password"],
    [validUser({ skills: ["not-a-uuid"] }), "skills.0"],
  ])("refuse bad input %# with a field error and store nothing", async (input, field) => {
    const before = await userCount();
    const err = await createUser(t.db, input).catch((e) => e);
    expect(err).toBeInstanceOf(Invalid);
    expect(Object.keys((err as Invalid).fieldErrors)).toContain(field);
    expect(await userCount()).toBe(before);
  });

  it("refuse a duplicate e-mail in any letter case and an unknown category", async () => {
    await createUser(t.db, validUser({ email: "dup@example.com" }));
    const before = await userCount();
    const dup = await createUser(t.db, validUser({ email: "DUP@example.com" })).catch((e) => e);
    expect(dup).toBeInstanceOf(Conflict);
    expect((dup as Conflict).fieldErrors.email).toBeTruthy();
    await expect(
      createUser(t.db, validUser({ skills: ["00000000-0000-4000-8000-000000000000"] })),
    ).rejects.toBeInstanceOf(NotFound);
    expect(await userCount()).toBe(before);
  });

  it("that are disabled can no longer sign in, and their sessions stop working", async () => {
    const u = await createUser(t.db, validUser({ email: "leaver@example.com" }));
    expect(await getSessionUser(t.db, u.id, u.sessionVersion)).toMatchObject({ id: u.id });
    await updateUser(t.db, u.id, { ...validUser({ email: "leaver@example.com" }), active: undefined });
    expect(await getSessionUser(t.db, u.id, u.sessionVersion)).toBeNull();
    expect(await verifyCredentials(t.db, "leaver@example.com", "correct horse")).toBeNull();
    const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
    expect(row!.status).toBe("offline");
  });

  it("get a password reset that ends their sessions", async () => {
    const u = await createUser(t.db, validUser({ email: "reset@example.com" }));
    await expect(resetPassword(t.db, u.id, { password: "123" })).rejects.toBeInstanceOf(Invalid);
    expect(await verifyCredentials(t.db, "reset@example.com", "correct horse")).toBeTruthy();
    await resetPassword(t.db, u.id, { password: "a brand new one" });
    expect(await getSessionUser(t.db, u.id, u.sessionVersion)).toBeNull();
    expect(await verifyCredentials(t.db, "reset@example.com", "correct horse")).toBeNull();
    expect(await verifyCredentials(t.db, "reset@example.com", "a brand new one")).toBeTruthy();
  });

  it("cannot let an admin lock themselves out", async () => {
    const admin = await createUser(t.db, validUser({ email: "self@example.com", role: "admin" }));
    const err = await updateUser(t.db, admin.id, { ...validUser({ email: "self@example.com", role: "admin" }), active: false }, admin.id).catch((e) => e);
    expect(err).toBeInstanceOf(Invalid);
    await expect(
      updateUser(t.db, admin.id, validUser({ email: "self@example.com", role: "operator" }), admin.id),
    ).rejects.toBeInstanceOf(Invalid);
    expect((await getUser(t.db, admin.id)).role).toBe("admin");
  });
});

describe("first administrator and demo data", () => {
  it("create the first admin once, with a generated password when none is given", async () => {
    const fresh = await createTestDb();
    try {
      const first = await ensureFirstAdmin(fresh.db, {});
      expect(first.created).toBe(true);
      if (!first.created) throw new Error("unreachable");
      expect(first.generatedPassword!.length).toBeGreaterThanOrEqual(16);
      expect(await verifyCredentials(fresh.db, first.email, first.generatedPassword!)).toMatchObject({ role: "admin" });
      expect(await ensureFirstAdmin(fresh.db, { email: "other@x.io", password: "whatever1" })).toEqual({ created: false });
    } finally {
      await fresh.drop();
    }
  });

  it("seed the demo idempotently", async () => {
    const fresh = await createTestDb();
    try {
      await seedDemo(fresh.db);
      const snapshot = async () => ({
        users: (await fresh.db.select({ n: count() }).from(users))[0]!.n,
        categories: (await fresh.db.select({ n: count() }).from(categories))[0]!.n,
        skills: (await fresh.db.select({ n: count() }).from(userCategories))[0]!.n,
      });
      const first = await snapshot();
      expect(first.users).toBe(5);
      expect(first.categories).toBe(6);
      await seedDemo(fresh.db);
      expect(await snapshot()).toEqual(first);
      for (const email of ["admin@demo.local", "supervisor@demo.local", "operator1@demo.local", "operator2@demo.local", "operator3@demo.local"]) {
        expect(await verifyCredentials(fresh.db, email, "demo")).toBeTruthy();
      }
    } finally {
      await fresh.drop();
    }
  });
});
