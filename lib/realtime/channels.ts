// Channel names, validators and the product's event payloads. Pure: shared by
// the server (publishing, channel authorization) and the browser.

export const MONITOR_CHANNEL = "private-monitor";

/** Pusher's published channel-name rule. */
const CHANNEL_NAME_RE = /^[A-Za-z0-9_\-=@,.;]{1,164}$/;
const SOCKET_ID_RE = /^\d+\.\d+$/;
// Canonical 8-4-4-4-12 form in one case; mixed case is not something our own
// code produces, so it most likely means a hand-crafted name.
const UUID_LOWER_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UUID_UPPER_RE = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

export function isUuid(s: string): boolean {
  return UUID_LOWER_RE.test(s) || UUID_UPPER_RE.test(s);
}

export function isValidChannelName(name: unknown): name is string {
  return typeof name === "string" && CHANNEL_NAME_RE.test(name);
}

export function isValidSocketId(s: unknown): s is string {
  // The length cap keeps absurdly long digit strings out of logs and maps.
  return typeof s === "string" && s.length <= 64 && SOCKET_ID_RE.test(s);
}

function requireUuid(id: string): string {
  if (!isUuid(id)) throw new Error(`Not a UUID: ${JSON.stringify(id)}`);
  return id.toLowerCase();
}

export function dialogChannel(dialogId: string): string {
  return `private-dialog-${requireUuid(dialogId)}`;
}

export function operatorChannel(userId: string): string {
  return `private-operator-${requireUuid(userId)}`;
}

export function cobrowseChannel(sessionId: string): string {
  return `private-cobrowse-${requireUuid(sessionId)}`;
}

export type ParsedChannel =
  | { kind: "dialog"; id: string }
  | { kind: "operator"; id: string }
  | { kind: "cobrowse"; id: string }
  | { kind: "monitor" };

const ID_PREFIXES = [
  ["private-dialog-", "dialog"],
  ["private-operator-", "operator"],
  ["private-cobrowse-", "cobrowse"],
] as const;

/**
 * Recognizes the product's channels; anything else (including a channel whose
 * id is not a UUID) is null, so the auth route can refuse it outright.
 * Ids are returned lowercased to match how PostgreSQL prints UUIDs.
 */
export function parseChannel(name: unknown): ParsedChannel | null {
  if (!isValidChannelName(name)) return null;
  if (name === MONITOR_CHANNEL) return { kind: "monitor" };
  for (const [prefix, kind] of ID_PREFIXES) {
    if (name.startsWith(prefix)) {
      const id = name.slice(prefix.length);
      return isUuid(id) ? { kind, id: id.toLowerCase() } : null;
    }
  }
  return null;
}

// ---- Event payloads ----

export type DialogState = "queued" | "offered" | "active" | "on_hold" | "closed";
export type SenderType = "visitor" | "operator" | "supervisor" | "system";
export type MessageKind = "text" | "file" | "system" | "note";

export interface RealtimeMessage {
  id: string;
  seq: number;
  senderType: SenderType;
  senderName?: string;
  body: string;
  kind: MessageKind;
  /** ISO 8601 */
  createdAt: string;
  /** The sender's idempotency key, so the sender can match its optimistic copy. */
  clientId?: string;
}

/** Sent instead of an event whose JSON would exceed Pusher's 10 KB limit; the client fetches the row. */
export interface TooLarge {
  ref: { type: "message"; dialogId: string; seq: number };
}

export interface MessageCreatedEvent {
  dialogId: string;
  message: RealtimeMessage;
}

export interface DialogUpdatedEvent {
  dialogId: string;
  state: DialogState;
  operatorId?: string | null;
}

export interface OfferCreatedEvent {
  dialogId: string;
  /** ISO 8601 deadline after which the offer moves to the next operator. */
  expiresAt: string;
  categoryId?: string;
  visitorName?: string;
  preview?: string;
  transferFrom?: string;
}

export interface OfferWithdrawnEvent {
  dialogId: string;
  reason?: "accepted" | "declined" | "expired" | "cancelled" | "taken";
}

export interface MonitorUpdatedEvent {
  queued?: number;
  active?: number;
  onHold?: number;
  operatorsOnline?: number;
  visitorsOnline?: number;
  /** Set when the update concerns one dialog or visitor, so lists can patch a row. */
  dialogId?: string;
  visitorId?: string;
}

/** Server-published events (through the HTTP API). */
export interface RealtimeEvents {
  "message.created": MessageCreatedEvent | TooLarge;
  "dialog.updated": DialogUpdatedEvent;
  "offer.created": OfferCreatedEvent;
  "offer.withdrawn": OfferWithdrawnEvent;
  "monitor.updated": MonitorUpdatedEvent;
}

export type RealtimeEventName = keyof RealtimeEvents;

/** Client events (browser to browser on a private channel; never trusted for state). */
export interface ClientEvents {
  "client-typing": { senderType: SenderType; typing: boolean };
}

export function isTooLarge(data: unknown): data is TooLarge {
  if (typeof data !== "object" || data === null || !("ref" in data)) return false;
  const ref = (data as { ref: unknown }).ref;
  return (
    typeof ref === "object" &&
    ref !== null &&
    (ref as TooLarge["ref"]).type === "message" &&
    typeof (ref as TooLarge["ref"]).dialogId === "string" &&
    typeof (ref as TooLarge["ref"]).seq === "number"
  );
}
