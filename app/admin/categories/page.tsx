import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { DoneNotice } from "@/components/done-notice";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { listCategories } from "@/lib/categories/categories";

export const metadata: Metadata = { title: "Categories" };

const DONE = {
  created: "categories.created",
  updated: "categories.updated",
  deleted: "categories.deleted",
  archived: "categories.archivedDone",
} as const;

export default async function CategoriesPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  await requirePageUser("area.admin", "/admin/categories");
  const t = await getTranslations();
  const categories = await listCategories(await getDb(), { includeArchived: true });
  const { done } = await searchParams;
  return (
    <>
      <PageHeader title={t("categories.title")} subtitle={t("categories.subtitle")} actions={<ButtonLink href="/admin/categories/new">{t("categories.new")}</ButtonLink>} />
      <DoneNotice messageKey={DONE[done as keyof typeof DONE]} />
      {categories.length === 0 ? (
        <EmptyState>{t("categories.empty")}</EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">{t("categories.name")}</th>
                <th scope="col" className="px-4 py-3 font-semibold">{t("categories.kind")}</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">{t("categories.waitLimit")}</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">{t("categories.operators")}</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">{t("categories.dialogs")}</th>
                <th scope="col" className="px-4 py-3 font-semibold">{t("users.status")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {categories.map((c) => (
                <tr key={c.id} className={c.archivedAt ? "bg-slate-50 text-slate-500" : "hover:bg-slate-50"}>
                  <td className="px-4 py-3">
                    {c.archivedAt ? (
                      <span className="font-medium">{c.name}</span>
                    ) : (
                      <Link href={`/admin/categories/${c.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">{c.name}</Link>
                    )}
                    {c.description ? <p className="text-xs text-slate-600">{c.description}</p> : null}
                  </td>
                  <td className="px-4 py-3">{t(`kinds.${c.kind}`)}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{t("common.seconds", { count: c.queueWaitLimitSec })}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{c.operatorCount}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{c.dialogCount}</td>
                  <td className="px-4 py-3">
                    {c.archivedAt ? <Badge>{t("common.archived")}</Badge> : c.enabled ? <Badge tone="green">{t("common.enabled")}</Badge> : <Badge tone="amber">{t("common.disabled")}</Badge>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </>
  );
}
