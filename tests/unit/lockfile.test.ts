// `npm ci` refuses a lock file that lacks any platform build of an optional
// dependency (e.g. @swc/core-darwin-arm64 when the lock was written on Linux),
// which breaks installs on every other machine. This keeps the lock complete.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

interface LockPackage {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../package-lock.json"), "utf8")) as {
  lockfileVersion: number;
  packages: Record<string, LockPackage>;
};

/** Node's resolution: the nearest node_modules folder up from the dependent package. */
function resolves(from: string, name: string): boolean {
  let dir = from;
  for (;;) {
    if (lock.packages[`${dir ? `${dir}/` : ""}node_modules/${name}`]) return true;
    if (!dir) return false;
    const i = dir.lastIndexOf("/node_modules/");
    dir = i < 0 ? "" : dir.slice(0, i);
  }
}

describe("package-lock.json", () => {
  it("is a version 3 lock", () => {
    expect(lock.lockfileVersion).toBe(3);
  });

  it("records every optional dependency of every locked package (all platforms), so npm ci works anywhere", () => {
    const missing: string[] = [];
    for (const [where, pkg] of Object.entries(lock.packages)) {
      for (const name of Object.keys(pkg.optionalDependencies ?? {})) {
        if (!resolves(where, name)) missing.push(`${name} (optional dependency of ${where || "the project"})`);
      }
    }
    expect(missing).toEqual([]);
  });
});
