import type { Engine } from "../app.js";
import { clip, LIMITS } from "../cards/limits.js";
import { officeCard } from "../cards/office.js";
import { type Card, personCard } from "../cards/person.js";
import { ASKER_PLACEHOLDER, forAsker, keep } from "../cards/reuse.js";
import { whenCard } from "../cards/when.js";
import type { Dataset } from "../data/load.js";
import type { Lang } from "../i18n/index.js";
import { t, text } from "../i18n/index.js";
import { answerWhen, type WhenAnswer } from "../query/when.js";
import type { SearchHit } from "../search/index.js";
import { ComponentType, MessageFlags } from "./api.js";
import { hitName, matchedNote } from "./choices.js";
import { type CardKind, type CardTarget, pickId } from "./custom-id.js";
import { cardPayload, ephemeralText, NO_MENTIONS, quoteUserText } from "./payload.js";
import type { MessagePayload } from "./types.js";

/** Cards already built, per dataset, by kind, id and language (see src/cards/reuse.ts). */
const kept = new WeakMap<Dataset, Map<string, Card | null>>();

function keptCard(ds: Dataset, kind: "person" | "office", id: string, lang: Lang): Card | null {
  let cards = kept.get(ds);
  if (!cards) {
    cards = new Map();
    kept.set(ds, cards);
  }
  const key = `${kind}|${lang}|${id}`;
  let card = cards.get(key);
  if (card === undefined) {
    const options = { lang, asker: ASKER_PLACEHOLDER };
    const person = kind === "person" ? ds.personById.get(id) : undefined;
    const office = kind === "office" ? ds.officeById.get(id) : undefined;
    card = person ? personCard(ds, person, options) : office ? officeCard(ds, office, options) : null;
    // Only real entries are kept: a forged id must not grow the map.
    if (card) cards.set(key, keep(card));
  }
  return card;
}

/** A person's or office's card by id, or null when there is no such entry. */
export function entryCard(
  engine: Engine,
  kind: "person" | "office",
  id: string,
  options: { lang: Lang; asker: string; matched?: string },
): Card | null {
  const card = keptCard(engine.dataset, kind, id, options.lang);
  return card ? forAsker(card, options.lang, options.asker, options.matched) : null;
}

/** A /when card, kept per words, office and language like the others (see src/cards/reuse.ts). */
export function keptWhenCard(
  ds: Dataset,
  text: string,
  answers: WhenAnswer[],
  options: { lang: Lang; asker: string; office?: string },
): Card {
  let cards = keptWhen.get(ds);
  if (!cards) {
    cards = new Map();
    keptWhen.set(ds, cards);
  }
  const key = `${options.lang}|${options.office ?? ""}|${text}`;
  let card = cards.get(key);
  if (!card) {
    card = keep(whenCard(ds, text, answers, { ...options, asker: ASKER_PLACEHOLDER }));
    // The words are anyone's: bounded like the answers they come from (oldest out first).
    if (cards.size >= WHEN_CARDS_KEPT) {
      const oldest = cards.keys().next().value;
      if (oldest !== undefined) cards.delete(oldest);
    }
    cards.set(key, card);
  }
  return forAsker(card, options.lang, options.asker);
}

const WHEN_CARDS_KEPT = 2000;
const keptWhen = new WeakMap<Dataset, Map<string, Card>>();

/** Builds the card a button or menu points at; null when the target no longer exists. */
export function renderTarget(engine: Engine, target: CardTarget, lang: Lang, asker: string): Card | null {
  if (target.kind !== "when") return entryCard(engine, target.kind, target.id, { lang, asker });
  const ds = engine.dataset;
  const { parsed, answers } = answerWhen(ds, target.id, target.office ? { office: target.office } : {});
  if (!parsed.ok) return null;
  return keptWhenCard(ds, target.id, answers, {
    lang,
    asker,
    ...(target.office ? { office: target.office } : {}),
  });
}

/**
 * The polite answer to a miss: ephemeral, says what was not found, and offers a menu of the
 * nearest entries that opens the chosen card.
 */
export function didYouMean(
  ds: Dataset,
  kind: CardKind,
  query: string,
  hits: SearchHit[],
  lang: Lang,
  asker: string,
): MessagePayload {
  const quoted = quoteUserText(query);
  const head = `${t(lang, "notFound")} ${text(lang).quoted({ text: quoted })}.`;
  if (hits.length === 0) {
    const hint = kind === "office" ? text(lang).officeHint : text(lang).personHint;
    return ephemeralText(`${head} ${hint}`);
  }
  return {
    content: `${head} ${t(lang, "didYouMean")}`,
    flags: MessageFlags.Ephemeral,
    allowed_mentions: NO_MENTIONS,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.StringSelect,
            custom_id: pickId(kind, asker),
            placeholder: t(lang, "pick"),
            min_values: 1,
            max_values: 1,
            options: hits.slice(0, LIMITS.selectOptions).map((h) => {
              const option: { label: string; value: string; description?: string } = {
                label: clip(hitName(ds, h, lang), LIMITS.selectLabel),
                value: h.id,
              };
              const note = matchedNote(h, lang);
              if (note) option.description = clip(note, LIMITS.selectDescription);
              return option;
            }),
          },
        ],
      },
    ],
  };
}

export { cardPayload };
