import { SlashCommandBuilder } from "discord.js";
import type { Engine } from "../src/app.js";
import { toChoices } from "../src/interactions/choices.js";
import { lookupCard } from "../src/interactions/lookup.js";
import type { AutocompleteRequest, BotResponse, Choice, CommandRequest } from "../src/interactions/types.js";

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
  return lookupCard(engine, request, "person", "name");
}

export function autocomplete(engine: Engine, request: AutocompleteRequest): Choice[] {
  return toChoices(engine.search.autocomplete(request.focused.value, { kind: "person" }));
}
