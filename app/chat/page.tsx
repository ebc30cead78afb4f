// /chat: the visitor's chat app, inside the widget's iframe or popup (W1), or
// opened directly. The `lang` query (from the loader) wins over the browser's
// languages; the identity arrives in the browser, so the server renders only
// the shell: look, categories, strings and realtime settings.
import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { isLocale, localeFromAcceptLanguage, type Locale } from "@/i18n/locales";
import { listVisitorCategories } from "@/lib/categories/categories";
import { getDb } from "@/lib/db";
import { publicClientConfig } from "@/lib/realtime/config";
import { getWidgetSettings } from "@/lib/settings/widget-settings";
import { publicOrigin } from "@/lib/widget/public-origin";
import { ChatApp } from "./chat-client";
import type { ChatMessages } from "./i18n";
import { chatTheme } from "./theme";

export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;

async function localeOf(searchParams: Search): Promise<Locale> {
  const lang = one((await searchParams).lang);
  return isLocale(lang) ? lang : localeFromAcceptLanguage((await headers()).get("accept-language"));
}

async function chatMessages(locale: Locale): Promise<ChatMessages> {
  return (await import(`@/messages/${locale}.json`)).default.chat;
}

export async function generateMetadata({ searchParams }: { searchParams: Search }): Promise<Metadata> {
  const m = await chatMessages(await localeOf(searchParams));
  const settings = await getWidgetSettings(await getDb());
  return { title: { absolute: settings.title || m.defaultTitle }, robots: { index: false } };
}

export async function generateViewport(): Promise<Viewport> {
  const settings = await getWidgetSettings(await getDb());
  return { themeColor: settings.primaryColor, width: "device-width", initialScale: 1, interactiveWidget: "resizes-content" };
}

export default async function ChatPage({ searchParams }: { searchParams: Search }) {
  const locale = await localeOf(searchParams);
  const db = await getDb();
  const [settings, categories, messages] = await Promise.all([getWidgetSettings(db), listVisitorCategories(db), chatMessages(locale)]);
  const category = one((await searchParams).category);
  return (
    <ChatApp
      locale={locale}
      messages={messages}
      realtime={publicClientConfig()}
      allowedOrigins={settings.allowedOrigins}
      selfOrigin={publicOrigin(await headers())}
      theme={chatTheme(settings.primaryColor, settings.textColor)}
      look={{ title: settings.title, greeting: settings.greeting, logoUrl: settings.logoUrl }}
      categories={categories}
      categoryHint={category ? category.slice(0, 200) : null}
    />
  );
}
