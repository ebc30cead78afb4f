// Inputs of the dialog functions. Unknown keys (a client's status, operator id
// or seq) are stripped by zod's default object mode, never trusted.
import { z } from "zod";
import { optionalEmail, uuidField } from "../validation";
import { contactNameField, phoneField } from "../visitors/schemas";

export const MAX_MESSAGE_CHARS = 5000;

/** Injected clock for tests and the sweeper; JSON cannot produce a Date, so a request body cannot set it. */
const nowField = z.date().optional();

export const clientIdField = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "The message id must be 1–64 letters, digits, _ or -");

export const messageBodyField = z
  .string({ message: "Write a message" })
  .trim()
  .min(1, "Write a message")
  .max(MAX_MESSAGE_CHARS, `A message must be at most ${MAX_MESSAGE_CHARS} characters`);

export const actorSchema = z.object({
  type: z.enum(["visitor", "operator", "supervisor"]),
  id: uuidField,
});
export type Actor = z.output<typeof actorSchema>;

export const startDialogSchema = z
  .object({
    visitorId: uuidField,
    categoryId: uuidField,
    name: contactNameField,
    phone: phoneField,
    email: optionalEmail,
    text: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), messageBodyField.optional()),
    clientId: clientIdField.optional(),
    /** The request's IP, checked against the blacklist besides the one stored for the visitor. */
    ip: z.string().max(64).optional().nullable(),
    now: nowField,
  })
  .refine((v) => !v.text || v.clientId, { message: "A first message needs a message id", path: ["clientId"] });
export type StartDialogInput = z.input<typeof startDialogSchema>;

export const offerActionSchema = z.object({
  dialogId: uuidField,
  operatorId: uuidField,
  /** The offer's attempt number from offer.created; a stale card cannot accept a later offer. */
  attempt: z.number().int().positive().optional(),
  now: nowField,
});
export type OfferActionInput = z.input<typeof offerActionSchema>;

export const closeDialogSchema = z.object({ dialogId: uuidField, actor: actorSchema, now: nowField });
export type CloseDialogInput = z.input<typeof closeDialogSchema>;

export const visitorDialogSchema = z.object({ dialogId: uuidField, visitorId: uuidField, now: nowField });
export type VisitorDialogInput = z.input<typeof visitorDialogSchema>;

export const operatorDialogSchema = z.object({ dialogId: uuidField, operatorId: uuidField, now: nowField });
export type OperatorDialogInput = z.input<typeof operatorDialogSchema>;

export const sendMessageSchema = z.object({
  dialogId: uuidField,
  sender: actorSchema,
  clientId: clientIdField,
  body: messageBodyField,
  now: nowField,
  /** The sender's display name when the caller already has it, which saves a lookup. */
  senderName: z.string().max(200).nullable().optional(),
});
export type SendMessageInput = z.input<typeof sendMessageSchema>;

export const messagesAfterSchema = z.object({
  dialogId: uuidField,
  afterSeq: z.coerce.number().int().min(0).default(0),
  includeInternal: z.boolean().default(false),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type MessagesAfterInput = z.input<typeof messagesAfterSchema>;

export const markReadSchema = z.object({
  dialogId: uuidField,
  reader: actorSchema,
  upToSeq: z.coerce.number().int().min(0),
  now: nowField,
});
export type MarkReadInput = z.input<typeof markReadSchema>;

export const operatorStatusSchema = z.object({
  userId: uuidField,
  status: z.enum(["ready", "away", "offline"], { message: "Choose ready, away or offline" }),
  now: nowField,
});
export type OperatorStatusInput = z.input<typeof operatorStatusSchema>;

export const operatorHeartbeatSchema = z.object({ userId: uuidField, now: nowField });

export const queuePositionSchema = z.object({
  dialogId: uuidField,
  /** When given, the dialog must be this visitor's. */
  visitorId: uuidField.optional(),
  now: nowField,
});
export type QueuePositionInput = z.input<typeof queuePositionSchema>;

export const sweepSchema = z.object({
  now: nowField,
  /** Upper bound of rows handled per timer kind in one run, so one run stays short. */
  batchSize: z.number().int().min(1).max(10_000).default(500),
});
export type SweepInput = z.input<typeof sweepSchema>;
