import { SlashCommandBuilder } from "discord.js";
import type { Engine } from "../src/app.js";
import { toChoices } from "../src/interactions/choices.js";
import { lookupCard } from "../src/interactions/lookup.js";
import type { AutocompleteRequest, BotResponse, Choice, CommandRequest } from "../src/interactions/types.js";

export const data = new SlashCommandBuilder()
  .setName("office")
  .setNameLocalizations({ ru: "должность" })
  .setDescription("An office's card: titles, dates, purpose and its holders in order")
  .setDescriptionLocalizations({ ru: "Карточка должности: названия, даты, назначение и все, кто её занимал" })
  .addStringOption((o) =>
    o
      .setName("title")
      .setNameLocalizations({ ru: "название" })
      .setDescription("General Secretary, gensec, First Secretary, генсек …")
      .setDescriptionLocalizations({ ru: "Генеральный секретарь, генсек, первый секретарь …" })
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(100),
  );

export function execute(engine: Engine, request: CommandRequest): BotResponse {
  return lookupCard(engine, request, "office", "title");
}

export function autocomplete(engine: Engine, request: AutocompleteRequest): Choice[] {
  return toChoices(engine.search.autocomplete(request.focused.value, { kind: "office" }));
}
