// Realtime events produced by the dialog transitions. Transitions only build
// them; the caller publishes after the transaction has committed, so a rolled
// back transition never tells anyone anything.
import type { Dialog, Message } from "../db/schema";
import {
  dialogChannel,
  MONITOR_CHANNEL,
  operatorChannel,
  type DialogUpdatedEvent,
  type MessageCreatedEvent,
  type MonitorUpdatedEvent,
  type OfferCreatedEvent,
  type OfferWithdrawnEvent,
  type RealtimeMessage,
  type TooLarge,
} from "../realtime/channels";
import { MAX_EVENT_BYTES, publishBatch } from "../realtime/publish";

export type DialogOutcome = NonNullable<Dialog["outcome"]>;
export type OperatorStatus = "ready" | "away" | "offline";

/** dialog.updated, with what the visitor's chat needs to react to a close (W3: offline_redirect → e-mail form). */
export interface DialogUpdatedPayload extends DialogUpdatedEvent {
  outcome?: DialogOutcome | null;
  operatorName?: string | null;
}

/** offer.created, with what the ringing card shows and the attempt number acceptOffer may check. */
export interface OfferCreatedPayload extends OfferCreatedEvent {
  attempt: number;
  categoryName?: string;
  visitorPage?: string | null;
  visitorBrowser?: string | null;
}

export interface MonitorUpdatedPayload extends MonitorUpdatedEvent {
  operatorId?: string;
}

/** operator.status: the workplace learns that the system changed its status (missed offers, lost heartbeat). */
export interface OperatorStatusPayload {
  userId: string;
  status: OperatorStatus;
  reason: "manual" | "missed_offers" | "heartbeat";
}

/** messages.read: the other side's messages up to `upToSeq` were read. */
export interface MessagesReadPayload {
  dialogId: string;
  readerType: "visitor" | "operator" | "supervisor";
  upToSeq: number;
}

export interface DialogEventPayloads {
  "message.created": MessageCreatedEvent | TooLarge;
  "dialog.updated": DialogUpdatedPayload;
  "offer.created": OfferCreatedPayload;
  "offer.withdrawn": OfferWithdrawnEvent;
  "monitor.updated": MonitorUpdatedPayload;
  "operator.status": OperatorStatusPayload;
  "messages.read": MessagesReadPayload;
}

export type RealtimeEventName = keyof DialogEventPayloads;

/** One event to publish after commit; a discriminated union on `name`. */
export type RealtimeEvent = {
  [N in RealtimeEventName]: { channel: string; name: N; data: DialogEventPayloads[N] };
}[RealtimeEventName];

function event<N extends RealtimeEventName>(channel: string, name: N, data: DialogEventPayloads[N]): RealtimeEvent {
  return { channel, name, data } as RealtimeEvent;
}

export function dialogUpdated(
  dialog: Pick<Dialog, "id" | "state" | "operatorId" | "outcome">,
  extra: { operatorName?: string | null } = {},
): RealtimeEvent {
  return event(dialogChannel(dialog.id), "dialog.updated", {
    dialogId: dialog.id,
    state: dialog.state,
    operatorId: dialog.operatorId,
    ...(dialog.outcome ? { outcome: dialog.outcome } : {}),
    ...(extra.operatorName !== undefined ? { operatorName: extra.operatorName } : {}),
  });
}

export function offerCreated(operatorId: string, data: OfferCreatedPayload): RealtimeEvent {
  return event(operatorChannel(operatorId), "offer.created", data);
}

export function offerWithdrawn(
  operatorId: string,
  dialogId: string,
  reason: NonNullable<OfferWithdrawnEvent["reason"]>,
): RealtimeEvent {
  return event(operatorChannel(operatorId), "offer.withdrawn", { dialogId, reason });
}

export function monitorUpdated(data: MonitorUpdatedPayload): RealtimeEvent {
  return event(MONITOR_CHANNEL, "monitor.updated", data);
}

export function operatorStatusChanged(
  userId: string,
  status: OperatorStatus,
  reason: OperatorStatusPayload["reason"],
): RealtimeEvent[] {
  return [
    event(operatorChannel(userId), "operator.status", { userId, status, reason }),
    monitorUpdated({ operatorId: userId }),
  ];
}

export function toRealtimeMessage(m: Message, senderName?: string | null): RealtimeMessage {
  return {
    id: m.id,
    seq: m.seq,
    senderType: m.senderType === "admin" ? "supervisor" : m.senderType,
    ...(senderName ? { senderName } : {}),
    body: m.body,
    kind: m.kind,
    createdAt: m.createdAt.toISOString(),
    ...(m.clientId ? { clientId: m.clientId } : {}),
  };
}

/** message.created, or a reference the client fetches when the payload would pass Pusher's 10 KB limit. */
export function messageCreated(m: Message, senderName?: string | null): RealtimeEvent {
  const full: MessageCreatedEvent = { dialogId: m.dialogId, message: toRealtimeMessage(m, senderName) };
  const data: MessageCreatedEvent | TooLarge =
    Buffer.byteLength(JSON.stringify(full)) > MAX_EVENT_BYTES
      ? { ref: { type: "message", dialogId: m.dialogId, seq: m.seq } }
      : full;
  return event(dialogChannel(m.dialogId), "message.created", data);
}

export function messagesRead(data: MessagesReadPayload): RealtimeEvent {
  return event(dialogChannel(data.dialogId), "messages.read", data);
}

/** Publishes in order, after commit; never throws (clients catch up by seq). */
export async function publishEvents(events: readonly RealtimeEvent[]): Promise<boolean> {
  if (events.length === 0) return true;
  return publishBatch(events.map((e) => ({ channel: e.channel, name: e.name, data: e.data })));
}
