import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { Icon, ICONS } from "@/components/ui/icons";
import { DoneNotice } from "@/components/done-notice";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { listCategories } from "@/lib/categories/categories";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("categories");
  return { title: t("title") };
}

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
      <PageHeader
        title={t("categories.title")}
        subtitle={t("categories.subtitle")}
        actions={
          <ButtonLink href="/admin/categories/new">
            <Icon d={ICONS.plus} />
            {t("categories.new")}
          </ButtonLink>
        }
      />
      <DoneNotice messageKey={DONE[done as keyof typeof DONE]} />
      {categories.length === 0 ? (
        <EmptyState icon={ICONS.categories}>{t("categories.empty")}</EmptyState>
      ) : (
        <Card className="overflow-hidden">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">{t("categories.name")}</th>
                <th scope="col" className="hidden px-4 py-3 font-semibold md:table-cell">{t("categories.kind")}</th>
                <th scope="col" className="hidden px-4 py-3 text-right font-semibold whitespace-nowrap md:table-cell">{t("categories.waitLimit")}</th>
                <th scope="col" className="hidden px-4 py-3 text-right font-semibold md:table-cell">{t("categories.operators")}</th>
                <th scope="col" className="hidden px-4 py-3 text-right font-semibold md:table-cell">{t("categories.dialogs")}</th>
                <th scope="col" className="hidden px-4 py-3 font-semibold md:table-cell">{t("users.status")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {categories.map((c) => {
                const status = c.archivedAt ? (
                  <Badge>{t("common.archived")}</Badge>
                ) : c.enabled ? (
                  <Badge tone="green" dot>{t("common.enabled")}</Badge>
                ) : (
                  <Badge tone="amber" dot>{t("common.disabled")}</Badge>
                );
                return (
                  <tr key={c.id} className={`relative align-top md:align-middle ${c.archivedAt ? "bg-slate-50 text-slate-600" : "transition-colors hover:bg-slate-50"}`}>
                    <td className="px-4 py-3">
                      <div className="flex items-start justify-between gap-3">
                        <div className="min-w-0">
                          {c.archivedAt ? (
                            <span className="font-medium break-words">{c.name}</span>
                          ) : (
                            <Link
                              href={`/admin/categories/${c.id}`}
                              className="font-medium break-words text-slate-900 after:absolute after:inset-0 hover:text-brand-700"
                            >
                              {c.name}
                            </Link>
                          )}
                          {c.description ? <p className="text-xs text-slate-600">{c.description}</p> : null}
                        </div>
                        <div className="flex-none md:hidden">{status}</div>
                      </div>
                      <dl className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 md:hidden">
                        {(
                          [
                            [t("categories.kind"), t(`kinds.${c.kind}`)],
                            [t("categories.waitLimit"), t("common.seconds", { count: c.queueWaitLimitSec })],
                            [t("categories.operators"), c.operatorCount],
                            [t("categories.dialogs"), c.dialogCount],
                          ] as const
                        ).map(([label, value]) => (
                          <div key={label} className="flex gap-1">
                            <dt>{label}:</dt>
                            <dd className="font-medium text-slate-900 tabular-nums">{value}</dd>
                          </div>
                        ))}
                      </dl>
                    </td>
                    <td className="hidden px-4 py-3 md:table-cell">{t(`kinds.${c.kind}`)}</td>
                    <td className="hidden px-4 py-3 text-right whitespace-nowrap tabular-nums md:table-cell">{t("common.seconds", { count: c.queueWaitLimitSec })}</td>
                    <td className="hidden px-4 py-3 text-right tabular-nums md:table-cell">{c.operatorCount}</td>
                    <td className="hidden px-4 py-3 text-right tabular-nums md:table-cell">{c.dialogCount}</td>
                    <td className="hidden px-4 py-3 md:table-cell">{status}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Card>
      )}
    </>
  );
}
