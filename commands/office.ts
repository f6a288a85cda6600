import type { Engine } from "../src/app.js";
import { langOf } from "../src/i18n/index.js";
import { toChoices } from "../src/interactions/choices.js";
import { lookupCard } from "../src/interactions/lookup.js";
import type { AutocompleteRequest, BotResponse, Choice, CommandRequest } from "../src/interactions/types.js";
import { slashCommand, stringOption } from "./shared/define.js";

export const data = slashCommand(
  {
    name: "office",
    ru: "должность",
    description: "An office's card: titles, dates, purpose and its holders in order",
    descriptionRu: "Карточка должности: названия, даты, назначение и все, кто её занимал",
  },
  [
    stringOption(
      {
        name: "title",
        ru: "название",
        description: "General Secretary, gensec, First Secretary, генсек …",
        descriptionRu: "Генеральный секретарь, генсек, первый секретарь …",
      },
      { required: true, autocomplete: true, maxLength: 100 },
    ),
  ],
);

export function execute(engine: Engine, request: CommandRequest): BotResponse {
  return lookupCard(engine, request, "office", "title");
}

export function autocomplete(engine: Engine, request: AutocompleteRequest): Choice[] {
  return toChoices(
    engine.search.autocomplete(request.focused.value, { kind: "office" }),
    engine.dataset,
    langOf(request.caller.locale),
  );
}
