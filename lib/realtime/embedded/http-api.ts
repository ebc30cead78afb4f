import type { IncomingMessage, ServerResponse } from "node:http";
import { isValidChannelName, isValidSocketId } from "../channels";
import type { Hub } from "./hub";
import type { ResolvedOptions } from "./options";
import { channelType } from "./protocol";
import { parseQuery, verifyApiRequest, type QueryParams } from "./signature";

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  });
  res.end(text);
}

function fail(res: ServerResponse, status: number, message: string): void {
  send(res, status, { error: message });
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new HttpError(413, `Request body over ${limit} bytes`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        reject(new HttpError(413, `Request body over ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
    req.on("error", (err) => {
      if (done) return;
      done = true;
      reject(err);
    });
  });
}

type Route =
  | { kind: "events" }
  | { kind: "batch_events" }
  | { kind: "channels" }
  | { kind: "channel"; name: string }
  | { kind: "users"; name: string };

function matchRoute(rest: string[]): Route | null {
  if (rest.length === 1 && rest[0] === "events") return { kind: "events" };
  if (rest.length === 1 && rest[0] === "batch_events") return { kind: "batch_events" };
  if (rest[0] !== "channels") return null;
  if (rest.length === 1) return { kind: "channels" };
  if (rest.length === 2) return { kind: "channel", name: rest[1] };
  if (rest.length === 3 && rest[2] === "users") return { kind: "users", name: rest[1] };
  return null;
}

interface ValidEvent {
  name: string;
  data: string;
  channels: string[];
  socketId?: string;
  info: Set<string>;
}

const EVENT_INFO_ATTRIBUTES = new Set(["user_count", "subscription_count"]);

function parseInfo(value: unknown, allowed: Set<string>): Set<string> {
  if (value === undefined || value === "") return new Set();
  if (typeof value !== "string") throw new HttpError(400, "info must be a comma-separated string");
  const attrs = new Set(value.split(",").map((s) => s.trim()).filter(Boolean));
  for (const a of attrs) if (!allowed.has(a)) throw new HttpError(400, `Unsupported info attribute: ${a.slice(0, 40)}`);
  return attrs;
}

function checkUserCountScope(info: Set<string>, channels: string[]): void {
  if (info.has("user_count") && channels.some((c) => channelType(c) !== "presence")) {
    throw new HttpError(400, "user_count is only available for presence channels");
  }
}

function validateEvent(raw: unknown, opts: ResolvedOptions, single: boolean): ValidEvent {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new HttpError(400, "Event must be an object");
  const e = raw as Record<string, unknown>;
  if (typeof e.name !== "string" || e.name.length === 0 || e.name.length > 200) {
    throw new HttpError(400, "name must be a string of 1 to 200 characters");
  }
  // pusher-js treats these as the server's own bookkeeping (e.g. member_added).
  if (e.name.startsWith("pusher_internal:")) throw new HttpError(400, "Reserved event name");
  if (typeof e.data !== "string") throw new HttpError(400, "data must be a string");

  let channels: string[];
  if (single) {
    if (e.channels !== undefined) throw new HttpError(400, "A batch event takes one channel");
    if (!isValidChannelName(e.channel)) throw new HttpError(400, "Invalid channel name");
    channels = [e.channel];
  } else {
    if (e.channels !== undefined && e.channel !== undefined) throw new HttpError(400, "Give channels or channel, not both");
    const list = e.channels !== undefined ? e.channels : e.channel !== undefined ? [e.channel] : undefined;
    if (!Array.isArray(list) || list.length === 0) throw new HttpError(400, "channels must be a non-empty array");
    if (list.length > opts.maxChannelsPerEvent) {
      throw new HttpError(400, `At most ${opts.maxChannelsPerEvent} channels per event`);
    }
    for (const c of list) if (!isValidChannelName(c)) throw new HttpError(400, "Invalid channel name");
    channels = [...new Set(list as string[])];
  }

  let socketId: string | undefined;
  if (e.socket_id !== undefined && e.socket_id !== null) {
    if (!isValidSocketId(e.socket_id)) throw new HttpError(400, "Invalid socket_id");
    socketId = e.socket_id;
  }
  const info = parseInfo(e.info, EVENT_INFO_ATTRIBUTES);
  checkUserCountScope(info, channels);
  if (Buffer.byteLength(e.data) > opts.maxEventBytes) {
    throw new HttpError(413, `Event data over ${opts.maxEventBytes} bytes`);
  }
  return { name: e.name, data: e.data, channels, socketId, info };
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new HttpError(400, "Malformed JSON");
  }
}

function channelInfo(hub: Hub, name: string, info: Set<string>): Record<string, number> {
  const ch = hub.channel(name);
  const out: Record<string, number> = {};
  if (info.has("user_count")) out.user_count = ch?.members?.size ?? 0;
  if (info.has("subscription_count")) out.subscription_count = ch?.subs.size ?? 0;
  return out;
}

function dispatch(hub: Hub, e: ValidEvent): void {
  for (const channel of e.channels) hub.publish(channel, e.name, e.data, e.socketId);
}

function handleEvents(hub: Hub, opts: ResolvedOptions, body: Buffer): unknown {
  const e = validateEvent(parseJson(body), opts, false);
  dispatch(hub, e);
  if (e.info.size === 0) return {};
  const channels: Record<string, Record<string, number>> = {};
  for (const c of e.channels) channels[c] = channelInfo(hub, c, e.info);
  return { channels };
}

function handleBatch(hub: Hub, opts: ResolvedOptions, body: Buffer): unknown {
  const parsed = parseJson(body);
  const batch = (parsed as { batch?: unknown } | null)?.batch;
  if (!Array.isArray(batch) || batch.length === 0) throw new HttpError(400, "batch must be a non-empty array");
  if (batch.length > opts.maxBatchSize) throw new HttpError(400, `At most ${opts.maxBatchSize} events per batch`);
  // All or nothing: one bad event refuses the whole batch.
  const events = batch.map((e) => validateEvent(e, opts, true));
  for (const e of events) dispatch(hub, e);
  if (!events.some((e) => e.info.size > 0)) return {};
  return { batch: events.map((e) => channelInfo(hub, e.channels[0], e.info)) };
}

function handleChannels(hub: Hub, params: QueryParams): unknown {
  const prefix = params.get("filter_by_prefix")?.decoded ?? "";
  const info = parseInfo(params.get("info")?.decoded, new Set(["user_count"]));
  if (info.has("user_count") && !prefix.startsWith("presence-")) {
    throw new HttpError(400, "user_count requires filter_by_prefix=presence-");
  }
  const channels: Record<string, Record<string, number>> = {};
  for (const [name, ch] of hub.channels) {
    if (ch.subs.size === 0 || !name.startsWith(prefix)) continue;
    channels[name] = channelInfo(hub, name, info);
  }
  return { channels };
}

function handleChannel(hub: Hub, name: string, params: QueryParams): unknown {
  const info = parseInfo(params.get("info")?.decoded, EVENT_INFO_ATTRIBUTES);
  checkUserCountScope(info, [name]);
  const ch = hub.channel(name);
  return { occupied: !!ch && ch.subs.size > 0, ...channelInfo(hub, name, info) };
}

function handleUsers(hub: Hub, name: string): unknown {
  if (channelType(name) !== "presence") throw new HttpError(400, "Users are only available for presence channels");
  const members = hub.channel(name)?.members;
  return { users: members ? [...members.keys()].map((id) => ({ id })) : [] };
}

/** Returns false for paths outside /apps/ so the host server can route them elsewhere. */
export function handleApiRequest(req: IncomingMessage, res: ServerResponse, hub: Hub, opts: ResolvedOptions): boolean {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  if (!path.startsWith("/apps/")) return false;
  void serve(req, res, hub, opts, path, q < 0 ? "" : url.slice(q + 1)).catch((err: unknown) => {
    if (err instanceof HttpError) {
      if (err.status === 413) res.setHeader("connection", "close");
      fail(res, err.status, err.message);
    } else {
      console.error("[realtime] HTTP API error", err);
      fail(res, 500, "Internal error");
    }
  });
  return true;
}

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  hub: Hub,
  opts: ResolvedOptions,
  path: string,
  query: string,
): Promise<void> {
  const segments = path.split("/").slice(2);
  if (segments[0] !== opts.appId) throw new HttpError(404, "Unknown app");
  const route = matchRoute(segments.slice(1));
  if (!route) throw new HttpError(404, "Not found");
  const wantMethod = route.kind === "events" || route.kind === "batch_events" ? "POST" : "GET";
  if (req.method !== wantMethod) {
    res.setHeader("allow", wantMethod);
    throw new HttpError(405, "Method not allowed");
  }

  const body = await readBody(req, opts.maxBodyBytes);
  const params = parseQuery(query);
  if (!params) throw new HttpError(400, "Malformed query string");
  const auth = verifyApiRequest({
    key: opts.key,
    secret: opts.secret,
    method: req.method,
    path,
    params,
    body,
    nowSec: Math.floor(Date.now() / 1000),
  });
  if (!auth.ok) throw new HttpError(401, auth.message);

  if ((route.kind === "channel" || route.kind === "users") && !isValidChannelName(route.name)) {
    throw new HttpError(400, "Invalid channel name");
  }
  let result: unknown;
  switch (route.kind) {
    case "events":
      result = handleEvents(hub, opts, body);
      break;
    case "batch_events":
      result = handleBatch(hub, opts, body);
      break;
    case "channels":
      result = handleChannels(hub, params);
      break;
    case "channel":
      result = handleChannel(hub, route.name, params);
      break;
    case "users":
      result = handleUsers(hub, route.name);
      break;
  }
  send(res, 200, result);
}
