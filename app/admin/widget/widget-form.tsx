"use client";
import { useActionState, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/auth/action";
import { EmbedSnippet } from "./embed-snippet";
import type { WidgetFormValues } from "./form-values";
import { contrastRatio, isHexColor, WidgetPreview } from "./widget-preview";

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

interface Props {
  action: Action;
  initial: WidgetFormValues;
  chatOrigin: string;
  categories: { id: string; name: string }[];
}

export function WidgetForm({ action, initial, chatOrigin, categories }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: false } as FormState);
  const values = { ...initial, ...(state.values as Partial<WidgetFormValues> | undefined) };
  return (
    // A new key after each answer: the fields restart from what was saved (normalized) or echoed.
    <WidgetFields
      key={JSON.stringify(state.values ?? null)}
      formAction={formAction}
      pending={pending}
      state={state}
      initial={values}
      embed={<EmbedSnippet chatOrigin={chatOrigin} categories={categories} savedMode={initial.launchMode} />}
    />
  );
}

function WidgetFields({
  formAction,
  pending,
  state,
  initial,
  embed,
}: {
  formAction: (fd: FormData) => void;
  pending: boolean;
  state: FormState;
  initial: WidgetFormValues;
  embed: ReactNode;
}) {
  const t = useTranslations("widget");
  const tc = useTranslations("common");
  const [v, setV] = useState(initial);
  const set = (k: keyof WidgetFormValues) => (value: string) => setV((prev) => ({ ...prev, [k]: value }));
  const fe = state.fieldErrors ?? {};
  const ratio = isHexColor(v.primaryColor) && isHexColor(v.textColor) ? contrastRatio(v.primaryColor, v.textColor) : null;

  return (
    // Phones read form, preview, embed code; wide screens keep the preview beside both.
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] xl:grid-cols-[minmax(0,1fr)_24rem]">
      <form action={formAction} noValidate className="min-w-0 space-y-6 lg:col-start-1 lg:row-start-1">
        <Section title={t("look")} description={t("lookHint")}>
          <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-1 xl:grid-cols-2">
            <ColorField name="primaryColor" label={t("primaryColor")} hint={t("primaryColorHint")} value={v.primaryColor} onChange={set("primaryColor")} errors={fe.primaryColor} />
            <ColorField name="textColor" label={t("textColor")} hint={t("textColorHint")} value={v.textColor} onChange={set("textColor")} errors={fe.textColor} />
          </div>
          {ratio !== null && ratio < 4.5 ? (
            <p role="status" className="flex items-start gap-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
              <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 h-4 w-4 flex-none fill-amber-500">
                <path d="M10 2 1 18h18L10 2Zm-1 6h2v5H9V8Zm0 6h2v2H9v-2Z" />
              </svg>
              {t("lowContrast", { ratio: ratio.toFixed(1) })}
            </p>
          ) : null}
          <TextField label={t("logoUrl")} hint={t("logoUrlHint")} name="logoUrl" type="url" inputMode="url" placeholder="https://" value={v.logoUrl} onChange={(e) => set("logoUrl")(e.target.value)} errors={fe.logoUrl} maxLength={500} />
          <TextField label={t("chatTitle")} hint={t("chatTitleHint")} name="title" value={v.title} onChange={(e) => set("title")(e.target.value)} errors={fe.title} maxLength={60} />
          <Field label={t("greeting")} hint={t("greetingHint")} errors={fe.greeting}>
            {(p) => <textarea {...p} name="greeting" rows={3} maxLength={300} value={v.greeting} onChange={(e) => set("greeting")(e.target.value)} />}
          </Field>
        </Section>

        <Section title={t("placement")} description={t("placementHint")}>
          <ChoiceGroup
            name="position"
            label={t("position")}
            value={v.position}
            onChange={set("position")}
            errors={fe.position}
            options={(["bottom-right", "bottom-left"] as const).map((p) => ({ value: p, label: t(`positions.${p}`), icon: <CornerIcon left={p === "bottom-left"} /> }))}
          />
          <ChoiceGroup
            name="launchMode"
            label={t("launchMode")}
            value={v.launchMode}
            onChange={set("launchMode")}
            errors={fe.launchMode}
            options={(["iframe", "popup"] as const).map((m) => ({ value: m, label: t(`launchModes.${m}`), hint: t(`launchModeHints.${m}`), icon: <ModeIcon popup={m === "popup"} /> }))}
          />
        </Section>

        <Section title={t("origins")} description={t("originsHint")}>
          <Field label={t("originsLabel")} errors={fe.allowedOrigins}>
            {(p) => (
              <textarea
                {...p}
                name="allowedOrigins"
                rows={4}
                spellCheck={false}
                autoCapitalize="off"
                placeholder={"https://shop.example.com\nhttps://www.example.com"}
                className={`${p.className} font-mono`}
                value={v.allowedOrigins}
                onChange={(e) => set("allowedOrigins")(e.target.value)}
              />
            )}
          </Field>
          <p className="text-xs text-slate-600">{v.allowedOrigins.trim() ? t("originsListed") : t("originsAny")}</p>
        </Section>

        <Section title={t("routing")} description={t("routingHint")}>
          <div className="grid gap-5 sm:grid-cols-3 lg:grid-cols-1 xl:grid-cols-3">
            <TextField label={t("offerTimeoutSec")} hint={t("offerTimeoutHint")} name="offerTimeoutSec" type="number" min={5} max={300} value={v.offerTimeoutSec} onChange={(e) => set("offerTimeoutSec")(e.target.value)} errors={fe.offerTimeoutSec} required />
            <TextField label={t("maxMissedOffers")} hint={t("maxMissedOffersHint")} name="maxMissedOffers" type="number" min={1} max={20} value={v.maxMissedOffers} onChange={(e) => set("maxMissedOffers")(e.target.value)} errors={fe.maxMissedOffers} required />
            <TextField label={t("holdTimeoutSec")} hint={t("holdTimeoutHint")} name="holdTimeoutSec" type="number" min={30} max={86400} value={v.holdTimeoutSec} onChange={(e) => set("holdTimeoutSec")(e.target.value)} errors={fe.holdTimeoutSec} required />
          </div>
        </Section>

        <div className="sticky bottom-0 z-10 -mx-1 flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 bg-white/95 px-4 py-3 shadow-lg backdrop-blur">
          <Button type="submit" disabled={pending}>{pending ? tc("saving") : tc("save")}</Button>
          <p aria-live="polite" className={`text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
            {pending ? null : state.ok ? t("saved") : state.message ? (Object.keys(fe).length ? t("fixErrors") : state.message) : null}
          </p>
        </div>
      </form>

      <aside aria-label={t("preview")} className="self-start lg:sticky lg:top-20 lg:col-start-2 lg:row-span-2 lg:row-start-1">
        <WidgetPreview primaryColor={v.primaryColor} textColor={v.textColor} logoUrl={v.logoUrl} title={v.title} greeting={v.greeting} position={v.position} />
      </aside>
      <div className="min-w-0 lg:col-start-1 lg:row-start-2">{embed}</div>
    </div>
  );
}

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Card className="p-5 sm:p-6">
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      <div className="mt-5 space-y-5">{children}</div>
    </Card>
  );
}

function ColorField({ name, label, hint, value, onChange, errors }: { name: string; label: string; hint: string; value: string; onChange: (v: string) => void; errors?: string[] }) {
  return (
    <Field label={label} hint={hint} errors={errors}>
      {(p) => (
        <div className="flex items-center gap-2">
          <input
            type="color"
            aria-label={label}
            tabIndex={-1}
            value={isHexColor(value) ? value.toLowerCase() : "#000000"}
            onChange={(e) => onChange(e.target.value)}
            className="h-[38px] w-12 flex-none cursor-pointer rounded-lg border border-slate-300 bg-white p-1 shadow-sm"
          />
          <input {...p} name={name} value={value} onChange={(e) => onChange(e.target.value)} maxLength={7} spellCheck={false} autoCapitalize="off" className={`${p.className} font-mono`} />
        </div>
      )}
    </Field>
  );
}

interface Choice {
  value: string;
  label: string;
  hint?: string;
  icon?: ReactNode;
}

function ChoiceGroup({ name, label, value, onChange, options, errors }: { name: string; label: string; value: string; onChange: (v: string) => void; options: Choice[]; errors?: string[] }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">{label}</legend>
      <div className="mt-1.5 grid gap-3 sm:grid-cols-2 lg:grid-cols-1 xl:grid-cols-2">
        {options.map((o) => (
          <label
            key={o.value}
            className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-300 bg-white p-3 shadow-sm transition-colors hover:border-slate-400 has-checked:border-brand-500 has-checked:bg-brand-50 has-checked:ring-1 has-checked:ring-brand-500 has-focus-visible:ring-2 has-focus-visible:ring-brand-500"
          >
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} className="sr-only" />
            {o.icon}
            <span className="min-w-0">
              <span className="block text-sm font-medium text-slate-900">{o.label}</span>
              {o.hint ? <span className="mt-0.5 block text-xs text-slate-600">{o.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {errors?.length ? (
        <p className="mt-1.5 text-xs font-medium text-red-700" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

function CornerIcon({ left }: { left: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 40 28" className="h-7 w-10 flex-none text-slate-400">
      <rect x="1" y="1" width="38" height="26" rx="4" fill="white" stroke="currentColor" strokeWidth="1.5" />
      <circle cx={left ? 8 : 32} cy="20" r="4" className="fill-brand-600" />
    </svg>
  );
}

function ModeIcon({ popup }: { popup: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 40 28" className="h-7 w-10 flex-none text-slate-400">
      <rect x="1" y="1" width="38" height="26" rx="4" fill="white" stroke="currentColor" strokeWidth="1.5" />
      {popup ? (
        <rect x="18" y="5" width="18" height="19" rx="2" className="fill-brand-100 stroke-brand-600" strokeWidth="1.5" />
      ) : (
        <rect x="24" y="8" width="12" height="16" rx="2" className="fill-brand-600" />
      )}
    </svg>
  );
}
