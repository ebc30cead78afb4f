import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/lib/db";
import { createTestDb, type TestDb } from "../helpers/db";

const TABLES = [
  "users", "user_categories", "categories", "visitors", "page_views", "dialogs", "dialog_events",
  "dialog_participants", "messages", "files", "templates", "blacklist", "ratings", "complaints",
  "offline_messages", "widget_settings", "cobrowse_sessions",
];

describe(`migrations (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t?.drop());

  it("create every table of the domain in an empty database", async () => {
    const rows = await t.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    // PGlite answers { rows }, postgres-js an array.
    const names = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { table_name: string }[];
    expect(names.map((r) => r.table_name).sort()).toEqual([...TABLES].sort());
  });

  it("apply a second time without change", async () => {
    await expect(migrateDatabase(t)).resolves.toBeUndefined();
  });

  it("enforce case-insensitive unique e-mails at the database level", async () => {
    await t.db.execute(sql`insert into users (email, name, password_hash) values ('A@x.io', 'A', 'h')`);
    await expect(
      t.db.execute(sql`insert into users (email, name, password_hash) values ('a@X.io', 'B', 'h')`),
    ).rejects.toThrow();
  });
});
