import { getTranslations } from "next-intl/server";
import { BrandMark } from "./brand-mark";
import { LocaleSwitch } from "./locale-switch";
import { ButtonLink } from "./ui/button";
import { Icon, ICONS } from "./ui/icons";

/** The full-page answer for an error the user can act on (403, 404). */
export async function ErrorPage({ code, title, text, href, cta, icon }: { code: string; title: string; text: string; href: string; cta: string; icon: string }) {
  const t = await getTranslations("common");
  return (
    <div className="flex min-h-screen flex-col bg-gradient-to-b from-brand-50 to-slate-50">
      <header className="flex items-center justify-between px-4 py-4 sm:px-6">
        <div className="flex items-center gap-2.5">
          <BrandMark />
          <span className="font-semibold text-slate-900">{t("appName")}</span>
        </div>
        <LocaleSwitch />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-12 pb-16 sm:items-center sm:pt-0">
        <div className="w-full max-w-md rounded-2xl border border-slate-200 bg-white p-8 text-center shadow-sm">
          <span aria-hidden="true" className="mx-auto grid h-12 w-12 place-items-center rounded-full bg-brand-50 text-brand-700">
            <Icon d={icon} className="h-6 w-6" />
          </span>
          <p className="mt-4 text-sm font-semibold text-brand-700">{code}</p>
          <h1 className="mt-1 text-xl font-semibold tracking-tight text-balance text-slate-900 sm:text-2xl">{title}</h1>
          <p className="mt-3 text-sm text-slate-600">{text}</p>
          <ButtonLink href={href} className="mt-6 w-full sm:w-auto">
            {cta}
          </ButtonLink>
        </div>
      </main>
    </div>
  );
}

export async function ForbiddenView() {
  const t = await getTranslations("forbidden");
  return <ErrorPage code={t("code")} title={t("title")} text={t("text")} href="/after-login" cta={t("home")} icon={ICONS.lock} />;
}
