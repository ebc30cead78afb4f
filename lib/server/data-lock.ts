// PGlite allows one process per data directory. The server records its pid in
// DATA_DIR so that CLI commands refuse to open the same directory under it.
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "../config";

function lockFile() {
  return path.join(dataDir(), "server.pid");
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of a running server holding DATA_DIR, if any. */
export function runningServerPid(): number | null {
  try {
    const pid = Number(fs.readFileSync(lockFile(), "utf8").trim());
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : null;
  } catch {
    return null;
  }
}

export function takeDataLock(): void {
  fs.mkdirSync(dataDir(), { recursive: true });
  fs.writeFileSync(lockFile(), String(process.pid));
}

export function releaseDataLock(): void {
  try {
    if (fs.readFileSync(lockFile(), "utf8").trim() === String(process.pid)) fs.unlinkSync(lockFile());
  } catch {
    /* already gone */
  }
}

/** For CLI commands on the embedded database: stop with a clear message if the server holds it. */
export function assertEmbeddedDbFree(): void {
  if (process.env.DATABASE_URL) return;
  const pid = runningServerPid();
  if (pid) {
    console.error(
      `The server (pid ${pid}) has the embedded database in ${dataDir()} open. ` +
        `Stop it first, or run this command with the same DATABASE_URL as a PostgreSQL server.`,
    );
    process.exit(1);
  }
}
