import { z } from "zod";
import { boolField, intField, optionalEmail, optionalText, plainText } from "../validation";

export const CATEGORY_KINDS = ["language", "topic", "department"] as const;

export const categorySchema = z.object({
  name: plainText(100, "Name"),
  kind: z.enum(CATEGORY_KINDS, { message: "Choose a kind: language, topic or department" }),
  description: optionalText(500, "Description"),
  queueWaitLimitSec: intField(10, 86400, "Queue wait limit"),
  // Empty means "use the global setting".
  offerTimeoutSec: z.preprocess((v) => (v === "" || v === undefined ? null : v), intField(5, 300, "Offer timeout").nullable()),
  offlineEmail: optionalEmail,
  enabled: boolField,
  sortOrder: intField(0, 10000, "Display order"),
});
export type CategoryInput = z.input<typeof categorySchema>;
