// POST /api/chat/contact: the name, phone and e-mail the visitor (or the site,
// through Webchat.setVisitor) gives; a field left out keeps its value.
import { json, readBody, visitorRoute, onlyKeys } from "@/lib/chat/visitor-route";
import { publishEvents } from "@/lib/dialogs/events";
import { enforceLimit } from "@/lib/http/rate-limit";
import { updateVisitorContact } from "@/lib/visitors/contact";

export const dynamic = "force-dynamic";

const contactBody = onlyKeys("name", "phone", "email");

export async function POST(req: Request) {
  return visitorRoute(req, async ({ db, visitor, ip }) => {
    const body = await readBody(req, contactBody);
    await enforceLimit("feedback", [visitor.id, ip]);
    // Keys that were not sent stay undefined, so the domain keeps those fields.
    const given = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    const r = await updateVisitorContact(db, { ...given, visitorId: visitor.id });
    await publishEvents(r.events);
    const v = r.visitor;
    return json({ visitor: { id: v.id, name: v.name, phone: v.phone, email: v.email } });
  });
}
