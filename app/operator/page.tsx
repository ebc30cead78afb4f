import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { skillsOf } from "@/lib/monitor/overview";

export const metadata: Metadata = { title: "Workplace" };

export default async function OperatorPage() {
  const user = await requirePageUser("area.operator", "/operator");
  const t = await getTranslations();
  const skills = await skillsOf(await getDb(), user.id);
  return (
    <>
      <PageHeader title={t("operator.title")} subtitle={t("operator.subtitle")} />
      <div className="grid gap-6 lg:grid-cols-[1fr_2fr]">
        <section aria-labelledby="incoming" className="space-y-3">
          <h2 id="incoming" className="text-sm font-semibold uppercase tracking-wide text-slate-600">{t("operator.incoming")}</h2>
          <EmptyState>{t("operator.noIncoming")}</EmptyState>
        </section>
        <section aria-labelledby="dialogs" className="space-y-3">
          <h2 id="dialogs" className="text-sm font-semibold uppercase tracking-wide text-slate-600">{t("operator.dialogs")}</h2>
          <EmptyState>{t("operator.noDialogs")}</EmptyState>
        </section>
      </div>
      <Card className="mt-6 p-5">
        <h2 className="text-sm font-semibold text-slate-900">{t("operator.skills")}</h2>
        <p className="mt-1 text-xs text-slate-600">{t("operator.capacity", { count: user.maxDialogs })}</p>
        <div className="mt-3 flex flex-wrap gap-2">
          {skills.length ? skills.map((s) => <Badge key={s.id} tone="brand">{s.name}</Badge>) : <p className="text-sm text-slate-600">{t("operator.noSkills")}</p>}
        </div>
      </Card>
    </>
  );
}
