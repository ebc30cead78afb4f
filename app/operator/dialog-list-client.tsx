"use client";
// "My dialogs": every chat in hand with its unread count, how long the visitor
// has waited for an answer, and the last message.
import { useTranslations } from "next-intl";
import { Icon, ICONS } from "@/components/ui/icons";
import { Elapsed, useServerNow } from "./clock";
import { initials } from "./format";
import type { Conversation } from "./workplace-state";

/** Waiting colours: fine, should answer, overdue (seconds). */
const WAIT_WARN = 60;
const WAIT_LATE = 180;

export function DialogList({
  conversations,
  selectedId,
  onSelect,
  onDismiss,
}: {
  conversations: Conversation[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onDismiss: (id: string) => void;
}) {
  const t = useTranslations("workplace");
  return (
    <section aria-labelledby="dialogs-title" className="flex min-h-0 flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <h2 id="dialogs-title" className="text-xs font-semibold tracking-wider text-slate-600 uppercase">
          {t("dialogs.title")}
        </h2>
        <span className="text-xs text-slate-600 tabular-nums">{conversations.filter((c) => c.state !== "closed").length}</span>
      </div>
      {conversations.length ? (
        <ul className="flex flex-col gap-1.5">
          {conversations.map((c) => (
            <li key={c.id} className="relative">
              <DialogItem c={c} selected={c.id === selectedId} onSelect={() => onSelect(c.id)} />
              {c.state === "closed" ? (
                <button
                  type="button"
                  onClick={() => onDismiss(c.id)}
                  className="absolute top-2 right-2 grid h-6 w-6 place-items-center rounded-md text-slate-500 hover:bg-slate-200 hover:text-slate-800"
                  title={t("dialogs.dismiss")}
                >
                  <Icon d={ICONS.close} className="h-3.5 w-3.5" />
                  <span className="sr-only">
                    {t("dialogs.dismiss")}: {c.visitorName ?? t("visitor.anonymous")}
                  </span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <div className="flex items-center gap-3 rounded-xl border border-dashed border-slate-300 bg-white/60 px-4 py-4 text-sm text-slate-600">
          <span aria-hidden="true" className="grid h-8 w-8 flex-none place-items-center rounded-full bg-slate-100 text-slate-500">
            <Icon d={ICONS.chats} />
          </span>
          <span>{t("dialogs.empty")}</span>
        </div>
      )}
    </section>
  );
}

function WaitBadge({ since }: { since: string }) {
  const t = useTranslations("workplace");
  const now = useServerNow();
  const sec = now ? (now - Date.parse(since)) / 1000 : 0;
  const tone = sec >= WAIT_LATE ? "bg-red-50 text-red-700 ring-red-200" : sec >= WAIT_WARN ? "bg-amber-50 text-amber-800 ring-amber-200" : "bg-slate-100 text-slate-700 ring-slate-200";
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset tabular-nums ${tone}`} title={t("dialogs.waitingHint")}>
      <Icon d="M12 7v5l3 2M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0" className="h-3 w-3" />
      <span className="sr-only">{t("dialogs.waiting")} </span>
      <Elapsed since={since} />
    </span>
  );
}

function DialogItem({ c, selected, onSelect }: { c: Conversation; selected: boolean; onSelect: () => void }) {
  const t = useTranslations("workplace");
  const name = c.visitorName ?? t("visitor.anonymous");
  const closed = c.state === "closed";
  const preview = c.visitorTyping
    ? t("transcript.typingShort")
    : c.lastMessage
      ? `${c.lastMessage.senderType === "visitor" ? "" : `${t("dialogs.you")}: `}${c.lastMessage.body}`
      : t("dialogs.noMessages");
  return (
    <button
      type="button"
      onClick={onSelect}
      aria-current={selected ? "true" : undefined}
      className={`flex w-full items-start gap-3 rounded-xl border px-3 py-2.5 text-left transition-colors ${
        selected ? "border-brand-300 bg-brand-50 shadow-xs" : "border-slate-200 bg-white hover:border-slate-300 hover:bg-slate-50"
      } ${closed ? "pr-9 opacity-75" : ""}`}
    >
      <span
        aria-hidden="true"
        className={`relative grid h-9 w-9 flex-none place-items-center rounded-full text-xs font-semibold ${closed ? "bg-slate-100 text-slate-500" : "bg-brand-100 text-brand-700"}`}
      >
        {initials(c.visitorName)}
        {!closed ? <span className="absolute -right-0.5 -bottom-0.5 h-2.5 w-2.5 rounded-full bg-emerald-500 ring-2 ring-white" /> : null}
      </span>
      <span className="min-w-0 flex-1">
        <span className="flex items-center gap-2">
          <span className={`truncate text-sm ${c.unread ? "font-semibold text-slate-900" : "font-medium text-slate-800"}`}>{name}</span>
          <span className="ml-auto flex flex-none items-center gap-1.5">
            {c.waitingSince && !closed ? <WaitBadge since={c.waitingSince} /> : null}
            {c.unread && !selected && !closed ? (
              <span className="min-w-5 rounded-full bg-brand-600 px-1.5 py-0.5 text-center text-[11px] font-semibold text-white tabular-nums">
                {c.unread}
                <span className="sr-only"> {t("dialogs.unread", { count: c.unread })}</span>
              </span>
            ) : null}
          </span>
        </span>
        <span className="mt-0.5 flex items-center gap-1.5 text-xs text-slate-600">
          <span className="truncate">{c.categoryName}</span>
          {closed ? <StateTag tone="gray">{t("dialogs.closed")}</StateTag> : c.state === "on_hold" ? <StateTag tone="amber">{t("dialogs.onHold")}</StateTag> : null}
        </span>
        <span className={`mt-1 block truncate text-xs ${c.visitorTyping ? "text-brand-700 italic" : c.unread ? "text-slate-800" : "text-slate-600"}`}>{preview}</span>
      </span>
    </button>
  );
}

function StateTag({ tone, children }: { tone: "gray" | "amber"; children: React.ReactNode }) {
  return (
    <span className={`rounded px-1 py-px text-[10px] font-semibold tracking-wide uppercase ${tone === "gray" ? "bg-slate-200 text-slate-700" : "bg-amber-100 text-amber-800"}`}>
      {children}
    </span>
  );
}
