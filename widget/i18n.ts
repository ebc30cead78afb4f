// The few words the loader itself shows; the chat app has its own catalogues.
export type Lang = "en" | "ru";

const WORDS = {
  en: { open: "Open chat", close: "Close chat", title: "Chat with us", dismiss: "Dismiss", unread: (n: number) => `${n} unread` },
  ru: { open: "Открыть чат", close: "Закрыть чат", title: "Напишите нам", dismiss: "Скрыть", unread: (n: number) => `непрочитанных: ${n}` },
};
export type Words = (typeof WORDS)["en"];

/** data-lang first, then the page's own language, then the browser's. */
export function pickLang(...candidates: (string | null | undefined)[]): Lang {
  for (const c of candidates) {
    const base = (c || "").slice(0, 2).toLowerCase();
    if (base === "en" || base === "ru") return base;
  }
  return "en";
}

export function words(lang: Lang): Words {
  return WORDS[lang];
}
