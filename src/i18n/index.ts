// The user's language and the table of texts for it. Every user-visible text lives in en.ts and
// ru.ts; dates are worded in dates.ts. Nothing else chooses between languages.
import { type Lang, type Messages, TABLES, text } from "./tables.js";

export type { Lang, Messages };
export { text };

/** Discord sends locales such as "en-US", "en-GB", "ru"; anything but Russian gets English. */
export function langOf(locale: string | null | undefined): Lang {
  return locale?.toLowerCase().startsWith("ru") ? "ru" : "en";
}

/** The keys whose text takes no values. */
export type StringKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];

export function t(lang: Lang, key: StringKey): string {
  return TABLES[lang][key];
}

/** A dataset name in the reader's language: the Russian form where there is one. */
export function localName(lang: Lang, named: { name: string; nameRu?: string }): string {
  return lang === "ru" && named.nameRu ? named.nameRu : named.name;
}

export { formatDate, localiseDuration, precisionName } from "./dates.js";
