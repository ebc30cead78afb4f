"use client";
import type { ComponentProps, ReactNode } from "react";
import { useId } from "react";

const inputClass =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-400";

interface FieldProps {
  label: string;
  hint?: string;
  errors?: string[];
  children: (props: { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string; className: string }) => ReactNode;
}

/** A labelled control with its hint and field errors wired for screen readers. */
export function Field({ label, hint, errors, children }: FieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : "", errors?.length ? `${id}-err` : ""].filter(Boolean).join(" ");
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy || undefined, className: inputClass })}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-err`} className="text-xs font-medium text-red-700" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({ label, hint, errors, ...input }: Omit<FieldProps, "children"> & ComponentProps<"input">) {
  return <Field label={label} hint={hint} errors={errors}>{(p) => <input {...p} {...input} />}</Field>;
}

export function Checkbox({ label, ...input }: { label: string } & ComponentProps<"input">) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-800">
      <input type="checkbox" className="h-4 w-4 rounded border-slate-300 text-brand-600 accent-brand-600" {...input} />
      {label}
    </label>
  );
}

export function FormMessage({ state }: { state: { ok: boolean; message?: string } }) {
  if (!state.message) return null;
  return (
    <div
      role={state.ok ? "status" : "alert"}
      className={`rounded-lg px-3 py-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}
    >
      {state.message}
    </div>
  );
}
