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
import { listUsers } from "@/lib/users/users";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("title") };
}

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
      <PageHeader
        title={t("users.title")}
        subtitle={t("users.subtitle")}
        actions={
          <ButtonLink href="/admin/users/new">
            <Icon d={ICONS.plus} />
            {t("users.new")}
          </ButtonLink>
        }
      />
      <DoneNotice messageKey={DONE[done as keyof typeof DONE]} />
      {users.length === 0 ? (
        <EmptyState icon={ICONS.users}>{t("users.empty")}</EmptyState>
      ) : (
        <Card className="overflow-hidden">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">{t("users.name")}</th>
                <th scope="col" className="hidden px-4 py-3 font-semibold md:table-cell">{t("users.role")}</th>
                <th scope="col" className="hidden px-4 py-3 font-semibold md:table-cell">{t("users.skills")}</th>
                <th scope="col" className="hidden px-4 py-3 text-right font-semibold whitespace-nowrap md:table-cell">{t("users.maxDialogsShort")}</th>
                <th scope="col" className="hidden px-4 py-3 font-semibold md:table-cell">{t("users.status")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((u) => {
                const skills = u.skills.length ? (
                  <div className="flex flex-wrap gap-1">
                    {u.skills.map((s) => <Badge key={s} tone="brand">{names.get(s) ?? "?"}</Badge>)}
                  </div>
                ) : (
                  <span className="text-slate-500">{t("common.none")}</span>
                );
                const status = u.active ? <Badge tone="green" dot>{t("common.active")}</Badge> : <Badge tone="red" dot>{t("common.disabled")}</Badge>;
                return (
                  <tr key={u.id} className="relative align-top transition-colors hover:bg-slate-50 md:align-middle">
                    <td className="px-4 py-3">
                      <div className="flex items-start justify-between gap-3">
                        <div className="min-w-0">
                          <Link
                            href={`/admin/users/${u.id}`}
                            className="font-medium break-words text-slate-900 after:absolute after:inset-0 hover:text-brand-700"
                          >
                            {u.name}
                          </Link>
                          {u.id === me.id ? <span className="ml-2 text-xs text-slate-600">({t("users.you")})</span> : null}
                          <p className="text-xs break-all text-slate-600">{u.email}</p>
                        </div>
                        <div className="flex-none md:hidden">{status}</div>
                      </div>
                      <div className="mt-2 space-y-2 text-xs text-slate-700 md:hidden">
                        <p>
                          {t(`roles.${u.role}`)} · {t("operator.capacity", { count: u.maxDialogs })}
                        </p>
                        {u.skills.length ? skills : null}
                      </div>
                    </td>
                    <td className="hidden px-4 py-3 whitespace-nowrap md:table-cell">{t(`roles.${u.role}`)}</td>
                    <td className="hidden px-4 py-3 md:table-cell">{skills}</td>
                    <td className="hidden px-4 py-3 text-right tabular-nums md:table-cell">{u.maxDialogs}</td>
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
