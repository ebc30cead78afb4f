// /api/realtime/auth on the real server: staff by role, and strict validation of
// socket ids and channel names so no signature is ever issued for another string.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../helpers/server";
import { StaffClient } from "../helpers/http-client";

let server: TestServer;
let operator: StaffClient;
let supervisor: StaffClient;
let anonymous: StaffClient;
let operatorId: string;
let otherOperatorId: string;
let secret: string;
let key: string;

async function userIdByName(name: string) {
  const admin = new StaffClient(server.url);
  await admin.login("admin@demo.local", "demo");
  const html = await (await admin.fetch("/admin/users")).text();
  const id = html.match(new RegExp(`href="/admin/users/([0-9a-f-]{36})"[^>]*>${name}`))?.[1];
  if (!id) throw new Error(`no user ${name}`);
  return id;
}

beforeAll(async () => {
  server = await startServer({ SEED_DEMO: "1" });
  operator = new StaffClient(server.url);
  await operator.login("operator1@demo.local", "demo");
  supervisor = new StaffClient(server.url);
  await supervisor.login("supervisor@demo.local", "demo");
  anonymous = new StaffClient(server.url);
  operatorId = await userIdByName("Olivia Operator");
  otherOperatorId = await userIdByName("Omar Operator");
  const creds = JSON.parse(fs.readFileSync(path.join(server.dataDir, "realtime.json"), "utf8"));
  secret = creds.secret;
  key = creds.key;
});
afterAll(() => server?.stop());

function auth(client: StaffClient, socketId: string, channel: string) {
  return client.fetch("/api/realtime/auth", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ socket_id: socketId, channel_name: channel }),
  });
}

describe("realtime channel authorization", () => {
  it("signs an operator's own channel with the server's secret", async () => {
    const channel = `private-operator-${operatorId}`;
    const res = await auth(operator, "123.456", channel);
    expect(res.status).toBe(200);
    const { auth: signature } = (await res.json()) as { auth: string };
    const expected = crypto.createHmac("sha256", secret).update(`123.456:${channel}`).digest("hex");
    expect(signature).toBe(`${key}:${expected}`);
  });

  it("refuses another operator's channel, even to a supervisor", async () => {
    expect((await auth(operator, "1.2", `private-operator-${otherOperatorId}`)).status).toBe(403);
    expect((await auth(supervisor, "1.2", `private-operator-${otherOperatorId}`)).status).toBe(403);
  });

  it("lets staff watch the monitor channel and refuses anonymous callers", async () => {
    expect((await auth(operator, "1.2", "private-monitor")).status).toBe(200);
    expect((await auth(supervisor, "1.2", "private-monitor")).status).toBe(200);
    expect((await auth(anonymous, "1.2", "private-monitor")).status).toBe(403);
    expect((await auth(anonymous, "1.2", `private-operator-${operatorId}`)).status).toBe(403);
  });

  it("refuses dialog channels of dialogs that do not exist", async () => {
    expect((await auth(supervisor, "1.2", `private-dialog-${crypto.randomUUID()}`)).status).toBe(403);
  });

  it.each([
    ["1.2:private-monitor", "private-monitor"],
    ["abc", "private-monitor"],
    ["1.2\n", "private-monitor"],
    ["", "private-monitor"],
  ])("refuses the malformed socket id %j", async (socketId, channel) => {
    const res = await auth(operator, socketId, channel);
    expect(res.status).toBe(422);
    expect(await res.text()).not.toContain(key + ":");
  });

  it.each([
    () => `private-operator-${operatorId}:private-monitor`,
    () => `private-operator-${operatorId},private-monitor`,
    () => `private-operator-${operatorId.toUpperCase()}x`,
    () => "presence-monitor",
    () => "private-something-else",
    () => "x".repeat(200),
  ])("refuses a channel name outside the product's channels (%#)", async (name) => {
    const res = await auth(operator, "1.2", name());
    expect(res.status).toBe(422);
  });

  it("refuses an oversized body", async () => {
    const res = await operator.fetch("/api/realtime/auth", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `socket_id=1.2&channel_name=private-monitor&pad=${"x".repeat(10_000)}`,
    });
    expect(res.status).toBe(413);
  });
});
