"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, ButtonLink } from "@/components/ui/button";
import { Checkbox, Field, FormMessage, TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/auth/action";
import { CATEGORY_KINDS } from "@/lib/categories/schemas";

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

export interface CategoryFormValues {
  name: string;
  kind: string;
  description: string;
  queueWaitLimitSec: number | string;
  offerTimeoutSec: number | string;
  offlineEmail: string;
  enabled: boolean;
  sortOrder: number | string;
}

export function CategoryForm({ action, initial }: { action: Action; initial: CategoryFormValues }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const v = (state.values ?? initial) as Record<string, unknown>;
  const fe = state.fieldErrors ?? {};
  const enabled = state.values ? v.enabled === "on" : initial.enabled;
  return (
    <form action={formAction} className="space-y-5" noValidate key={JSON.stringify(state.values ?? null)}>
      <FormMessage state={state} />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label={t("categories.name")} name="name" defaultValue={String(v.name ?? "")} errors={fe.name} required maxLength={100} />
        <Field label={t("categories.kind")} errors={fe.kind}>
          {(p) => (
            <select {...p} name="kind" defaultValue={String(v.kind ?? "topic")}>
              {CATEGORY_KINDS.map((k) => (
                <option key={k} value={k}>{t(`kinds.${k}`)}</option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t("categories.description")} errors={fe.description}>
        {(p) => <textarea {...p} name="description" rows={2} maxLength={500} defaultValue={String(v.description ?? "")} />}
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label={t("categories.queueWaitLimitSec")} hint={t("categories.queueWaitHint")} name="queueWaitLimitSec" type="number" min={10} max={86400} defaultValue={String(v.queueWaitLimitSec ?? 300)} errors={fe.queueWaitLimitSec} required />
        <TextField label={t("categories.offerTimeoutSec")} hint={t("categories.offerTimeoutHint")} name="offerTimeoutSec" type="number" min={5} max={300} defaultValue={String(v.offerTimeoutSec ?? "")} errors={fe.offerTimeoutSec} />
        <TextField label={t("categories.offlineEmail")} name="offlineEmail" type="email" defaultValue={String(v.offlineEmail ?? "")} errors={fe.offlineEmail} />
        <TextField label={t("categories.sortOrder")} name="sortOrder" type="number" min={0} max={10000} defaultValue={String(v.sortOrder ?? 0)} errors={fe.sortOrder} required />
      </div>
      <Checkbox name="enabled" defaultChecked={enabled} label={t("categories.enabled")} />
      <div className="flex flex-wrap gap-3 border-t border-slate-100 pt-5">
        <Button type="submit" disabled={pending}>{pending ? t("common.saving") : t("common.save")}</Button>
        <ButtonLink href="/admin/categories" variant="secondary">{t("common.cancel")}</ButtonLink>
      </div>
    </form>
  );
}

export function DeleteCategoryForm({ action }: { action: Action }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form
      action={formAction}
      className="space-y-3"
      onSubmit={(e) => {
        if (!window.confirm(t("categories.confirmDelete"))) e.preventDefault();
      }}
    >
      <FormMessage state={state} />
      <p className="text-sm text-slate-600">{t("categories.deleteHint")}</p>
      <Button type="submit" variant="danger" disabled={pending}>{t("common.delete")}</Button>
    </form>
  );
}
