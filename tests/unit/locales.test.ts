import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import { localeFromAcceptLanguage } from "@/i18n/locales";

function keys(o: object, prefix = ""): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe("locales", () => {
  it("pick the best supported language from Accept-Language", () => {
    expect(localeFromAcceptLanguage("ru-RU,ru;q=0.9,en;q=0.8")).toBe("ru");
    expect(localeFromAcceptLanguage("de-DE,de;q=0.9,ru;q=0.5,en;q=0.7")).toBe("en");
    expect(localeFromAcceptLanguage("fr")).toBe("en");
    expect(localeFromAcceptLanguage(undefined)).toBe("en");
  });

  it("English and Russian catalogues have the same keys and no empty strings", () => {
    expect(keys(ru).sort()).toEqual(keys(en).sort());
    const empty = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === "object" ? empty(v) : v.trim() ? [] : [k]));
    expect(empty(en)).toEqual([]);
    expect(empty(ru)).toEqual([]);
  });
});
