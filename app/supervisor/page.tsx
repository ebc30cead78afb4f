import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState, PageHeader, SectionTitle } from "@/components/ui/card";
import { ICONS } from "@/components/ui/icons";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { monitorCounters, operatorBoard } from "@/lib/monitor/overview";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("supervisor");
  return { title: t("title") };
}

const STATUS_TONE = { ready: "green", away: "amber", offline: "gray" } as const;

export default async function SupervisorPage() {
  await requirePageUser("area.supervisor", "/supervisor");
  const t = await getTranslations();
  const db = await getDb();
  const [counters, board] = await Promise.all([monitorCounters(db), operatorBoard(db)]);
  const tiles = [
    [t("supervisor.visitorsOnline"), counters.visitorsOnline],
    [t("supervisor.queue"), counters.queued],
    [t("supervisor.activeDialogs"), counters.active],
    [t("supervisor.operatorsReady"), counters.operatorsReady],
  ] as const;
  return (
    <>
      <PageHeader title={t("supervisor.title")} subtitle={t("supervisor.subtitle")} />
      <dl className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        {tiles.map(([label, value]) => (
          <Card key={label} className="flex flex-col justify-between gap-2 p-4 sm:p-5">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-3xl font-semibold text-slate-900 tabular-nums">{value}</dd>
          </Card>
        ))}
      </dl>
      <section aria-labelledby="ops" className="mt-8">
        <SectionTitle id="ops">{t("supervisor.operators")}</SectionTitle>
        {board.length ? (
          <Card>
            <ul className="divide-y divide-slate-100">
              {board.map((o) => {
                const pct = o.maxDialogs ? Math.min(100, Math.round((o.load / o.maxDialogs) * 100)) : 0;
                return (
                  <li key={o.id} className="flex items-center justify-between gap-3 px-4 py-3 sm:px-5">
                    <div className="min-w-0">
                      <p className="truncate text-sm font-medium text-slate-900">{o.name}</p>
                      <p className="text-xs text-slate-600">{t(`roles.${o.role}`)}</p>
                    </div>
                    <div className="flex flex-none items-center gap-3 sm:gap-4">
                      <div className="hidden items-center gap-2 sm:flex" aria-hidden="true">
                        <span className="h-1.5 w-20 overflow-hidden rounded-full bg-slate-100">
                          <span className="block h-full rounded-full bg-brand-500" style={{ width: `${pct}%` }} />
                        </span>
                      </div>
                      <span className="text-sm text-slate-700 tabular-nums">
                        <span aria-hidden="true">{o.load}/{o.maxDialogs}</span>
                        <span className="sr-only">{t("supervisor.load", { load: o.load, max: o.maxDialogs })}</span>
                      </span>
                      <Badge tone={STATUS_TONE[o.status]} dot>
                        {t(`supervisor.statuses.${o.status}`)}
                      </Badge>
                    </div>
                  </li>
                );
              })}
            </ul>
          </Card>
        ) : (
          <EmptyState icon={ICONS.users}>{t("supervisor.noOperators")}</EmptyState>
        )}
      </section>
    </>
  );
}
