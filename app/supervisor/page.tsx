import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { monitorCounters, operatorBoard } from "@/lib/monitor/overview";

export const metadata: Metadata = { title: "Monitor" };

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
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {tiles.map(([label, value]) => (
          <Card key={label} className="p-5">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="mt-2 text-3xl font-semibold tabular-nums text-slate-900">{value}</dd>
          </Card>
        ))}
      </dl>
      <section aria-labelledby="ops" className="mt-8">
        <h2 id="ops" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600">{t("supervisor.operators")}</h2>
        {board.length ? (
          <Card className="divide-y divide-slate-100">
            {board.map((o) => (
              <div key={o.id} className="flex items-center justify-between gap-3 px-5 py-3">
                <div>
                  <p className="text-sm font-medium text-slate-900">{o.name}</p>
                  <p className="text-xs text-slate-600">{t(`roles.${o.role}`)}</p>
                </div>
                <div className="flex items-center gap-3 text-sm tabular-nums text-slate-700">
                  <span>{o.load}/{o.maxDialogs}</span>
                  <Badge tone={STATUS_TONE[o.status]}>{o.status}</Badge>
                </div>
              </div>
            ))}
          </Card>
        ) : (
          <EmptyState>{t("supervisor.noOperators")}</EmptyState>
        )}
      </section>
    </>
  );
}
