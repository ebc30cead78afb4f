// Where realtime traffic goes: hosted Pusher (PUSHER_CLUSTER), any other
// Pusher-protocol server (PUSHER_HOST), or the server embedded in this process.
import { randomBytes, randomInt } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir, port as appPort } from "../config";

export type RealtimeMode = "hosted" | "external" | "embedded";

export interface RealtimeCredentials {
  appId: string;
  key: string;
  secret: string;
}

export interface RealtimeConfig extends RealtimeCredentials {
  mode: RealtimeMode;
  /** For the server SDK (HTTP API). */
  host?: string;
  port?: number;
  useTLS: boolean;
  cluster?: string;
}

/** Safe to send to browsers: never contains the secret. */
export interface PublicRealtimeConfig {
  key: string;
  cluster?: string;
  /** Absent in embedded mode: the browser connects to the page's own host and port. */
  wsHost?: string;
  wsPort?: number;
  /** Absent in embedded mode: TLS exactly when the page itself is on https (e.g. behind a proxy). */
  forceTLS?: boolean;
}

function env(name: string): string | undefined {
  const v = process.env[name];
  return v === undefined || v.trim() === "" ? undefined : v.trim();
}

function flag(name: string, fallback: boolean): boolean {
  const v = env(name);
  if (v === undefined) return fallback;
  return /^(1|true|yes|on)$/i.test(v);
}

function required(name: string, mode: RealtimeMode): string {
  const v = env(name);
  if (!v) throw new Error(`${name} is required when realtime mode is "${mode}"`);
  return v;
}

let credentialsMemo: { dir: string; creds: RealtimeCredentials } | null = null;

function isCredentials(v: unknown): v is RealtimeCredentials {
  const o = v as Partial<RealtimeCredentials> | null;
  return (
    typeof o === "object" &&
    o !== null &&
    typeof o.appId === "string" &&
    typeof o.key === "string" &&
    typeof o.secret === "string" &&
    o.appId !== "" &&
    o.key !== "" &&
    o.secret !== ""
  );
}

function readCredentials(file: string): RealtimeCredentials | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  const parsed: unknown = JSON.parse(text);
  if (!isCredentials(parsed)) throw new Error(`${file} does not hold realtime credentials`);
  return { appId: parsed.appId, key: parsed.key, secret: parsed.secret };
}

/**
 * Credentials for the embedded server, generated on first use and kept in
 * DATA_DIR so that browsers' cached keys and signed URLs stay valid across
 * restarts. Written via link() so two processes starting at once agree on one file.
 */
export function embeddedCredentials(): RealtimeCredentials {
  const dir = dataDir();
  if (credentialsMemo?.dir === dir) return credentialsMemo.creds;
  const file = path.join(dir, "realtime.json");
  let creds = readCredentials(file);
  if (!creds) {
    fs.mkdirSync(dir, { recursive: true });
    const fresh: RealtimeCredentials = {
      // Numeric like Pusher's own ids, which some tools parse as integers.
      appId: String(randomInt(100000, 1000000000)),
      key: randomBytes(10).toString("hex"),
      secret: randomBytes(20).toString("hex"),
    };
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(fresh, null, 2) + "\n", { mode: 0o600 });
    try {
      fs.linkSync(tmp, file);
      creds = fresh;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      creds = readCredentials(file);
      if (!creds) throw err;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  credentialsMemo = { dir, creds };
  return creds;
}

export function realtimeMode(): RealtimeMode {
  if (env("PUSHER_CLUSTER")) return "hosted";
  if (env("PUSHER_HOST")) return "external";
  return "embedded";
}

export function realtimeConfig(): RealtimeConfig {
  const mode = realtimeMode();
  if (mode === "hosted") {
    return {
      mode,
      appId: required("PUSHER_APP_ID", mode),
      key: required("PUSHER_KEY", mode),
      secret: required("PUSHER_SECRET", mode),
      cluster: env("PUSHER_CLUSTER"),
      useTLS: true,
    };
  }
  if (mode === "external") {
    const useTLS = flag("PUSHER_USE_TLS", false);
    const p = Number(env("PUSHER_PORT") ?? (useTLS ? 443 : 80));
    if (!Number.isInteger(p) || p <= 0 || p >= 65536) throw new Error("PUSHER_PORT must be a port number");
    return {
      mode,
      appId: required("PUSHER_APP_ID", mode),
      key: required("PUSHER_KEY", mode),
      secret: required("PUSHER_SECRET", mode),
      host: env("PUSHER_HOST"),
      port: p,
      useTLS,
    };
  }
  const given = { appId: env("PUSHER_APP_ID"), key: env("PUSHER_KEY"), secret: env("PUSHER_SECRET") };
  const creds =
    given.appId && given.key && given.secret
      ? { appId: given.appId, key: given.key, secret: given.secret }
      : embeddedCredentials();
  // The server SDK reaches the embedded server over loopback on the app's own port.
  return { mode, ...creds, host: "127.0.0.1", port: appPort(), useTLS: false };
}

export function publicClientConfig(cfg: RealtimeConfig = realtimeConfig()): PublicRealtimeConfig {
  if (cfg.mode === "hosted") return { key: cfg.key, cluster: cfg.cluster, forceTLS: true };
  if (cfg.mode === "external") return { key: cfg.key, wsHost: cfg.host, wsPort: cfg.port, forceTLS: cfg.useTLS };
  return { key: cfg.key };
}
