// The frame of a staff JSON route: the signed-in user with the permission,
// refusal of cross-site calls, and domain errors mapped to their statuses.
// The user id only ever comes from the session.
import { requireUser } from "../auth/current-user";
import type { Permission } from "../auth/permissions";
import { Forbidden, NotFound } from "../errors";
import { isUuid } from "../realtime/channels";
import type { PublicUser } from "../users/users";
import { errorResponse } from "./responses";

export const NO_STORE = { "cache-control": "no-store" } as const;

export function json(data: unknown, init: ResponseInit = {}): Response {
  return Response.json(data, { ...init, headers: { ...NO_STORE, ...init.headers } });
}

/**
 * Runs `fn` for a signed-in user holding `permission`. Browsers mark requests
 * from other sites; a cookie-carrying call from one is refused outright.
 */
export async function staffRoute(req: Request, permission: Permission, fn: (user: PublicUser) => Promise<Response>): Promise<Response> {
  try {
    if (req.method !== "GET" && req.headers.get("sec-fetch-site") === "cross-site") throw new Forbidden("Cross-site request refused");
    const user = await requireUser(permission);
    return await fn(user);
  } catch (err) {
    return errorResponse(err, NO_STORE);
  }
}

/** A dialog id from the path: anything but a UUID is simply not found. */
export function pathId(id: string | undefined): string {
  if (!id || !isUuid(id)) throw new NotFound("Chat not found");
  return id.toLowerCase();
}
