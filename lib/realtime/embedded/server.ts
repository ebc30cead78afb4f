import { randomInt } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { Connection } from "./connection";
import { handleApiRequest } from "./http-api";
import { Hub } from "./hub";
import { resolveOptions, type EmbeddedRealtimeOptions, type ResolvedOptions } from "./options";
import { ErrorCode, PROTOCOL_VERSION, errorFrame } from "./protocol";
import { safeEqual } from "./signature";
import { isValidChannelName, isValidSocketId } from "../channels";

export type { EmbeddedRealtimeOptions } from "./options";

export interface EmbeddedRealtime {
  /** True if the path was /app/{key} and the socket was taken. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** True if the path starts with /apps/ and the request is being answered. */
  handleRequest(req: IncomingMessage, res: ServerResponse): boolean;
  close(): Promise<void>;
  stats(): { connections: number; channels: number };
  /**
   * Delivers an event from this same process, as POST /apps/{id}/events would
   * after its signature check: same channel, socket id, name and size rules.
   * Returns false (and delivers nothing) when a rule is broken.
   */
  publishLocal(channel: string, event: string, data: string, exceptSocketId?: string): boolean;
}

const APP_PATH_RE = /^\/app\/([^/]+)\/?$/;
// Room for a 10 KB client event plus its envelope; larger frames are closed by ws with 1009.
const MAX_FRAME_BYTES = 64 * 1024;

export function createEmbeddedRealtime(options: EmbeddedRealtimeOptions): EmbeddedRealtime {
  const opts: ResolvedOptions = resolveOptions(options);
  const hub = new Hub();
  const connections = new Set<Connection>();
  const wss = new WebSocketServer({
    noServer: true,
    clientTracking: false,
    perMessageDeflate: false,
    maxPayload: MAX_FRAME_BYTES,
  });
  let closed = false;

  // One sweeper for all sockets instead of a timer per socket; its period is a
  // fraction of the shortest timeout so pings and closes are at most ~25% late.
  const sweepMs = Math.max(20, Math.min(1000, (Math.min(opts.activityTimeoutSec, opts.pongTimeoutSec) * 1000) / 4));
  const sweeper = setInterval(() => {
    const now = Date.now();
    for (const c of connections) c.checkActivity(now);
  }, sweepMs);
  sweeper.unref();

  function newSocketId(): string {
    for (;;) {
      const id = `${randomInt(1, 2 ** 31)}.${randomInt(1, 2 ** 31)}`;
      if (!hub.peers.has(id)) return id;
    }
  }

  function refuse(ws: WebSocket, code: number, message: string): void {
    ws.on("error", () => ws.terminate());
    ws.send(errorFrame(code, message));
    ws.close(code, message);
  }

  function onSocket(ws: WebSocket, appKey: string, query: URLSearchParams): void {
    if (closed) return void ws.terminate();
    if (!safeEqual(appKey, opts.key)) return refuse(ws, ErrorCode.APP_NOT_FOUND, `App key ${appKey.slice(0, 64)} not in this cluster`);
    // A missing protocol means protocol 1 per the docs, which is unsupported.
    const protocol = Number(query.get("protocol") ?? "1");
    if (protocol !== PROTOCOL_VERSION) {
      return refuse(ws, ErrorCode.UNSUPPORTED_PROTOCOL, `Unsupported protocol version; use ${PROTOCOL_VERSION}`);
    }
    const conn = new Connection(newSocketId(), ws, hub, opts);
    connections.add(conn);
    ws.on("close", () => connections.delete(conn));
  }

  return {
    handleUpgrade(req, socket, head) {
      const url = req.url ?? "/";
      const q = url.indexOf("?");
      const path = q < 0 ? url : url.slice(0, q);
      const m = APP_PATH_RE.exec(path);
      if (!m) return false;
      if (closed) {
        socket.destroy();
        return true;
      }
      let appKey: string;
      try {
        appKey = decodeURIComponent(m[1]);
      } catch {
        appKey = "";
      }
      const query = new URLSearchParams(q < 0 ? "" : url.slice(q + 1));
      wss.handleUpgrade(req, socket, head, (ws) => onSocket(ws, appKey, query));
      return true;
    },

    handleRequest(req, res) {
      if (closed) return false;
      return handleApiRequest(req, res, hub, opts);
    },
    publishLocal(channel, event, data, exceptSocketId) {
      if (closed || !isValidChannelName(channel) || event.length === 0 || event.length > 200 || event.startsWith("pusher_internal:")) return false;
      if (exceptSocketId !== undefined && !isValidSocketId(exceptSocketId)) return false;
      if (Buffer.byteLength(data) > opts.maxEventBytes) return false;
      hub.publish(channel, event, data, exceptSocketId);
      return true;
    },

    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sweeper);
      const pending = [...connections];
      // 4200 tells clients to reconnect at once, which suits a restart.
      for (const c of pending) c.close(ErrorCode.RECONNECT, "Server shutting down");
      await new Promise<void>((resolve) => {
        if (connections.size === 0) return resolve();
        const timer = setTimeout(() => {
          for (const c of connections) c.terminate();
          resolve();
        }, 1000);
        const check = setInterval(() => {
          if (connections.size === 0) {
            clearTimeout(timer);
            clearInterval(check);
            resolve();
          }
        }, 10);
        timer.unref();
        check.unref();
      });
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },

    stats() {
      return { connections: connections.size, channels: hub.channels.size };
    },
  };
}

export interface ListeningEmbeddedRealtime {
  port: number;
  close(): Promise<void>;
  server: EmbeddedRealtime;
}

/** A standalone HTTP server around the embedded realtime server (tests, bench). */
export function listenEmbeddedRealtime(
  options: EmbeddedRealtimeOptions & { port?: number; host?: string },
): Promise<ListeningEmbeddedRealtime> {
  const realtime = createEmbeddedRealtime(options);
  const http = createServer((req, res) => {
    if (!realtime.handleRequest(req, res)) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("Not found");
    }
  });
  http.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!realtime.handleUpgrade(req, socket, head)) socket.destroy();
  });
  return new Promise((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      http.off("error", reject);
      const port = (http.address() as AddressInfo).port;
      resolve({
        port,
        server: realtime,
        async close() {
          await realtime.close();
          await new Promise<void>((r) => {
            http.close(() => r());
            http.closeAllConnections();
          });
        },
      });
    });
  });
}
