import type { APIButtonComponent, APIEmbed } from "discord-api-types/v10";
import type { Dataset } from "../data/load.js";
import type { Dispute, Term } from "../data/schema.js";
import { claimBounds } from "../dates/calendar.js";
import { describeTermLength } from "../dates/duration.js";
import { formatDate, type Lang, localiseDuration, localName, t, text } from "../i18n/index.js";
import { ButtonStyle, ComponentType } from "../interactions/api.js";
import { type CardTarget, cardId } from "../interactions/custom-id.js";
import { clip, LIMITS, packedFields } from "./limits.js";

export const COLOURS = {
  person: 0xb22222,
  office: 0x8b0000,
  when: 0xc9a227,
  info: 0x4a5568,
  miss: 0x718096,
} as const;

const SHORT_NAMES: Record<string, string> = {
  "wp-secretariat": "Wikipedia: Secretariat",
  "wp-gensec-text": "Wikipedia: General Secretary",
  "wp-gensec-page": "Wikipedia: General Secretary (list)",
  "wp-gensec-old": "Wikipedia (old revision)",
  "prolewiki-gensec": "ProleWiki",
  editorial: "Apparat editors (name forms)",
};

/** Short human names for source ids, for footers and attributions. */
export function sourceName(ds: Dataset, id: string): string {
  return SHORT_NAMES[id] ?? ds.sourceById.get(id)?.publisher ?? id;
}

/** "Wikipedia: General Secretary, ProleWiki": each source named once. */
export function sourceList(ds: Dataset, ids: readonly string[]): string {
  return [...new Set(ids.map((id) => sourceName(ds, id)))].join(", ");
}

/**
 * A sourced line in the bot's own voice, or, when only a partisan source says it, attributed:
 * "According to ProleWiki, …".
 */
export function voiced(ds: Dataset, item: { text: string; sources: readonly string[] }, lang: Lang): string {
  const partisan =
    item.sources.length > 0 && item.sources.every((id) => ds.sourceById.get(id)?.kind === "partisan wiki");
  if (!partisan) return item.text;
  const first = item.text.charAt(0);
  const rest = /^[A-Z][a-z]/.test(item.text) ? `${first.toLowerCase()}${item.text.slice(1)}` : item.text;
  return text(lang).accordingTo({ source: sourceList(ds, item.sources), text: rest });
}

/** "Sources: Wikipedia: General Secretary · ProleWiki", naming each cited source once. */
export function sourcesFooter(ds: Dataset, ids: Iterable<string>, lang: Lang): APIEmbed["footer"] {
  const names = [...new Set([...ids].map((id) => sourceName(ds, id)))];
  return { text: clip(`${t(lang, "sources")}: ${names.join(" · ")}`, LIMITS.footer) };
}

/** What a term was a holding of: the office's name, or for a body (the Secretariat) its head. */
export function holdingName(ds: Dataset, term: Term, lang: Lang): string {
  const office = ds.officeById.get(term.office);
  if (!office) return term.office;
  if (office.kind === "body") return text(lang).headOfBody[office.id] ?? localName(lang, office);
  return localName(lang, office);
}

/**
 * " (de facto)", " (acting)", and for a holding that begins before its office did (Khrushchev's
 * de facto First Secretaryship from 14 March 1953, the office from 14 September) a word that says so,
 * so that no reader is told the office already existed. A holding whose place in the order is
 * disputed names the sources that give it ("according to ProleWiki").
 */
export function basisLabel(lang: Lang, term: Term, ds?: Dataset): string {
  const words: string[] = [];
  if (term.basis === "de facto") words.push(t(lang, "deFacto"));
  if (term.basis === "acting") words.push(t(lang, "acting"));
  if (term.orderDisputed && ds)
    words.push(text(lang).accountOf({ sources: sourceList(ds, term.start.sources) }));
  const created = ds?.officeById.get(term.office)?.periods[0]?.from;
  if (created && claimBounds(term.start).from < claimBounds(created).from)
    words.push(text(lang).beforeOffice({ date: formatDate(lang, created) }));
  return words.length ? ` (${words.join(", ")})` : "";
}

/** "14 September 1953 – 14 October 1964 · 11 years, 30 days". */
export function termSpan(lang: Lang, term: Term): string {
  const start = formatDate(lang, term.start);
  if (!term.end) return `${start} – ${t(lang, "endUnknown")}`;
  const died = term.endedByDeath ? " †" : "";
  return `${start} – ${formatDate(lang, term.end)}${died} · ${localiseDuration(lang, describeTermLength(term.start, term.end))}`;
}

/** "Stated: 291 days (Wikipedia: General Secretary)" lines for stated durations that differ. */
export function statedDurationNotes(ds: Dataset, term: Term, lang: Lang): string[] {
  if (!term.end) return [];
  const computed = describeTermLength(term.start, term.end).replace(/,/g, "");
  return term.statedDurations
    .filter((s) => s.text.replace(/,/g, "") !== computed)
    .map((s) => text(lang).statedMismatch({ stated: s.text, sources: sourceList(ds, s.sources) }));
}

/** One dispute as bullet lines: every claimed value with its sources. */
export function disputeLines(ds: Dataset, d: Dispute, lang: Lang): string {
  const claims = d.claims.map((c) => {
    const by = sourceList(ds, c.sources);
    return `• ${c.value} — ${by}${c.default ? ` (${t(lang, "used")})` : ""}`;
  });
  return [`**${d.topic}**`, ...claims].join("\n");
}

/** The disputes as embed fields, each dispute whole where room allows (see `packedFields`). */
export function disputeFields(ds: Dataset, disputes: readonly Dispute[], lang: Lang) {
  return packedFields(
    t(lang, "disputes"),
    disputes.map((d) => disputeLines(ds, d, lang)),
  );
}

export function openButton(label: string, target: CardTarget, emoji?: string): APIButtonComponent {
  const button: APIButtonComponent = {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: clip(label, LIMITS.buttonLabel),
    custom_id: cardId(target),
  };
  if (emoji) button.emoji = { name: emoji };
  return button;
}
