// API errors in the visitor's language. The server answers with English
// sentences per field; the chat shows its own text per field instead.
import { ApiError } from "./chat-api";
import type { ChatKey, Translate } from "./i18n";

const FIELD_KEYS: Record<string, ChatKey> = {
  name: "errName",
  email: "errEmail",
  phone: "errPhone",
  categoryId: "errCategory",
  score: "errScore",
};

/** The message for one field of a 422 answer, or null. */
export function fieldError(t: Translate, err: unknown, field: string): string | null {
  if (!(err instanceof ApiError) || err.status !== 422) return null;
  const raw = err.fields[field];
  if (!raw?.length) return null;
  if (/ at most /.test(raw[0]!)) return t("errTooLong");
  if (/required|Write a message/i.test(raw[0]!)) return t("errRequired");
  return t(FIELD_KEYS[field] ?? "errRequired");
}

/** The form-level message: what went wrong beyond the fields shown next to their inputs. */
export function formError(t: Translate, err: unknown, shownFields: string[] = []): string | null {
  if (!err) return null;
  if (!(err instanceof ApiError)) return t("errGeneric");
  if (err.status === 429) return t("errRateLimited");
  if (err.status === 409) return /rated/i.test(err.serverMessage) ? t("errRated") : t("errClosed");
  if (err.status === 422) {
    const other = Object.keys(err.fields).filter((f) => !shownFields.includes(f));
    if (!other.length && Object.keys(err.fields).length) return null;
    if (other.includes("categoryId")) return t("errCategory");
  }
  return t("errGeneric");
}
