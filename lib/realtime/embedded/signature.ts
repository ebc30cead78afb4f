import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export function hmacHex(secret: string, data: string): string {
  return createHmac("sha256", secret).update(data, "utf8").digest("hex");
}

export function md5Hex(body: Buffer | string): string {
  return createHash("md5").update(body).digest("hex");
}

/** Constant-time for equal lengths; the expected length is public (64 hex chars), so an early length check leaks nothing. */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a, "utf8");
  const bb = Buffer.from(b, "utf8");
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** Checks `key:HMAC(secret, socket_id:channel[:channel_data])`. */
export function verifyChannelAuth(
  key: string,
  secret: string,
  auth: unknown,
  socketId: string,
  channel: string,
  channelData?: string,
): boolean {
  if (typeof auth !== "string") return false;
  const colon = auth.indexOf(":");
  if (colon < 0) return false;
  const givenKey = auth.slice(0, colon);
  const givenSig = auth.slice(colon + 1);
  const toSign = channelData === undefined ? `${socketId}:${channel}` : `${socketId}:${channel}:${channelData}`;
  const expected = hmacHex(secret, toSign);
  // Evaluate both comparisons so timing does not reveal which part was wrong.
  const keyOk = safeEqual(givenKey, key);
  const sigOk = safeEqual(givenSig, expected);
  return keyOk && sigOk;
}

export type QueryParams = Map<string, { raw: string; decoded: string }>;

/**
 * Parses a query string without URLSearchParams, which would turn `+` into a
 * space and so change what was signed. Duplicate keys are refused because a
 * signature cannot say which of them was meant.
 */
export function parseQuery(query: string): QueryParams | null {
  const out: QueryParams = new Map();
  if (query === "") return out;
  for (const part of query.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const raw = eq < 0 ? "" : part.slice(eq + 1);
    let key: string;
    let decoded: string;
    try {
      key = decodeURIComponent(rawKey).toLowerCase();
      decoded = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (out.has(key)) return null;
    out.set(key, { raw, decoded });
  }
  return out;
}

export type ApiAuthResult = { ok: true } | { ok: false; message: string };

export const MAX_TIMESTAMP_SKEW_SEC = 600;

/** Verifies a signed HTTP API request as described in Pusher's HTTP API reference. */
export function verifyApiRequest(opts: {
  key: string;
  secret: string;
  method: string;
  path: string;
  params: QueryParams;
  body: Buffer;
  nowSec: number;
}): ApiAuthResult {
  const { params } = opts;
  const get = (k: string) => params.get(k)?.decoded;
  const authKey = get("auth_key");
  const timestamp = get("auth_timestamp");
  const version = get("auth_version");
  const signature = get("auth_signature");
  if (!authKey || !timestamp || !signature) return { ok: false, message: "Missing authentication parameters" };
  if (!safeEqual(authKey, opts.key)) return { ok: false, message: "Unknown auth_key" };
  if (version !== undefined && version !== "1.0") return { ok: false, message: "Unsupported auth_version" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, message: "Invalid auth_timestamp" };
  if (Math.abs(opts.nowSec - Number(timestamp)) > MAX_TIMESTAMP_SKEW_SEC) {
    return { ok: false, message: `Timestamp expired: given ${timestamp}, server time ${opts.nowSec}` };
  }
  const bodyMd5 = get("body_md5");
  if (opts.body.length > 0) {
    if (!bodyMd5 || !safeEqual(bodyMd5, md5Hex(opts.body))) return { ok: false, message: "Invalid body_md5" };
  } else if (bodyMd5 !== undefined && !safeEqual(bodyMd5, md5Hex(opts.body))) {
    return { ok: false, message: "Invalid body_md5" };
  }

  const keys = [...params.keys()].filter((k) => k !== "auth_signature").sort();
  const method = opts.method.toUpperCase();
  const sign = (pick: "decoded" | "raw") =>
    hmacHex(opts.secret, `${method}\n${opts.path}\n${keys.map((k) => `${k}=${params.get(k)![pick]}`).join("&")}`);
  // Libraries sign the unescaped values; accepting the escaped form too costs
  // nothing, since either form can only be produced with the secret.
  const decodedOk = safeEqual(signature, sign("decoded"));
  if (decodedOk || safeEqual(signature, sign("raw"))) return { ok: true };
  return { ok: false, message: "Invalid signature" };
}
