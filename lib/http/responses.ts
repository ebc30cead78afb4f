// Mapping domain errors to HTTP answers for route handlers, and bounded body reading.
import { isDomainError, Invalid } from "../errors";

export class PayloadTooLarge extends Error {
  readonly status = 413;
}

export function errorResponse(err: unknown, headers: HeadersInit = {}): Response {
  if (err instanceof PayloadTooLarge) return Response.json({ error: "payload_too_large", message: "Request body is too large" }, { status: 413, headers });
  if (isDomainError(err)) {
    const body: Record<string, unknown> = { error: err.code, message: err.message };
    if ("fieldErrors" in err && err.fieldErrors && Object.keys(err.fieldErrors as object).length) body.fieldErrors = err.fieldErrors;
    return Response.json(body, { status: err.status, headers });
  }
  console.error("route failed", err);
  return Response.json({ error: "internal", message: "Something went wrong" }, { status: 500, headers });
}

/** The body as text, refusing more than `limit` bytes before reading it all. */
export async function readText(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") || 0);
  if (declared > limit) throw new PayloadTooLarge();
  const reader = req.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** JSON body within `limit` bytes; malformed JSON is a 422 with a clear message. */
export async function readJson(req: Request, limit: number): Promise<unknown> {
  const text = await readText(req, limit);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new Invalid("Malformed JSON body");
  }
}

export async function readForm(req: Request, limit: number): Promise<URLSearchParams> {
  return new URLSearchParams(await readText(req, limit));
}
