import { z } from "zod";
import { ROLES } from "../auth/permissions";
import { emailField, intField, optionalText, plainText, boolField, uuidField } from "../validation";

export const passwordField = z
  .string()
  .min(8, "Password must be at least 8 characters")
  .max(200, "Password must be at most 200 characters");

const base = {
  name: plainText(100, "Name"),
  email: emailField,
  role: z.enum(ROLES, { message: "Choose a role: operator, supervisor or admin" }),
  greeting: optionalText(500, "Greeting"),
  maxDialogs: intField(1, 50, "Maximum concurrent dialogs"),
  skills: z.array(uuidField).max(200).default([]),
  active: boolField,
};

export const createUserSchema = z.object({ ...base, password: passwordField });
export const updateUserSchema = z.object(base);
export const resetPasswordSchema = z.object({ password: passwordField });

export type CreateUserInput = z.input<typeof createUserSchema>;
export type UpdateUserInput = z.input<typeof updateUserSchema>;
