"use client";
// One pusher-js connection per page, shared by every component that listens.
import { useEffect, useRef, useSyncExternalStore } from "react";
import type Pusher from "pusher-js";
import { createRealtimeClient, onReconnected } from "@/lib/realtime/client";
import type { PublicRealtimeConfig } from "@/lib/realtime/config";

let shared: { pusher: Pusher; key: string; authHeaders?: () => Record<string, string> } | null = null;

export function getRealtime(config: PublicRealtimeConfig, authHeaders?: () => Record<string, string>): Pusher {
  if (shared && shared.key === config.key) return shared.pusher;
  shared?.pusher.disconnect();
  const pusher = createRealtimeClient({ ...config, authHeaders });
  shared = { pusher, key: config.key, authHeaders };
  return pusher;
}

export type ConnectionState = "connecting" | "connected" | "unavailable" | "failed" | "disconnected" | "initialized";

/** The connection's state, for an "offline / reconnecting" indicator. */
export function useConnectionState(pusher: Pusher | null): ConnectionState {
  return useSyncExternalStore(
    (onChange) => {
      if (!pusher) return () => {};
      pusher.connection.bind("state_change", onChange);
      return () => {
        pusher.connection.unbind("state_change", onChange);
      };
    },
    () => (pusher?.connection.state ?? "initialized") as ConnectionState,
    () => "initialized",
  );
}

/**
 * Subscribes to `channel` and calls `handlers[event]` for each event; after a
 * reconnect `onCatchUp` runs so the page can fetch what it missed by sequence.
 */
export function useChannel(
  pusher: Pusher | null,
  channel: string | null,
  handlers: Record<string, (data: unknown) => void>,
  onCatchUp?: () => void,
) {
  const ref = useRef({ handlers, onCatchUp });
  useEffect(() => {
    ref.current = { handlers, onCatchUp };
  });
  useEffect(() => {
    if (!pusher || !channel) return;
    const ch = pusher.subscribe(channel);
    const onEvent = (event: string, data: unknown) => {
      if (event.startsWith("pusher:")) return;
      ref.current.handlers[event]?.(data);
    };
    ch.bind_global(onEvent);
    const stop = onReconnected(pusher, () => ref.current.onCatchUp?.());
    return () => {
      stop();
      ch.unbind_global(onEvent);
      pusher.unsubscribe(channel);
    };
  }, [pusher, channel]);
}
