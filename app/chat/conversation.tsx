"use client";
// The transcript, the queue card while waiting, the typing line and the
// composer. Message bodies are React text nodes only (never HTML), with line
// breaks kept by white-space: pre-wrap.
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import type { QueueView, VisitorDialogView } from "@/lib/chat/visitor-chat";
import type { RealtimeMessage } from "@/lib/realtime/channels";
import { formatMinutes, formatTime, type Translate } from "./i18n";
import { Button, Icon, LinkButton, Spinner } from "./ui";

export interface Outgoing {
  clientId: string;
  body: string;
  status: "sending" | "failed";
  error?: string | null;
}

const MAX_CHARS = 5000;
const WARN_CHARS = 4500;

export function QueueCard({
  t,
  locale,
  dialog,
  queue,
  busy,
  onLeave,
  onWriteInstead,
}: {
  t: Translate;
  locale: string;
  dialog: VisitorDialogView;
  queue: QueueView | null;
  busy: boolean;
  onLeave: () => void;
  onWriteInstead: () => void;
}) {
  const ringing = dialog.state === "offered";
  const wait = queue?.estimatedWaitSec;
  return (
    <section aria-labelledby="queue-title" className="mx-3 mt-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-xs">
      <div className="flex items-start gap-3">
        <Spinner className="mt-0.5 h-5 w-5 flex-none" />
        <div className="min-w-0 flex-1" role="status">
          <h2 id="queue-title" className="font-semibold text-slate-900">
            {ringing ? t("statusRinging") : t("queueTitle")}
          </h2>
          {ringing ? (
            <p className="text-sm text-slate-700">{t("queueRinging")}</p>
          ) : (
            <>
              {queue?.position ? <p className="text-sm text-slate-700">{t("queuePosition", { position: queue.position })}</p> : null}
              {wait != null ? (
                <p className="text-sm text-slate-700">
                  {wait < 60 ? t("queueWaitSoon") : t("queueWait", { wait: formatMinutes(locale, wait) })}
                </p>
              ) : null}
            </>
          )}
          <p className="mt-1 text-xs text-slate-600">{t("queueHint")}</p>
        </div>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
        <Button variant="secondary" onClick={onLeave} disabled={busy} className="min-h-9 px-3 py-1.5">
          {t("leaveQueue")}
        </Button>
        <LinkButton onClick={onWriteInstead}>{t("writeInstead")}</LinkButton>
      </div>
    </section>
  );
}

function Bubble({
  t,
  locale,
  m,
  showName,
  status,
}: {
  t: Translate;
  locale: string;
  m: { body: string; senderType: string; senderName?: string; createdAt?: string; kind?: string };
  showName: boolean;
  status?: ReactNode;
}) {
  if (m.senderType === "system" || m.kind === "system") {
    return <p className="mx-auto max-w-[90%] py-1 text-center text-xs text-slate-600">{m.body}</p>;
  }
  const mine = m.senderType === "visitor";
  const who = mine ? t("you") : m.senderName || t("operator");
  return (
    <div className={`flex flex-col ${mine ? "items-end" : "items-start"}`}>
      {showName && !mine ? <span className="mb-0.5 ml-1 text-xs font-medium text-slate-600">{who}</span> : null}
      <p
        className={`max-w-[85%] whitespace-pre-wrap break-words rounded-2xl px-3.5 py-2 text-[15px] leading-snug [overflow-wrap:anywhere] ${
          mine ? "rounded-br-md bg-(--wc-bg) text-(--wc-fg)" : "rounded-bl-md bg-white text-slate-900 shadow-xs ring-1 ring-slate-200"
        }`}
      >
        <span className="sr-only">{who}: </span>
        {m.body}
      </p>
      <span className="mt-0.5 px-1 text-[11px] text-slate-600">
        {m.createdAt ? <time dateTime={m.createdAt}>{formatTime(locale, m.createdAt)}</time> : null}
        {status}
      </span>
    </div>
  );
}

export function Transcript({
  t,
  locale,
  messages,
  pending,
  readUpTo,
  typingName,
  onRetry,
  top,
  bottom,
}: {
  t: Translate;
  locale: string;
  messages: RealtimeMessage[];
  pending: Outgoing[];
  readUpTo: number;
  typingName: string | null;
  onRetry: (o: Outgoing) => void;
  top?: ReactNode;
  bottom?: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const count = messages.length + pending.length;
  const lastOwnSeq = messages.reduce((s, m) => (m.senderType === "visitor" ? Math.max(s, m.seq) : s), 0);

  // Follow new messages only when the visitor is already at the bottom.
  useLayoutEffect(() => {
    const el = box.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [count, typingName, bottom]);

  return (
    <div
      ref={box}
      className="flex-1 overflow-y-auto overscroll-contain bg-slate-50"
      onScroll={(e) => {
        const el = e.currentTarget;
        stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
      }}
    >
      {top}
      <div role="log" aria-live="polite" aria-relevant="additions" aria-label={t("transcript")}>
        <ol className="space-y-2 px-3 py-3">
          {messages.map((m, i) => {
            const prev = messages[i - 1];
            const showName = !prev || prev.senderType !== m.senderType || prev.senderName !== m.senderName;
            const status =
              m.senderType === "visitor" && m.seq === lastOwnSeq ? <> · {m.seq <= readUpTo ? t("read") : t("sent")}</> : null;
            return (
              <li key={m.id}>
                <Bubble t={t} locale={locale} m={m} showName={showName} status={status} />
              </li>
            );
          })}
          {pending.map((o) => (
            <li key={o.clientId}>
              <Bubble
                t={t}
                locale={locale}
                m={{ body: o.body, senderType: "visitor" }}
                showName={false}
                status={
                  o.status === "sending" ? (
                    t("sending")
                  ) : (
                    <span className="text-red-700">
                      {o.error || t("failed")}{" "}
                      <button type="button" onClick={() => onRetry(o)} className="font-semibold underline underline-offset-2">
                        {t("retrySend")}
                      </button>
                    </span>
                  )
                }
              />
            </li>
          ))}
        </ol>
      </div>
      {typingName ? (
        <p className="flex items-center gap-2 px-4 pb-2 text-xs text-slate-600">
          <span aria-hidden="true" className="flex gap-0.5">
            <span className="h-1.5 w-1.5 animate-bounce rounded-full bg-slate-500" />
            <span className="h-1.5 w-1.5 animate-bounce rounded-full bg-slate-500 [animation-delay:150ms]" />
            <span className="h-1.5 w-1.5 animate-bounce rounded-full bg-slate-500 [animation-delay:300ms]" />
          </span>
          {t("typing", { name: typingName })}
        </p>
      ) : null}
      {bottom}
    </div>
  );
}

export function Composer({
  t,
  disabled,
  onSend,
  onTyping,
  autoFocus,
}: {
  t: Translate;
  disabled?: boolean;
  onSend: (body: string) => void;
  onTyping: () => void;
  autoFocus?: boolean;
}) {
  const [text, setText] = useState("");
  const area = useRef<HTMLTextAreaElement>(null);
  const left = MAX_CHARS - text.length;

  useEffect(() => {
    const el = area.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${Math.min(el.scrollHeight, 128)}px`;
  }, [text]);

  const submit = () => {
    const body = text.trim();
    if (!body || disabled) return;
    onSend(body);
    setText("");
    area.current?.focus();
  };

  return (
    <form
      className="flex items-end gap-2 border-t border-slate-200 bg-white px-3 py-2.5"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="min-w-0 flex-1">
        <label htmlFor="composer" className="sr-only">
          {t("messageLabel")}
        </label>
        <textarea
          ref={area}
          id="composer"
          rows={1}
          value={text}
          maxLength={MAX_CHARS}
          autoFocus={autoFocus}
          data-autofocus
          placeholder={t("messagePlaceholder")}
          aria-describedby={left <= MAX_CHARS - WARN_CHARS ? "composer-left" : undefined}
          onChange={(e) => {
            setText(e.target.value);
            if (e.target.value.trim()) onTyping();
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              submit();
            }
          }}
          className="block max-h-32 w-full resize-none rounded-2xl border border-slate-300 bg-slate-50 px-3.5 py-2 text-[15px] leading-snug text-slate-900 placeholder:text-slate-500 focus:border-(--wc-ink) focus:bg-white focus:outline-none focus:ring-2 focus:ring-(--wc-ink)/25"
        />
        {left <= MAX_CHARS - WARN_CHARS ? (
          <p id="composer-left" className={`mt-1 px-1 text-[11px] ${left < 100 ? "text-red-700" : "text-slate-600"}`}>
            {t("charsLeft", { count: left })}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={disabled || !text.trim()}
        aria-label={t("send")}
        className="grid h-10 w-10 flex-none place-items-center rounded-full bg-(--wc-bg) text-(--wc-fg) shadow-sm transition hover:brightness-95 disabled:opacity-50"
      >
        <Icon name="send" className="h-5 w-5" />
      </button>
    </form>
  );
}
