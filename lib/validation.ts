// Shared zod pieces and FormData handling for every form and route.
import { z } from "zod";
import { Invalid } from "./errors";

export const NO_MARKUP = /^[^<>]*$/;

/** A human name or title: trimmed, no markup, no control characters. */
export function plainText(max: number, label = "This field") {
  return z
    .string()
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`)
    .regex(NO_MARKUP, `${label} must not contain < or >`)
    .regex(/^[^\u0000-\u001f\u007f]*$/, `${label} must not contain control characters`);
}

/** Optional free text: empty strings become null. */
export function optionalText(max: number, label = "This field") {
  return z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));
}

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "E-mail must be at most 254 characters")
  .pipe(z.email("Enter a valid e-mail address"));

export const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "E-mail must be at most 254 characters")
  .optional()
  .nullable()
  .transform((v) => (v ? v : null))
  .pipe(z.email("Enter a valid e-mail address").nullable());

/** Checkbox / boolean from a form ("on", "true", "1") or JSON. */
export const boolField = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");

export function intField(min: number, max: number, label: string) {
  return z.coerce
    .number({ message: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(min, `${label} must be at least ${min}`)
    .max(max, `${label} must be at most ${max}`);
}

export const uuidField = z.uuid("Unknown id");

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw Invalid.fromZod(r.error);
  return r.data;
}

/** FormData to a plain object; keys listed in `arrays` keep every value. */
export function formToObject(form: FormData, arrays: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = arrays.includes(key) ? values : values[values.length - 1];
  }
  for (const key of arrays) out[key] ??= [];
  return out;
}
