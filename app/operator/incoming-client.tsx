"use client";
// Incoming tasks ring like calls (M3). Tasks are a general list; a web chat
// is one kind of task, so each card carries its kind.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Icon, ICONS } from "@/components/ui/icons";
import type { OfferView } from "@/lib/workplace/workplace";
import { useSecondsLeft } from "./clock";
import { pageLabel } from "./format";

const GLOBE = "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18M3.6 9h16.8M3.6 15h16.8M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18";
const BROWSER = "M3 5h18v14H3zM3 9h18M7 7h.01M10 7h.01";
const PHONE_IN = "M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2 2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1.9.4 1.8.7 2.7a2 2 0 0 1-.5 2.1L8 9.8a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.7.7a2 2 0 0 1 1.7 2z";

export function IncomingTasks({
  offers,
  busy,
  onAccept,
  onDecline,
}: {
  offers: OfferView[];
  busy: ReadonlySet<string>;
  onAccept: (o: OfferView) => void;
  onDecline: (o: OfferView) => void;
}) {
  const t = useTranslations("workplace");
  const latest = offers.at(-1);
  return (
    <section aria-labelledby="incoming-title" className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <h2 id="incoming-title" className="text-xs font-semibold tracking-wider text-slate-600 uppercase">
          {t("incoming.title")}
        </h2>
        {offers.length ? (
          <span className="rounded-full bg-emerald-700 px-2 py-0.5 text-xs font-semibold text-white tabular-nums">{offers.length}</span>
        ) : null}
      </div>
      {/* A ringing task interrupts, like a call: announced at once. */}
      <p className="sr-only" aria-live="assertive" aria-atomic="true">
        {latest ? t("incoming.announce", { name: latest.visitorName ?? t("visitor.anonymous"), category: latest.categoryName }) : ""}
      </p>
      {offers.length ? (
        <ul className="flex flex-col gap-2">
          {offers.map((o) => (
            <li key={o.dialogId}>
              <OfferCard offer={o} busy={busy.has(o.dialogId)} onAccept={() => onAccept(o)} onDecline={() => onDecline(o)} />
            </li>
          ))}
        </ul>
      ) : (
        <div className="flex items-center gap-3 rounded-xl border border-dashed border-slate-300 bg-white/60 px-4 py-4 text-sm text-slate-600">
          <span aria-hidden="true" className="grid h-8 w-8 flex-none place-items-center rounded-full bg-slate-100 text-slate-500">
            <Icon d={ICONS.inbox} />
          </span>
          <span>{t("incoming.empty")}</span>
        </div>
      )}
    </section>
  );
}

function OfferCard({ offer, busy, onAccept, onDecline }: { offer: OfferView; busy: boolean; onAccept: () => void; onDecline: () => void }) {
  const t = useTranslations("workplace");
  const left = useSecondsLeft(offer.expiresAt);
  // The full length of the offer is not sent; the first value seen is close enough for the bar.
  const [total, setTotal] = useState(0);
  if (left !== null && left > total) setTotal(left);
  const urgent = left !== null && left <= 5;
  const name = offer.visitorName ?? t("visitor.anonymous");
  const titleId = `offer-${offer.dialogId}`;
  return (
    <article
      aria-labelledby={titleId}
      className="relative overflow-hidden rounded-xl border border-emerald-300 bg-white shadow-md ring-4 ring-emerald-100"
    >
      <div className="flex items-start gap-3 p-3">
        <span aria-hidden="true" className="relative mt-0.5 grid h-9 w-9 flex-none place-items-center rounded-full bg-emerald-600 text-white">
          <span className="absolute inset-0 animate-ping rounded-full bg-emerald-400 opacity-40" />
          <Icon d={PHONE_IN} className="relative h-4 w-4" />
        </span>
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-1.5">
            <span className="inline-flex items-center gap-1 rounded-md bg-brand-50 px-1.5 py-0.5 text-[11px] font-semibold tracking-wide text-brand-700 uppercase ring-1 ring-brand-100 ring-inset">
              <Icon d={ICONS.chats} className="h-3 w-3" />
              {t("incoming.kindWebchat")}
            </span>
            <span className="truncate text-xs font-medium text-slate-700">{offer.categoryName}</span>
          </div>
          <h3 id={titleId} className="mt-1 truncate text-sm font-semibold text-slate-900">
            {name}
          </h3>
        </div>
        <p className={`flex-none text-right tabular-nums ${urgent ? "text-red-700" : "text-slate-700"}`}>
          <span className="block text-lg leading-none font-semibold">{left ?? ""}</span>
          <span className="text-[11px]">{t("incoming.secondsShort")}</span>
          <span className="sr-only">{t("incoming.secondsLeft", { count: left ?? 0 })}</span>
        </p>
      </div>
      <dl className="space-y-1 px-3 text-xs text-slate-600">
        <div className="flex min-w-0 items-center gap-1.5">
          <dt>
            <Icon d={GLOBE} className="h-3.5 w-3.5 text-slate-400" />
            <span className="sr-only">{t("visitor.currentPage")}</span>
          </dt>
          <dd className="min-w-0 truncate" title={offer.visitorPage ?? undefined}>
            {offer.visitorPage ? pageLabel(offer.visitorPage) : t("common.unknown")}
          </dd>
        </div>
        <div className="flex min-w-0 items-center gap-1.5">
          <dt>
            <Icon d={BROWSER} className="h-3.5 w-3.5 text-slate-400" />
            <span className="sr-only">{t("visitor.browser")}</span>
          </dt>
          <dd className="truncate">{offer.visitorBrowser ?? t("common.unknown")}</dd>
        </div>
      </dl>
      {offer.preview ? (
        <p className="mx-3 mt-2 line-clamp-2 rounded-lg bg-slate-50 px-2.5 py-1.5 text-xs break-words whitespace-pre-wrap text-slate-700">
          {offer.preview}
        </p>
      ) : null}
      <div className="flex gap-2 p-3">
        <button
          type="button"
          onClick={onAccept}
          disabled={busy}
          className="inline-flex flex-1 items-center justify-center gap-1.5 rounded-lg bg-emerald-700 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-emerald-800 disabled:opacity-60"
        >
          <Icon d="M20 6 9 17l-5-5" />
          {t("incoming.accept")}
        </button>
        <button
          type="button"
          onClick={onDecline}
          disabled={busy}
          className="inline-flex items-center justify-center gap-1.5 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
        >
          {t("incoming.decline")}
        </button>
      </div>
      <div aria-hidden="true" className="h-1 bg-emerald-100">
        <div
          className={`h-full transition-[width] duration-1000 ease-linear ${urgent ? "bg-red-500" : "bg-emerald-500"}`}
          style={{ width: `${total && left !== null ? Math.round((left / total) * 100) : 100}%` }}
        />
      </div>
    </article>
  );
}
