import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/current-user";
import { getCategory } from "@/lib/categories/categories";
import { getDb } from "@/lib/db";
import { isDomainError } from "@/lib/errors";
import { uuidField } from "@/lib/validation";
import { deleteCategoryAction, updateCategoryAction } from "../actions";
import { CategoryForm, DeleteCategoryForm } from "../category-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("categories");
  return { title: t("edit") };
}

export default async function EditCategoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageUser("area.admin", `/admin/categories/${id}`);
  if (!uuidField.safeParse(id).success) notFound();
  const t = await getTranslations();
  const c = await getCategory(await getDb(), id).catch((e) => {
    if (isDomainError(e)) notFound();
    throw e;
  });
  if (c.archivedAt) notFound();
  return (
    <>
      <PageHeader title={c.name} subtitle={`${t("categories.edit")} · ${t(`kinds.${c.kind}`)}`} back={{ href: "/admin/categories", label: t("categories.title") }} />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card className="p-5 sm:p-6">
          <CategoryForm
            action={updateCategoryAction.bind(null, c.id)}
            initial={{
              name: c.name,
              kind: c.kind,
              description: c.description ?? "",
              queueWaitLimitSec: c.queueWaitLimitSec,
              offerTimeoutSec: c.offerTimeoutSec ?? "",
              offlineEmail: c.offlineEmail ?? "",
              enabled: c.enabled,
              sortOrder: c.sortOrder,
            }}
          />
        </Card>
        <Card className="p-5 sm:p-6">
          <h2 className="mb-2 font-semibold text-red-800">{t("categories.deleteTitle")}</h2>
          <DeleteCategoryForm action={deleteCategoryAction.bind(null, c.id)} />
        </Card>
      </div>
    </>
  );
}
