// Environment, read in one place. Values are read on each call so tests and
// CLI commands can set them before use.
import path from "node:path";

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || "./data");
}

export function databaseUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

export function port(): number {
  const n = Number(process.env.PORT || 3000);
  return Number.isInteger(n) && n >= 0 && n < 65536 ? n : 3000;
}

export function trustProxy(): boolean {
  return /^(1|true|yes)$/i.test(process.env.TRUST_PROXY || "");
}
