import { SlashCommandBuilder } from "discord.js";
import type { Engine } from "../src/app.js";
import { toChoices } from "../src/bot/choices.js";
import { cardPayload } from "../src/bot/payload.js";
import { didYouMean } from "../src/bot/render.js";
import type { AutocompleteRequest, BotResponse, Choice, CommandRequest } from "../src/bot/types.js";
import { personCard } from "../src/cards/person.js";
import { langOf } from "../src/i18n/index.js";

export const data = new SlashCommandBuilder()
  .setName("who")
  .setNameLocalizations({ ru: "кто" })
  .setDescription("A person's card: offices, dates, durations, sources")
  .setDescriptionLocalizations({ ru: "Карточка человека: должности, даты, сроки, источники" })
  .addStringOption((o) =>
    o
      .setName("name")
      .setNameLocalizations({ ru: "имя" })
      .setDescription("Any spelling: Khrushchev, Хрущёв, Chruschtschow, K. Chernenko")
      .setDescriptionLocalizations({ ru: "Любое написание: Хрущёв, Khrushchev, К. Черненко" })
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(100),
  );

export function execute(engine: Engine, request: CommandRequest): BotResponse {
  const query = String(request.options.name ?? "");
  const lang = langOf(request.caller.locale);
  const asker = request.caller.userId;
  // A value picked from autocomplete is the id itself.
  const direct = engine.dataset.personById.get(query);
  if (direct)
    return { type: "reply", payload: cardPayload(personCard(engine.dataset, direct, { lang, asker })) };
  const result = engine.search.search(query, { kind: "person" });
  const top = result.results[0];
  const person = result.best ? engine.dataset.personById.get(result.best) : undefined;
  if (!person) return { type: "reply", payload: didYouMean("person", query, result.results, lang, asker) };
  const matched = top?.matched ? `“${query.trim().slice(0, 60)}” — ${top.matched}` : undefined;
  return {
    type: "reply",
    payload: cardPayload(
      personCard(engine.dataset, person, { lang, asker, ...(matched ? { matched } : {}) }),
    ),
  };
}

export function autocomplete(engine: Engine, request: AutocompleteRequest): Choice[] {
  return toChoices(engine.search.autocomplete(request.focused.value, { kind: "person" }));
}
