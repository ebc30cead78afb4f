// Browser-side connection helper (no React). Works unchanged against the
// embedded server, a self-hosted Pusher-protocol server and hosted Pusher.
import Pusher, { type Channel } from "pusher-js";

export interface RealtimeClientOptions {
  key: string;
  cluster?: string;
  /** Omitted for the embedded server: the page's own host and port are used. */
  wsHost?: string;
  wsPort?: number;
  /** Defaults to whether the page itself is on https. */
  forceTLS?: boolean;
  authEndpoint?: string;
  /** Read on every channel authorization, so rotating tokens are picked up. */
  authHeaders?: () => Record<string, string>;
  authParams?: () => Record<string, string>;
}

function pageLocation(): { hostname: string; port: number; https: boolean } | null {
  if (typeof window === "undefined" || !window.location) return null;
  const { hostname, port, protocol } = window.location;
  const https = protocol === "https:";
  return { hostname, port: port ? Number(port) : https ? 443 : 80, https };
}

export function createRealtimeClient(opts: RealtimeClientOptions): Pusher {
  const page = pageLocation();
  const embedded = !opts.cluster && !opts.wsHost;
  const wsHost = opts.wsHost ?? (embedded ? page?.hostname : undefined);
  const wsPort = opts.wsPort ?? (embedded ? page?.port : undefined);
  return new Pusher(opts.key, {
    // pusher-js requires a cluster even when wsHost overrides the host it implies.
    cluster: opts.cluster ?? "",
    wsHost,
    wsPort,
    wssPort: wsPort,
    forceTLS: opts.forceTLS ?? page?.https ?? false,
    enabledTransports: ["ws", "wss"],
    enableStats: false,
    channelAuthorization: {
      transport: "ajax",
      endpoint: opts.authEndpoint ?? "/api/realtime/auth",
      headersProvider: opts.authHeaders,
      paramsProvider: opts.authParams,
    },
  });
}

const RESUBSCRIBE_WAIT_MS = 10_000;

function settled(channel: Channel): Promise<void> {
  if (!channel.subscriptionPending) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      channel.unbind("pusher:subscription_succeeded", done);
      channel.unbind("pusher:subscription_error", done);
      resolve();
    };
    const timer = setTimeout(done, RESUBSCRIBE_WAIT_MS);
    channel.bind("pusher:subscription_succeeded", done);
    channel.bind("pusher:subscription_error", done);
  });
}

/**
 * Calls `fn` each time the connection comes back to `connected` after having
 * been connected before, once the channels pusher-js resubscribes have settled:
 * fetching missed messages earlier could miss events sent while the
 * subscription was still being authorized. Returns an unsubscribe function.
 */
export function onReconnected(pusher: Pusher, fn: () => void): () => void {
  let connectedBefore = pusher.connection.state === "connected";
  let generation = 0;
  const onConnected = () => {
    const mine = ++generation;
    if (!connectedBefore) {
      connectedBefore = true;
      return;
    }
    // pusher-js binds its own 'connected' handler (which resubscribes) at
    // construction, before this one, so pending subscriptions are visible here.
    void Promise.all(pusher.allChannels().map(settled)).then(() => {
      if (mine === generation && pusher.connection.state === "connected") fn();
    });
  };
  pusher.connection.bind("connected", onConnected);
  return () => {
    generation++;
    pusher.connection.unbind("connected", onConnected);
  };
}
