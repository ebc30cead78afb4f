// Roles map to permissions here and nowhere else; code asks can(user, "...").
export const ROLES = ["operator", "supervisor", "admin"] as const;
export type Role = (typeof ROLES)[number];

const PERMISSIONS = {
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
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function can(user: { role: Role } | null | undefined, permission: Permission): boolean {
  if (!user) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(user.role);
}

/** The staff area a role lands on after sign-in. */
export function homeFor(role: Role): string {
  return role === "admin" ? "/admin" : role === "supervisor" ? "/supervisor" : "/operator";
}

/** Which area permission a path belongs to, for the proxy's early redirects. */
export function areaFor(pathname: string): Permission | null {
  if (pathname === "/admin" || pathname.startsWith("/admin/")) return "area.admin";
  if (pathname === "/supervisor" || pathname.startsWith("/supervisor/")) return "area.supervisor";
  if (pathname === "/operator" || pathname.startsWith("/operator/")) return "area.operator";
  return null;
}
