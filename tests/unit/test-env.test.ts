// Tests must not depend on the caller's shell: a developer with hosted Pusher
// credentials (or AUTH_URL, SMTP_URL, TRUST_PROXY...) exported still gets the
// embedded defaults in every server the suite starts and in every test process.
import { describe, expect, it } from "vitest";
import { PRODUCT_ENV, serverEnv } from "../helpers/env";

describe("the test environment", () => {
  it("starts servers with an explicit environment, never the caller's product settings", () => {
    const polluted = {
      PATH: "/usr/bin",
      HOME: "/root",
      PUSHER_APP_ID: "1",
      PUSHER_KEY: "k",
      PUSHER_SECRET: "s",
      PUSHER_CLUSTER: "eu",
      AUTH_URL: "https://chat.example.com",
      TRUST_PROXY: "1",
      SMTP_URL: "smtp://mail.example.com",
      RATE_LIMIT: "off",
      DATABASE_URL: "postgres://elsewhere/db",
      SOMETHING_ELSE: "x",
    };
    const env = serverEnv({ PORT: "1234" }, polluted);
    for (const name of PRODUCT_ENV) {
      if (!["PORT", "HOST", "ADMIN_EMAIL", "ADMIN_PASSWORD"].includes(name)) expect(env[name], name).toBeUndefined();
    }
    expect(env.SOMETHING_ELSE).toBeUndefined();
    expect(env).toMatchObject({ PATH: "/usr/bin", HOME: "/root", PORT: "1234", NODE_ENV: "production", HOST: "127.0.0.1" });
  });

  it("removes the caller's product settings from test processes, keeping only DATABASE_URL", () => {
    for (const name of PRODUCT_ENV) {
      if (name !== "DATABASE_URL") expect(process.env[name], name).toBeUndefined();
    }
  });
});
