// Starts the embedded Pusher-protocol server when no external one is configured.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

export interface RealtimeHost {
  handleRequest(req: IncomingMessage, res: ServerResponse): boolean;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): Promise<void>;
}

export async function startRealtime(): Promise<RealtimeHost | null> {
  const { realtimeConfig } = await import("../realtime/config");
  const cfg = realtimeConfig();
  if (cfg.mode !== "embedded") return null;
  const { createEmbeddedRealtime } = await import("../realtime/embedded/server");
  const { registerLocalRealtime } = await import("../realtime/local");
  const realtime = createEmbeddedRealtime({ appId: cfg.appId, key: cfg.key, secret: cfg.secret });
  registerLocalRealtime({ appId: cfg.appId, key: cfg.key, publish: realtime.publishLocal });
  return {
    handleRequest: realtime.handleRequest,
    handleUpgrade: realtime.handleUpgrade,
    async close() {
      registerLocalRealtime(null);
      await realtime.close();
    },
  };
}
