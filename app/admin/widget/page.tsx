import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/current-user";
import { listCategories } from "@/lib/categories/categories";
import { getDb } from "@/lib/db";
import { getWidgetSettings } from "@/lib/settings/widget-settings";
import { publicOrigin } from "@/lib/widget/public-origin";
import { saveWidgetSettingsAction } from "./actions";
import { toWidgetFormValues } from "./form-values";
import { WidgetForm } from "./widget-form";

export const metadata: Metadata = { title: "Chat widget" };

export default async function WidgetSettingsPage() {
  await requirePageUser("settings.manage", "/admin/widget");
  const t = await getTranslations("widget");
  const db = await getDb();
  const [settings, categories] = await Promise.all([getWidgetSettings(db), listCategories(db)]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <WidgetForm
        action={saveWidgetSettingsAction}
        initial={toWidgetFormValues(settings)}
        chatOrigin={publicOrigin(await headers())}
        categories={categories.filter((c) => c.enabled).map((c) => ({ id: c.id, name: c.name }))}
      />
    </>
  );
}
