import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { listCategories } from "@/lib/categories/categories";
import { listUsers } from "@/lib/users/users";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  await requirePageUser("area.admin", "/admin");
  const t = await getTranslations("admin");
  const db = await getDb();
  const [users, categories] = await Promise.all([listUsers(db), listCategories(db)]);
  const cards = [
    { href: "/admin/users", title: t("users"), count: t("usersCount", { count: users.length }), cta: t("manageUsers") },
    { href: "/admin/categories", title: t("categories"), count: t("categoriesCount", { count: categories.length }), cta: t("manageCategories") },
  ];
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="grid gap-4 sm:grid-cols-2">
        {cards.map((c) => (
          <Card key={c.href} className="p-5">
            <h2 className="font-semibold text-slate-900">{c.title}</h2>
            <p className="mt-1 text-2xl font-semibold tabular-nums">{c.count}</p>
            <Link href={c.href} className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
              {c.cta} →
            </Link>
          </Card>
        ))}
      </div>
    </>
  );
}
