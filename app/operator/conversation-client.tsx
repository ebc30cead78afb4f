"use client";
// The selected dialog: its transcript (plain text only), the composer with
// Enter to send and a typing indicator, and closing with a confirmation.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Icon, ICONS } from "@/components/ui/icons";
import type { MessageView } from "@/lib/workplace/workplace";
import { Elapsed } from "./clock";
import { initials, MAX_MESSAGE_CHARS, timeOfDay } from "./format";
import type { Conversation, PendingMessage } from "./workplace-state";

const TYPING_REPEAT_MS = 3000;
const TYPING_IDLE_MS = 4000;
const GROUP_GAP_MS = 5 * 60_000;
const INFO = "M12 16v-4M12 8h.01M22 12a10 10 0 1 1-20 0 10 10 0 0 1 20 0";
const SEND = "M22 2 11 13M22 2l-7 20-4-9-9-4z";
const CHECK = "M20 6 9 17l-5-5";
const DOUBLE_CHECK = "M18 6 7 17l-5-5M22 10l-7.5 7.5L13 16";
const CLOCK = "M12 7v5l3 2M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0";
const ALERT = "M12 8v4M12 16h.01M22 12a10 10 0 1 1-20 0 10 10 0 0 1 20 0";

export interface ConversationProps {
  c: Conversation;
  draft: string;
  onDraft: (text: string) => void;
  onSend: (body: string) => void;
  onRetry: (p: PendingMessage) => void;
  onTyping: (typing: boolean) => void;
  onClose: () => Promise<void>;
  onDismiss: () => void;
  onShowDetails: () => void;
  errorText: (e: NonNullable<PendingMessage["error"]>) => string;
}

export function ConversationPanel(props: ConversationProps) {
  const { c } = props;
  const t = useTranslations("workplace");
  const name = c.visitorName ?? t("visitor.anonymous");
  const closed = c.state === "closed";
  return (
    <div className="flex min-h-0 flex-1 flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
      <header className="flex items-center gap-3 border-b border-slate-200 px-4 py-3">
        <span aria-hidden="true" className="grid h-10 w-10 flex-none place-items-center rounded-full bg-brand-100 text-sm font-semibold text-brand-700">
          {initials(c.visitorName)}
        </span>
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-base font-semibold text-slate-900">{name}</h2>
          <p className="flex flex-wrap items-center gap-x-3 gap-y-0.5 text-xs text-slate-600">
            <span className="inline-flex items-center gap-1 font-medium text-brand-700">
              <Icon d={ICONS.chats} className="h-3 w-3" />
              {t("incoming.kindWebchat")}
            </span>
            <span className="truncate">{c.categoryName}</span>
            {closed ? (
              <span className="font-medium text-slate-700">{t("dialogs.closed")}</span>
            ) : c.answeredAt ? (
              <span className="inline-flex items-center gap-1 whitespace-nowrap" title={t("transcript.duration")}>
                <Icon d={CLOCK} className="h-3 w-3 text-slate-400" />
                <span className="sr-only">{t("transcript.duration")} </span>
                <Elapsed since={c.answeredAt} className="tabular-nums" />
              </span>
            ) : null}
          </p>
        </div>
        <button
          type="button"
          onClick={props.onShowDetails}
          className="inline-flex h-9 items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-50 xl:hidden"
        >
          <Icon d={INFO} />
          <span className="max-sm:sr-only">{t("visitor.title")}</span>
        </button>
        {closed ? (
          <button
            type="button"
            onClick={props.onDismiss}
            className="inline-flex h-9 items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
          >
            <Icon d={ICONS.close} />
            <span className="max-sm:sr-only">{t("dialogs.dismiss")}</span>
          </button>
        ) : (
          <CloseButton name={name} onClose={props.onClose} />
        )}
      </header>
      <Transcript {...props} />
      {closed ? (
        <div className="border-t border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-600">{t("composer.closed")}</div>
      ) : (
        <Composer {...props} name={name} />
      )}
    </div>
  );
}

function CloseButton({ name, onClose }: { name: string; onClose: () => Promise<void> }) {
  const t = useTranslations("workplace");
  const ref = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onClose();
      ref.current?.close();
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        onClick={() => ref.current?.showModal()}
        className="inline-flex h-9 items-center gap-1.5 rounded-lg border border-red-200 bg-white px-2.5 text-sm font-medium text-red-700 hover:bg-red-50"
      >
        <Icon d="M18 6 6 18M6 6l12 12" />
        <span className="max-sm:sr-only">{t("close.button")}</span>
      </button>
      <dialog
        ref={ref}
        aria-labelledby="close-title"
        className="m-auto w-[min(26rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="p-5">
          <h2 id="close-title" className="text-base font-semibold text-slate-900">
            {t("close.title")}
          </h2>
          <p className="mt-2 text-sm text-slate-600">{t("close.text", { name })}</p>
        </div>
        <div className="flex justify-end gap-2 border-t border-slate-200 bg-slate-50 px-5 py-3">
          <button
            type="button"
            autoFocus
            onClick={() => ref.current?.close()}
            className="rounded-lg border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            {t("close.cancel")}
          </button>
          <button
            type="button"
            onClick={confirm}
            disabled={busy}
            className="rounded-lg bg-red-600 px-3.5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-red-700 disabled:opacity-60"
          >
            {t("close.confirm")}
          </button>
        </div>
      </dialog>
    </>
  );
}

type Delivery = "sending" | "failed" | "sent" | "read";

function DeliveryMark({ state }: { state: Delivery }) {
  const t = useTranslations("workplace");
  const d = state === "read" ? DOUBLE_CHECK : state === "sent" ? CHECK : state === "sending" ? CLOCK : ALERT;
  return (
    <span className={`inline-flex items-center gap-0.5 ${state === "failed" ? "text-red-700" : state === "read" ? "text-brand-600" : "text-slate-500"}`} title={t(`delivery.${state}`)}>
      <Icon d={d} className="h-3.5 w-3.5" />
      <span className="sr-only">{t(`delivery.${state}`)}</span>
    </span>
  );
}

function Transcript({ c, onRetry, errorText }: ConversationProps) {
  const t = useTranslations("workplace");
  const locale = useLocale();
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const messages = c.messages ?? [];
  const count = messages.length + c.pending.length;

  useLayoutEffect(() => {
    stick.current = true;
  }, [c.id]);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [c.id, count, c.visitorTyping, c.state]);

  const onScroll = () => {
    const el = scroller.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
  };
  const name = c.visitorName ?? t("visitor.anonymous");
  const acceptedAt = c.view?.dialog.answeredAt ? Date.parse(c.view.dialog.answeredAt) : null;

  return (
    <div ref={scroller} onScroll={onScroll} className="min-h-0 flex-1 overflow-y-auto bg-slate-50/60 px-3 py-4 sm:px-5">
      {c.messages === null ? (
        <p className="py-10 text-center text-sm text-slate-600">{t("transcript.loading")}</p>
      ) : null}
      <div role="log" aria-live="polite" aria-relevant="additions" aria-label={t("transcript.label", { name })}>
        <ol className="flex flex-col gap-1">
          {c.view ? (
            <SystemLine>
              {t("transcript.started", { category: c.categoryName, time: timeOfDay(c.view.dialog.queuedAt, locale) })}
            </SystemLine>
          ) : null}
          {messages.map((m, i) => {
            const prev = messages[i - 1];
            const acceptedHere = acceptedAt !== null && Date.parse(m.createdAt) >= acceptedAt && (!prev || Date.parse(prev.createdAt) < acceptedAt);
            const first = !prev || prev.senderType !== m.senderType || prev.internal !== m.internal || Date.parse(m.createdAt) - Date.parse(prev.createdAt) > GROUP_GAP_MS;
            const own = m.senderType === "operator" || m.senderType === "supervisor";
            const delivery: Delivery | undefined = own && !m.internal ? (m.readAt || m.seq <= c.visitorReadUpTo ? "read" : "sent") : undefined;
            const item = <MessageItem key={m.id} m={m} first={first || acceptedHere} delivery={delivery} visitorName={name} locale={locale} />;
            return acceptedHere ? [<AcceptedLine key="accepted" view={c.view!} locale={locale} />, item] : item;
          })}
          {acceptedAt !== null && !messages.some((m) => Date.parse(m.createdAt) >= acceptedAt) ? <AcceptedLine view={c.view!} locale={locale} /> : null}
          {c.pending.map((p) => (
            <li key={p.clientId} className="mt-2 flex flex-col items-end">
              <div className={`max-w-[85%] rounded-2xl rounded-br-md px-3.5 py-2 text-sm break-words whitespace-pre-wrap shadow-xs sm:max-w-[75%] ${p.status === "failed" ? "bg-red-50 text-red-900 ring-1 ring-red-200" : "bg-brand-600/80 text-white"}`}>
                {p.body}
              </div>
              <div className="mt-0.5 flex items-center gap-2 px-1 text-[11px] text-slate-500">
                {p.status === "failed" ? (
                  <>
                    <span className="text-red-700">{p.error ? errorText(p.error) : t("delivery.failed")}</span>
                    {p.error && (p.error.status === 0 || p.error.status >= 500) ? (
                      <button type="button" onClick={() => onRetry(p)} className="font-semibold text-brand-700 underline-offset-2 hover:underline">
                        {t("delivery.retry")}
                      </button>
                    ) : null}
                  </>
                ) : null}
                <DeliveryMark state={p.status} />
              </div>
            </li>
          ))}
          {c.state === "closed" ? (
            <SystemLine>{t(`transcript.outcome.${c.outcome ?? "closed_by_operator"}`)}</SystemLine>
          ) : c.state === "on_hold" ? (
            <SystemLine>{t("transcript.onHold")}</SystemLine>
          ) : null}
        </ol>
      </div>
      {c.visitorTyping && c.state !== "closed" ? (
        <p className="mt-2 flex items-center gap-2 px-1 text-xs text-slate-600" aria-live="polite">
          <span aria-hidden="true" className="flex gap-0.5">
            <span className="h-1.5 w-1.5 animate-bounce rounded-full bg-slate-400 [animation-delay:-0.3s]" />
            <span className="h-1.5 w-1.5 animate-bounce rounded-full bg-slate-400 [animation-delay:-0.15s]" />
            <span className="h-1.5 w-1.5 animate-bounce rounded-full bg-slate-400" />
          </span>
          {t("transcript.typing", { name })}
        </p>
      ) : null}
    </div>
  );
}

function AcceptedLine({ view, locale }: { view: NonNullable<Conversation["view"]>; locale: string }) {
  const t = useTranslations("workplace");
  const who = view.dialog.operatorName ?? t("dialogs.you");
  return <SystemLine>{t("transcript.accepted", { name: who, time: timeOfDay(view.dialog.answeredAt!, locale) })}</SystemLine>;
}

function SystemLine({ children }: { children: React.ReactNode }) {
  return (
    <li className="my-2 flex justify-center">
      <span className="rounded-full bg-slate-200/70 px-3 py-1 text-center text-xs text-slate-700">{children}</span>
    </li>
  );
}

function MessageItem({ m, first, delivery, visitorName, locale }: { m: MessageView; first: boolean; delivery?: Delivery; visitorName: string; locale: string }) {
  const t = useTranslations("workplace");
  if (m.kind === "system") return <SystemLine>{m.body}</SystemLine>;
  const time = timeOfDay(m.createdAt, locale);
  if (m.internal) {
    return (
      <li className={`flex flex-col items-end ${first ? "mt-3" : ""}`}>
        <p className="mb-0.5 px-1 text-[11px] font-medium text-amber-800">
          {t("transcript.internalNote", { name: m.senderName ?? t("transcript.supervisor") })}
        </p>
        <div className="max-w-[85%] rounded-xl border border-dashed border-amber-300 bg-amber-50 px-3.5 py-2 text-sm break-words whitespace-pre-wrap text-amber-950 sm:max-w-[75%]">
          {m.body}
        </div>
        <span className="mt-0.5 px-1 text-[11px] text-slate-500">{time}</span>
      </li>
    );
  }
  if (m.senderType === "visitor") {
    return (
      <li className={`flex flex-col items-start ${first ? "mt-3" : ""}`}>
        {first ? <p className="mb-0.5 px-1 text-[11px] font-medium text-slate-600">{m.senderName ?? visitorName}</p> : null}
        <div className="max-w-[85%] rounded-2xl rounded-bl-md border border-slate-200 bg-white px-3.5 py-2 text-sm break-words whitespace-pre-wrap text-slate-900 shadow-xs sm:max-w-[75%]">
          {m.body}
        </div>
        <span className="mt-0.5 px-1 text-[11px] text-slate-500">{time}</span>
      </li>
    );
  }
  const supervisor = m.senderType === "supervisor";
  return (
    <li className={`flex flex-col items-end ${first ? "mt-3" : ""}`}>
      {first ? (
        <p className="mb-0.5 px-1 text-[11px] font-medium text-slate-600">
          {m.senderName ?? t("dialogs.you")}
          {supervisor ? ` · ${t("transcript.supervisor")}` : ""}
        </p>
      ) : null}
      <div
        className={`max-w-[85%] rounded-2xl rounded-br-md px-3.5 py-2 text-sm break-words whitespace-pre-wrap text-white shadow-xs sm:max-w-[75%] ${supervisor ? "bg-slate-700" : "bg-brand-600"}`}
      >
        {m.body}
      </div>
      <span className="mt-0.5 flex items-center gap-1 px-1 text-[11px] text-slate-500">
        {time}
        {delivery ? <DeliveryMark state={delivery} /> : null}
      </span>
    </li>
  );
}

function Composer({ c, draft, onDraft, onSend, onTyping, name }: ConversationProps & { name: string }) {
  const t = useTranslations("workplace");
  const number = new Intl.NumberFormat(useLocale());
  const area = useRef<HTMLTextAreaElement>(null);
  const typing = useRef({ sentAt: 0, idle: null as ReturnType<typeof setTimeout> | null });
  const length = draft.trim().length;
  const tooLong = length > MAX_MESSAGE_CHARS;

  // Grow with the text up to a limit, then scroll.
  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${Math.min(el.scrollHeight, 180)}px`;
  }, [draft]);

  useEffect(() => {
    area.current?.focus({ preventScroll: true });
  }, [c.id]);

  useEffect(() => {
    const state = typing.current;
    return () => {
      if (state.idle) clearTimeout(state.idle);
    };
  }, []);

  const stopTyping = () => {
    const s = typing.current;
    if (s.idle) clearTimeout(s.idle);
    s.idle = null;
    if (s.sentAt) onTyping(false);
    s.sentAt = 0;
  };

  const noteTyping = () => {
    const s = typing.current;
    const now = Date.now();
    if (now - s.sentAt > TYPING_REPEAT_MS) {
      s.sentAt = now;
      onTyping(true);
    }
    if (s.idle) clearTimeout(s.idle);
    s.idle = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const submit = () => {
    if (!length || tooLong) return;
    onSend(draft.trim());
    onDraft("");
    stopTyping();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };

  const counterId = `composer-count-${c.id}`;
  return (
    <form
      className="border-t border-slate-200 bg-white p-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor={`composer-${c.id}`} className="sr-only">
        {t("composer.label", { name })}
      </label>
      <div className="flex items-end gap-2 rounded-xl border border-slate-300 bg-white p-1.5 pl-3 focus-within:border-brand-600 focus-within:ring-1 focus-within:ring-brand-600">
        <textarea
          id={`composer-${c.id}`}
          ref={area}
          rows={1}
          value={draft}
          onChange={(e) => {
            onDraft(e.target.value);
            if (e.target.value.trim()) noteTyping();
            else stopTyping();
          }}
          onKeyDown={onKeyDown}
          onBlur={stopTyping}
          placeholder={t("composer.placeholder")}
          aria-describedby={counterId}
          aria-invalid={tooLong || undefined}
          className="max-h-44 min-h-9 flex-1 resize-none border-0 bg-transparent py-2 text-sm text-slate-900 placeholder:text-slate-500 focus:outline-none focus-visible:outline-none"
        />
        <button
          type="submit"
          disabled={!length || tooLong}
          className="inline-flex h-9 flex-none items-center gap-1.5 rounded-lg bg-brand-600 px-3 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-not-allowed disabled:bg-slate-300"
        >
          <Icon d={SEND} />
          <span className="max-sm:sr-only">{t("composer.send")}</span>
        </button>
      </div>
      <div className="mt-1.5 flex items-center justify-between gap-3 px-1 text-[11px] text-slate-500">
        <span className="hidden sm:inline">{t("composer.hint")}</span>
        <span id={counterId} className={`ml-auto tabular-nums ${tooLong ? "font-semibold text-red-700" : length > MAX_MESSAGE_CHARS * 0.9 ? "text-amber-700" : ""}`}>
          {tooLong ? `${t("composer.tooLong")} · ` : ""}
          {number.format(length)} / {number.format(MAX_MESSAGE_CHARS)}
        </span>
      </div>
    </form>
  );
}
