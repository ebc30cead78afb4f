"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/demo", label: "Home" },
  { href: "/demo/pricing", label: "Pricing" },
  { href: "/demo/contact", label: "Contact" },
];

export function DemoNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex items-center gap-0.5 text-sm font-medium sm:gap-1">
      {LINKS.map((l) => {
        const current = pathname === l.href;
        return (
          <Link
            key={l.href}
            href={l.href}
            aria-current={current ? "page" : undefined}
            className={`rounded-full px-2.5 py-1.5 sm:px-3 ${current ? "bg-indigo-50 text-indigo-700" : "text-slate-600 hover:text-slate-900"}`}
          >
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
