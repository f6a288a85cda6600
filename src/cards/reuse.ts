// A person's or office's card is the same for everyone but for two things: who asked (their id is
// in the buttons, so that a press by someone else opens a copy instead of changing theirs) and,
// after a typed search, the line saying what the text matched. So each card is built once per
// entry and language with a placeholder asker, kept, and made someone's here in a few steps.
import type { APIButtonComponent, APIEmbed } from "discord-api-types/v10";
import { type Lang, t } from "../i18n/index.js";
import { fitEmbed } from "./limits.js";
import type { Card } from "./person.js";

/** Stands for the asker in a kept card's button ids: 20 digits, as long as a snowflake gets. */
export const ASKER_PLACEHOLDER = "0".repeat(20);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Keeps a card built for ASKER_PLACEHOLDER; frozen, since every answer shares it. */
export function keep(card: Card): Card {
  return deepFreeze(card);
}

/** The kept card for this asker, with the matched line when a typed search found it. */
export function forAsker(card: Card, lang: Lang, asker: string, matched?: string): Card {
  const embed: APIEmbed = matched
    ? fitEmbed({
        ...card.embed,
        description: [card.embed.description, `${t(lang, "matched")}: ${matched}`].filter(Boolean).join("\n"),
      })
    : card.embed;
  const components = card.components.map((row) => ({
    ...row,
    components: row.components.map(
      (b): APIButtonComponent =>
        "custom_id" in b ? { ...b, custom_id: b.custom_id.replace(ASKER_PLACEHOLDER, asker) } : b,
    ),
  }));
  return { embed, components };
}
