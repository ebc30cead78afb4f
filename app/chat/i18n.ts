// The chat's own tiny translator: the catalogue's "chat" namespace, passed in
// by the server page for the `lang` the loader asked for. Plain {name}
// placeholders only (plural-sensitive figures go through Intl), so no message
// formatter ships to customers' sites.
import type en from "@/messages/en.json";

export type ChatMessages = (typeof en)["chat"];
export type ChatKey = keyof ChatMessages;
export type Translate = (key: ChatKey, vars?: Record<string, string | number>) => string;

export function translator(messages: ChatMessages): Translate {
  return (key, vars) => {
    const text = messages[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
}

/** "about 3 minutes" in the visitor's language, with the right plural form. */
export function formatMinutes(locale: string, seconds: number): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  return new Intl.NumberFormat(locale, { style: "unit", unit: "minute", unitDisplay: "long" }).format(minutes);
}

export function formatTime(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit" }).format(new Date(iso));
}
