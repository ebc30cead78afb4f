import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { publicClientConfig } from "@/lib/realtime/config";
import { loadWorkplace } from "@/lib/workplace/workplace";
import { WorkplaceClient } from "./workplace-client";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workplace");
  return { title: t("title") };
}

export default async function OperatorPage() {
  const user = await requirePageUser("dialog.serve", "/operator");
  const workplace = await loadWorkplace(await getDb(), user.id);
  return <WorkplaceClient initial={workplace} realtime={publicClientConfig()} />;
}
