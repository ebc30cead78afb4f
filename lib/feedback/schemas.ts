import { z } from "zod";
import { emailField, optionalText, plainText, uuidField } from "../validation";

const bodyField = z
  .string()
  .trim()
  .min(1, "Message is required")
  .max(5000, "Message must be at most 5000 characters");

export const offlineMessageSchema = z.object({
  categoryId: uuidField.optional().nullable(),
  dialogId: uuidField.optional().nullable(),
  name: plainText(100, "Name"),
  email: emailField,
  body: bodyField,
});

export const ratingSchema = z.object({
  dialogId: uuidField,
  score: z.coerce.number().int("Score must be 1 to 5").min(1, "Score must be 1 to 5").max(5, "Score must be 1 to 5"),
  comment: optionalText(1000, "Comment"),
});

export const complaintSchema = z.object({
  dialogId: uuidField.optional().nullable(),
  name: optionalText(100, "Name").pipe(z.string().regex(/^[^<>]*$/, "Name must not contain < or >").nullable()),
  email: z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v) => (v ? v : null))
    .pipe(emailField.nullable()),
  body: bodyField,
});
