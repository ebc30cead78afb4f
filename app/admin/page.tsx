import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Icon, ICONS } from "@/components/ui/icons";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { listCategories } from "@/lib/categories/categories";
import { listUsers } from "@/lib/users/users";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("title") };
}

export default async function AdminPage() {
  await requirePageUser("area.admin", "/admin");
  const t = await getTranslations();
  const db = await getDb();
  const [users, categories] = await Promise.all([listUsers(db), listCategories(db)]);
  const cards = [
    {
      href: "/admin/users",
      icon: ICONS.users,
      title: t("admin.users"),
      text: t("users.subtitle"),
      count: t("admin.usersCount", { count: users.length }),
      cta: t("admin.manageUsers"),
      newHref: "/admin/users/new",
      newLabel: t("users.new"),
    },
    {
      href: "/admin/categories",
      icon: ICONS.categories,
      title: t("admin.categories"),
      text: t("categories.subtitle"),
      count: t("admin.categoriesCount", { count: categories.length }),
      cta: t("admin.manageCategories"),
      newHref: "/admin/categories/new",
      newLabel: t("categories.new"),
    },
  ];
  return (
    <>
      <PageHeader title={t("admin.title")} subtitle={t("admin.subtitle")} />
      <div className="grid gap-4 md:grid-cols-2">
        {cards.map((c) => (
          <Card key={c.href} className="flex flex-col p-5">
            <div className="flex items-start gap-4">
              <span aria-hidden="true" className="grid h-10 w-10 flex-none place-items-center rounded-lg bg-brand-50 text-brand-700">
                <Icon d={c.icon} className="h-5 w-5" />
              </span>
              <div className="min-w-0">
                <h2 className="font-semibold text-slate-900">{c.title}</h2>
                <p className="mt-0.5 text-sm text-slate-600">{c.text}</p>
              </div>
            </div>
            <p className="mt-5 text-2xl font-semibold text-slate-900 tabular-nums">{c.count}</p>
            <div className="mt-5 flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 pt-4">
              <Link href={c.href} className="inline-flex items-center gap-1.5 rounded text-sm font-medium text-brand-700 hover:text-brand-800 hover:underline">
                {c.cta}
                <Icon d={ICONS.arrowRight} />
              </Link>
              <ButtonLink href={c.newHref} variant="secondary" className="px-3 py-1.5">
                <Icon d={ICONS.plus} />
                {c.newLabel}
              </ButtonLink>
            </div>
          </Card>
        ))}
      </div>
    </>
  );
}
