"use client";
// The operator workplace (M3): incoming tasks ring like calls, several chats
// are served at once, and everything stays live over realtime with a catch-up
// by sequence number after any reconnect.
import { useCallback, useEffect, useReducer, useRef, useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import type Pusher from "pusher-js";
import { getRealtime, useChannel, useConnectionState } from "@/components/realtime/use-realtime";
import { Icon, ICONS } from "@/components/ui/icons";
import type { DialogUpdatedPayload, MessagesReadPayload, OfferCreatedPayload, OperatorStatusPayload } from "@/lib/dialogs/events";
import { dialogChannel, isTooLarge, operatorChannel, type MessageCreatedEvent, type OfferWithdrawnEvent } from "@/lib/realtime/channels";
import type { PublicRealtimeConfig } from "@/lib/realtime/config";
import type { OfferView, Workplace } from "@/lib/workplace/workplace";
import { ClockSkew } from "./clock";
import { ConversationPanel } from "./conversation-client";
import { DialogList } from "./dialog-list-client";
import { newClientId } from "./format";
import { IncomingTasks } from "./incoming-client";
import { askNotificationPermission, clearOfferNotification, messageBlip, notifyOffer, startRinging, stopRinging, unlockAudio } from "./ringer";
import { StatusBar } from "./status-bar-client";
import { VisitorPanel } from "./visitor-panel-client";
import { ApiError, api } from "./workplace-api";
import { fromRealtime, initialState, openCount, reducer, type PendingMessage } from "./workplace-state";

const HEARTBEAT_MS = 15_000;
const VISITOR_TYPING_TIMEOUT_MS = 6_000;
const SOUND_KEY = "webchat.workplace.sound";

type Status = Workplace["me"]["status"];
type Toast = { id: number; text: string; tone: "info" | "error" };

function subscribeVisibility(onChange: () => void) {
  document.addEventListener("visibilitychange", onChange);
  window.addEventListener("focus", onChange);
  window.addEventListener("blur", onChange);
  return () => {
    document.removeEventListener("visibilitychange", onChange);
    window.removeEventListener("focus", onChange);
    window.removeEventListener("blur", onChange);
  };
}

/** Whether the operator is looking at this page right now. */
function usePageVisible(): boolean {
  return useSyncExternalStore(
    subscribeVisibility,
    () => document.visibilityState === "visible",
    () => true,
  );
}

function subscribeStorage(onChange: () => void) {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
}

/**
 * Calls `fn` every `ms`, also while the tab is in the background: Chrome throttles
 * a hidden page's own timers to once a minute, which would let the heartbeat
 * lapse and mark the operator offline; a worker's timers keep their pace.
 */
function steadyInterval(ms: number, fn: () => void): () => void {
  try {
    const url = URL.createObjectURL(new Blob([`setInterval(() => postMessage(0), ${ms});`], { type: "text/javascript" }));
    const worker = new Worker(url);
    worker.onmessage = () => fn();
    return () => {
      worker.terminate();
      URL.revokeObjectURL(url);
    };
  } catch {
    const timer = setInterval(fn, ms);
    return () => clearInterval(timer);
  }
}

function toOffer(o: OfferCreatedPayload): OfferView {
  return {
    dialogId: o.dialogId,
    attempt: o.attempt,
    expiresAt: o.expiresAt,
    categoryId: o.categoryId ?? "",
    categoryName: o.categoryName ?? "",
    ...(o.visitorName ? { visitorName: o.visitorName } : {}),
    visitorPage: o.visitorPage ?? null,
    visitorBrowser: o.visitorBrowser ?? null,
    ...(o.preview ? { preview: o.preview } : {}),
  };
}

export function WorkplaceClient({ initial, realtime }: { initial: Workplace; realtime: PublicRealtimeConfig }) {
  const t = useTranslations("workplace");
  const [state, dispatch] = useReducer(reducer, initial, initialState);
  const [skew, setSkew] = useState(0);
  const [selectedId, setSelectedId] = useState<string | null>(initial.dialogs[0]?.id ?? null);
  const [mobileView, setMobileView] = useState<"list" | "dialog">("list");
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [busyOffers, setBusyOffers] = useState<ReadonlySet<string>>(new Set());
  const [statusBusy, setStatusBusy] = useState(false);
  /** Bumped when the operator's own status change starts and ends, so a heartbeat answered in between cannot undo it. */
  const statusChanges = useRef(0);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [everConnected, setEverConnected] = useState(false);
  const [pusher] = useState<Pusher | null>(() => (typeof window === "undefined" ? null : getRealtime(realtime)));
  const connection = useConnectionState(pusher);
  const visible = usePageVisible();
  const soundOn = useSyncExternalStore(
    subscribeStorage,
    () => localStorage.getItem(SOUND_KEY) !== "off",
    () => true,
  );

  // The latest values for realtime handlers, which are bound once.
  const live = useRef({ state, selectedId, visible, soundOn, t });
  useEffect(() => {
    live.current = { state, selectedId, visible, soundOn, t };
  });

  const toast = useCallback((text: string, tone: Toast["tone"] = "info") => {
    const id = Date.now() + Math.random();
    setToasts((list) => [...list.slice(-2), { id, text, tone }]);
    setTimeout(() => setToasts((list) => list.filter((x) => x.id !== id)), 6000);
  }, []);

  const errorText = useCallback(
    (e: { status: number; code: string; message: string }) => {
      if (e.status === 0) return t("errors.network");
      if (/already taken/i.test(e.message)) return t("errors.taken");
      if (/expired/i.test(e.message)) return t("errors.expired");
      if (/no longer yours/i.test(e.message)) return t("errors.offerGone");
      if (/is closed|already closed/i.test(e.message)) return t("errors.closed");
      if (e.status === 401) return t("errors.signIn");
      if (e.status === 403) return t("errors.forbidden");
      if (e.status === 422) return t("errors.invalid");
      return t("errors.generic");
    },
    [t],
  );
  const apiErrorText = useCallback(
    (err: unknown) => (err instanceof ApiError ? errorText(err) : t("errors.generic")),
    [errorText, t],
  );

  // ---- Loading ----
  const loading = useRef(new Set<string>());
  const loadView = useCallback((id: string) => {
    if (loading.current.has(id)) return;
    loading.current.add(id);
    api
      .dialog(id)
      .then((view) => dispatch({ type: "view", view }))
      .catch((err: unknown) => {
        // A dialog taken away (transferred, intercepted) is no longer ours to show.
        if (err instanceof ApiError && (err.status === 403 || err.status === 404)) dispatch({ type: "dismiss", dialogId: id });
      })
      .finally(() => loading.current.delete(id));
  }, []);

  const refreshWorkplace = useCallback(() => {
    api
      .workplace()
      .then((w) => {
        dispatch({ type: "workplace", data: w });
        // Dialogs we hold that the server no longer lists changed state while we were away.
        const listed = new Set(w.dialogs.map((d) => d.id));
        for (const c of live.current.state.conversations) if (!listed.has(c.id) && c.state !== "closed") loadView(c.id);
      })
      .catch(() => {});
  }, [loadView]);

  const catchUpDialog = useCallback((id: string) => {
    const c = live.current.state.conversations.find((x) => x.id === id);
    if (!c) return;
    api
      .messagesAfter(id, c.lastSeq)
      .then((r) => {
        dispatch({ type: "messages", dialogId: id, messages: r.messages });
        if (r.state !== c.state) dispatch({ type: "state", dialogId: id, state: r.state });
        if (r.state === "closed" || r.state !== c.state) loadView(id);
      })
      .catch(() => {});
  }, [loadView]);

  // Transcripts of the dialogs in hand.
  useEffect(() => {
    for (const c of state.conversations) if (!c.view) loadView(c.id);
  }, [state.conversations, loadView]);

  // ---- Realtime: my operator channel ----
  useChannel(
    pusher,
    operatorChannel(state.me.id),
    {
      "offer.created": (data) => {
        const offer = toOffer(data as OfferCreatedPayload);
        dispatch({ type: "offer", offer });
        const { t: tr } = live.current;
        notifyOffer(offer.dialogId, tr("notify.title"), tr("notify.body", { name: offer.visitorName ?? tr("visitor.anonymous"), category: offer.categoryName }));
      },
      "offer.withdrawn": (data) => {
        const { dialogId } = data as OfferWithdrawnEvent;
        dispatch({ type: "offerGone", dialogId });
        clearOfferNotification(dialogId);
      },
      "operator.status": (data) => {
        const p = data as OperatorStatusPayload;
        dispatch({ type: "status", status: p.status });
        const { t: tr } = live.current;
        if (p.reason === "missed_offers") toast(tr("status.missedOffers"));
        else if (p.reason === "heartbeat") toast(tr("status.lostHeartbeat"));
      },
    },
    refreshWorkplace,
  );
  // What rang between rendering the page and the channel going live is fetched then.
  useOnSubscribed(pusher, operatorChannel(state.me.id), refreshWorkplace);

  // ---- Connection ----
  useEffect(() => {
    if (!pusher) return;
    const onChange = ({ current }: { current: string }) => {
      if (current === "connected") setEverConnected(true);
    };
    if (pusher.connection.state === "connected") onChange({ current: "connected" });
    pusher.connection.bind("state_change", onChange);
    return () => {
      pusher.connection.unbind("state_change", onChange);
    };
  }, [pusher]);
  const reconnecting = connection !== "connected" && (everConnected || connection === "unavailable" || connection === "failed");

  // ---- Heartbeat ----
  useEffect(() => {
    // The heartbeat is small and quick, so it also measures the server's clock;
    // the fastest round trip gives the best estimate, and small offsets are noise.
    let bestRtt = Infinity;
    const beat = () => {
      const sent = Date.now();
      const changes = statusChanges.current;
      api
        .heartbeat()
        .then((r) => {
          const received = Date.now();
          if (received - sent < bestRtt) {
            bestRtt = received - sent;
            const offset = Date.parse(r.now) - (sent + received) / 2;
            setSkew(Math.abs(offset) < 1000 ? 0 : Math.round(offset));
          }
          // A status the operator chose while this beat was on its way is newer than its answer.
          if (changes === statusChanges.current && r.status !== live.current.state.me.status) dispatch({ type: "status", status: r.status });
        })
        .catch(() => {});
    };
    beat();
    return steadyInterval(HEARTBEAT_MS, beat);
  }, []);

  // ---- Ringing ----
  const ringing = state.offers.length > 0;
  useEffect(() => {
    if (ringing && soundOn) startRinging();
    else stopRinging();
    return stopRinging;
  }, [ringing, soundOn]);

  // An offer the server failed to withdraw (lost event) disappears shortly after its deadline.
  useEffect(() => {
    const timers = state.offers.map((o) =>
      setTimeout(() => dispatch({ type: "offerGone", dialogId: o.dialogId }), Math.max(0, Date.parse(o.expiresAt) - (Date.now() + skew)) + 3000),
    );
    return () => timers.forEach(clearTimeout);
  }, [state.offers, skew]);

  // ---- Read marks: the selected dialog, while the page is in view ----
  const selected = state.conversations.find((c) => c.id === selectedId) ?? null;
  const selectedUnread = selected?.unread ?? 0;
  const lastVisitorSeq = selected?.messages?.findLast((m) => m.senderType === "visitor")?.seq ?? 0;
  useEffect(() => {
    if (!selectedId || !visible || !selectedUnread || !lastVisitorSeq) return;
    api
      .read(selectedId, lastVisitorSeq)
      .then(() => dispatch({ type: "readLocal", dialogId: selectedId }))
      .catch(() => {});
  }, [selectedId, visible, selectedUnread, lastVisitorSeq]);

  // ---- The tab title shows what waits: ringing chats and unread messages ----
  const attention = state.offers.length + state.conversations.reduce((n, c) => n + (c.id === selectedId && visible ? 0 : c.unread), 0);
  useEffect(() => {
    const base = document.title.replace(/^\(\d+\) /, "");
    document.title = attention ? `(${attention}) ${base}` : base;
  }, [attention]);

  // ---- Actions ----
  const setStatus = (status: Status) => {
    statusChanges.current++;
    unlockAudio();
    if (status === "ready") askNotificationPermission();
    const before = state.me;
    dispatch({ type: "status", status });
    setStatusBusy(true);
    api
      .setStatus(status)
      .then((r) => dispatch({ type: "status", status: r.status, statusSince: r.statusSince }))
      .catch((err: unknown) => {
        dispatch({ type: "status", status: before.status, statusSince: before.statusSince });
        toast(apiErrorText(err), "error");
      })
      .finally(() => {
        // Beats sent before the server had the new status must not bring the old one back.
        statusChanges.current++;
        setStatusBusy(false);
      });
  };

  const busy = (id: string, on: boolean) =>
    setBusyOffers((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });

  const select = (id: string) => {
    setSelectedId(id);
    setMobileView("dialog");
    setDetailsOpen(false);
  };

  const accept = (o: OfferView) => {
    unlockAudio();
    busy(o.dialogId, true);
    api
      .accept(o.dialogId, o.attempt)
      .then(() => {
        dispatch({ type: "opened", dialogId: o.dialogId, offer: o });
        clearOfferNotification(o.dialogId);
        select(o.dialogId);
        loadView(o.dialogId);
      })
      .catch((err: unknown) => {
        toast(apiErrorText(err), "error");
        if (err instanceof ApiError && (err.status === 409 || err.status === 404)) dispatch({ type: "offerGone", dialogId: o.dialogId });
      })
      .finally(() => busy(o.dialogId, false));
  };

  const decline = (o: OfferView) => {
    unlockAudio();
    busy(o.dialogId, true);
    api
      .decline(o.dialogId, o.attempt)
      .catch(() => {})
      .finally(() => {
        dispatch({ type: "offerGone", dialogId: o.dialogId });
        clearOfferNotification(o.dialogId);
        busy(o.dialogId, false);
      });
  };

  const deliver = (dialogId: string, p: PendingMessage, attempt = 0) => {
    dispatch({ type: "pending", dialogId, pending: { ...p, status: "sending", error: undefined } });
    api
      .send(dialogId, p.clientId, p.body)
      .then((r) => dispatch({ type: "messages", dialogId, messages: [r.message] }))
      .catch((err: unknown) => {
        const e = err instanceof ApiError ? err : new ApiError(0, "network", "Network error");
        // Network trouble is retried with the same client id: the server keeps one copy.
        if ((e.status === 0 || e.status >= 500) && attempt < 3) {
          setTimeout(() => deliver(dialogId, p, attempt + 1), 1000 * 2 ** attempt);
          return;
        }
        dispatch({ type: "pending", dialogId, pending: { ...p, status: "failed", error: { status: e.status, code: e.code, message: e.message } } });
      });
  };

  const send = (dialogId: string, body: string) =>
    deliver(dialogId, { clientId: newClientId(), body, status: "sending", createdAt: new Date().toISOString() });

  const typing = (dialogId: string, on: boolean) => {
    const ch = pusher?.channel(dialogChannel(dialogId));
    if (ch?.subscribed) ch.trigger("client-typing", { senderType: "operator", typing: on });
  };

  const close = async (dialogId: string) => {
    try {
      const r = await api.close(dialogId);
      dispatch({ type: "state", dialogId, state: "closed", outcome: (r.dialog.outcome ?? "closed_by_operator") as "closed_by_operator" });
    } catch (err) {
      toast(apiErrorText(err), "error");
      loadView(dialogId);
    }
  };

  const dismiss = (dialogId: string) => {
    dispatch({ type: "dismiss", dialogId });
    if (selectedId === dialogId) {
      const next = state.conversations.find((c) => c.id !== dialogId && c.state !== "closed");
      setSelectedId(next?.id ?? null);
      if (!next) setMobileView("list");
    }
  };

  const load = openCount(state);
  const openConversations = state.conversations.filter((c) => c.state !== "closed");

  return (
    <ClockSkew.Provider value={skew}>
      <div className="flex flex-col gap-3 lg:h-[calc(100dvh-3.75rem-4rem)]">
        {reconnecting ? (
          <div role="status" className="flex items-center gap-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            <span aria-hidden="true" className="h-2 w-2 animate-pulse rounded-full bg-amber-500" />
            {t("connection.reconnecting")}
          </div>
        ) : null}
        <h1 className="sr-only">{t("title")}</h1>
        <StatusBar
          me={state.me}
          load={load}
          busy={statusBusy}
          onStatus={setStatus}
          soundOn={soundOn}
          onToggleSound={() => {
            unlockAudio();
            localStorage.setItem(SOUND_KEY, soundOn ? "off" : "on");
            window.dispatchEvent(new StorageEvent("storage", { key: SOUND_KEY }));
          }}
          live={connection === "connected"}
        />
        {state.me.status !== "ready" && !state.offers.length ? (
          <p className="flex items-center gap-2 rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700">
            <Icon d="M12 8v4M12 16h.01M22 12a10 10 0 1 1-20 0 10 10 0 0 1 20 0" className="h-4 w-4 flex-none text-slate-500" />
            {state.me.status === "away" ? t("status.awayHint") : t("status.offlineHint")}
          </p>
        ) : null}

        <div className="grid min-h-0 flex-1 gap-4 lg:grid-cols-[18rem_minmax(0,1fr)] xl:grid-cols-[18rem_minmax(0,1fr)_18rem]">
          {/* On a phone, ringing tasks stay on top even while a dialog is open. */}
          <div className={`${mobileView === "list" || state.offers.length ? "flex" : "hidden"} min-h-0 flex-col gap-5 lg:flex lg:overflow-y-auto lg:pr-1`}>
            <IncomingTasks offers={state.offers} busy={busyOffers} onAccept={accept} onDecline={decline} />
            <div className={mobileView === "list" ? "" : "hidden lg:block"}>
              <DialogList conversations={state.conversations} selectedId={selectedId} onSelect={select} onDismiss={dismiss} />
            </div>
          </div>

          <div className={`${mobileView === "dialog" ? "flex" : "hidden"} min-h-0 flex-col gap-2 lg:flex`}>
            {/* Phone: back to the list and a switcher between the open dialogs. */}
            <nav aria-label={t("dialogs.switcher")} className="flex items-center gap-2 overflow-x-auto pb-1 lg:hidden">
              <button
                type="button"
                onClick={() => setMobileView("list")}
                className="inline-flex h-8 flex-none items-center gap-1 rounded-lg border border-slate-300 bg-white px-2.5 text-sm font-medium text-slate-700"
              >
                <Icon d="M15 18l-6-6 6-6" />
                {t("dialogs.all")}
              </button>
              {state.conversations.map((c) => (
                <button
                  key={c.id}
                  type="button"
                  onClick={() => select(c.id)}
                  aria-current={c.id === selectedId ? "true" : undefined}
                  className={`inline-flex h-8 max-w-[10rem] flex-none items-center gap-1.5 rounded-full px-3 text-sm font-medium ${
                    c.id === selectedId ? "bg-brand-600 text-white" : "border border-slate-300 bg-white text-slate-700"
                  } ${c.state === "closed" ? "opacity-70" : ""}`}
                >
                  <span className="truncate">{c.visitorName ?? t("visitor.anonymous")}</span>
                  {c.unread && c.id !== selectedId ? (
                    <span className="rounded-full bg-brand-600 px-1.5 text-[11px] font-semibold text-white tabular-nums">
                      {c.unread}
                      <span className="sr-only"> {t("dialogs.unread", { count: c.unread })}</span>
                    </span>
                  ) : null}
                </button>
              ))}
            </nav>
            {selected ? (
              <>
                <div className={`${detailsOpen ? "hidden xl:flex" : "flex"} min-h-0 flex-1 flex-col max-lg:h-[calc(100dvh-14rem)] max-lg:min-h-[26rem]`}>
                  <ConversationPanel
                    c={selected}
                    draft={drafts[selected.id] ?? ""}
                    onDraft={(text) => setDrafts((d) => ({ ...d, [selected.id]: text }))}
                    onSend={(body) => send(selected.id, body)}
                    onRetry={(p) => deliver(selected.id, p)}
                    onTyping={(on) => typing(selected.id, on)}
                    onClose={() => close(selected.id)}
                    onDismiss={() => dismiss(selected.id)}
                    onShowDetails={() => setDetailsOpen(true)}
                    errorText={errorText}
                  />
                </div>
                {detailsOpen ? (
                  <div className="flex min-h-0 flex-1 flex-col xl:hidden">
                    <VisitorPanel view={selected.view} onBack={() => setDetailsOpen(false)} />
                  </div>
                ) : null}
              </>
            ) : (
              <NoDialog status={state.me.status} />
            )}
          </div>

          <div className="hidden min-h-0 flex-col xl:flex">
            {selected ? (
              <VisitorPanel view={selected.view} />
            ) : (
              <div className="rounded-xl border border-dashed border-slate-300 p-4 text-sm text-slate-600">{t("visitor.none")}</div>
            )}
          </div>
        </div>

        {openConversations.map((c) => (
          <DialogSubscription
            key={c.id}
            pusher={pusher}
            dialogId={c.id}
            onCatchUp={catchUpDialog}
            onMessage={(data) => {
              if (isTooLarge(data)) {
                api
                  .messagesAfter(data.ref.dialogId, data.ref.seq - 1, 1)
                  .then((r) => dispatch({ type: "messages", dialogId: c.id, messages: r.messages }))
                  .catch(() => {});
                return;
              }
              const m = (data as MessageCreatedEvent).message;
              dispatch({ type: "messages", dialogId: c.id, messages: [fromRealtime(m)] });
              const now = live.current;
              if (m.senderType === "visitor" && now.soundOn && (c.id !== now.selectedId || !now.visible)) messageBlip();
            }}
            onUpdated={(data) => {
              const p = data as DialogUpdatedPayload;
              dispatch({ type: "state", dialogId: c.id, state: p.state, outcome: p.outcome ?? undefined });
              if (p.state === "closed" || p.operatorId !== state.me.id) loadView(c.id);
            }}
            onRead={(data) => {
              const p = data as MessagesReadPayload;
              if (p.readerType === "visitor") dispatch({ type: "visitorRead", dialogId: c.id, upToSeq: p.upToSeq });
            }}
            onTyping={(typingNow) => dispatch({ type: "typing", dialogId: c.id, typing: typingNow })}
          />
        ))}

        <div aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-40 flex flex-col items-center gap-2 px-4">
          {toasts.map((x) => (
            <p
              key={x.id}
              className={`pointer-events-auto max-w-md rounded-lg px-4 py-2.5 text-sm font-medium shadow-lg ${x.tone === "error" ? "bg-red-700 text-white" : "bg-slate-900 text-white"}`}
            >
              {x.text}
            </p>
          ))}
        </div>
      </div>
    </ClockSkew.Provider>
  );
}

function NoDialog({ status }: { status: Status }) {
  const t = useTranslations("workplace");
  return (
    <div className="flex min-h-[20rem] flex-1 flex-col items-center justify-center gap-3 rounded-xl border border-dashed border-slate-300 bg-white/60 px-6 text-center">
      <span aria-hidden="true" className="grid h-12 w-12 place-items-center rounded-full bg-brand-50 text-brand-600">
        <Icon d={ICONS.chats} className="h-6 w-6" />
      </span>
      <p className="text-sm font-medium text-slate-900">{t("transcript.noneTitle")}</p>
      <p className="max-w-sm text-sm text-slate-600">{status === "ready" ? t("transcript.noneReady") : t("transcript.noneNotReady")}</p>
    </div>
  );
}

/**
 * Runs `fn` once the channel's subscription has succeeded (after useChannel
 * subscribed it): events published before that moment never reach us, so the
 * caller fetches the current state then.
 */
function useOnSubscribed(pusher: Pusher | null, channel: string, fn: () => void) {
  useEffect(() => {
    const ch = pusher?.channel(channel);
    if (!ch) return;
    if (ch.subscribed) fn();
    ch.bind("pusher:subscription_succeeded", fn);
    return () => {
      ch.unbind("pusher:subscription_succeeded", fn);
    };
  }, [pusher, channel, fn]);
}

/** One dialog's channel: messages, state changes, read marks and the visitor's typing. */
function DialogSubscription({
  pusher,
  dialogId,
  onCatchUp,
  onMessage,
  onUpdated,
  onRead,
  onTyping,
}: {
  pusher: Pusher | null;
  dialogId: string;
  onCatchUp: (id: string) => void;
  onMessage: (data: unknown) => void;
  onUpdated: (data: unknown) => void;
  onRead: (data: unknown) => void;
  onTyping: (typing: boolean) => void;
}) {
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const channel = dialogChannel(dialogId);
  useChannel(
    pusher,
    channel,
    {
      "message.created": onMessage,
      "dialog.updated": onUpdated,
      "messages.read": onRead,
      "client-typing": (data) => {
        const p = data as { senderType?: string; typing?: boolean };
        if (p.senderType !== "visitor") return;
        if (typingTimer.current) clearTimeout(typingTimer.current);
        onTyping(Boolean(p.typing));
        if (p.typing) typingTimer.current = setTimeout(() => onTyping(false), VISITOR_TYPING_TIMEOUT_MS);
      },
    },
    () => onCatchUp(dialogId),
  );
  // Whatever was sent between loading the transcript and this subscription is fetched once it is live.
  const catchUp = useCallback(() => onCatchUp(dialogId), [onCatchUp, dialogId]);
  useOnSubscribed(pusher, channel, catchUp);
  useEffect(
    () => () => {
      if (typingTimer.current) clearTimeout(typingTimer.current);
    },
    [],
  );
  return null;
}
