import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/current-user";
import { homeFor } from "@/lib/auth/permissions";
import { LocaleSwitch } from "@/components/locale-switch";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const user = await currentUser();
  if (user) redirect(homeFor(user.role));
  const { callbackUrl } = await searchParams;
  const t = await getTranslations();
  return (
    <div className="flex min-h-screen flex-col bg-gradient-to-b from-brand-50 to-slate-50">
      <div className="flex justify-end p-4">
        <LocaleSwitch />
      </div>
      <main className="flex flex-1 items-start justify-center px-4 pt-8 sm:pt-16">
        <div className="w-full max-w-sm">
          <div className="mb-6 text-center">
            <span aria-hidden="true" className="mx-auto mb-4 grid h-12 w-12 place-items-center rounded-xl bg-brand-600 text-xl font-bold text-white shadow">W</span>
            <h1 className="text-2xl font-semibold tracking-tight">{t("login.title")}</h1>
            <p className="mt-1 text-sm text-slate-600">{t("login.subtitle")}</p>
          </div>
          <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
            <LoginForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
          </div>
        </div>
      </main>
    </div>
  );
}
