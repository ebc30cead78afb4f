// One wrapper for every server action: session and permission first, then
// input parsing in the domain function, and only known errors reach the form.
import { unstable_rethrow } from "next/navigation";
import { isDomainError, type FieldErrors } from "../errors";
import type { PublicUser } from "../users/users";
import { formToObject } from "../validation";
import { requireUser } from "./current-user";
import type { Permission } from "./permissions";

export interface FormState {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  /** The submitted values, echoed back so the form keeps them after an error. */
  values?: Record<string, unknown>;
}

export const initialFormState: FormState = { ok: false };

export async function runAction(
  permission: Permission,
  formData: FormData,
  fn: (user: PublicUser, input: Record<string, unknown>) => Promise<string | void>,
  opts: { arrays?: string[] } = {},
): Promise<FormState> {
  const input = formToObject(formData, opts.arrays);
  const values = Object.fromEntries(Object.entries(input).filter(([k]) => !/password/i.test(k)));
  try {
    const user = await requireUser(permission);
    const message = await fn(user, input);
    return { ok: true, message: message || undefined };
  } catch (err) {
    unstable_rethrow(err);
    if (isDomainError(err)) {
      const fieldErrors = "fieldErrors" in err ? (err.fieldErrors as FieldErrors) : undefined;
      return { ok: false, message: err.message, fieldErrors, values };
    }
    console.error(`action failed (${permission})`, err);
    return { ok: false, message: "Something went wrong. Please try again.", values };
  }
}
