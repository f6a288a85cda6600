import type { APIButtonComponent, APIEmbed } from "discord-api-types/v10";
import type { Dataset } from "../data/load.js";
import type { Dispute, Term } from "../data/schema.js";
import { describeTermLength } from "../dates/duration.js";
import { claimValue, disputeTopic, sourcedText } from "../i18n/data-text.js";
import { formatDate, type Lang, localiseDuration, t, text } from "../i18n/index.js";
import { ButtonStyle, ComponentType } from "../interactions/api.js";
import { type CardTarget, cardId } from "../interactions/custom-id.js";
import { partisanOnly, sourceList, sourceName } from "../query/holding.js";
import { statedAgrees } from "../query/stated.js";
import { clip, LIMITS, packedFields } from "./limits.js";

export const COLOURS = {
  person: 0xb22222,
  office: 0x8b0000,
  when: 0xc9a227,
  info: 0x4a5568,
  miss: 0x718096,
} as const;

export {
  basisLabel,
  holdingLabel,
  holdingName,
  partisanOnly,
  sourceList,
  sourceName,
} from "../query/holding.js";

/**
 * A sourced line in the bot's own voice, or, when only a partisan source says it, attributed:
 * "According to ProleWiki, …". This is the one place a sourced line gets its attribution (data
 * texts never name their source: tests/provenance checks both), so it cannot be said twice. A
 * partisan-only text is written to follow "According to ProleWiki, " as it stands.
 */
export function voiced(
  ds: Dataset,
  item: { text: string; ru?: string | undefined; sources: readonly string[] },
  lang: Lang,
): string {
  const said = sourcedText(lang, item);
  if (!partisanOnly(ds, item.sources)) return said;
  return text(lang).accordingTo({ source: sourceList(ds, item.sources, lang), text: said });
}

/** "Sources: Wikipedia: General Secretary · ProleWiki", naming each cited source once. */
export function sourcesFooter(ds: Dataset, ids: Iterable<string>, lang: Lang): APIEmbed["footer"] {
  const names = [...new Set([...ids].map((id) => sourceName(ds, id, lang)))];
  return { text: clip(`${t(lang, "sources")}: ${names.join(" · ")}`, LIMITS.footer) };
}

/** "14 September 1953 – 14 October 1964 · 11 years, 30 days". */
export function termSpan(lang: Lang, term: Term): string {
  const start = formatDate(lang, term.start);
  if (!term.end) return `${start} – ${t(lang, "endUnknown")}`;
  const died = term.endedByDeath ? " †" : "";
  return `${start} – ${formatDate(lang, term.end)}${died} · ${localiseDuration(lang, describeTermLength(term.start, term.end))}`;
}

/** "Stated as "291 days" by …" lines for stated durations that differ from the term's own dates. */
export function statedDurationNotes(ds: Dataset, term: Term, lang: Lang): string[] {
  if (!term.end) return [];
  return term.statedDurations
    .filter((s) => !statedAgrees(term, s.text))
    .map((s) =>
      text(lang).statedMismatch({ stated: sourcedText(lang, s), sources: sourceList(ds, s.sources, lang) }),
    );
}

/** "• 16 October 1952: … — Wikipedia: General Secretary (list) (used in answers)". */
export function disputeClaimLine(ds: Dataset, c: Dispute["claims"][number], lang: Lang): string {
  return `• ${claimValue(lang, c)} — ${sourceList(ds, c.sources, lang)}${c.default ? ` (${t(lang, "used")})` : ""}`;
}

/** One dispute as bullet lines: every claimed value with its sources. */
export function disputeLines(ds: Dataset, d: Dispute, lang: Lang): string {
  return [`**${disputeTopic(lang, d)}**`, ...d.claims.map((c) => disputeClaimLine(ds, c, lang))].join("\n");
}

/** The disputes as embed fields, each dispute whole where room allows (see `packedFields`). */
export function disputeFields(ds: Dataset, disputes: readonly Dispute[], lang: Lang) {
  return packedFields(
    t(lang, "disputes"),
    disputes.map((d) => disputeLines(ds, d, lang)),
    3,
    lang,
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
