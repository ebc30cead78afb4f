import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { DoneNotice } from "@/components/done-notice";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { listCategories } from "@/lib/categories/categories";
import { listUsers } from "@/lib/users/users";

export const metadata: Metadata = { title: "Users" };

const DONE = { created: "users.created", updated: "users.updated", password: "users.passwordReset" } as const;

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const me = await requirePageUser("area.admin", "/admin/users");
  const t = await getTranslations();
  const db = await getDb();
  const [users, categories] = await Promise.all([listUsers(db), listCategories(db)]);
  const names = new Map(categories.map((c) => [c.id, c.name]));
  const { done } = await searchParams;
  return (
    <>
      <PageHeader title={t("users.title")} subtitle={t("users.subtitle")} actions={<ButtonLink href="/admin/users/new">{t("users.new")}</ButtonLink>} />
      <DoneNotice messageKey={DONE[done as keyof typeof DONE]} />
      {users.length === 0 ? (
        <EmptyState>{t("users.empty")}</EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">{t("users.name")}</th>
                <th scope="col" className="px-4 py-3 font-semibold">{t("users.role")}</th>
                <th scope="col" className="px-4 py-3 font-semibold">{t("users.skills")}</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">{t("users.maxDialogs")}</th>
                <th scope="col" className="px-4 py-3 font-semibold">{t("users.status")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((u) => (
                <tr key={u.id} className="hover:bg-slate-50">
                  <td className="px-4 py-3">
                    <Link href={`/admin/users/${u.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {u.name}
                    </Link>
                    {u.id === me.id ? <span className="ml-2 text-xs text-slate-600">({t("users.you")})</span> : null}
                    <p className="text-xs text-slate-600">{u.email}</p>
                  </td>
                  <td className="px-4 py-3">{t(`roles.${u.role}`)}</td>
                  <td className="px-4 py-3">
                    <div className="flex flex-wrap gap-1">
                      {u.skills.length ? u.skills.map((s) => <Badge key={s} tone="brand">{names.get(s) ?? "?"}</Badge>) : <span className="text-slate-500">{t("common.none")}</span>}
                    </div>
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">{u.maxDialogs}</td>
                  <td className="px-4 py-3">
                    {u.active ? <Badge tone="green">{t("common.active")}</Badge> : <Badge tone="red">{t("common.disabled")}</Badge>}
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
