// Wire constants and frame builders for Pusher Channels protocol 7.

export const PROTOCOL_VERSION = 7;

/** Close/error codes from the protocol's documented ranges. */
export const ErrorCode = {
  /** 4000-4099: the client must not reconnect. */
  APP_NOT_FOUND: 4001,
  UNSUPPORTED_PROTOCOL: 4007,
  /** 4200-4299: reconnect at once. */
  RECONNECT: 4200,
  PONG_NOT_RECEIVED: 4201,
  /** 4300-4399: the connection stays open. */
  CLIENT_EVENT_RATE_LIMIT: 4301,
} as const;

/**
 * `pusher:error` carries its data as an object (not a JSON string), and a
 * `null` code for errors that have no number of their own, as the docs show.
 */
export function errorFrame(code: number | null, message: string): string {
  return JSON.stringify({ event: "pusher:error", data: { code, message } });
}

export function connectionEstablishedFrame(socketId: string, activityTimeoutSec: number): string {
  return JSON.stringify({
    event: "pusher:connection_established",
    data: JSON.stringify({ socket_id: socketId, activity_timeout: activityTimeoutSec }),
  });
}

export const PING_FRAME = JSON.stringify({ event: "pusher:ping", data: {} });
export const PONG_FRAME = JSON.stringify({ event: "pusher:pong", data: {} });

/** An event on a channel; `data` must already be a string, as the HTTP API delivers it. */
export function channelEventFrame(event: string, channel: string, data: string): string {
  return JSON.stringify({ event, channel, data });
}

export function subscriptionErrorFrame(
  channel: string,
  type: string,
  error: string,
  status: number,
): string {
  // Same shape pusher-js emits itself when its authorizer fails, so
  // applications handle both through one `pusher:subscription_error` binding.
  return JSON.stringify({
    event: "pusher:subscription_error",
    channel,
    data: { type, error, status },
  });
}

export function isClientEventName(name: string): boolean {
  return name.startsWith("client-") && name.length > 7 && name.length <= 200;
}

export type ChannelType = "public" | "private" | "presence" | "encrypted";

export function channelType(name: string): ChannelType {
  if (name.startsWith("private-encrypted-")) return "encrypted";
  if (name.startsWith("private-")) return "private";
  if (name.startsWith("presence-")) return "presence";
  return "public";
}
