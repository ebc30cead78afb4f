// The role matrix against the real server: every role × every area, and the
// admin actions invoked by each role through the real server-action protocol.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../helpers/server";
import { StaffClient } from "../helpers/http-client";

type Who = "anonymous" | "operator" | "supervisor" | "admin";
const ACCOUNTS: Record<Exclude<Who, "anonymous">, string> = {
  operator: "operator1@demo.local",
  supervisor: "supervisor@demo.local",
  admin: "admin@demo.local",
};

let server: TestServer;
const clients = {} as Record<Who, StaffClient>;

beforeAll(async () => {
  server = await startServer({ SEED_DEMO: "1" });
  clients.anonymous = new StaffClient(server.url);
  for (const [who, email] of Object.entries(ACCOUNTS)) {
    const c = new StaffClient(server.url);
    const res = await c.login(email, "demo");
    expect(res.status).toBe(302);
    expect(c.signedIn).toBe(true);
    clients[who as Who] = c;
  }
});
afterAll(() => server?.stop());

const AREAS: [string, Who[]][] = [
  ["/operator", ["operator", "supervisor", "admin"]],
  ["/supervisor", ["supervisor", "admin"]],
  ["/admin", ["admin"]],
  ["/admin/users", ["admin"]],
  ["/admin/users/new", ["admin"]],
  ["/admin/categories", ["admin"]],
  ["/admin/categories/new", ["admin"]],
];

describe("areas", () => {
  for (const [path, allowed] of AREAS) {
    for (const who of ["anonymous", "operator", "supervisor", "admin"] as Who[]) {
      const expected = who === "anonymous" ? "sign-in redirect" : allowed.includes(who) ? "200" : "403";
      it(`${path} for ${who}: ${expected}`, async () => {
        const res = await clients[who].fetch(path);
        if (who === "anonymous") {
          expect(res.status).toBe(307);
          expect(new URL(res.headers.get("location")!, server.url).pathname).toBe("/login");
        } else if (allowed.includes(who)) {
          expect(res.status).toBe(200);
        } else {
          expect(res.status).toBe(403);
          expect(await res.text()).toContain("403");
        }
      });
    }
  }

  it("a sign-in redirect keeps the host the browser used", async () => {
    // fetch() cannot set Host, so a plain HTTP request does.
    const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http.get(`${server.url}/admin/users?x=1`, { headers: { host: "chat.example.com" } }, resolve).on("error", reject),
    );
    res.resume();
    expect(res.statusCode).toBe(307);
    const location = new URL(res.headers.location!, "http://chat.example.com");
    expect(location.origin).toBe("http://chat.example.com");
    expect(location.searchParams.get("callbackUrl")).toBe("/admin/users?x=1");
  });

  it("a wrong password does not sign in", async () => {
    const c = new StaffClient(server.url);
    const res = await c.login("admin@demo.local", "not-the-password");
    expect(res.headers.get("location")).toContain("error=CredentialsSignin");
    expect(c.signedIn).toBe(false);
    expect((await c.fetch("/admin")).status).toBe(307);
  });

  it("sign-in with the first admin from ADMIN_EMAIL/ADMIN_PASSWORD works", async () => {
    const c = new StaffClient(server.url);
    await c.login("root@test.local", "root-password");
    expect((await c.fetch("/admin")).status).toBe(200);
  });

  it("passwords never appear in responses or logs", async () => {
    const page = await (await clients.admin.fetch("/admin/users")).text();
    expect(page).not.toMatch(/password_hash|passwordHash|\$2[aby]\$/);
    expect(server.output()).not.toContain("root-password");
  });
});

async function categoryListed(name: string) {
  return (await (await clients.admin.fetch("/admin/categories")).text()).includes(name);
}
async function userListed(email: string) {
  return (await (await clients.admin.fetch("/admin/users")).text()).includes(email);
}

describe("admin actions", () => {
  it("creating a category is refused for operators and supervisors, allowed for admins", async () => {
    const fields = await clients.admin.actionFields("/admin/categories/new", "kind");
    const values = { name: "Matrix category", kind: "topic", queueWaitLimitSec: "120", sortOrder: "3", enabled: "on" };
    for (const who of ["operator", "supervisor"] as const) {
      // The proxy lets a signed-in user through, so the action runs and must refuse
      // on its own before the layout answers 403.
      const res = await clients[who].submitAction("/admin/categories/new", fields, values);
      expect(res.status).toBe(403);
      expect(await categoryListed("Matrix category")).toBe(false);
    }
    const anon = await clients.anonymous.submitAction("/admin/categories/new", fields, values);
    expect(anon.status).toBe(307);
    expect(await categoryListed("Matrix category")).toBe(false);

    const ok = await clients.admin.submitAction("/admin/categories/new", fields, values);
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toContain("/admin/categories?done=created");
    expect(await categoryListed("Matrix category")).toBe(true);
  });

  it("creating a user is refused for non-admins; bad input is refused with field errors", async () => {
    const fields = await clients.admin.actionFields("/admin/users/new", "role");
    const values = { name: "Matrix Operator", email: "matrix@example.com", role: "operator", maxDialogs: "2", password: "long enough", active: "on" };
    for (const who of ["operator", "supervisor"] as const) {
      const res = await clients[who].submitAction("/admin/users/new", fields, values);
      expect(res.status).toBe(403);
    }
    expect(await userListed("matrix@example.com")).toBe(false);

    const bad = await clients.admin.submitAction("/admin/users/new", fields, { ...values, name: "", maxDialogs: "-3", role: "root" });
    expect(bad.status).toBe(200);
    const html = await bad.text();
    expect(html).toContain("Name is required");
    expect(html).toContain("Maximum concurrent dialogs must be at least 1");
    expect(html).toContain("Choose a role");
    expect(await userListed("matrix@example.com")).toBe(false);

    const ok = await clients.admin.submitAction("/admin/users/new", fields, values);
    expect(ok.status).toBe(303);
    expect(await userListed("matrix@example.com")).toBe(true);

    const dup = await clients.admin.submitAction("/admin/users/new", fields, { ...values, email: "MATRIX@example.com", name: "Twin" });
    expect(await dup.text()).toContain("This e-mail is already in use");
    expect(await (await clients.admin.fetch("/admin/users")).text()).not.toContain("Twin");
  });

  it("a disabled user's existing session stops working", async () => {
    const create = await clients.admin.actionFields("/admin/users/new", "role");
    const base = { name: "Soon Gone", email: "gone@example.com", role: "operator", maxDialogs: "2", active: "on" };
    expect((await clients.admin.submitAction("/admin/users/new", create, { ...base, password: "long enough" })).status).toBe(303);

    const gone = new StaffClient(server.url);
    await gone.login("gone@example.com", "long enough");
    expect((await gone.fetch("/operator")).status).toBe(200);

    const list = await (await clients.admin.fetch("/admin/users")).text();
    const id = list.match(/href="\/admin\/users\/([0-9a-f-]{36})"[^>]*>Soon Gone/)?.[1];
    expect(id).toBeTruthy();
    const edit = await clients.admin.actionFields(`/admin/users/${id}`, "role");
    // An unchecked checkbox is simply absent from the form: active = false.
    const res = await clients.admin.submitAction(`/admin/users/${id}`, edit, base.active ? { name: base.name, email: base.email, role: base.role, maxDialogs: base.maxDialogs } : {});
    expect(res.status).toBe(303);

    const after = await gone.fetch("/operator");
    expect(after.status).toBe(307);
    expect(new URL(after.headers.get("location")!, server.url).pathname).toBe("/login");
    const again = new StaffClient(server.url);
    await again.login("gone@example.com", "long enough");
    expect(again.signedIn).toBe(false);
  });

  it("editing a user or resetting a password is refused for a supervisor", async () => {
    const list = await (await clients.admin.fetch("/admin/users")).text();
    const id = list.match(/href="\/admin\/users\/([0-9a-f-]{36})"[^>]*>Olivia Operator/)?.[1];
    expect(id).toBeTruthy();
    const reset = await clients.admin.actionFields(`/admin/users/${id}`, "password");
    const res = await clients.supervisor.submitAction(`/admin/users/${id}`, reset, { password: "taken over!" });
    expect(res.status).toBe(403);
    const stillWorks = new StaffClient(server.url);
    await stillWorks.login("operator1@demo.local", "demo");
    expect(stillWorks.signedIn).toBe(true);
  });
});
