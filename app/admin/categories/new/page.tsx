import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/current-user";
import { createCategoryAction } from "../actions";
import { CategoryForm } from "../category-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("categories");
  return { title: t("new") };
}

export default async function NewCategoryPage() {
  await requirePageUser("area.admin", "/admin/categories/new");
  const t = await getTranslations("categories");
  return (
    <>
      <PageHeader title={t("new")} back={{ href: "/admin/categories", label: t("title") }} />
      <Card className="p-5 sm:p-6">
        <CategoryForm
          action={createCategoryAction}
          initial={{ name: "", kind: "topic", description: "", queueWaitLimitSec: 300, offerTimeoutSec: "", offlineEmail: "", enabled: true, sortOrder: 0 }}
        />
      </Card>
    </>
  );
}
