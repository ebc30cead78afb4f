import { eq } from "drizzle-orm";
import type { Db } from "../db";
import { visitors, type Visitor } from "../db/schema";
import { NotFound } from "../errors";
import { parseOrThrow } from "../validation";
import { monitorUpdated, type RealtimeEvent } from "../dialogs/events";
import { contactSchema, type ContactInput } from "./schemas";

/** Name, phone and e-mail the visitor gives (M4 searches by them). A field left out keeps its value. */
export async function updateVisitorContact(
  db: Db,
  input: ContactInput,
): Promise<{ visitor: Visitor; events: RealtimeEvent[] }> {
  const p = parseOrThrow(contactSchema, input);
  const raw = input as Record<string, unknown>;
  const set: Partial<Pick<Visitor, "name" | "phone" | "email">> = {};
  if (raw.name !== undefined) set.name = p.name;
  if (raw.phone !== undefined) set.phone = p.phone;
  if (raw.email !== undefined) set.email = p.email;
  const [visitor] = Object.keys(set).length
    ? await db.update(visitors).set(set).where(eq(visitors.id, p.visitorId)).returning()
    : await db.select().from(visitors).where(eq(visitors.id, p.visitorId));
  if (!visitor) throw new NotFound("Visitor not found");
  return { visitor, events: [monitorUpdated({ visitorId: visitor.id })] };
}
