import { defineConfig } from "drizzle-kit";

// One config for both drivers: with DATABASE_URL drizzle-kit talks to PostgreSQL,
// without it to the embedded PGlite database in DATA_DIR.
const url = process.env.DATABASE_URL;

export default defineConfig({
  schema: "./lib/db/schema.ts",
  out: "./drizzle",
  dialect: "postgresql",
  casing: "snake_case",
  ...(url
    ? { dbCredentials: { url } }
    : { driver: "pglite", dbCredentials: { url: `${process.env.DATA_DIR || "./data"}/pglite` } }),
});
