// One Node process serves the whole product: Next.js, and on the embedded
// defaults the Pusher-protocol realtime server on the same port, the database
// and the timer sweeper.
import http from "node:http";
import { parse } from "node:url";
import { port as configuredPort } from "./lib/config";
import { ensureAuthSecret } from "./lib/auth/secret";
import { closeDb, getDbHandle } from "./lib/db";
import { ensureFirstAdmin } from "./lib/users/users";
import { releaseDataLock, runningServerPid, takeDataLock } from "./lib/server/data-lock";

const CLIENT_IP_HEADER = "x-webchat-client-ip";
const dev = process.env.NODE_ENV !== "production";
const hostname = process.env.HOST || "0.0.0.0";
const port = configuredPort();

async function main() {
  // Tells route handlers that the client-IP header below is stamped by this process.
  process.env.WEBCHAT_SERVER = "1";
  if (!process.env.DATABASE_URL) {
    const other = runningServerPid();
    if (other) throw new Error(`Another server (pid ${other}) already uses the embedded database in DATA_DIR.`);
    takeDataLock();
  }
  ensureAuthSecret();

  const handle = await getDbHandle();
  const admin = await ensureFirstAdmin(handle.db, {
    email: process.env.ADMIN_EMAIL,
    password: process.env.ADMIN_PASSWORD,
  });
  if (admin.created) {
    console.log(`Created the first administrator: ${admin.email}`);
    if (admin.generatedPassword) {
      console.log(`Generated password (shown once, change it after signing in): ${admin.generatedPassword}`);
    }
  }
  if (process.env.SEED_DEMO === "1") {
    const { seedDemo } = await import("./lib/demo/seed");
    await seedDemo(handle.db);
    console.log("Demo data is in place (SEED_DEMO=1).");
  }

  const { default: next } = await import("next");
  // Next builds request URLs from this name; the socket still binds to `hostname`.
  const app = next({ dev, hostname: process.env.HOST || "localhost", port });
  const handleNext = app.getRequestHandler();
  await app.prepare();
  const upgradeNext = dev ? app.getUpgradeHandler() : null;

  const { startRealtime } = await import("./lib/server/realtime-host");
  const realtime = await startRealtime();

  const server = http.createServer((req, res) => {
    if (realtime?.handleRequest(req, res)) return;
    // The client's address for route handlers, which cannot see the socket; a
    // value sent by the client itself is never trusted.
    req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "";
    handleNext(req, res, parse(req.url || "/", true)).catch((err) => {
      console.error("request failed", req.url, err);
      if (!res.headersSent) res.writeHead(500).end("Internal Server Error");
    });
  });
  server.on("upgrade", (req, socket, head) => {
    if (realtime?.handleUpgrade(req, socket, head)) return;
    if (upgradeNext) void upgradeNext(req, socket, head);
    else socket.destroy();
  });

  const timers: NodeJS.Timeout[] = [];
  const { startBackgroundJobs } = await import("./lib/server/jobs");
  timers.push(...startBackgroundJobs());

  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  const addr = server.address();
  const shownPort = typeof addr === "object" && addr ? addr.port : port;
  console.log(`Webchat is ready on http://localhost:${shownPort} (${dev ? "development" : "production"}, database: ${handle.kind}, realtime: ${realtime ? "embedded" : "external"})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    for (const t of timers) clearInterval(t);
    server.closeAllConnections?.();
    await Promise.race([
      Promise.all([new Promise((r) => server.close(r)), realtime?.close()]),
      new Promise((r) => setTimeout(r, 3000)),
    ]);
    await closeDb().catch(() => {});
    releaseDataLock();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  releaseDataLock();
  process.exit(1);
});
