// The environment of the servers and test processes the suite starts.

/**
 * Variables the server may inherit from the caller's shell: only what Node, npm
 * and the tools need to run. Everything the product reads (PUSHER_*, AUTH_*,
 * SMTP_URL, TRUST_PROXY, RATE_LIMIT, DATABASE_URL, ...) is set explicitly here or
 * by the test, so a developer's own configuration never changes what a test sees.
 */
export const INHERITED = ["PATH", "HOME", "TMPDIR", "TEMP", "TMP", "LANG", "LC_ALL", "TZ", "SYSTEMROOT", "CHROMIUM_PATH"];

/** What the product reads from its environment (README, Configuration); never inherited by tests. */
export const PRODUCT_ENV = [
  "DATABASE_URL", "DATABASE_POOL_SIZE", "DATA_DIR", "PORT", "HOST", "AUTH_SECRET", "AUTH_URL", "AUTH_TRUST_HOST",
  "NEXTAUTH_URL", "NEXTAUTH_SECRET", "ADMIN_EMAIL", "ADMIN_PASSWORD", "SEED_DEMO", "DEMO_PASSWORD", "TRUST_PROXY",
  "PUSHER_APP_ID", "PUSHER_KEY", "PUSHER_SECRET", "PUSHER_CLUSTER", "PUSHER_HOST", "PUSHER_PORT", "PUSHER_USE_TLS",
  "SMTP_URL", "MAIL_FROM", "OFFLINE_MAIL_TO", "UPLOADTHING_TOKEN", "CRON_SECRET", "RATE_LIMIT", "RATE_LIMIT_SCALE",
  "SWEEP_INTERVAL_MS", "WEBCHAT_SERVER",
] as const;

/** The server's whole environment: the inherited basics, the test defaults, then `extra`. */
export function serverEnv(extra: Record<string, string> = {}, from: Record<string, string | undefined> = process.env): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const name of INHERITED) if (from[name] !== undefined) env[name] = from[name];
  return {
    ...env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    HOST: "127.0.0.1",
    ADMIN_EMAIL: "root@test.local",
    ADMIN_PASSWORD: "root-password",
    BCRYPT_ROUNDS: "4",
    ...extra,
  };
}

