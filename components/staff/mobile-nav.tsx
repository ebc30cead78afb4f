"use client";
import { useEffect, useRef, type ReactNode } from "react";
import { usePathname } from "next/navigation";
import { Icon, ICONS } from "../ui/icons";

/**
 * The navigation drawer on narrow screens. A <details> element, so it opens
 * without JavaScript too; with it, the drawer closes after a navigation, on
 * Escape and on a click outside, and while it is open Tab cycles inside it
 * (a modal drawer must not let focus wander behind its backdrop).
 */
export function MobileNav({ label, closeLabel, children }: { label: string; closeLabel: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);
  const close = () => {
    if (!ref.current?.open) return;
    ref.current.open = false;
    ref.current.querySelector("summary")?.focus();
  };
  const focusable = () =>
    Array.from(panel.current?.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input:not([disabled]), [tabindex]:not([tabindex="-1"])') ?? []);
  return (
    <details
      ref={ref}
      className="lg:hidden"
      onToggle={() => {
        // Opening moves focus into the drawer, to its first link.
        if (ref.current?.open) (focusable()[1] ?? focusable()[0])?.focus();
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") close();
        if (e.key !== "Tab" || !ref.current?.open) return;
        const items = focusable();
        if (items.length === 0) return;
        const first = items[0]!;
        const last = items[items.length - 1]!;
        const inside = panel.current?.contains(document.activeElement) ?? false;
        if (e.shiftKey && (!inside || document.activeElement === first)) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && (!inside || document.activeElement === last)) {
          e.preventDefault();
          first.focus();
        }
      }}
    >
      <summary className="grid h-9 w-9 cursor-pointer list-none place-items-center rounded-lg border border-slate-300 text-slate-700 hover:bg-slate-100 [&::-webkit-details-marker]:hidden">
        <Icon d={ICONS.menu} className="h-5 w-5" />
        <span className="sr-only">{label}</span>
      </summary>
      <div aria-hidden="true" className="fixed inset-0 z-40 bg-slate-950/50" onClick={close} />
      <div ref={panel} className="fixed inset-y-0 left-0 z-50 w-72 max-w-[85vw] overflow-y-auto bg-slate-900 px-3 py-5 shadow-2xl">
        <button
          type="button"
          onClick={close}
          className="absolute top-4 right-3 grid h-8 w-8 place-items-center rounded-lg text-slate-300 hover:bg-white/10 hover:text-white"
        >
          <Icon d={ICONS.close} />
          <span className="sr-only">{closeLabel}</span>
        </button>
        {children}
      </div>
    </details>
  );
}
