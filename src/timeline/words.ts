// What the timeline writes: people's and offices' short labels and compact date ranges, in the
// reader's language (texts from src/i18n; dates, compact ones included, from src/i18n/dates.ts).
import type { Dataset } from "../data/build.js";
import type { Office, Person, Term } from "../data/schema.js";
import { formatIsoDay } from "../i18n/dates.js";

import { type Lang, localName, text } from "../i18n/index.js";
import { basisLabel } from "../query/holding.js";
import { isoOf } from "./days.js";

/** "Nikita Khrushchev" and "Khrushchev" (or "Никита Хрущёв" and "Хрущёв"). */
export function personLabel(
  person: Person | undefined,
  fallback: string,
  lang: Lang,
): { full: string; short: string } {
  if (!person) return { full: fallback, short: fallback };
  const name = localName(lang, person);
  const words = name.split(/\s+/).filter(Boolean);
  return { full: text(lang).timeline.personOnBar({ words }) || name, short: words[words.length - 1] ?? name };
}

export function officeLabel(office: Office | undefined, id: string, lang: Lang): string {
  return text(lang).timeline.officeShort[id] ?? (office ? localName(lang, office) : id);
}

/** "14 March 1953" / "14 марта 1953 г.", from a day number. */
export function longDay(n: number, lang: Lang): string {
  return formatIsoDay(lang, isoOf(n));
}

/**
 * " (de facto)", " (acting)", who gives a holding whose place in the order is disputed, and the
 * other words that keep a holding neutral: the same as on the cards (src/query/holding.ts).
 */
export function basisSuffix(term: Term, lang: Lang, ds: Dataset): string {
  return basisLabel(lang, term, ds);
}
