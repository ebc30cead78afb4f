"use client";
import Link from "next/link";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { scriptTag, WEBCHAT_STUB, type SnippetOptions } from "@/lib/widget/snippet";

interface Props {
  chatOrigin: string;
  categories: { id: string; name: string }[];
  savedMode: string;
}

const selectClass =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";

/** The code a site owner pastes, with the data-* options picked from lists. */
export function EmbedSnippet({ chatOrigin, categories, savedMode }: Props) {
  const t = useTranslations("widget");
  const id = useId();
  const [o, setO] = useState<SnippetOptions>({ lang: "", category: "", mode: "", hideButton: false });
  const tag = scriptTag(chatOrigin, o);
  const ownButton = `<script>${WEBCHAT_STUB}</script>\n${scriptTag(chatOrigin, { ...o, hideButton: true })}\n\n<button type="button" onclick="Webchat.open()">${t("chatWithUs")}</button>`;
  const api = [
    ["Webchat.open()", t("api.open")],
    ["Webchat.close()", t("api.close")],
    ["Webchat.toggle()", t("api.toggle")],
    ['Webchat.setVisitor({ name, phone, email })', t("api.setVisitor")],
    ['Webchat.on("unread", (count) => …)', t("api.on")],
  ] as const;

  return (
    <Card className="p-5 sm:p-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-base font-semibold text-slate-900">{t("embed")}</h2>
          <p className="mt-1 text-sm text-slate-600">{t("embedHint")}</p>
        </div>
        <Link href="/demo" target="_blank" className="text-sm font-medium text-brand-700 hover:underline">
          {t("demoLink")} ↗
        </Link>
      </div>

      <div className="mt-5 grid gap-4 sm:grid-cols-2 lg:grid-cols-1 xl:grid-cols-2">
        <div className="space-y-1.5">
          <label htmlFor={`${id}-lang`} className="block text-sm font-medium text-slate-800">{t("optLang")}</label>
          <select id={`${id}-lang`} className={selectClass} value={o.lang} onChange={(e) => setO({ ...o, lang: e.target.value as SnippetOptions["lang"] })}>
            <option value="">{t("optLangAuto")}</option>
            <option value="en">English</option>
            <option value="ru">Русский</option>
          </select>
        </div>
        <div className="space-y-1.5">
          <label htmlFor={`${id}-cat`} className="block text-sm font-medium text-slate-800">{t("optCategory")}</label>
          <select id={`${id}-cat`} className={selectClass} value={o.category} onChange={(e) => setO({ ...o, category: e.target.value })}>
            <option value="">{t("optCategoryNone")}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1.5">
          <label htmlFor={`${id}-mode`} className="block text-sm font-medium text-slate-800">{t("optMode")}</label>
          <select id={`${id}-mode`} className={selectClass} value={o.mode} onChange={(e) => setO({ ...o, mode: e.target.value as SnippetOptions["mode"] })}>
            <option value="">{t("optModeDefault", { mode: savedMode === "popup" ? t("modeShort.popup") : t("modeShort.iframe") })}</option>
            <option value="iframe">{t("launchModes.iframe")}</option>
            <option value="popup">{t("launchModes.popup")}</option>
          </select>
        </div>
        <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-800">
          <input type="checkbox" className="h-4 w-4 rounded border-slate-300 accent-brand-600" checked={!!o.hideButton} onChange={(e) => setO({ ...o, hideButton: e.target.checked })} />
          {t("optHide")}
        </label>
      </div>

      <CodeBlock title={t("scriptTag")} code={tag} />

      <p className="mt-6 text-sm text-slate-600">{t("ownButtonHint")}</p>
      <CodeBlock title={t("ownButton")} code={ownButton} />

      <h3 className="mt-6 text-sm font-semibold text-slate-900">{t("apiTitle")}</h3>
      <dl className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 text-sm">
        {api.map(([code, text]) => (
          <div key={code} className="flex flex-col gap-1 px-3 py-2 sm:flex-row sm:items-baseline sm:gap-4">
            <dt className="font-mono text-[13px] text-slate-900 sm:w-72 sm:flex-none">{code}</dt>
            <dd className="text-slate-600">{text}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

function CodeBlock({ title, code }: { title: string; code: string }) {
  return (
    <figure className="mt-3 overflow-hidden rounded-lg bg-slate-900 ring-1 ring-slate-900">
      <figcaption className="flex items-center justify-between gap-3 border-b border-white/10 bg-slate-800 py-1.5 pl-4 pr-1.5">
        <span className="text-xs font-semibold text-slate-200">{title}</span>
        <CopyButton text={code} />
      </figcaption>
      <pre className="whitespace-pre-wrap break-all p-4 text-[13px] leading-relaxed text-slate-100">
        <code>{code}</code>
      </pre>
    </figure>
  );
}

function CopyButton({ text }: { text: string }) {
  const t = useTranslations("widget");
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Plain http on another host has no clipboard API: the old way still works.
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <button
      type="button"
      onClick={copy}
      className="inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-xs font-medium text-slate-200 hover:bg-white/10 hover:text-white"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        {copied ? <path d="M5 12l5 5L20 7" /> : <path d="M9 9h10v10H9zM5 15V5h10" />}
      </svg>
      <span aria-live="polite">{copied ? t("copied") : t("copy")}</span>
    </button>
  );
}
