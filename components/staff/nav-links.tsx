"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Icon } from "../ui/icons";

export interface NavItem {
  href: string;
  label: string;
  icon: string;
}

export function NavLinks({ groups }: { groups: { title: string; items: NavItem[] }[] }) {
  const pathname = usePathname();
  return (
    <>
      {groups.map((g) => (
        <div key={g.title} className="mb-6">
          <p className="mb-1.5 px-3 text-[11px] font-semibold tracking-wider text-slate-400 uppercase">{g.title}</p>
          <ul className="space-y-0.5">
            {g.items.map((item) => {
              const current = pathname === item.href || (item.href.split("/").length > 2 && pathname.startsWith(item.href + "/"));
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={current ? "page" : undefined}
                    className={`flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition-colors ${
                      current ? "bg-white/10 text-white" : "text-slate-300 hover:bg-white/5 hover:text-white"
                    }`}
                  >
                    <span className={current ? "text-brand-300" : "text-slate-400"}>
                      <Icon d={item.icon} />
                    </span>
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </>
  );
}
