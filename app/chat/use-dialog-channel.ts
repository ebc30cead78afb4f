"use client";
// The dialog's realtime channel for the visitor: pusher-js through the shared
// getRealtime(), loaded after the chat has rendered so that the first paint
// does not wait for it. After every subscription, including the ones pusher-js
// renews after a reconnect, the page catches up by sequence number: events
// sent while it was disconnected are not replayed.
import { useEffect, useRef, useState } from "react";
import type { Channel } from "pusher-js";
import type { PublicRealtimeConfig } from "@/lib/realtime/config";
import { dialogChannel } from "@/lib/realtime/channels";

export type ConnectionState = "initialized" | "connecting" | "connected" | "unavailable" | "failed" | "disconnected";

export interface DialogChannel {
  /** Sends a client event once the subscription is up; false when it could not. */
  trigger(event: string, data: unknown): boolean;
  connection: ConnectionState;
  /** Connected at least once since this channel was opened: a later drop is worth telling. */
  wasConnected: boolean;
}

export function useDialogChannel(
  config: PublicRealtimeConfig,
  token: string | null,
  dialogId: string | null,
  handlers: Record<string, (data: unknown) => void>,
  onCatchUp: () => void,
): DialogChannel {
  const ref = useRef({ handlers, onCatchUp, token });
  useEffect(() => {
    ref.current = { handlers, onCatchUp, token };
  });
  const channel = useRef<Channel | null>(null);
  const [connection, setConnection] = useState<ConnectionState>("initialized");
  const [wasConnected, setWasConnected] = useState(false);

  useEffect(() => {
    if (!dialogId || !token) return;
    let cleanup: (() => void) | null = null;
    let cancelled = false;
    void import("@/components/realtime/use-realtime").then((rt) => {
      if (cancelled) return;
      // Read at every channel authorization: the token may change with a new identity.
      const pusher = rt.getRealtime(config, () => ({ "X-Visitor-Token": ref.current.token ?? "" }));
      const name = dialogChannel(dialogId);
      const ch = pusher.subscribe(name);
      const onEvent = (event: string, data: unknown) => {
        if (!event.startsWith("pusher:")) ref.current.handlers[event]?.(data);
      };
      const onSubscribed = () => {
        channel.current = ch;
        ref.current.onCatchUp();
      };
      const onState = ({ current }: { current: ConnectionState }) => {
        setConnection(current);
        if (current === "connected") setWasConnected(true);
      };
      ch.bind_global(onEvent);
      ch.bind("pusher:subscription_succeeded", onSubscribed);
      pusher.connection.bind("state_change", onState);
      onState({ current: pusher.connection.state as ConnectionState });
      cleanup = () => {
        channel.current = null;
        ch.unbind_global(onEvent);
        ch.unbind("pusher:subscription_succeeded", onSubscribed);
        pusher.connection.unbind("state_change", onState);
        pusher.unsubscribe(name);
      };
    });
    return () => {
      cancelled = true;
      cleanup?.();
    };
  }, [config, token, dialogId]);

  return {
    connection,
    wasConnected,
    trigger(event, data) {
      const ch = channel.current;
      return ch?.subscribed ? ch.trigger(event, data) : false;
    },
  };
}
