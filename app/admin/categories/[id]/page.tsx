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

export const metadata: Metadata = { title: "Edit category" };

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
      <PageHeader title={t("categories.edit")} subtitle={c.name} />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card className="p-6">
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
        <Card className="h-fit p-6">
          <h2 className="mb-3 font-semibold text-slate-900">{t("common.delete")}</h2>
          <DeleteCategoryForm action={deleteCategoryAction.bind(null, c.id)} />
        </Card>
      </div>
    </>
  );
}
