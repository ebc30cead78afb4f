import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/current-user";
import { createCategoryAction } from "../actions";
import { CategoryForm } from "../category-form";

export const metadata: Metadata = { title: "New category" };

export default async function NewCategoryPage() {
  await requirePageUser("area.admin", "/admin/categories/new");
  const t = await getTranslations("categories");
  return (
    <>
      <PageHeader title={t("new")} />
      <Card className="p-6">
        <CategoryForm
          action={createCategoryAction}
          initial={{ name: "", kind: "topic", description: "", queueWaitLimitSec: 300, offerTimeoutSec: "", offlineEmail: "", enabled: true, sortOrder: 0 }}
        />
      </Card>
    </>
  );
}
