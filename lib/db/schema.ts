// The whole domain of DESIGN §3 in one file. Column names are snake_case in SQL
// (drizzle `casing: "snake_case"`), camelCase here.
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  bigint,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const ts = () => timestamp({ withTimezone: true });

export const roleEnum = pgEnum("role", ["operator", "supervisor", "admin"]);
export const operatorStatusEnum = pgEnum("operator_status", ["ready", "away", "offline"]);
export const categoryKindEnum = pgEnum("category_kind", ["language", "topic", "department"]);
export const dialogStateEnum = pgEnum("dialog_state", ["queued", "offered", "active", "on_hold", "closed"]);
export const dialogOutcomeEnum = pgEnum("dialog_outcome", [
  "closed_by_operator",
  "closed_by_visitor",
  "closed_by_supervisor",
  "abandoned",
  "blocked",
  "offline_redirect",
  "timeout",
]);
export const actorTypeEnum = pgEnum("actor_type", ["visitor", "operator", "supervisor", "admin", "system"]);
export const participantModeEnum = pgEnum("participant_mode", ["monitor", "join"]);
export const messageKindEnum = pgEnum("message_kind", ["text", "file", "system"]);
export const complaintStatusEnum = pgEnum("complaint_status", ["open", "resolved"]);
export const cobrowseStatusEnum = pgEnum("cobrowse_status", ["requested", "active", "ended", "declined"]);
export const launchModeEnum = pgEnum("launch_mode", ["iframe", "popup"]);
export const widgetPositionEnum = pgEnum("widget_position", ["bottom-right", "bottom-left"]);

// Staff. `sessionVersion` is bumped on disable and password reset so that
// every session issued before it stops working.
export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    role: roleEnum().notNull().default("operator"),
    greeting: text(),
    maxDialogs: integer().notNull().default(3),
    active: boolean().notNull().default(true),
    sessionVersion: integer().notNull().default(1),
    status: operatorStatusEnum().notNull().default("offline"),
    statusSince: ts().notNull().defaultNow(),
    lastHeartbeatAt: ts(),
    // The ACD offers the next dialog to the operator idle longest.
    idleSince: ts().notNull().defaultNow(),
    missedOffers: integer().notNull().default(0),
    locale: text(),
    createdAt: createdAt(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`),
    index("users_role_status_idx").on(t.role, t.status),
  ],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export const categories = pgTable(
  "categories",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    kind: categoryKindEnum().notNull(),
    description: text(),
    queueWaitLimitSec: integer().notNull().default(300),
    offerTimeoutSec: integer(),
    offlineEmail: text(),
    enabled: boolean().notNull().default(true),
    sortOrder: integer().notNull().default(0),
    // A category with dialogs is archived instead of deleted, so history stays whole.
    archivedAt: ts(),
    createdAt: createdAt(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [index("categories_order_idx").on(t.sortOrder, t.name)],
);
export type Category = typeof categories.$inferSelect;
export type NewCategory = typeof categories.$inferInsert;

// Skills: the categories an operator serves.
export const userCategories = pgTable(
  "user_categories",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    categoryId: uuid()
      .notNull()
      .references(() => categories.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.categoryId] }), index("user_categories_category_idx").on(t.categoryId)],
);

export const visitors = pgTable(
  "visitors",
  {
    id: uuid().primaryKey().defaultRandom(),
    // SHA-256 of the visitor token's secret part; the token itself is never stored.
    tokenHash: text().notNull(),
    name: text(),
    phone: text(),
    email: text(),
    ip: text(),
    userAgent: text(),
    browser: text(),
    os: text(),
    device: text(),
    language: text(),
    origin: text(),
    currentUrl: text(),
    currentTitle: text(),
    currentPageSince: ts(),
    pageCount: integer().notNull().default(0),
    firstSeenAt: ts().notNull().defaultNow(),
    lastSeenAt: ts().notNull().defaultNow(),
    leftAt: ts(),
  },
  (t) => [
    index("visitors_last_seen_idx").on(t.lastSeenAt),
    index("visitors_ip_idx").on(t.ip),
    index("visitors_name_idx").on(sql`lower(${t.name})`),
    index("visitors_phone_idx").on(t.phone),
    index("visitors_email_idx").on(sql`lower(${t.email})`),
  ],
);
export type Visitor = typeof visitors.$inferSelect;

export const pageViews = pgTable(
  "page_views",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    visitorId: uuid()
      .notNull()
      .references(() => visitors.id, { onDelete: "cascade" }),
    url: text().notNull(),
    title: text(),
    referrer: text(),
    at: ts().notNull().defaultNow(),
    leftAt: ts(),
  },
  (t) => [index("page_views_visitor_at_idx").on(t.visitorId, t.at)],
);

export const dialogs = pgTable(
  "dialogs",
  {
    id: uuid().primaryKey().defaultRandom(),
    visitorId: uuid()
      .notNull()
      .references(() => visitors.id),
    categoryId: uuid()
      .notNull()
      .references(() => categories.id),
    state: dialogStateEnum().notNull().default("queued"),
    operatorId: uuid().references(() => users.id),
    offeredToId: uuid().references(() => users.id),
    offerExpiresAt: ts(),
    queueDeadlineAt: ts(),
    holdExpiresAt: ts(),
    // Last message sequence number: messages get seq = lastSeq + 1 under the row lock.
    lastSeq: integer().notNull().default(0),
    offerCount: integer().notNull().default(0),
    transferCount: integer().notNull().default(0),
    queuedAt: ts().notNull().defaultNow(),
    offeredAt: ts(),
    answeredAt: ts(),
    closedAt: ts(),
    outcome: dialogOutcomeEnum(),
    closedByType: actorTypeEnum(),
    closedById: uuid(),
    firstResponseAt: ts(),
    visitorLastActiveAt: ts(),
    createdAt: createdAt(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index("dialogs_queue_idx").on(t.state, t.categoryId, t.queuedAt),
    index("dialogs_operator_state_idx").on(t.operatorId, t.state),
    index("dialogs_offered_to_idx").on(t.offeredToId),
    index("dialogs_visitor_idx").on(t.visitorId, t.createdAt),
    index("dialogs_category_idx").on(t.categoryId),
    index("dialogs_closed_at_idx").on(t.closedAt),
    index("dialogs_queued_at_idx").on(t.queuedAt),
    index("dialogs_offer_expires_idx").on(t.offerExpiresAt),
    index("dialogs_hold_expires_idx").on(t.holdExpiresAt),
  ],
);
export type Dialog = typeof dialogs.$inferSelect;

// Audit of every transition; statistics read it.
export const dialogEvents = pgTable(
  "dialog_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    dialogId: uuid()
      .notNull()
      .references(() => dialogs.id, { onDelete: "cascade" }),
    type: text().notNull(),
    fromState: dialogStateEnum(),
    toState: dialogStateEnum(),
    actorType: actorTypeEnum().notNull(),
    actorId: uuid(),
    operatorId: uuid(),
    data: jsonb(),
    at: ts().notNull().defaultNow(),
  },
  (t) => [
    index("dialog_events_dialog_at_idx").on(t.dialogId, t.at),
    index("dialog_events_type_at_idx").on(t.type, t.at),
    index("dialog_events_operator_at_idx").on(t.operatorId, t.at),
  ],
);

// Supervisors who joined a dialog, silently (monitor) or to talk (join).
export const dialogParticipants = pgTable(
  "dialog_participants",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    dialogId: uuid()
      .notNull()
      .references(() => dialogs.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    mode: participantModeEnum().notNull(),
    joinedAt: ts().notNull().defaultNow(),
    leftAt: ts(),
  },
  (t) => [index("dialog_participants_dialog_idx").on(t.dialogId), index("dialog_participants_user_idx").on(t.userId)],
);

export const files = pgTable(
  "files",
  {
    id: uuid().primaryKey().defaultRandom(),
    dialogId: uuid()
      .notNull()
      .references(() => dialogs.id, { onDelete: "cascade" }),
    uploaderType: actorTypeEnum().notNull(),
    uploaderId: uuid(),
    name: text().notNull(),
    size: bigint({ mode: "number" }).notNull(),
    mime: text().notNull(),
    storage: text().notNull(),
    storageKey: text().notNull(),
    url: text(),
    createdAt: createdAt(),
  },
  (t) => [index("files_dialog_idx").on(t.dialogId)],
);

export const messages = pgTable(
  "messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    dialogId: uuid()
      .notNull()
      .references(() => dialogs.id, { onDelete: "cascade" }),
    seq: integer().notNull(),
    senderType: actorTypeEnum().notNull(),
    senderId: uuid(),
    // The sender's own id for the message: a retried send finds the same row.
    clientId: text(),
    kind: messageKindEnum().notNull().default("text"),
    body: text().notNull(),
    fileId: uuid().references(() => files.id),
    // A supervisor's whisper to the operator, never shown to the visitor.
    internal: boolean().notNull().default(false),
    createdAt: createdAt(),
    readAt: ts(),
  },
  (t) => [
    uniqueIndex("messages_dialog_seq_idx").on(t.dialogId, t.seq),
    uniqueIndex("messages_client_id_idx").on(t.dialogId, t.senderType, t.clientId),
    index("messages_created_at_idx").on(t.createdAt),
  ],
);
export type Message = typeof messages.$inferSelect;

// Reply templates (M5): personal when ownerId is set, shared otherwise.
export const templates = pgTable(
  "templates",
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerId: uuid().references(() => users.id, { onDelete: "cascade" }),
    categoryId: uuid().references(() => categories.id, { onDelete: "set null" }),
    title: text().notNull(),
    body: text().notNull(),
    shortcut: text(),
    language: text(),
    createdAt: createdAt(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [index("templates_owner_idx").on(t.ownerId)],
);

// M11: a visitor and/or an IP, blocked until a time or for good.
export const blacklist = pgTable(
  "blacklist",
  {
    id: uuid().primaryKey().defaultRandom(),
    visitorId: uuid().references(() => visitors.id, { onDelete: "cascade" }),
    ip: text(),
    reason: text().notNull(),
    createdById: uuid().references(() => users.id),
    createdAt: createdAt(),
    until: ts(),
    liftedAt: ts(),
    liftedById: uuid().references(() => users.id),
  },
  (t) => [index("blacklist_visitor_idx").on(t.visitorId), index("blacklist_ip_idx").on(t.ip)],
);

export const ratings = pgTable(
  "ratings",
  {
    id: uuid().primaryKey().defaultRandom(),
    dialogId: uuid()
      .notNull()
      .references(() => dialogs.id, { onDelete: "cascade" }),
    visitorId: uuid()
      .notNull()
      .references(() => visitors.id, { onDelete: "cascade" }),
    score: smallint().notNull(),
    comment: text(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("ratings_dialog_idx").on(t.dialogId), index("ratings_created_at_idx").on(t.createdAt)],
);

export const complaints = pgTable(
  "complaints",
  {
    id: uuid().primaryKey().defaultRandom(),
    dialogId: uuid().references(() => dialogs.id, { onDelete: "set null" }),
    visitorId: uuid().references(() => visitors.id, { onDelete: "set null" }),
    name: text(),
    email: text(),
    body: text().notNull(),
    status: complaintStatusEnum().notNull().default("open"),
    createdAt: createdAt(),
    resolvedAt: ts(),
    resolvedById: uuid().references(() => users.id),
  },
  (t) => [index("complaints_status_idx").on(t.status, t.createdAt)],
);

// W3: the e-mail form used when no operator can take the chat.
export const offlineMessages = pgTable(
  "offline_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    categoryId: uuid().references(() => categories.id),
    visitorId: uuid().references(() => visitors.id, { onDelete: "set null" }),
    dialogId: uuid().references(() => dialogs.id, { onDelete: "set null" }),
    name: text().notNull(),
    email: text().notNull(),
    body: text().notNull(),
    createdAt: createdAt(),
    mailedAt: ts(),
    mailError: text(),
    readAt: ts(),
  },
  (t) => [index("offline_messages_created_idx").on(t.createdAt)],
);

// One row (id = 1): the widget's look and the global routing settings.
export const widgetSettings = pgTable("widget_settings", {
  id: integer().primaryKey().default(1),
  primaryColor: text().notNull().default("#4f46e5"),
  textColor: text().notNull().default("#ffffff"),
  logoUrl: text(),
  title: text(),
  greeting: text(),
  position: widgetPositionEnum().notNull().default("bottom-right"),
  launchMode: launchModeEnum().notNull().default("iframe"),
  // Site origins allowed to call the widget API; empty = any origin.
  allowedOrigins: text().array().notNull().default(sql`'{}'::text[]`),
  offerTimeoutSec: integer().notNull().default(20),
  maxMissedOffers: integer().notNull().default(3),
  holdTimeoutSec: integer().notNull().default(600),
  updatedAt: ts().notNull().defaultNow(),
});

export const cobrowseSessions = pgTable(
  "cobrowse_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    dialogId: uuid()
      .notNull()
      .references(() => dialogs.id, { onDelete: "cascade" }),
    startedById: uuid()
      .notNull()
      .references(() => users.id),
    status: cobrowseStatusEnum().notNull().default("requested"),
    allowControl: boolean().notNull().default(false),
    createdAt: createdAt(),
    startedAt: ts(),
    endedAt: ts(),
  },
  (t) => [index("cobrowse_dialog_idx").on(t.dialogId)],
);
