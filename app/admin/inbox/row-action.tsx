"use client";
import { useActionState } from "react";
import type { FormState } from "@/lib/auth/action";

/** A one-button form (mark read, resolve) that keeps the list usable without JavaScript. */
export function RowAction({ action, id, label }: { action: (p: FormState, fd: FormData) => Promise<FormState>; id: string; label: string }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="id" value={id} />
      <button disabled={pending} className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60">
        {label}
      </button>
      {state.message && !state.ok ? <span role="alert" className="ml-2 text-xs text-red-700">{state.message}</span> : null}
    </form>
  );
}
