// What the timeline writes: people's and offices' short labels and compact date ranges, in the
// reader's language (texts from src/i18n, dates worded as src/i18n/dates.ts words them).
import type { Office, Person, Term } from "../data/schema.js";
import { formatIsoDay } from "../i18n/dates.js";
import { type Lang, localName, text } from "../i18n/index.js";
import { isoNum, isoOf, numParts } from "./days.js";

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

const shortMonth = (m: number, lang: Lang) => text(lang).monthsShortAfterDay[m - 1] ?? "";

/** A compact inclusive range of day numbers: "11 Nov 1982", "10–12 Feb 1984", "16 Oct 1952 – 5 Mar 1953". */
export function compactRange(a: number, b: number, lang: Lang): string {
  const [y1, m1, d1] = numParts(a);
  const [y2, m2, d2] = numParts(b);
  const suffix = text(lang).yearSuffix;
  if (a === b) return `${d1} ${shortMonth(m1, lang)} ${y1}${suffix}`;
  if (y1 === y2 && m1 === m2) return `${d1}–${d2} ${shortMonth(m1, lang)} ${y1}${suffix}`;
  if (y1 === y2) return `${d1} ${shortMonth(m1, lang)} – ${d2} ${shortMonth(m2, lang)} ${y1}${suffix}`;
  return `${d1} ${shortMonth(m1, lang)} ${y1} – ${d2} ${shortMonth(m2, lang)} ${y2}${suffix}`;
}

/** A term's own dates, compactly, at their precision: "14 Mar – 14 Sep 1953", "Dec 1919 – Mar 1921". */
export function termDates(term: Term, lang: Lang): string {
  const s = term.start;
  const e = term.end;
  if (s.precision === "day" && e?.precision === "day")
    return compactRange(isoNum(s.date), isoNum(e.date), lang);
  const claim = (c: Term["start"]) => {
    const [y, m, d] = c.date.split("-").map(Number) as [number, number?, number?];
    if (c.precision === "year" || m === undefined) return String(y);
    if (c.precision === "month" || d === undefined) return `${text(lang).monthsShort[m - 1]} ${y}`;
    return `${d} ${shortMonth(m, lang)} ${y}`;
  };
  if (!e) return `${claim(s)} –`;
  const a = claim(s);
  const b = claim(e);
  return a === b ? a : /^\d{4}$/.test(a) && /^\d{4}$/.test(b) ? `${a}–${b}` : `${a} – ${b}`;
}

export function basisSuffix(term: Term, lang: Lang): string {
  if (term.basis === "de facto") return ` (${text(lang).timeline.deFacto})`;
  if (term.basis === "acting") return ` (${text(lang).timeline.acting})`;
  return "";
}
