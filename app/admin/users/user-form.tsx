"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, ButtonLink } from "@/components/ui/button";
import { Checkbox, CheckboxTile, Field, FieldErrors, FormMessage, TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/auth/action";
import { ROLES } from "@/lib/auth/permissions";

export interface UserFormValues {
  name: string;
  email: string;
  role: string;
  greeting: string;
  maxDialogs: number | string;
  skills: string[];
  active: boolean;
}

interface Props {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  initial: UserFormValues;
  categories: { id: string; name: string; kind: string }[];
  withPassword: boolean;
}

export function UserForm({ action, initial, categories, withPassword }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const v = (state.values ?? initial) as Record<string, unknown>;
  const fe = state.fieldErrors ?? {};
  const chosen = new Set((state.values ? (v.skills as string[]) : initial.skills) ?? []);
  const active = state.values ? v.active === "on" : initial.active;
  return (
    <form action={formAction} className="space-y-5" noValidate key={JSON.stringify(state.values ?? null)}>
      <FormMessage state={state} />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label={t("users.name")} name="name" defaultValue={String(v.name ?? "")} errors={fe.name} required maxLength={100} />
        <TextField label={t("users.email")} name="email" type="email" defaultValue={String(v.email ?? "")} errors={fe.email} required />
        <Field label={t("users.role")} errors={fe.role}>
          {(p) => (
            <select {...p} name="role" defaultValue={String(v.role ?? "operator")}>
              {ROLES.map((r) => (
                <option key={r} value={r}>{t(`roles.${r}`)}</option>
              ))}
            </select>
          )}
        </Field>
        <TextField label={t("users.maxDialogs")} name="maxDialogs" type="number" min={1} max={50} defaultValue={String(v.maxDialogs ?? 3)} errors={fe.maxDialogs} required />
        {withPassword ? (
          <TextField label={t("users.password")} name="password" type="password" autoComplete="new-password" hint={t("users.passwordHint")} errors={fe.password} required />
        ) : null}
      </div>
      <Field label={t("users.greeting")} hint={t("users.greetingHint")} errors={fe.greeting}>
        {(p) => <textarea {...p} name="greeting" rows={2} maxLength={500} defaultValue={String(v.greeting ?? "")} />}
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("users.skills")}</legend>
        {categories.length ? (
          <div className="mt-2 grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
            {categories.map((c) => (
              <CheckboxTile key={c.id} name="skills" value={c.id} defaultChecked={chosen.has(c.id)} label={c.name} description={t(`kinds.${c.kind}`)} />
            ))}
          </div>
        ) : (
          <p className="mt-2 text-sm text-slate-600">{t("users.noCategories")}</p>
        )}
        <div className="mt-1.5">
          <FieldErrors errors={fe.skills} />
        </div>
      </fieldset>
      <div>
        <Checkbox name="active" defaultChecked={active} label={t("users.active")} />
        <div className="mt-1.5">
          <FieldErrors errors={fe.active} />
        </div>
      </div>
      <div className="flex flex-wrap gap-3 border-t border-slate-100 pt-5">
        <Button type="submit" disabled={pending}>{pending ? t("common.saving") : t("common.save")}</Button>
        <ButtonLink href="/admin/users" variant="secondary">{t("common.cancel")}</ButtonLink>
      </div>
    </form>
  );
}

export function PasswordForm({ action }: { action: Props["action"] }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField label={t("users.newPassword")} name="password" type="password" autoComplete="new-password" hint={t("users.passwordHint")} errors={state.fieldErrors?.password} required />
      <Button type="submit" variant="secondary" disabled={pending}>{t("users.resetPassword")}</Button>
    </form>
  );
}
