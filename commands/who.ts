import type { Engine } from "../src/app.js";
import { langOf } from "../src/i18n/index.js";
import { toChoices } from "../src/interactions/choices.js";
import { lookupCard } from "../src/interactions/lookup.js";
import type { AutocompleteRequest, BotResponse, Choice, CommandRequest } from "../src/interactions/types.js";
import { slashCommand, stringOption } from "./shared/define.js";

export const data = slashCommand(
  {
    name: "who",
    ru: "кто",
    description: "A person's card: offices, dates, durations, sources",
    descriptionRu: "Карточка человека: должности, даты, сроки, источники",
  },
  [
    stringOption(
      {
        name: "name",
        ru: "имя",
        description: "Any spelling: Khrushchev, Хрущёв, Chruschtschow, K. Chernenko",
        descriptionRu: "Любое написание: Хрущёв, Khrushchev, К. Черненко",
      },
      { required: true, autocomplete: true, maxLength: 100 },
    ),
  ],
);

export function execute(engine: Engine, request: CommandRequest): BotResponse {
  return lookupCard(engine, request, "person", "name");
}

export function autocomplete(engine: Engine, request: AutocompleteRequest): Choice[] {
  return toChoices(
    engine.search.autocomplete(request.focused.value, { kind: "person" }),
    engine.dataset,
    langOf(request.caller.locale),
  );
}
