// How a holding and a source are named wherever the bot names them: cards, /when, the timeline,
// trivia. One wording, so that a holding the sources dispute (a de facto one before its office
// existed, one only ProleWiki gives, a title disputed from 1934) is never named plainly anywhere.
import type { Dataset } from "../data/build.js";
import type { Term } from "../data/schema.js";
import { claimBounds } from "../dates/calendar.js";
import { officeNameFor } from "../i18n/data-text.js";
import { formatDate, type Lang, t, text } from "../i18n/index.js";

/**
 * Short human names for source ids, for footers and attributions (the text tables'
 * `sourceShortNames`: the publisher's own name, and which document in the reader's language).
 */
export function sourceName(ds: Dataset, id: string, lang: Lang = "en"): string {
  return text(lang).sourceShortNames[id] ?? ds.sourceById.get(id)?.publisher ?? id;
}

/** "Wikipedia: General Secretary, ProleWiki": each source named once. */
export function sourceList(ds: Dataset, ids: readonly string[], lang: Lang = "en"): string {
  return [...new Set(ids.map((id) => sourceName(ds, id, lang)))].join(", ");
}

/** True when every cited source is a partisan one: such a line is the source's, not the bot's. */
export function partisanOnly(ds: Dataset, sources: readonly string[]): boolean {
  return sources.length > 0 && sources.every((id) => ds.sourceById.get(id)?.kind === "partisan wiki");
}

/** What a term was a holding of: the office's name, or for a body (the Secretariat) its head. */
export function holdingName(ds: Dataset, term: Term, lang: Lang): string {
  const office = ds.officeById.get(term.office);
  if (!office) return term.office;
  if (office.kind === "body") return text(lang).headOfBody[office.id] ?? officeNameFor(lang, office, term);
  return officeNameFor(lang, office, term);
}

/**
 * The words that keep a holding neutral: "de facto", "acting"; who gives a holding whose place in
 * the order is disputed ("according to ProleWiki"); "before the office was created on …" for a
 * holding that begins before its office did (Khrushchev's from 14 March 1953); and "title disputed
 * from 1934" where the sources disagree on the holder's title.
 */
export function holdingQualifiers(ds: Dataset, term: Term, lang: Lang): string[] {
  const words: string[] = [];
  if (term.basis === "de facto") words.push(t(lang, "deFacto"));
  if (term.basis === "acting") words.push(t(lang, "acting"));
  if (term.orderDisputed)
    words.push(text(lang).accountOf({ sources: sourceList(ds, term.start.sources, lang) }));
  const created = ds.officeById.get(term.office)?.periods[0]?.from;
  if (created && claimBounds(term.start).from < claimBounds(created).from)
    words.push(text(lang).beforeOffice({ date: formatDate(lang, created) }));
  if (term.titleDisputed)
    words.push(text(lang).titleDisputedFrom({ date: formatDate(lang, term.titleDisputed.from) }));
  return words;
}

/** " (de facto, before the office was created on 14 September 1953)", or "" for a plain holding. */
export function basisLabel(lang: Lang, term: Term, ds: Dataset): string {
  const words = holdingQualifiers(ds, term, lang);
  return words.length ? ` (${words.join(", ")})` : "";
}

/** "First Secretary (de facto, before the office was created on 14 September 1953)". */
export function holdingLabel(ds: Dataset, term: Term, lang: Lang): string {
  return `${holdingName(ds, term, lang)}${basisLabel(lang, term, ds)}`;
}
