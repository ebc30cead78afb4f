// The postMessage protocol between the loader on a customer's page
// (widget/ → public/widget.js) and the chat app (/chat) in its iframe or popup.
// Both sides import this file, so it must stay free of Node, React and Next.
//
// Handshake:
//   chat → loader  { type: "webchat:ready" }        posted to parent/opener with targetOrigin "*"
//                                                    (it carries nothing secret; the chat cannot
//                                                    know the site's origin before the reply)
//   loader → chat  { type: "webchat:init", ... }    posted only to the chat host's origin, and
//                                                    again whenever its content changes (visitor
//                                                    details, page, identity): handle it idempotently
// After init the chat posts only to the origin the init came from, and accepts init only from
// window.parent (iframe) or window.opener (popup). The loader accepts messages only when
// event.origin is the chat host's origin and event.source is its own iframe or popup.
//
// The chat app is expected to post "webchat:close" when the visitor presses its close button or
// Escape (key events inside a cross-origin iframe never reach the host page).

export const WIDGET_STORAGE_KEY = "webchat:v1";

export const SENDER_TYPES = ["visitor", "operator", "supervisor", "admin", "system"] as const;
export type SenderType = (typeof SENDER_TYPES)[number];

export type WidgetMode = "iframe" | "popup";
export type WidgetPosition = "bottom-right" | "bottom-left";

/** What a site may tell about its visitor through `Webchat.setVisitor()`. */
export interface WidgetVisitor {
  name?: string;
  phone?: string;
  email?: string;
}

export interface WidgetReadyMessage {
  type: "webchat:ready";
}

export interface WidgetInitMessage {
  type: "webchat:init";
  /** Null only when the loader could not reach /api/widget/session; the chat then creates its own. */
  visitorId: string | null;
  token: string | null;
  visitor: WidgetVisitor;
  pageUrl: string;
  pageTitle: string;
}

export interface WidgetCloseMessage {
  type: "webchat:close";
}

export interface WidgetUnreadMessage {
  type: "webchat:unread";
  count: number;
}

export interface WidgetChatMessage {
  type: "webchat:message";
  message: { body: string; senderType: SenderType };
}

/** Switch from the iframe panel to a popup window (the loader opens it, then drops the iframe). */
export interface WidgetPopoutMessage {
  type: "webchat:popout";
}

export type ChatToLoaderMessage =
  | WidgetReadyMessage
  | WidgetCloseMessage
  | WidgetUnreadMessage
  | WidgetChatMessage
  | WidgetPopoutMessage;
export type LoaderToChatMessage = WidgetInitMessage;
export type WidgetMessage = ChatToLoaderMessage | LoaderToChatMessage;

/** Events a site can subscribe to with `Webchat.on(event, fn)`. */
export interface WebchatEventMap {
  open: undefined;
  close: undefined;
  message: WidgetChatMessage["message"];
  unread: number;
}
export type WebchatEvent = keyof WebchatEventMap;

/** The one global the loader defines: `window.Webchat`. */
export interface WebchatApi {
  open(): void;
  close(): void;
  toggle(): void;
  setVisitor(visitor: WidgetVisitor): void;
  on<E extends WebchatEvent>(event: E, fn: (payload: WebchatEventMap[E]) => void): () => void;
}

type Rec = Record<string, unknown>;
const isObj = (v: unknown): v is Rec => typeof v === "object" && v !== null;
const isStrOrNull = (v: unknown) => v === null || typeof v === "string";

function isVisitor(v: unknown): v is WidgetVisitor {
  return isObj(v) && ["name", "phone", "email"].every((k) => v[k] === undefined || typeof v[k] === "string");
}

/** A message the chat app may send to the loader, with a well-formed payload. */
export function isChatToLoaderMessage(data: unknown): data is ChatToLoaderMessage {
  if (!isObj(data)) return false;
  switch (data.type) {
    case "webchat:ready":
    case "webchat:close":
    case "webchat:popout":
      return true;
    case "webchat:unread":
      return typeof data.count === "number" && Number.isInteger(data.count) && data.count >= 0;
    case "webchat:message": {
      const m = data.message;
      return isObj(m) && typeof m.body === "string" && (SENDER_TYPES as readonly unknown[]).includes(m.senderType);
    }
  }
  return false;
}

/** A message the loader may send to the chat app, with a well-formed payload. */
export function isLoaderToChatMessage(data: unknown): data is LoaderToChatMessage {
  return (
    isObj(data) &&
    data.type === "webchat:init" &&
    isStrOrNull(data.visitorId) &&
    isStrOrNull(data.token) &&
    isVisitor(data.visitor) &&
    typeof data.pageUrl === "string" &&
    typeof data.pageTitle === "string"
  );
}

/** Any well-formed message of this protocol, in either direction. */
export function isWidgetMessage(data: unknown): data is WidgetMessage {
  return isChatToLoaderMessage(data) || isLoaderToChatMessage(data);
}
