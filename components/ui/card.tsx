import Link from "next/link";
import type { ReactNode } from "react";

export function Card({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <div className={`rounded-xl border border-slate-200 bg-white shadow-xs ${className}`}>{children}</div>;
}

export function PageHeader({
  title,
  subtitle,
  actions,
  back,
}: {
  title: string;
  subtitle?: string;
  actions?: ReactNode;
  /** The list this page belongs to, shown as a link above the title. */
  back?: { href: string; label: string };
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-x-4 gap-y-3">
      <div className="min-w-0">
        {back ? (
          <Link
            href={back.href}
            className="mb-2 inline-flex items-center gap-1 rounded text-sm font-medium text-slate-600 hover:text-brand-700"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
              <path d="M12.5 15 7.5 10l5-5" />
            </svg>
            {back.label}
          </Link>
        ) : null}
        <h1 className="text-2xl font-semibold tracking-tight text-balance break-words text-slate-900">{title}</h1>
        {subtitle ? <p className="mt-1 text-sm break-words text-slate-600">{subtitle}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

const badgeTones = {
  gray: "bg-slate-100 text-slate-700 ring-slate-200",
  green: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  red: "bg-red-50 text-red-700 ring-red-200",
  amber: "bg-amber-50 text-amber-800 ring-amber-200",
  brand: "bg-brand-50 text-brand-700 ring-brand-100",
} as const;

const dotTones = {
  gray: "bg-slate-400",
  green: "bg-emerald-500",
  red: "bg-red-500",
  amber: "bg-amber-500",
  brand: "bg-brand-500",
} as const;

export function Badge({ children, tone = "gray", dot = false }: { children: ReactNode; tone?: keyof typeof badgeTones; dot?: boolean }) {
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${badgeTones[tone]}`}>
      {dot ? <span aria-hidden="true" className={`h-1.5 w-1.5 rounded-full ${dotTones[tone]}`} /> : null}
      {children}
    </span>
  );
}

export function EmptyState({ children, icon, className = "" }: { children: ReactNode; icon?: string; className?: string }) {
  return (
    <div className={`flex flex-col items-center justify-center gap-3 rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-600 ${className}`}>
      {icon ? (
        <span aria-hidden="true" className="grid h-10 w-10 place-items-center rounded-full bg-slate-100 text-slate-500">
          <svg viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
            <path d={icon} />
          </svg>
        </span>
      ) : null}
      <div className="max-w-sm">{children}</div>
    </div>
  );
}

/** The small uppercase heading above a section of a page. */
export function SectionTitle({ id, children, aside }: { id?: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <div className="mb-3 flex items-center justify-between gap-3">
      <h2 id={id} className="text-xs font-semibold tracking-wider text-slate-600 uppercase">
        {children}
      </h2>
      {aside}
    </div>
  );
}
