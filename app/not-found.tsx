import { getTranslations } from "next-intl/server";
import { ErrorPage } from "@/components/forbidden-view";
import { ICONS } from "@/components/ui/icons";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return <ErrorPage code="404" title={t("title")} text={t("text")} href="/" cta={t("home")} icon={ICONS.categories} />;
}
