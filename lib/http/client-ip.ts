// The visitor's IP: X-Forwarded-For only behind a trusted proxy (TRUST_PROXY),
// otherwise the socket address that server.ts stamps on every request.
import { trustProxy } from "../config";

export function clientIp(req: Request): string | null {
  if (trustProxy()) {
    const fwd = req.headers.get("x-forwarded-for");
    const first = fwd?.split(",")[0]?.trim();
    if (first) return normalize(first);
  }
  // Only server.ts overwrites this header with the socket's address; anywhere
  // else (e.g. serverless) a client could send it, so it is not trusted there.
  if (process.env.WEBCHAT_SERVER !== "1") return null;
  const socket = req.headers.get("x-webchat-client-ip");
  return socket ? normalize(socket) : null;
}

function normalize(ip: string): string {
  return ip.startsWith("::ffff:") ? ip.slice(7) : ip;
}
