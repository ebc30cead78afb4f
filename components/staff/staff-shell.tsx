import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { signOut } from "@/auth";
import { can } from "@/lib/auth/permissions";
import type { PublicUser } from "@/lib/users/users";
import { LocaleSwitch } from "../locale-switch";
import { NavLinks, type NavItem } from "./nav-links";

const ICONS = {
  workplace: "M4 5h16v10H8l-4 4z",
  monitor: "M3 12h4l3-8 4 16 3-8h4",
  overview: "M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z",
  users: "M16 19v-1a4 4 0 0 0-4-4H7a4 4 0 0 0-4 4v1M9.5 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6M21 19v-1a4 4 0 0 0-3-3.9M16 4.1a3 3 0 0 1 0 5.8",
  categories: "M4 6h16M4 12h16M4 18h10",
};

async function signOutAction() {
  "use server";
  await signOut({ redirectTo: "/login" });
}

export async function StaffShell({ user, children }: { user: PublicUser; children: ReactNode }) {
  const t = await getTranslations();
  const work: NavItem[] = [{ href: "/operator", label: t("nav.workplace"), icon: ICONS.workplace }];
  if (can(user, "area.supervisor")) work.push({ href: "/supervisor", label: t("nav.supervisor"), icon: ICONS.monitor });
  const groups = [{ title: t("nav.sections.work"), items: work }];
  if (can(user, "area.admin")) {
    groups.push({
      title: t("nav.sections.administration"),
      items: [
        { href: "/admin", label: t("nav.admin"), icon: ICONS.overview },
        { href: "/admin/users", label: t("nav.users"), icon: ICONS.users },
        { href: "/admin/categories", label: t("nav.categories"), icon: ICONS.categories },
      ],
    });
  }
  const initials = user.name
    .split(/\s+/)
    .map((p) => p[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();

  const sidebar = (
    <>
      <div className="flex items-center gap-2 px-3 pb-6 pt-1">
        <span aria-hidden="true" className="grid h-8 w-8 place-items-center rounded-lg bg-brand-500 text-sm font-bold text-white">W</span>
        <span className="text-base font-semibold text-white">{t("common.appName")}</span>
      </div>
      <nav aria-label={t("nav.staffNavigation")}>
        <NavLinks groups={groups} />
      </nav>
    </>
  );

  return (
    <div className="min-h-screen lg:grid lg:grid-cols-[15rem_1fr]">
      <aside className="hidden bg-slate-900 px-3 py-5 lg:block">{sidebar}</aside>
      <div className="flex min-w-0 flex-col">
        <header className="flex items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-3 sm:px-6">
          <details className="relative lg:hidden">
            <summary className="cursor-pointer list-none rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700">
              {t("common.menu")}
            </summary>
            <div className="absolute left-0 z-20 mt-2 w-64 rounded-xl bg-slate-900 p-3 shadow-xl">{sidebar}</div>
          </details>
          <div className="ml-auto flex items-center gap-3">
            <LocaleSwitch />
            <div className="hidden text-right sm:block">
              <p className="text-sm font-medium text-slate-900">{user.name}</p>
              <p className="text-xs text-slate-600">{t(`roles.${user.role}`)}</p>
            </div>
            <span aria-hidden="true" className="grid h-9 w-9 place-items-center rounded-full bg-brand-100 text-sm font-semibold text-brand-700">
              {initials}
            </span>
            <form action={signOutAction}>
              <button className="rounded-lg px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">{t("common.signOut")}</button>
            </form>
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 lg:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
