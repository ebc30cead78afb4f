// Small building blocks of the visitor chat, themed with the admin's colours
// through the --wc-* variables (see theme.ts). Kept here rather than taken
// from components/ui, which pull in the staff app's translation runtime.
import { useId, type ComponentProps, type ReactNode } from "react";

export const inputClass =
  "block w-full rounded-xl border border-slate-400 bg-white px-3 py-2 text-[15px] text-slate-900 placeholder:text-slate-500 hover:border-slate-500 focus:border-(--wc-ink) focus:outline-none focus:ring-2 focus:ring-(--wc-ink)/25 aria-[invalid=true]:border-red-600 disabled:bg-slate-50";

type Variant = "primary" | "secondary" | "ghost" | "danger";
const variants: Record<Variant, string> = {
  primary: "bg-(--wc-bg) text-(--wc-fg) shadow-sm hover:brightness-95 active:brightness-90",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
  ghost: "text-(--wc-ink) hover:bg-slate-100",
  danger: "border border-red-200 bg-white text-red-700 hover:bg-red-50",
};

export function buttonClass(variant: Variant = "primary", extra = "") {
  return `inline-flex min-h-10 items-center justify-center gap-2 rounded-xl px-4 py-2 text-sm font-semibold transition disabled:cursor-not-allowed disabled:opacity-60 ${variants[variant]} ${extra}`;
}

export function Button({ variant = "primary", className = "", type = "button", ...props }: ComponentProps<"button"> & { variant?: Variant }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}

export function LinkButton({ className = "", ...props }: ComponentProps<"button">) {
  return (
    <button
      type="button"
      className={`rounded text-sm font-medium text-(--wc-ink) underline decoration-1 underline-offset-2 hover:decoration-2 ${className}`}
      {...props}
    />
  );
}

export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: ReactNode;
  hint?: string;
  error?: string | null;
  children: (p: { id: string; "aria-invalid"?: true; "aria-describedby"?: string; className: string }) => ReactNode;
}) {
  const id = useId();
  const described = [error ? `${id}-e` : "", hint ? `${id}-h` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": described, className: inputClass })}
      {error ? (
        <p id={`${id}-e`} className="text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={`${id}-h`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function Optional({ children }: { children: string }) {
  return <span className="font-normal text-slate-600"> ({children})</span>;
}

export function Alert({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p role="alert" className="rounded-xl border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {children}
    </p>
  );
}

export function Spinner({ className = "h-6 w-6" }: { className?: string }) {
  return <span aria-hidden="true" className={`inline-block animate-spin rounded-full border-[3px] border-slate-200 border-t-(--wc-bg) ${className}`} />;
}

const PATHS = {
  close: "M18 6 6 18M6 6l12 12",
  popout: "M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5",
  send: "M4 12 20 4l-4 16-4-7zM12 13l8-9",
  back: "M15 18l-6-6 6-6",
  check: "M5 12.5 10 17 19 7",
  mail: "M4 6h16v12H4zM4 7l8 6 8-6",
  star: "M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z",
  alert: "M12 8v5M12 16.5v.5M10.3 3.9 2.4 18a2 2 0 0 0 1.7 3h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0",
  ban: "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18M5.6 5.6l12.8 12.8",
} as const;

export function Icon({ name, className = "h-5 w-5", filled = false }: { name: keyof typeof PATHS; className?: string; filled?: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className={`flex-none ${className}`}
      fill={filled ? "currentColor" : "none"}
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}

/** A whole-panel message: an icon, a title that takes focus, text and actions. */
export function Notice({
  icon,
  title,
  children,
  tone = "brand",
}: {
  icon: keyof typeof PATHS;
  title: string;
  children?: ReactNode;
  tone?: "brand" | "red";
}) {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-3 px-6 py-8 text-center">
      <span
        className={`grid h-14 w-14 place-items-center rounded-full ${tone === "red" ? "bg-red-50 text-red-700" : "bg-(--wc-bg)/10 text-(--wc-ink)"}`}
      >
        <Icon name={icon} className="h-7 w-7" />
      </span>
      <h2 tabIndex={-1} data-autofocus className="text-lg font-semibold text-slate-900 focus:outline-none">
        {title}
      </h2>
      {children}
    </div>
  );
}
