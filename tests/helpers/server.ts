// Starts the real server.ts (production build) as a child process on a free
// port with its own fresh database, as a user would run it.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createTestDb, type TestDb } from "./db";
import { serverEnv } from "./env";

export interface TestServer {
  url: string;
  port: number;
  pid: number;
  dataDir: string;
  db: TestDb | null;
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  /** Extra flags for the server's node, e.g. ["--cpu-prof"] from the bench. */
  nodeArgs?: string[];
}

export async function startServer(env: Record<string, string> = {}, opts: StartOptions = {}): Promise<TestServer> {
  const root = path.resolve(import.meta.dirname, "../..");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "webchat-test-"));
  // PostgreSQL: the server gets a fresh database of its own; PGlite: a fresh DATA_DIR.
  const db = process.env.DATABASE_URL ? await createTestDb() : null;
  const port = await freePort();
  const childEnv = serverEnv({ PORT: String(port), DATA_DIR: dataDir, ...(db?.url ? { DATABASE_URL: db.url } : {}), ...env });
  await db?.close().catch(() => {});
  const child: ChildProcess = spawn(process.execPath, [...(opts.nodeArgs ?? []), "--import", "tsx", "server.ts"], {
    cwd: root,
    env: childEnv as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${out}`)), 90_000);
    const check = () => {
      if (out.includes("Webchat is ready")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    dataDir,
    db,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      await db?.drop().catch(() => {});
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
