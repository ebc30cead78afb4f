"use client";
import { useLocale, useTranslations } from "next-intl";

// The domain (lib/) answers forms with English sentences, which name the field
// ("Name is required") and are shown as they are in English. Until it answers
// with codes, the known sentences are recognised here and shown from the
// catalogue in the user's other language; anything unknown is shown as it came.
const PATTERNS: [RegExp, string][] = [
  [/^Please correct the highlighted fields$/, "invalidForm"],
  [/^Something went wrong\. Please try again\.$/, "generic"],
  [/ is required$/, "required"],
  [/ must be at least (?<min>\d+) characters$/, "tooShort"],
  [/ must be at most (?<max>\d+) characters$/, "tooLong"],
  [/ must not contain < or >$/, "noMarkup"],
  [/ must not contain control characters$/, "noControl"],
  [/^Enter a valid e-mail address$/, "email"],
  [/ must be a number$/, "number"],
  [/ must be a whole number$/, "wholeNumber"],
  [/ must be at least (?<min>-?\d+)$/, "min"],
  [/ must be at most (?<max>-?\d+)$/, "max"],
  [/^Choose a role\b/, "chooseRole"],
  [/^Choose a kind\b/, "chooseKind"],
  [/^A user with this e-mail already exists$/, "userExists"],
  [/^This e-mail is already in use$/, "emailTaken"],
  [/^A category with this name and kind already exists$/, "categoryExists"],
  [/^Already in use$/, "taken"],
  [/^An archived category cannot be edited$/, "archivedCategory"],
  [/^You cannot disable yourself or remove your own admin role$/, "selfLockout"],
  [/^Ask another administrator to do this$/, "askAnotherAdmin"],
  [/^One of the chosen categories does not exist or is archived$/, "unknownCategory"],
  [/ not found$/, "notFound"],
  [/^Unknown id$/, "notFound"],
  [/^Your role does not allow this$/, "forbidden"],
  [/^Sign-in required$/, "signInRequired"],
];

/** Turns a message from a server action into the user's language. */
export function useServerMessage(): (message: string) => string {
  const t = useTranslations("serverErrors");
  const locale = useLocale();
  return (message) => {
    if (locale === "en") return message;
    for (const [re, key] of PATTERNS) {
      const m = re.exec(message);
      if (m) return t(key, m.groups ?? {});
    }
    return message;
  };
}
