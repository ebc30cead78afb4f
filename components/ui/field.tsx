"use client";
import type { ComponentProps, ReactNode } from "react";
import { useId } from "react";
import { useServerMessage } from "./server-message";

export const inputClass =
  "block w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs transition-colors placeholder:text-slate-500 hover:border-slate-500 focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600 focus-visible:outline-none aria-[invalid=true]:border-red-600 aria-[invalid=true]:focus:ring-red-600 disabled:bg-slate-50";

interface FieldProps {
  label: string;
  hint?: string;
  errors?: string[];
  children: (props: { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string; className: string }) => ReactNode;
}

function ErrorIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-px h-4 w-4 flex-none" fill="currentColor">
      <path fillRule="evenodd" d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16M9 6a1 1 0 1 1 2 0v4a1 1 0 1 1-2 0zm1 8.25a1.25 1.25 0 1 0 0-2.5 1.25 1.25 0 0 0 0 2.5" clipRule="evenodd" />
    </svg>
  );
}

/** Field errors from a server action, in the user's language. */
export function FieldErrors({ id, errors }: { id?: string; errors?: string[] }) {
  const translate = useServerMessage();
  if (!errors?.length) return null;
  return (
    <p id={id} className="flex items-start gap-1.5 text-xs font-medium text-red-700" role="alert">
      <ErrorIcon />
      <span>{errors.map(translate).join(" ")}</span>
    </p>
  );
}

/** A labelled control with its hint and field errors wired for screen readers. */
export function Field({ label, hint, errors, children }: FieldProps) {
  const id = useId();
  const describedBy = [errors?.length ? `${id}-err` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ");
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy || undefined, className: inputClass })}
      <FieldErrors id={`${id}-err`} errors={errors} />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({ label, hint, errors, ...input }: Omit<FieldProps, "children"> & ComponentProps<"input">) {
  return <Field label={label} hint={hint} errors={errors}>{(p) => <input {...p} {...input} />}</Field>;
}

export function Checkbox({ label, description, ...input }: { label: string; description?: string } & ComponentProps<"input">) {
  return (
    <label className="flex items-start gap-2.5 text-sm text-slate-800">
      <input type="checkbox" className="mt-0.5 h-4 w-4 flex-none rounded border-slate-400 accent-brand-600" {...input} />
      <span>
        {label}
        {description ? <span className="block text-xs text-slate-600">{description}</span> : null}
      </span>
    </label>
  );
}

/** A checkbox drawn as a selectable tile, for picking several items from a set. */
export function CheckboxTile({ label, description, ...input }: { label: string; description?: string } & ComponentProps<"input">) {
  return (
    <label className="flex cursor-pointer items-start gap-2.5 rounded-lg border border-slate-200 bg-white px-3 py-2.5 text-sm text-slate-800 transition-colors hover:border-slate-300 hover:bg-slate-50 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600">
      <input type="checkbox" className="mt-0.5 h-4 w-4 flex-none rounded border-slate-400 accent-brand-600 focus-visible:outline-none" {...input} />
      <span className="min-w-0">
        <span className="block font-medium">{label}</span>
        {description ? <span className="block text-xs text-slate-600">{description}</span> : null}
      </span>
    </label>
  );
}

export function FormMessage({ state }: { state: { ok: boolean; message?: string } }) {
  const translate = useServerMessage();
  if (!state.message) return null;
  return (
    <div
      role={state.ok ? "status" : "alert"}
      className={`flex items-start gap-2 rounded-lg border px-3 py-2.5 text-sm ${state.ok ? "border-emerald-200 bg-emerald-50 text-emerald-800" : "border-red-200 bg-red-50 text-red-800"}`}
    >
      {state.ok ? null : <ErrorIcon />}
      <span>{translate(state.message)}</span>
    </div>
  );
}
