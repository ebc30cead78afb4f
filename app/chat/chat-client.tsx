"use client";
// The visitor's chat app: identity from the loader (or its own), then one of
// the screens — choose a category and ask, wait in the queue, chat, rate —
// with the W3 e-mail form and the W5 complaint always within reach.
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from "react";
import type { QueueView, VisitorChatState, VisitorDialogView } from "@/lib/chat/visitor-chat";
import type { DialogUpdatedPayload, MessagesReadPayload } from "@/lib/dialogs/events";
import { isTooLarge, type MessageCreatedEvent, type RealtimeMessage } from "@/lib/realtime/channels";
import type { PublicRealtimeConfig } from "@/lib/realtime/config";
import { ApiError, chatApi, newClientId } from "./chat-api";
import { Composer, QueueCard, Transcript, type Outgoing } from "./conversation";
import { ComplaintForm, OfflineForm, RatingForm, StartForm, type Contact, type VisitorCategory } from "./forms";
import { translator, type ChatMessages, type Translate } from "./i18n";
import { createChime } from "./sound";
import type { ChatTheme } from "./theme";
import { Button, Icon, Notice, Spinner } from "./ui";
import { useDialogChannel } from "./use-dialog-channel";
import { useHost } from "./use-host";

export interface ChatAppProps {
  locale: "en" | "ru";
  messages: ChatMessages;
  realtime: PublicRealtimeConfig;
  allowedOrigins: string[];
  selfOrigin: string;
  theme: ChatTheme;
  look: { title: string | null; greeting: string | null; logoUrl: string | null };
  categories: VisitorCategory[];
  /** The loader's data-category: a category id or name to preselect. */
  categoryHint: string | null;
}

type StateResponse = VisitorChatState & { categories: VisitorCategory[] };
type StartResponse =
  | { outcome: "offline" }
  | { outcome: "started" | "resumed"; dialog: VisitorDialogView; message: RealtimeMessage | null; queue: QueueView | null };

type View =
  | { name: "loading" | "error" | "blocked" | "start" | "chat" }
  | { name: "offline"; reason: "nobody" | "timeout" | "chosen"; categoryId: string | null; dialogId: string | null; text: string; canGoBack: boolean }
  | { name: "offlineSent"; email: string }
  | { name: "complaint" | "complaintSent"; back: View };

/** The closed dialog the visitor has moved on from (a new chat), so a reload does not bring it back. */
const DISMISSED_KEY = "webchat:chat:dismissed";
const QUEUE_REFRESH_MS = 10_000;
const TYPING_SEND_MS = 2_000;
const TYPING_SHOW_MS = 6_000;

const isOpen = (d: VisitorDialogView | null) => !!d && d.state !== "closed";
const seen = () => document.visibilityState === "visible" && document.hasFocus();

function storage(key: string, value?: string): string | null {
  try {
    if (value !== undefined) localStorage.setItem(key, value);
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** The screen that the loaded state calls for; forms the visitor is filling in stay. */
function nextView(current: View, d: VisitorDialogView | null): View {
  if (["complaint", "complaintSent", "offlineSent"].includes(current.name)) return current;
  if (d?.state === "closed" && d.outcome === "offline_redirect" && !d.offlineSent) {
    return current.name === "offline" ? current : { name: "offline", reason: "timeout", categoryId: d.categoryId, dialogId: d.id, text: "", canGoBack: false };
  }
  if (d) return current.name === "chat" ? current : { name: "chat" };
  if (current.name === "offline") return current;
  return current.name === "start" ? current : { name: "start" };
}

function statusLine(t: Translate, d: VisitorDialogView | null): string {
  if (!d) return t("statusIdle");
  const name = d.operatorName || t("operator");
  switch (d.state) {
    case "queued":
      return t("statusWaiting");
    case "offered":
      return t("statusRinging");
    case "active":
      return d.operatorName ? t("statusWith", { name }) : t("statusOperator");
    case "on_hold":
      return t("statusOnHold", { name });
    default:
      return t("statusEnded");
  }
}

export function ChatApp(props: ChatAppProps) {
  const { locale, look } = props;
  const t = useMemo(() => translator(props.messages), [props.messages]);
  const host = useHost(props.allowedOrigins, props.selfOrigin);
  const token = host.identity?.token ?? null;
  const api = useMemo(() => chatApi(() => token ?? ""), [token]);

  const [view, setView] = useState<View>({ name: "loading" });
  const [categories, setCategories] = useState(props.categories);
  const [contact, setContact] = useState<Contact>({ name: "", email: "", phone: "" });
  const [dialog, setDialog] = useState<VisitorDialogView | null>(null);
  const [queue, setQueue] = useState<QueueView | null>(null);
  const [messages, setMessages] = useState<RealtimeMessage[]>([]);
  const [pending, setPending] = useState<Outgoing[]>([]);
  const [readUpTo, setReadUpTo] = useState(0);
  const [typingName, setTypingName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<unknown>(null);
  const [rated, setRated] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [unread, setUnread] = useState(0);

  const dialogId = useRef<string | null>(null);
  const operatorName = useRef<string | null>(null);
  const known = useRef(new Set<string>());
  const loaded = useRef(false);
  const startClientId = useRef<string | null>(null);
  const lastTypingSent = useRef(0);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const readSent = useRef(0);
  const chime = useRef<ReturnType<typeof createChime> | null>(null);
  const main = useRef<HTMLElement>(null);
  const { post } = host;

  useEffect(() => {
    operatorName.current = dialog?.operatorName ?? null;
  }, [dialog?.operatorName]);

  /** A different dialog (or none): its messages, marks and rating start from scratch. */
  const switchDialog = useCallback((d: VisitorDialogView | null) => {
    if ((d?.id ?? null) === dialogId.current) return;
    dialogId.current = d?.id ?? null;
    known.current = new Set();
    readSent.current = 0;
    setMessages([]);
    setPending([]);
    setReadUpTo(0);
    setTypingName(null);
    setRated(false);
    setConfirmEnd(false);
  }, []);

  /** Merges messages by id in seq order; `live` ones are announced (sound, unread, the site's listeners). */
  const addMessages = useCallback(
    (list: RealtimeMessage[], live: boolean) => {
      const fresh = list.filter((m) => !known.current.has(m.id));
      if (!fresh.length) return;
      for (const m of fresh) known.current.add(m.id);
      setMessages((prev) => {
        const byId = new Map(prev.map((m) => [m.id, m]));
        for (const m of fresh) byId.set(m.id, m);
        return [...byId.values()].sort((a, b) => a.seq - b.seq);
      });
      const confirmed = new Set(fresh.filter((m) => m.senderType === "visitor" && m.clientId).map((m) => m.clientId));
      if (confirmed.size) setPending((p) => p.filter((o) => !confirmed.has(o.clientId)));
      if (!live) return;
      for (const m of fresh) {
        post({ type: "webchat:message", message: { body: m.body, senderType: m.senderType } });
        if (m.senderType === "visitor") continue;
        setTypingName(null);
        if (!seen()) {
          setUnread((n) => n + 1);
          chime.current?.play();
        }
      }
    },
    [post],
  );

  const fetchAfter = useCallback(
    async (id: string, after: number, live: boolean) => {
      for (let seq = after, more = true; more && dialogId.current === id; ) {
        const r = await api<{ messages: RealtimeMessage[]; more: boolean }>(`/api/chat/dialogs/${id}/messages?after=${seq}`);
        addMessages(r.messages, live);
        more = r.more && r.messages.length > 0;
        seq = r.messages.at(-1)?.seq ?? seq;
      }
    },
    [api, addMessages],
  );

  const { rejectIdentity } = host;
  const applyState = useCallback(
    (s: StateResponse) => {
      const first = !loaded.current;
      loaded.current = true;
      setCategories(s.categories);
      setContact((c) => ({
        name: c.name || s.visitor.name || "",
        email: c.email || s.visitor.email || "",
        phone: c.phone || s.visitor.phone || "",
      }));
      if (s.blocked) {
        setView({ name: "blocked" });
        return;
      }
      let d = s.dialog;
      if (d?.state === "closed" && storage(DISMISSED_KEY) === d.id) d = null;
      switchDialog(d);
      setDialog(d);
      setQueue(d ? s.queue : null);
      if (d) {
        addMessages(s.messages, !first);
        if (s.moreMessages) void fetchAfter(d.id, s.messages.at(-1)?.seq ?? 0, !first).catch(() => {});
      }
      setView((v) => nextView(v, d));
    },
    [addMessages, fetchAfter, switchDialog],
  );

  const refresh = useCallback(
    () =>
      api<StateResponse>("/api/chat/state").then(applyState, (err: unknown) => {
        if (err instanceof ApiError && err.status === 401) rejectIdentity();
        else if (!loaded.current) setView({ name: "error" });
      }),
    [api, applyState, rejectIdentity],
  );

  // A (new) identity: load everything for it.
  useEffect(() => {
    if (!token) return;
    loaded.current = false;
    void refresh();
  }, [token, refresh]);

  // What the site tells about its visitor (Webchat.setVisitor): prefill, and keep it with the visitor (M4).
  const siteVisitor = JSON.stringify(host.visitor);
  const given = useMemo(
    () => Object.fromEntries(Object.entries(JSON.parse(siteVisitor) as Partial<Contact>).filter(([, x]) => typeof x === "string" && x.trim())),
    [siteVisitor],
  ) as Partial<Contact>;
  useEffect(() => {
    if (token && Object.keys(given).length) void api("/api/chat/contact", given).catch(() => {});
  }, [given, token, api]);
  const formContact: Contact = {
    name: contact.name || given.name || "",
    email: contact.email || given.email || "",
    phone: contact.phone || given.phone || "",
  };

  // The queue place changes as others are served; no event tells this visitor, so ask.
  const waiting = dialog?.state === "queued" || dialog?.state === "offered";
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void refresh(), QUEUE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [waiting, refresh]);

  const channel = useDialogChannel(
    props.realtime,
    token,
    isOpen(dialog) ? dialog!.id : null,
    {
      "message.created": (data) => {
        const id = dialogId.current;
        if (!id) return;
        if (isTooLarge(data)) {
          if (data.ref.dialogId === id) void fetchAfter(id, data.ref.seq - 1, true).catch(() => {});
          return;
        }
        const e = data as MessageCreatedEvent;
        if (e.dialogId === id) addMessages([e.message], true);
      },
      "dialog.updated": (data) => {
        const e = data as DialogUpdatedPayload;
        if (e.dialogId !== dialogId.current) return;
        setDialog((d) => (d ? { ...d, state: e.state, outcome: e.outcome ?? d.outcome, operatorName: e.operatorName ?? d.operatorName } : d));
        void refresh();
      },
      "messages.read": (data) => {
        const e = data as MessagesReadPayload;
        if (e.dialogId === dialogId.current && e.readerType !== "visitor") setReadUpTo((r) => Math.max(r, e.upToSeq));
      },
      "client-typing": (data) => {
        const e = data as { senderType?: string; typing?: boolean };
        if (e.senderType === "visitor") return;
        clearTimeout(typingTimer.current);
        setTypingName(e.typing ? operatorName.current || t("operator") : null);
        if (e.typing) typingTimer.current = setTimeout(() => setTypingName(null), TYPING_SHOW_MS);
      },
    },
    () => void refresh(),
  );

  // Unread count for the launcher's badge, sound permission, read receipts.
  const markRead = useCallback(() => {
    const id = dialogId.current;
    const upTo = messages.reduce((s, m) => (m.senderType !== "visitor" ? Math.max(s, m.seq) : s), 0);
    if (!id || upTo <= readSent.current || !seen()) return;
    readSent.current = upTo;
    void api(`/api/chat/dialogs/${id}/read`, { upToSeq: upTo }).catch(() => {});
  }, [messages, api]);

  useEffect(() => {
    chime.current = createChime();
    const prime = () => chime.current?.prime();
    const onSeen = () => {
      if (seen()) setUnread(0);
    };
    addEventListener("pointerdown", prime);
    addEventListener("keydown", prime);
    addEventListener("focus", onSeen);
    document.addEventListener("visibilitychange", onSeen);
    return () => {
      removeEventListener("pointerdown", prime);
      removeEventListener("keydown", prime);
      removeEventListener("focus", onSeen);
      document.removeEventListener("visibilitychange", onSeen);
    };
  }, []);

  useEffect(() => {
    if (unread === 0) markRead();
  }, [unread, markRead]);

  const baseTitle = look.title || t("defaultTitle");
  useEffect(() => {
    post({ type: "webchat:unread", count: unread });
    document.title = unread ? `(${unread}) ${baseTitle}` : baseTitle;
  }, [unread, post, baseTitle]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const closeChat = useCallback(() => {
    post({ type: "webchat:close" });
    if (host.kind === "popup") window.close();
  }, [post, host.kind]);

  useEffect(() => {
    if (host.kind === "standalone") return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented) return;
      // Escape first dismisses the "end this chat?" question, then closes the chat.
      if (confirmEnd) setConfirmEnd(false);
      else closeChat();
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, [host.kind, closeChat, confirmEnd]);

  // Each new screen puts focus on its heading or first field, for keyboard and screen reader users.
  const focusKey = `${view.name}:${dialog?.state ?? ""}:${rated}`;
  useEffect(() => {
    const el = main.current?.querySelector<HTMLElement>("[data-autofocus]");
    el?.focus({ preventScroll: true });
  }, [focusKey]);

  // ---- actions ----

  const send = useCallback(
    (body: string, clientId = newClientId()) => {
      const id = dialogId.current;
      if (!id) return;
      setPending((p) => {
        const next: Outgoing = { clientId, body, status: "sending" };
        return p.some((o) => o.clientId === clientId) ? p.map((o) => (o.clientId === clientId ? next : o)) : [...p, next];
      });
      api<{ message: RealtimeMessage }>(`/api/chat/dialogs/${id}/messages`, { clientId, body })
        .then((r) => addMessages([r.message], true))
        .catch((err: unknown) => {
          const status = err instanceof ApiError ? err.status : 0;
          const error = status === 409 ? t("errClosed") : status === 429 ? t("errRateLimited") : status === 422 ? t("errTooLong") : null;
          setPending((p) => p.map((o) => (o.clientId === clientId ? { ...o, status: "failed", error } : o)));
          if (status === 409) void refresh();
        });
    },
    [api, addMessages, refresh, t],
  );

  const onTyping = () => {
    const now = Date.now();
    if (now - lastTypingSent.current < TYPING_SEND_MS) return;
    if (channel.trigger("client-typing", { senderType: "visitor", typing: true })) lastTypingSent.current = now;
  };

  async function act<T>(fn: () => Promise<T>, onError?: (err: unknown) => boolean): Promise<T | undefined> {
    setBusy(true);
    setFormError(null);
    try {
      return await fn();
    } catch (err) {
      if (!onError?.(err)) setFormError(err);
    } finally {
      setBusy(false);
    }
  }

  const blockedOn403 = (err: unknown) => {
    if (err instanceof ApiError && err.status === 403) {
      setView({ name: "blocked" });
      return true;
    }
    return false;
  };

  const start = (v: { categoryId: string; name: string; email: string; phone: string; text: string }) => {
    setContact({ name: v.name, email: v.email, phone: v.phone });
    if (!v.text) {
      setFormError(new ApiError(422, "invalid", { text: ["required"] }));
      return;
    }
    startClientId.current ??= newClientId();
    void act(async () => {
      const r = await api<StartResponse>("/api/chat/dialogs", { ...v, clientId: startClientId.current });
      startClientId.current = null;
      if (r.outcome === "offline") {
        setView({ name: "offline", reason: "nobody", categoryId: v.categoryId, dialogId: null, text: v.text, canGoBack: true });
        return;
      }
      switchDialog(r.dialog);
      setDialog(r.dialog);
      setQueue(r.queue);
      if (r.message) addMessages([r.message], true);
      setView({ name: "chat" });
    }, blockedOn403);
  };

  const leave = () =>
    act(
      async () => {
        const r = await api<{ dialog: VisitorDialogView }>(`/api/chat/dialogs/${dialogId.current}/leave`, {});
        setConfirmEnd(false);
        setQueue(null);
        setDialog(r.dialog);
      },
      (err) => {
        setConfirmEnd(false);
        if (err instanceof ApiError && err.status === 409) {
          void refresh();
          return true;
        }
        return false;
      },
    );

  const rate = (v: { score: number; comment: string }) =>
    act(
      async () => {
        await api(`/api/chat/dialogs/${dialogId.current}/rating`, v);
        setRated(true);
      },
      (err) => {
        if (err instanceof ApiError && err.status === 409 && /rated/i.test(err.serverMessage)) {
          setRated(true);
          return true;
        }
        return false;
      },
    );

  const newChat = () => {
    if (dialog) storage(DISMISSED_KEY, dialog.id);
    switchDialog(null);
    setDialog(null);
    setQueue(null);
    setFormError(null);
    setView({ name: "start" });
  };

  const writeInstead = () =>
    setView({ name: "offline", reason: "chosen", categoryId: dialog?.categoryId ?? null, dialogId: dialog?.id ?? null, text: "", canGoBack: true });

  const sendOffline = (
    to: { reason: "nobody" | "timeout" | "chosen"; categoryId: string | null; dialogId: string | null },
    v: { name: string; email: string; body: string },
  ) => {
    setContact((c) => ({ ...c, name: v.name, email: v.email }));
    void act(async () => {
      await api("/api/chat/offline", { ...v, categoryId: to.categoryId, dialogId: to.dialogId });
      // Waiting in the queue is over once the visitor chose to write instead.
      if (to.reason === "chosen" && isOpen(dialog) && dialog!.state !== "active" && dialog!.state !== "on_hold") {
        await api(`/api/chat/dialogs/${dialog!.id}/leave`, {}).catch(() => {});
        switchDialog(null);
        setDialog(null);
      }
      setView({ name: "offlineSent", email: v.email });
    });
  };

  const openComplaint = () => {
    setFormError(null);
    setView((v) => (v.name === "complaint" || v.name === "complaintSent" ? v : { name: "complaint", back: v }));
  };

  const sendComplaint = (v: { name: string; email: string; body: string }) => {
    if (view.name !== "complaint") return;
    const back = view.back;
    void act(async () => {
      await api("/api/chat/complaints", { ...v, dialogId: dialog?.id ?? null });
      setView({ name: "complaintSent", back });
    });
  };

  // ---- screens ----

  const greeting = look.greeting || t("defaultGreeting");
  const shown: View = host.failed && view.name === "loading" ? { name: "error" } : view;
  let body: ReactNode;
  switch (shown.name) {
    case "loading":
      body = (
        <div role="status" className="flex flex-1 flex-col items-center justify-center gap-3 text-sm text-slate-600">
          <Spinner className="h-8 w-8" />
          {t("loading")}
        </div>
      );
      break;
    case "error":
      body = (
        <Notice icon="alert" title={t("errorTitle")} tone="red">
          <p className="text-sm text-slate-700">{t("errorBody")}</p>
          <Button
            onClick={() => {
              setView({ name: "loading" });
              if (token) void refresh();
              else host.retry();
            }}
          >
            {t("retry")}
          </Button>
        </Notice>
      );
      break;
    case "blocked":
      body = (
        <Notice icon="ban" title={t("blockedTitle")} tone="red">
          <p className="max-w-xs text-sm text-slate-700">{t("blockedBody")}</p>
        </Notice>
      );
      break;
    case "start":
      body = categories.length ? (
        <StartForm
          t={t}
          categories={categories}
          preselected={categories.find((c) => c.id === props.categoryHint || c.name.toLowerCase() === props.categoryHint?.toLowerCase())?.id ?? null}
          contact={formContact}
          greeting={greeting}
          busy={busy}
          error={formError}
          onSubmit={start}
        />
      ) : (
        // No category to choose from: nobody can take a chat, so the e-mail form it is (W3).
        <OfflineForm
          t={t}
          reason="nobody"
          contact={formContact}
          text=""
          busy={busy}
          error={formError}
          onSubmit={(v) => sendOffline({ reason: "nobody", categoryId: null, dialogId: null }, v)}
        />
      );
      break;
    case "offline":
      body = (
        <OfflineForm
          t={t}
          reason={shown.reason}
          contact={formContact}
          text={shown.text}
          busy={busy}
          error={formError}
          onSubmit={(v) => sendOffline(shown, v)}
          onBack={shown.canGoBack ? () => setView(dialog ? { name: "chat" } : { name: "start" }) : undefined}
        />
      );
      break;
    case "offlineSent":
      body = (
        <Notice icon="check" title={t("offlineSentTitle")}>
          <p className="max-w-xs break-words text-sm text-slate-700">{t("offlineSentBody", { email: shown.email })}</p>
          <Button variant="secondary" onClick={newChat}>
            {t("newChat")}
          </Button>
        </Notice>
      );
      break;
    case "complaint":
      body = (
        <ComplaintForm
          t={t}
          contact={formContact}
          busy={busy}
          error={formError}
          onSubmit={sendComplaint}
          onBack={() => {
            setFormError(null);
            setView(shown.back);
          }}
        />
      );
      break;
    case "complaintSent":
      body = (
        <Notice icon="check" title={t("complaintSentTitle")}>
          <p className="text-sm text-slate-700">{t("complaintSentBody")}</p>
          <Button variant="secondary" onClick={() => setView(shown.back)}>
            {t("back")}
          </Button>
        </Notice>
      );
      break;
    case "chat": {
      const d = dialog;
      const closed = d?.state === "closed";
      body = d ? (
        <>
          <Transcript
            t={t}
            locale={locale}
            messages={messages}
            pending={pending}
            readUpTo={readUpTo}
            typingName={closed ? null : typingName}
            onRetry={(o) => send(o.body, o.clientId)}
            top={
              waiting ? (
                <QueueCard t={t} locale={locale} dialog={d} queue={queue} busy={busy} onLeave={() => void leave()} onWriteInstead={writeInstead} />
              ) : null
            }
            bottom={
              closed ? (
                <section aria-labelledby="ended-title" className="mx-3 mb-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-xs">
                  <h2 id="ended-title" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
                    {t("endedTitle")}
                  </h2>
                  {d.outcome === "abandoned" ? <p className="mt-1 text-sm text-slate-700">{t("endedNoOperator")}</p> : null}
                  <div className="mt-3">
                    {d.answered && !d.rated && !rated ? (
                      <RatingForm t={t} busy={busy} error={formError} onSubmit={(v) => void rate(v)} />
                    ) : d.answered ? (
                      <div role="status">
                        <p tabIndex={-1} data-autofocus className="text-base font-semibold text-slate-900 focus:outline-none">
                          {t("thanksTitle")}
                        </p>
                        <p className="text-sm text-slate-700">{t("thanksBody")}</p>
                      </div>
                    ) : null}
                  </div>
                  <Button variant="secondary" onClick={newChat} className="mt-3 w-full" data-autofocus={d.answered ? undefined : true}>
                    {t("newChat")}
                  </Button>
                </section>
              ) : null
            }
          />
          {closed ? null : <Composer t={t} onSend={(b) => send(b)} onTyping={onTyping} />}
        </>
      ) : null;
      break;
    }
  }

  const showFooter = !["loading", "error", "blocked", "complaint"].includes(shown.name);
  const canEnd = shown.name === "chat" && (dialog?.state === "active" || dialog?.state === "on_hold");
  const reconnecting = channel.wasConnected && isOpen(dialog) && channel.connection !== "connected";

  return (
    <div className="flex h-dvh flex-col overflow-hidden bg-white text-slate-900" style={props.theme as unknown as CSSProperties}>
      <header className="flex flex-none items-center gap-1 bg-(--wc-bg) py-3 pr-2 pl-4 text-(--wc-fg)">
        {look.logoUrl ? (
          // The admin's logo may live on any host; next/image would need each host configured.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={look.logoUrl} alt="" className="mr-2 h-9 w-9 flex-none rounded-full bg-white object-cover" />
        ) : (
          <span aria-hidden="true" className="mr-2 grid h-9 w-9 flex-none place-items-center rounded-full bg-(--wc-fg)/15 text-sm font-bold">
            {baseTitle.slice(0, 1).toUpperCase()}
          </span>
        )}
        <div className="min-w-0 flex-1">
          <h1 className="truncate text-[15px] font-semibold leading-tight">{baseTitle}</h1>
          <p className="flex items-center gap-1.5 truncate text-xs opacity-90">
            {dialog?.state === "active" ? <span aria-hidden="true" className="h-1.5 w-1.5 flex-none rounded-full bg-emerald-400" /> : null}
            {shown.name === "blocked" ? "" : statusLine(t, dialog)}
          </p>
        </div>
        {canEnd ? (
          <button
            type="button"
            onClick={() => setConfirmEnd(true)}
            aria-label={t("endChat")}
            className="mr-1 flex-none rounded-lg border border-current/40 px-2 py-1 text-xs font-semibold hover:bg-(--wc-fg)/10 focus-visible:outline-(--wc-fg)"
          >
            {t("endShort")}
          </button>
        ) : null}
        {host.kind === "iframe" ? (
          <button
            type="button"
            onClick={() => post({ type: "webchat:popout" })}
            aria-label={t("popout")}
            title={t("popout")}
            className="grid h-9 w-9 flex-none place-items-center rounded-full hover:bg-(--wc-fg)/10 focus-visible:outline-(--wc-fg)"
          >
            <Icon name="popout" className="h-[18px] w-[18px]" />
          </button>
        ) : null}
        {host.kind !== "standalone" ? (
          <button
            type="button"
            onClick={closeChat}
            aria-label={t("close")}
            title={t("close")}
            className="grid h-9 w-9 flex-none place-items-center rounded-full hover:bg-(--wc-fg)/10 focus-visible:outline-(--wc-fg)"
          >
            <Icon name="close" className="h-5 w-5" />
          </button>
        ) : null}
      </header>
      {confirmEnd && canEnd ? (
        <div role="group" aria-labelledby="end-q" className="flex-none space-y-2 border-b border-slate-200 bg-slate-50 px-4 py-2.5">
          <p id="end-q" className="text-sm font-medium text-slate-800">
            {t("endConfirm")}
          </p>
          <div className="grid grid-cols-2 gap-2">
            <Button variant="danger" className="min-h-9 px-3 py-1.5" disabled={busy} onClick={() => void leave()} aria-label={t("endChat")} autoFocus>
              {t("endShort")}
            </Button>
            <Button variant="secondary" className="min-h-9 px-3 py-1.5" onClick={() => setConfirmEnd(false)}>
              {t("endCancel")}
            </Button>
          </div>
        </div>
      ) : null}
      {reconnecting ? (
        <p role="status" className="flex-none bg-amber-50 px-4 py-1.5 text-center text-xs font-medium text-amber-900">
          {t("reconnecting")}
        </p>
      ) : null}
      <main ref={main} className="flex min-h-0 flex-1 flex-col">
        {body}
      </main>
      {showFooter ? (
        <footer className="flex-none border-t border-slate-100 bg-white px-4 py-1.5 text-center">
          <button
            type="button"
            onClick={openComplaint}
            className="rounded text-xs text-slate-600 underline decoration-slate-300 underline-offset-2 hover:text-slate-900 hover:decoration-slate-500"
          >
            {t("complaintLink")}
          </button>
        </footer>
      ) : null}
    </div>
  );
}
