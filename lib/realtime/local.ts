// The embedded realtime server, when it runs in this very process (server.ts
// starts it next to Next.js): publish() hands events straight to it instead of
// signing an HTTP request to its own port. With hosted Pusher, soketi/Sockudo,
// or the embedded server in another process, events go through the `pusher`
// package as before. Kept on globalThis because server.ts (run by tsx) and the
// Next.js server bundle each load their own copy of this module.

export interface LocalRealtime {
  appId: string;
  key: string;
  /** Same rules as the HTTP API; false when the event was refused. */
  publish(channel: string, event: string, data: string, exceptSocketId?: string): boolean;
}

const KEY = Symbol.for("webchat.realtime.local");
type Holder = { [KEY]?: LocalRealtime };

export function registerLocalRealtime(local: LocalRealtime | null): void {
  if (local) (globalThis as Holder)[KEY] = local;
  else delete (globalThis as Holder)[KEY];
}

/** The in-process server serving this app id and key, if there is one. */
export function localRealtime(appId: string, key: string): LocalRealtime | null {
  const local = (globalThis as Holder)[KEY];
  return local && local.appId === appId && local.key === key ? local : null;
}
