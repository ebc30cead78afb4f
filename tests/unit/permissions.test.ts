import { describe, expect, it } from "vitest";
import { ALL_PERMISSIONS, areaFor, can, homeFor, ROLES, type Permission, type Role } from "@/lib/auth/permissions";

// The whole matrix written out, so a change to the table is a visible change here.
const EXPECTED: Record<Permission, Role[]> = {
  "area.operator": ["operator", "supervisor", "admin"],
  "area.supervisor": ["supervisor", "admin"],
  "area.admin": ["admin"],
  "dialog.serve": ["operator", "supervisor", "admin"],
  "dialog.join": ["supervisor", "admin"],
  "dialog.intercept": ["supervisor", "admin"],
  "monitor.view": ["operator", "supervisor", "admin"],
  "blacklist.manage": ["supervisor", "admin"],
  "stats.view": ["supervisor", "admin"],
  "users.manage": ["admin"],
  "categories.manage": ["admin"],
  "settings.manage": ["admin"],
  "templates.shared.manage": ["supervisor", "admin"],
};

describe("permissions", () => {
  it("cover exactly the expected permissions", () => {
    expect([...ALL_PERMISSIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const permission of ALL_PERMISSIONS) {
    for (const role of ROLES) {
      const allowed = EXPECTED[permission].includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can({ role }, permission)).toBe(allowed);
      });
    }
  }

  it("refuse everything without a user", () => {
    for (const p of ALL_PERMISSIONS) expect(can(null, p)).toBe(false);
  });

  it("map paths to areas and roles to their home", () => {
    expect(areaFor("/admin/users/1")).toBe("area.admin");
    expect(areaFor("/administrator")).toBeNull();
    expect(areaFor("/supervisor")).toBe("area.supervisor");
    expect(areaFor("/operator/x")).toBe("area.operator");
    expect(areaFor("/chat")).toBeNull();
    expect(homeFor("admin")).toBe("/admin");
    expect(homeFor("supervisor")).toBe("/supervisor");
    expect(homeFor("operator")).toBe("/operator");
  });
});
