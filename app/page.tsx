import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { BrandMark } from "@/components/brand-mark";
import { LocaleSwitch } from "@/components/locale-switch";

export default async function HomePage() {
  const t = await getTranslations();
  const features = [
    ["routing", "routingText"],
    ["monitor", "monitorText"],
    ["selfHosted", "selfHostedText"],
  ] as const;
  return (
    <div className="min-h-screen bg-gradient-to-b from-brand-50 to-white">
      <header className="mx-auto flex max-w-5xl items-center justify-between px-6 py-5">
        <div className="flex items-center gap-2">
          <BrandMark />
          <span className="font-semibold">{t("common.appName")}</span>
        </div>
        <LocaleSwitch />
      </header>
      <main className="mx-auto max-w-5xl px-6 pb-20 pt-10 sm:pt-16">
        <p className="text-sm font-semibold uppercase tracking-wider text-brand-700">{t("common.tagline")}</p>
        <h1 className="mt-3 max-w-3xl text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">{t("home.title")}</h1>
        <p className="mt-5 max-w-2xl text-lg text-slate-700">{t("home.lead")}</p>
        <div className="mt-8 flex flex-wrap gap-3">
          <ButtonLink href="/login" className="px-5 py-2.5 text-base">{t("home.signIn")}</ButtonLink>
        </div>
        <ul className="mt-16 grid gap-4 sm:grid-cols-3">
          {features.map(([title, text]) => (
            <li key={title} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
              <h2 className="font-semibold text-slate-900">{t(`home.features.${title}`)}</h2>
              <p className="mt-2 text-sm text-slate-600">{t(`home.features.${text}`)}</p>
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
