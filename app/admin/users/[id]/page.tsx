import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { listCategories } from "@/lib/categories/categories";
import { isDomainError } from "@/lib/errors";
import { getUser } from "@/lib/users/users";
import { uuidField } from "@/lib/validation";
import { resetPasswordAction, updateUserAction } from "../actions";
import { PasswordForm, UserForm } from "../user-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("edit") };
}

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageUser("area.admin", `/admin/users/${id}`);
  if (!uuidField.safeParse(id).success) notFound();
  const t = await getTranslations("users");
  const db = await getDb();
  const user = await getUser(db, id).catch((e) => {
    if (isDomainError(e)) notFound();
    throw e;
  });
  const categories = await listCategories(db);
  return (
    <>
      <PageHeader title={user.name} subtitle={user.email} back={{ href: "/admin/users", label: t("title") }} />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card className="p-5 sm:p-6">
          <UserForm
            action={updateUserAction.bind(null, user.id)}
            withPassword={false}
            categories={categories}
            initial={{ ...user, greeting: user.greeting ?? "" }}
          />
        </Card>
        <Card className="p-5 sm:p-6">
          <h2 className="mb-4 font-semibold text-slate-900">{t("resetPassword")}</h2>
          <PasswordForm action={resetPasswordAction.bind(null, user.id)} />
        </Card>
      </div>
    </>
  );
}
