import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { signOut } from "@/auth";
import { can } from "@/lib/auth/permissions";
import type { PublicUser } from "@/lib/users/users";
import { LocaleSwitch } from "../locale-switch";
import { Icon, ICONS } from "../ui/icons";
import { BrandMark } from "../brand-mark";
import { MobileNav } from "./mobile-nav";
import { NavLinks, type NavItem } from "./nav-links";

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
        { href: "/admin/widget", label: t("nav.widget"), icon: ICONS.widget },
        { href: "/admin/inbox", label: t("nav.inbox"), icon: ICONS.inbox },
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
      <div className="flex items-center gap-2.5 px-3 pt-1 pb-6">
        <BrandMark />
        <span className="text-base font-semibold text-white">{t("common.appName")}</span>
      </div>
      <nav aria-label={t("nav.staffNavigation")}>
        <NavLinks groups={groups} />
      </nav>
    </>
  );

  return (
    <div className="min-h-screen lg:grid lg:grid-cols-[15rem_minmax(0,1fr)]">
      <a
        href="#main"
        className="fixed top-3 left-3 z-50 -translate-y-24 rounded-lg bg-white px-4 py-2 text-sm font-medium text-brand-700 shadow-lg ring-1 ring-slate-200 focus:translate-y-0"
      >
        {t("common.skipToContent")}
      </a>
      <div className="hidden bg-slate-900 lg:block">
        <aside className="on-dark sticky top-0 h-screen overflow-y-auto px-3 py-5">{sidebar}</aside>
      </div>
      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-30 flex h-15 items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 sm:px-6">
          <div className="flex items-center gap-3 lg:hidden">
            <MobileNav label={t("common.menu")} closeLabel={t("common.closeMenu")}>
              <div className="on-dark">{sidebar}</div>
            </MobileNav>
            <span className="font-semibold text-slate-900 sm:hidden">{t("common.appName")}</span>
          </div>
          <div className="ml-auto flex min-w-0 items-center gap-2 sm:gap-3">
            <LocaleSwitch />
            <div className="hidden min-w-0 text-right sm:block">
              <p className="truncate text-sm font-medium text-slate-900">{user.name}</p>
              <p className="text-xs text-slate-600">{t(`roles.${user.role}`)}</p>
            </div>
            <span
              aria-hidden="true"
              className="grid h-9 w-9 flex-none place-items-center rounded-full bg-brand-100 text-sm font-semibold text-brand-700"
              title={user.name}
            >
              {initials}
            </span>
            <form action={signOutAction}>
              <button className="inline-flex h-9 items-center gap-2 rounded-lg px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900">
                <Icon d={ICONS.signOut} />
                <span className="max-sm:sr-only">{t("common.signOut")}</span>
              </button>
            </form>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none sm:px-6 lg:px-8 lg:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
