import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/locale-actions";
import { LOCALES } from "@/i18n/locales";

export async function LocaleSwitch({ className = "" }: { className?: string }) {
  const locale = await getLocale();
  const t = await getTranslations("common");
  return (
    <form action={setLocaleAction} className={`inline-flex h-9 flex-none items-stretch rounded-lg border border-slate-300 bg-white p-0.5 text-xs ${className}`} aria-label={t("language")}>
      {LOCALES.map((l) => (
        <button
          key={l}
          name="locale"
          value={l}
          aria-pressed={l === locale}
          lang={l}
          className={`rounded-md px-2.5 font-semibold uppercase transition-colors ${l === locale ? "bg-brand-600 text-white shadow-sm" : "text-slate-700 hover:bg-slate-100"}`}
        >
          {l === "en" ? "EN" : "RU"}
        </button>
      ))}
    </form>
  );
}
