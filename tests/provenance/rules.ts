// The rules a sentence shown to a reader is held to, worked out from the data (disputes, terms,
// events) rather than listed by hand. Used by tests/provenance-shown.test.ts (cards, /when,
// /timeline, /sources) and tests/provenance-trivia.test.ts (every generated question).
import type { Dataset } from "../../src/data/load.js";
import type { Person, Term } from "../../src/data/schema.js";
import { claimBounds } from "../../src/dates/calendar.js";
import { describeTermLength } from "../../src/dates/duration.js";
import { disputeTopic, shortRussian } from "../../src/i18n/data-text.js";
import { formatDate, type Lang, localName, text } from "../../src/i18n/index.js";
import { sourceName } from "../../src/query/holding.js";

/** Markdown (bold, italics, code) taken away: rules read the words. */
export const plain = (s: string) => s.replace(/\*\*|\*|`/g, "");

/** A name in a text, where it stands. */
interface Mention {
  person: Person;
  at: number;
  end: number;
}

/**
 * A person's names as a text in that language writes them, whole names before surnames: in
 * Russian every case form the data gives ("Никиты Хрущёва", "Хрущёвым"), longest first.
 */
function namesOf(person: Person, lang: Lang): { full: string[]; surnames: string[] } {
  if (lang === "en") return { full: [person.name], surnames: [person.name.split(" ").at(-1) as string] };
  const full = [person.nameRu, shortRussian(person.nameRu), ...Object.values(person.nameRuForms)];
  const surnames = full.map((n) => n.split(" ").at(-1) as string);
  const longest = (xs: string[]) => [...new Set(xs)].sort((a, b) => b.length - a.length);
  return { full: longest(full), surnames: longest(surnames) };
}

/** People named in a text, by full name or by surname, in order (in Russian, in any case). */
export function mentions(ds: Dataset, s: string, lang: Lang = "en"): Mention[] {
  const out: Mention[] = [];
  const taken = (a: number, b: number) => out.some((m) => a < m.end && b > m.at);
  for (const full of [true, false])
    for (const person of ds.people) {
      const names = namesOf(person, lang);
      for (const name of full ? names.full : names.surnames)
        for (const m of s.matchAll(new RegExp(`(?<![\\p{L}\\d])${name}(?![\\p{L}\\d])`, "gu"))) {
          const at = m.index ?? 0;
          if (!taken(at, at + name.length)) out.push({ person, at, end: at + name.length });
        }
    }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * The words that keep a holding neutral, as the rule states them (see src/query/holding.ts for the
 * renderer): de facto; acting; whose account, for a holding outside the order; before its office
 * existed; a title disputed from a date. Empty for a plain holding.
 */
export function qualifier(ds: Dataset, term: Term, lang: Lang): string {
  const words = text(lang);
  const out: string[] = [];
  if (term.basis === "de facto") out.push(words.deFacto);
  if (term.basis === "acting") out.push(words.acting);
  if (term.orderDisputed)
    out.push(
      words.accountOf({
        sources: [...new Set(term.start.sources.map((id) => sourceName(ds, id)))].join(", "),
      }),
    );
  const created = ds.officeById.get(term.office)?.periods[0]?.from;
  if (created && claimBounds(term.start).from < claimBounds(created).from)
    out.push(words.beforeOffice({ date: formatDate(lang, created) }));
  if (term.titleDisputed)
    out.push(words.titleDisputedFrom({ date: formatDate(lang, term.titleDisputed.from) }));
  return out.join(", ");
}

/** What a holding is called: the office, or for a body its head. */
function roleName(ds: Dataset, term: Term, lang: Lang): string {
  const office = ds.officeById.get(term.office);
  if (!office) return term.office;
  return office.kind === "body"
    ? (text(lang).headOfBody[office.id] ?? localName(lang, office))
    : localName(lang, office);
}

/** Every name a holding can go by in a text, longest first (so "Deputy General Secretary" wins). */
function roleNames(ds: Dataset, lang: Lang): string[] {
  const names = new Set<string>();
  for (const o of ds.offices) names.add(localName(lang, o));
  for (const v of Object.values(text(lang).headOfBody)) names.add(v);
  return [...names].sort((a, b) => b.length - a.length);
}

/** Clauses of a shown text: bullet lines and "; "-separated parts, each read on its own. */
export function clauses(s: string): string[] {
  return plain(s)
    .split(/\n|; |(?<=\.)\s+(?=[A-Z0-9А-Я])/)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** A line that names its sources at its end ("… — ProleWiki (used in answers)"): a source's account. */
export function attributedLine(ds: Dataset, line: string, lang: Lang): boolean {
  const i = line.lastIndexOf(" — ");
  if (i < 0) return false;
  const tail = line
    .slice(i + 3)
    .replace(` (${text(lang).used})`, "")
    .trim();
  const names = new Set(ds.sources.map((s) => sourceName(ds, s.id)));
  return tail.split(", ").every((n) => names.has(n));
}

/**
 * Rule 1, holdings named neutrally: wherever a clause names a person and then one of their
 * holdings (by its office's name or by its date), the words that keep that holding neutral are in
 * the clause, unless another holding of theirs by that name or date needs none. A clause that
 * states a holding someone never had (a rank such as "head of the Secretariat" for Stalin) is
 * reported too, where the clause is said as true.
 */
export function holdingFindings(
  ds: Dataset,
  shown: string,
  lang: Lang,
  options: { asserted?: boolean; everyDate?: boolean } = {},
): string[] {
  const { asserted = true, everyDate = true } = options;
  const out: string[] = [];
  const roles = roleNames(ds, lang);
  // The names that place someone in the Secretariat's chain or at its head: a rank.
  const ranks = new Set(
    [
      ...ds.offices.filter((o) => o.leading).map((o) => localName(lang, o)),
      ...Object.values(text(lang).headOfBody),
    ].map((r) => r.toLowerCase()),
  );
  for (const clause of clauses(shown)) {
    if (attributedLine(ds, clause, lang)) continue;
    const named = mentions(ds, clause, lang);
    named.forEach((m, i) => {
      const terms = ds.termsByPerson.get(m.person.id) ?? [];
      if (terms.length === 0) return;
      const segment = clause.slice(m.at, named[i + 1]?.at ?? clause.length);
      const needs = (ts: Term[]) => ts.length > 0 && ts.every((t) => qualifier(ds, t, lang) !== "");
      const said = (ts: Term[]) => ts.some((t) => segment.includes(qualifier(ds, t, lang)));
      let rest = segment;
      for (const role of roles) {
        const re = new RegExp(`\\b${role.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i");
        if (!re.test(rest)) continue;
        rest = rest.replace(new RegExp(re.source, "gi"), " ");
        const holding = terms.filter((t) => roleName(ds, t, lang).toLowerCase() === role.toLowerCase());
        if (holding.length === 0) {
          if (asserted && ranks.has(role.toLowerCase()))
            out.push(`names ${m.person.name} as ${role}, which no holding of theirs is: "${clause}"`);
          continue;
        }
        if (needs(holding) && !said(holding))
          out.push(
            `names ${m.person.name} as ${role} without "${holding.map((t) => qualifier(ds, t, lang)).join('" or "')}": "${clause}"`,
          );
      }
      // A date names a holding in a line about holdings, or in a clause that speaks of one: not in
      // "leaving Khrushchev in control (14 March 1953)", an event's date.
      if (!everyDate && !HOLDING_WORDS[lang].test(clause) && !roles.some((r) => clause.includes(r))) return;
      for (const t of terms) {
        const q = qualifier(ds, t, lang);
        if (!q) continue;
        for (const date of [t.start, ...(t.end ? [t.end] : [])]) {
          const surface = formatDate(lang, date);
          if (!dateIn(segment, surface, date.precision, lang)) continue;
          const same = terms.filter(
            (x) => formatDate(lang, x.start) === surface || (x.end && formatDate(lang, x.end) === surface),
          );
          if (!needs(same) || said(same)) continue;
          out.push(`dates ${m.person.name}'s holding ${surface} without "${q}": "${clause}"`);
        }
      }
    });
  }
  return out;
}

/**
 * Whether a date at its precision is written in a text, on its own: "1917" not within
 * "6 August 1917", "March 1919" not within "16 March 1919".
 */
function dateIn(s: string, surface: string, precision: string, lang: Lang): boolean {
  const words = text(lang);
  const months = [...words.months, ...words.monthsAfterDay].join("|");
  const esc = surface.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const before =
    precision === "year" ? `(?<![\\d–-])(?<!(?:${months}) )` : precision === "month" ? "(?<!\\d )" : "";
  return new RegExp(`${before}${esc}(?!\\d)`, "i").test(s);
}

const HOLDING_WORDS: Record<Lang, RegExp> = {
  en: /\boffice\b|\bheld\b|\bbecame\b|\bterm\b/i,
  ru: /должност|занима|срок/i,
};

/** People whose order the sources dispute (the subjects of a dispute some holding is outside of). */
export function orderSubjects(ds: Dataset): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of ds.terms)
    if (t.orderDisputed)
      for (const s of ds.disputeById.get(t.orderDisputed)?.subjects ?? [])
        if (ds.personById.has(s)) out.set(s, t.orderDisputed);
  return out;
}

const ADJACENT: Record<Lang, RegExp> = {
  en: /came after|came before|\bsucceed(?:ed|s)\b|immediately before|Preceded by|Succeeded by/,
  ru: /Предшественник|Преемник/,
};

/**
 * Rule 2, order: a clause that puts a person right next to another in the order of holders, where
 * the sources order one of them differently, says the order is disputed (or is not said at all).
 */
export function orderFindings(ds: Dataset, shown: string, lang: Lang, also: string[] = []): string[] {
  const subjects = orderSubjects(ds);
  const out: string[] = [];
  // Whole lines: the words that say the order is disputed follow the name in brackets.
  for (const clause of plain(shown).split("\n")) {
    if (!ADJACENT[lang].test(clause)) continue;
    const people = [...mentions(ds, clause, lang).map((m) => m.person.id), ...also];
    const disputed = people.filter((id) => subjects.has(id));
    if (disputed.length === 0) continue;
    const dispute = ds.disputeById.get(subjects.get(disputed[0] as string) as string);
    const topic = dispute ? disputeTopic(lang, dispute) : "";
    if (!clause.includes(topic)) out.push(`orders ${disputed.join(", ")} plainly: "${clause}"`);
  }
  return out;
}

/** Durations as the bot words them: "1 year, 89 days", "184 days", "9 months". */
const DURATION = /\b\d+ years?(?:, \d+ (?:days?|months?))?\b|\b\d+ (?:days?|months?)\b/g;

/** A term's dates or length are in question: it carries a dispute, or a dispute names its holder. */
export function disputedTerm(ds: Dataset, t: Term): boolean {
  return t.disputes.length > 0 || ds.disputes.some((d) => d.subjects.includes(t.person));
}

/** Rule 3, lengths: no length of a disputed holding, in a statement or as an option. */
export function durationFindings(ds: Dataset, shown: string): string[] {
  const out: string[] = [];
  for (const m of shown.matchAll(DURATION)) {
    const terms = ds.terms.filter((t) => t.end && describeTermLength(t.start, t.end) === m[0]);
    const bad = terms.filter((t) => disputedTerm(ds, t));
    if (bad.length > 0)
      out.push(`gives ${m[0]}, the disputed length of ${bad.map((t) => t.id).join(", ")}: "${shown}"`);
  }
  return out;
}

/** Rule 4, events: none the sources disagree on, and none only the partisan source gives. */
export function eventFindings(ds: Dataset, shown: string): string[] {
  const out: string[] = [];
  for (const e of ds.events) {
    const disputed = (e.disputes ?? []).length > 0;
    const partisan = e.sources.every((id) => ds.sourceById.get(id)?.kind === "partisan wiki");
    if (!disputed && !partisan) continue;
    const stem = e.title.slice(0, 40);
    if (shown.includes(stem))
      out.push(`names ${e.id}, ${disputed ? "which is disputed" : "which only ProleWiki gives"}: "${shown}"`);
  }
  return out;
}

/** The attributions in a line ("According to …", "по словам …"): never more than one. */
export function attributions(line: string): number {
  return (line.match(/\baccording to\b|по словам|по данным/gi) ?? []).length;
}

/** Words of the project's own kitchen that a reader should never see. */
export const INTERNAL = /\bseeds?\b|\d{3}_[0-9a-f]{16}\.txt|Apparat: Apparat|\bсид/i;
