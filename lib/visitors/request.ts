// The visitor behind a request: the widget sends its token in a header
// (X-Visitor-Token or Authorization: Bearer), never in the URL.
import type { Db } from "../db";
import type { Visitor } from "../db/schema";
import { authenticateVisitor } from "./session";

export function visitorTokenOf(req: Request): string | null {
  const header = req.headers.get("x-visitor-token");
  if (header) return header;
  const authz = req.headers.get("authorization");
  return authz?.startsWith("Bearer ") ? authz.slice(7) : null;
}

export async function visitorFromRequest(db: Db, req: Request): Promise<Visitor | null> {
  const token = visitorTokenOf(req);
  return token ? authenticateVisitor(db, token) : null;
}
