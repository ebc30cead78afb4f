// Inputs of the visitor functions. Most come from the widget on a customer's
// site, so everything is bounded and nothing is trusted.
import { z } from "zod";
import { optionalEmail, plainText, uuidField } from "../validation";

const nowField = z.date().optional();

/** Cuts instead of refusing: tracking data from a host page must not break tracking. */
function clipped(max: number) {
  return z
    .string()
    .optional()
    .nullable()
    .transform((v) => {
      const s = (v ?? "").replace(/[\u0000-\u001f\u007f]/g, " ").trim();
      return s ? s.slice(0, max) : null;
    });
}

export const contactNameField = z
  .preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), plainText(100, "Name").nullable().optional())
  .transform((v) => v ?? null);

export const phoneField = z
  .string()
  .trim()
  .max(32, "Phone must be at most 32 characters")
  .regex(/^(\+?[0-9][0-9 ()\-.]{2,31})?$/, "Enter a phone number: digits, spaces, + ( ) - .")
  .optional()
  .nullable()
  .transform((v) => (v ? v : null));

export const ipField = z
  .union([z.ipv4(), z.ipv6()], { message: "Not an IP address" })
  .optional()
  .nullable()
  .transform((v) => v ?? null);

export const createSessionSchema = z.object({
  ip: ipField,
  userAgent: clipped(512),
  language: z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v) => (v && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/.test(v) ? v : null)),
  origin: z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v) => {
      if (!v) return null;
      try {
        const u = new URL(v);
        return u.protocol === "http:" || u.protocol === "https:" ? u.origin : null;
      } catch {
        return null;
      }
    }),
  now: nowField,
});
export type CreateSessionInput = z.input<typeof createSessionSchema>;

export const pageViewSchema = z.object({
  visitorId: uuidField,
  url: z
    .string()
    .trim()
    .max(2048, "The page address is too long")
    .refine((v) => {
      try {
        const u = new URL(v);
        return u.protocol === "http:" || u.protocol === "https:";
      } catch {
        return false;
      }
    }, "Not a web page address"),
  title: clipped(300),
  referrer: clipped(2048),
  now: nowField,
});
export type PageViewInput = z.input<typeof pageViewSchema>;

export const visitorPingSchema = z.object({ visitorId: uuidField, now: nowField });

export const contactSchema = z.object({
  visitorId: uuidField,
  name: contactNameField,
  phone: phoneField,
  email: optionalEmail,
});
export type ContactInput = z.input<typeof contactSchema>;

export const blockCheckSchema = z.object({
  visitorId: uuidField.optional().nullable(),
  ip: z.string().max(64).optional().nullable(),
  now: nowField,
});
