// A fresh database per test file: in-memory PGlite by default, a new PostgreSQL
// database (created and dropped here) when DATABASE_URL is set.
import crypto from "node:crypto";
import postgres from "postgres";
import { migrateDatabase, openDatabase, type DbHandle } from "@/lib/db";

export interface TestDb extends DbHandle {
  url?: string;
  drop(): Promise<void>;
}

export async function createTestDb(): Promise<TestDb> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const handle = await openDatabase({ pgliteDir: "memory://" });
    await migrateDatabase(handle);
    return { ...handle, drop: () => handle.close() };
  }
  const name = `webchat_t_${crypto.randomBytes(6).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  await migrateDatabase(handle);
  return {
    ...handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      const a = postgres(base, { max: 1, onnotice: () => {} });
      await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
