"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";

const HEX = /^#[0-9a-f]{6}$/i;
export const isHexColor = (v: string) => HEX.test(v);

// WCAG 2 relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

interface PreviewProps {
  primaryColor: string;
  textColor: string;
  logoUrl: string;
  title: string;
  greeting: string;
  position: string;
}

/** The launcher and a mock chat panel on a mock page, restyled as the admin types. */
export function WidgetPreview({ primaryColor, textColor, logoUrl, title, greeting, position }: PreviewProps) {
  const t = useTranslations("widget");
  const [view, setView] = useState<"chat" | "button">("chat");
  const [brokenLogo, setBrokenLogo] = useState<string | null>(null);
  const bg = isHexColor(primaryColor) ? primaryColor : "#4f46e5";
  const fg = isHexColor(textColor) ? textColor : "#ffffff";
  const left = position === "bottom-left";
  const side = left ? "left-4" : "right-4";
  const shownTitle = title.trim() || t("previewDefaultTitle");
  const logo = /^https?:\/\/\S+$/.test(logoUrl.trim()) && brokenLogo !== logoUrl ? logoUrl.trim() : null;
  const open = view === "chat";

  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between gap-3">
        <h2 className="text-sm font-semibold text-slate-900">{t("preview")}</h2>
        <div role="group" aria-label={t("preview")} className="inline-flex rounded-lg border border-slate-300 bg-white p-0.5 text-xs">
          {(["chat", "button"] as const).map((k) => (
            <button
              key={k}
              type="button"
              aria-pressed={view === k}
              onClick={() => setView(k)}
              className={`rounded-md px-2.5 py-1 font-medium ${view === k ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {k === "chat" ? t("previewChat") : t("previewButton")}
            </button>
          ))}
        </div>
      </div>

      <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" aria-hidden="true">
        <div className="flex items-center gap-2 border-b border-slate-200 bg-slate-100 px-3 py-2">
          <span className="flex gap-1.5">
            <span className="h-2.5 w-2.5 rounded-full bg-red-300" />
            <span className="h-2.5 w-2.5 rounded-full bg-amber-300" />
            <span className="h-2.5 w-2.5 rounded-full bg-emerald-300" />
          </span>
          <span className="mx-auto truncate rounded-md bg-white px-3 py-0.5 text-[11px] text-slate-600">{t("previewSite")}</span>
        </div>

        <div className="relative h-[540px] overflow-hidden bg-slate-50">
          {/* The customer's page, as grey blocks */}
          <div className="space-y-4 p-5">
            <div className="flex items-center justify-between">
              <div className="h-4 w-20 rounded bg-slate-300" />
              <div className="flex gap-2">
                <div className="h-2.5 w-10 rounded bg-slate-200" />
                <div className="h-2.5 w-10 rounded bg-slate-200" />
                <div className="h-2.5 w-10 rounded bg-slate-200" />
              </div>
            </div>
            <div className="space-y-2 pt-6">
              <div className="h-5 w-3/4 rounded bg-slate-300" />
              <div className="h-5 w-1/2 rounded bg-slate-300" />
              <div className="h-2.5 w-5/6 rounded bg-slate-200" />
              <div className="h-2.5 w-2/3 rounded bg-slate-200" />
            </div>
            <div className="h-8 w-28 rounded-lg" style={{ background: bg, opacity: 0.85 }} />
            <div className="grid grid-cols-3 gap-3 pt-4">
              {[0, 1, 2].map((i) => (
                <div key={i} className="h-24 rounded-lg border border-slate-200 bg-white" />
              ))}
            </div>
          </div>

          {open ? (
            <div className={`absolute bottom-[84px] ${side} flex h-[400px] w-[272px] flex-col overflow-hidden rounded-2xl bg-white shadow-2xl ring-1 ring-black/5`}>
              <div className="flex items-center gap-3 px-4 py-3.5" style={{ background: bg, color: fg }}>
                {logo ? (
                  // An admin's logo on any host: next/image would need every host configured.
                  // eslint-disable-next-line @next/next/no-img-element
                  <img src={logo} alt="" className="h-9 w-9 flex-none rounded-full bg-white object-cover" onError={() => setBrokenLogo(logoUrl)} />
                ) : (
                  <span className="grid h-9 w-9 flex-none place-items-center rounded-full text-sm font-bold" style={{ background: `${fg}26`, color: fg }}>
                    {shownTitle.slice(0, 1).toUpperCase()}
                  </span>
                )}
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-sm font-semibold">{shownTitle}</span>
                  <span className="flex items-center gap-1.5 text-[11px] opacity-85">
                    <span className="h-1.5 w-1.5 rounded-full bg-emerald-400" />
                    {t("previewStatus")}
                  </span>
                </span>
                <svg viewBox="0 0 24 24" className="h-5 w-5 flex-none opacity-80" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
                  <path d="M6 9l6 6 6-6" />
                </svg>
              </div>
              <div className="flex-1 space-y-3 overflow-hidden bg-slate-50 p-3.5 text-[13px] leading-snug">
                <div className="flex items-end gap-2">
                  <span className="grid h-6 w-6 flex-none place-items-center rounded-full text-[10px] font-bold" style={{ background: bg, color: fg }}>
                    {shownTitle.slice(0, 1).toUpperCase()}
                  </span>
                  <p className="max-w-[80%] whitespace-pre-line break-words rounded-2xl rounded-bl-md bg-white px-3 py-2 text-slate-800 shadow-sm ring-1 ring-slate-200">
                    {greeting.trim() || t("previewDefaultGreeting")}
                  </p>
                </div>
                <div className="flex justify-end">
                  <p className="max-w-[80%] rounded-2xl rounded-br-md px-3 py-2 shadow-sm" style={{ background: bg, color: fg }}>
                    {t("previewVisitor")}
                  </p>
                </div>
                <div className="flex items-center gap-1 pl-8 text-slate-400">
                  <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-slate-400" />
                  <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-slate-400 [animation-delay:150ms]" />
                  <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-slate-400 [animation-delay:300ms]" />
                </div>
              </div>
              <div className="flex items-center gap-2 border-t border-slate-200 bg-white p-2.5">
                <span className="flex-1 truncate rounded-full bg-slate-100 px-3 py-2 text-[12px] text-slate-600">{t("previewComposer")}</span>
                <span className="grid h-8 w-8 flex-none place-items-center rounded-full" style={{ background: bg, color: fg }}>
                  <svg viewBox="0 0 24 24" className="h-4 w-4" fill="currentColor">
                    <path d="M3.4 20.4 21 12 3.4 3.6 3.4 10l12.6 2-12.6 2z" />
                  </svg>
                </span>
              </div>
            </div>
          ) : greeting.trim() ? (
            <div className={`absolute bottom-[84px] ${side} flex max-w-[240px] gap-2.5 rounded-2xl bg-white p-3 text-[13px] shadow-xl ring-1 ring-black/5`}>
              {logo ? (
                // eslint-disable-next-line @next/next/no-img-element
                <img src={logo} alt="" className="h-8 w-8 flex-none rounded-full object-cover" onError={() => setBrokenLogo(logoUrl)} />
              ) : null}
              <span className="min-w-0">
                <span className="block font-semibold text-slate-900">{shownTitle}</span>
                <span className="line-clamp-4 whitespace-pre-line break-words text-slate-700">{greeting.trim()}</span>
              </span>
            </div>
          ) : null}

          <span className={`absolute bottom-4 ${side} grid h-14 w-14 place-items-center rounded-full shadow-lg`} style={{ background: bg, color: fg }}>
            {open ? (
              <svg viewBox="0 0 24 24" className="h-7 w-7" fill="currentColor">
                <path d="M6.7 8.1 12 13.4l5.3-5.3 1.4 1.4L12 16.2 5.3 9.5Z" />
              </svg>
            ) : (
              <svg viewBox="0 0 24 24" className="h-7 w-7" fill="currentColor">
                <path d="M12 3C6.5 3 2 6.8 2 11.5c0 2.4 1.2 4.6 3.1 6.1L4.3 21l4.1-2.1c1.1.4 2.3.6 3.6.6 5.5 0 10-3.8 10-8.5S17.5 3 12 3Z" />
              </svg>
            )}
          </span>
        </div>
      </div>
    </div>
  );
}
