"use client";
// Who the operator is talking to (M1): contact details, where on the site the
// visitor is and for how long, the pages they saw, and their browser.
import { useLocale, useTranslations } from "next-intl";
import { Icon } from "@/components/ui/icons";
import type { DialogView } from "@/lib/workplace/workplace";
import { Elapsed, useServerNow } from "./clock";
import { initials, pageLabel, safeHref, shortDuration, timeOfDay } from "./format";

export function VisitorPanel({ view, onBack }: { view: DialogView | null; onBack?: () => void }) {
  const t = useTranslations("workplace");
  const locale = useLocale();
  const now = useServerNow();
  if (!view) {
    return (
      <div className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-600 shadow-xs">
        {t("visitor.none")}
      </div>
    );
  }
  const v = view.visitor;
  const onSite = !v.leftAt;
  const words = { h: t("units.h"), min: t("units.min"), s: t("units.s") };
  const unknown = t("common.unknown");
  const href = safeHref(v.currentUrl);
  return (
    <section aria-labelledby="visitor-title" className="flex min-h-0 flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
      <header className="flex items-center gap-3 border-b border-slate-200 px-4 py-3">
        {onBack ? (
          <button
            type="button"
            onClick={onBack}
            className="-ml-1 grid h-8 w-8 place-items-center rounded-lg text-slate-600 hover:bg-slate-100 hover:text-slate-900 xl:hidden"
          >
            <Icon d="M15 18l-6-6 6-6" />
            <span className="sr-only">{t("visitor.backToChat")}</span>
          </button>
        ) : null}
        <span aria-hidden="true" className="grid h-10 w-10 flex-none place-items-center rounded-full bg-slate-100 text-sm font-semibold text-slate-700">
          {initials(v.name)}
        </span>
        <div className="min-w-0">
          <h2 id="visitor-title" className="truncate text-sm font-semibold text-slate-900">
            {v.name ?? t("visitor.anonymous")}
          </h2>
          <p className={`flex items-center gap-1.5 text-xs ${onSite ? "text-emerald-700" : "text-slate-600"}`}>
            <span aria-hidden="true" className={`h-1.5 w-1.5 rounded-full ${onSite ? "bg-emerald-500" : "bg-slate-400"}`} />
            {onSite ? t("visitor.onSite") : t("visitor.left")}
          </p>
        </div>
      </header>
      <div className="min-h-0 flex-1 space-y-5 overflow-y-auto px-4 py-4 text-sm">
        <Group title={t("visitor.contact")}>
          <Row label={t("visitor.name")} value={v.name} unknown={t("visitor.notGiven")} />
          <Row label={t("visitor.phone")} value={v.phone} unknown={t("visitor.notGiven")} />
          <Row label={t("visitor.email")} value={v.email} unknown={t("visitor.notGiven")} />
        </Group>

        <Group
          title={t("visitor.onSiteNow")}
          after={
            <dl className="mt-2.5 grid grid-cols-2 gap-3">
              <div>
                <dt className="text-xs text-slate-600">{t("visitor.timeOnSite")}</dt>
                <dd className="mt-0.5 font-medium text-slate-900 tabular-nums">
                  {v.visitStartedAt ? (
                    onSite ? (
                      <Elapsed since={v.visitStartedAt} />
                    ) : (
                      shortDuration(Date.parse(v.leftAt!) - Date.parse(v.visitStartedAt), words)
                    )
                  ) : (
                    unknown
                  )}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-600">{t("visitor.pageCount")}</dt>
                <dd className="mt-0.5 font-medium text-slate-900 tabular-nums">{v.pageCount}</dd>
              </div>
            </dl>
          }
        >
          <div>
            <dt className="text-xs text-slate-600">{t("visitor.currentPage")}</dt>
            <dd className="mt-0.5">
              {v.currentUrl ? (
                <>
                  {v.currentTitle ? <span className="block font-medium break-words text-slate-900">{v.currentTitle}</span> : null}
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="block text-xs break-all text-brand-700 hover:underline">
                      {pageLabel(v.currentUrl)}
                    </a>
                  ) : (
                    <span className="block text-xs break-all text-slate-700">{v.currentUrl}</span>
                  )}
                  {v.currentPageSince && onSite ? (
                    <span className="mt-0.5 block text-xs text-slate-600">
                      {t("visitor.onPageFor")} <Elapsed since={v.currentPageSince} className="font-medium text-slate-800 tabular-nums" />
                    </span>
                  ) : null}
                </>
              ) : (
                <span className="text-slate-500">{unknown}</span>
              )}
            </dd>
          </div>
        </Group>

        <Group title={t("visitor.technology")}>
          <Row label={t("visitor.ip")} value={v.ip} unknown={unknown} mono />
          <Row label={t("visitor.browser")} value={v.browser} unknown={unknown} />
          <Row label={t("visitor.os")} value={v.os} unknown={unknown} />
          <Row label={t("visitor.device")} value={v.device ? t.has(`devices.${v.device}`) ? t(`devices.${v.device}`) : v.device : null} unknown={unknown} />
        </Group>

        <div>
          <h3 className="mb-2 text-xs font-semibold tracking-wider text-slate-600 uppercase">{t("visitor.pages")}</h3>
          {v.pages.length ? (
            <ol className="relative space-y-2.5 border-l border-slate-200 pl-4">
              {v.pages.map((p, i) => {
                const end = p.leftAt ? Date.parse(p.leftAt) : i === 0 && onSite && now ? now : null;
                return (
                  <li key={`${p.at}-${i}`} className="relative">
                    <span aria-hidden="true" className={`absolute top-1.5 -left-[1.3rem] h-2 w-2 rounded-full ring-2 ring-white ${i === 0 && onSite ? "bg-emerald-500" : "bg-slate-300"}`} />
                    <p className="truncate text-xs font-medium text-slate-900" title={p.title ?? p.url}>
                      {p.title || pageLabel(p.url)}
                    </p>
                    {p.title ? <p className="truncate text-[11px] text-slate-600" title={p.url}>{pageLabel(p.url)}</p> : null}
                    <p className="text-[11px] text-slate-500 tabular-nums">
                      {timeOfDay(p.at, locale)}
                      {end !== null ? ` · ${shortDuration(end - Date.parse(p.at), words)}` : ""}
                    </p>
                  </li>
                );
              })}
            </ol>
          ) : (
            <p className="text-xs text-slate-500">{t("visitor.noPages")}</p>
          )}
        </div>
      </div>
    </section>
  );
}

function Group({ title, children, after }: { title: string; children: React.ReactNode; after?: React.ReactNode }) {
  return (
    <div>
      <h3 className="mb-2 text-xs font-semibold tracking-wider text-slate-600 uppercase">{title}</h3>
      <dl className="space-y-2.5">{children}</dl>
      {after}
    </div>
  );
}

function Row({ label, value, unknown, mono = false }: { label: string; value: string | null; unknown: string; mono?: boolean }) {
  return (
    // A value too long for the line (an e-mail, say) moves below its label instead of breaking mid-word.
    <div className="flex flex-wrap items-baseline justify-between gap-x-3">
      <dt className="flex-none text-xs text-slate-600">{label}</dt>
      <dd className={`ml-auto max-w-full min-w-0 text-right [overflow-wrap:anywhere] ${value ? "text-slate-900" : "text-slate-500"} ${mono && value ? "font-mono text-xs" : ""}`}>
        {value ?? unknown}
      </dd>
    </div>
  );
}
