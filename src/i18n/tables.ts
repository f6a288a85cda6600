// The tables of texts by language (see en.ts and ru.ts).
import { en, type Messages } from "./en.js";
import { ru } from "./ru.js";

export type Lang = "en" | "ru";
export type { Messages };

export const TABLES: Record<Lang, Messages> = { en, ru };

/** The whole table of texts for a language. */
export function text(lang: Lang): Messages {
  return TABLES[lang];
}
