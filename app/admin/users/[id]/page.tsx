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

export const metadata: Metadata = { title: "Edit user" };

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
      <PageHeader title={t("edit")} subtitle={`${user.name} · ${user.email}`} />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card className="p-6">
          <UserForm
            action={updateUserAction.bind(null, user.id)}
            withPassword={false}
            categories={categories}
            initial={{ ...user, greeting: user.greeting ?? "" }}
          />
        </Card>
        <Card className="h-fit p-6">
          <h2 className="mb-4 font-semibold text-slate-900">{t("resetPassword")}</h2>
          <PasswordForm action={resetPasswordAction.bind(null, user.id)} />
        </Card>
      </div>
    </>
  );
}
