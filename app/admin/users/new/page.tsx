import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { listCategories } from "@/lib/categories/categories";
import { createUserAction } from "../actions";
import { UserForm } from "../user-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("new") };
}

export default async function NewUserPage() {
  await requirePageUser("area.admin", "/admin/users/new");
  const t = await getTranslations("users");
  const categories = await listCategories(await getDb());
  return (
    <>
      <PageHeader title={t("new")} back={{ href: "/admin/users", label: t("title") }} />
      <Card className="p-5 sm:p-6">
        <UserForm
          action={createUserAction}
          withPassword
          categories={categories}
          initial={{ name: "", email: "", role: "operator", greeting: "", maxDialogs: 3, skills: [], active: true }}
        />
      </Card>
    </>
  );
}
