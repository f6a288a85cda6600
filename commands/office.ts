import { SlashCommandBuilder } from "discord.js";
import type { Engine } from "../src/app.js";
import { toChoices } from "../src/bot/choices.js";
import { cardPayload } from "../src/bot/payload.js";
import { didYouMean } from "../src/bot/render.js";
import type { AutocompleteRequest, BotResponse, Choice, CommandRequest } from "../src/bot/types.js";
import { officeCard } from "../src/cards/office.js";
import { langOf } from "../src/i18n/index.js";

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
  const query = String(request.options.title ?? "");
  const lang = langOf(request.caller.locale);
  const asker = request.caller.userId;
  const direct = engine.dataset.officeById.get(query);
  if (direct)
    return { type: "reply", payload: cardPayload(officeCard(engine.dataset, direct, { lang, asker })) };
  const result = engine.search.search(query, { kind: "office" });
  const office = result.best ? engine.dataset.officeById.get(result.best) : undefined;
  if (!office) return { type: "reply", payload: didYouMean("office", query, result.results, lang, asker) };
  const top = result.results[0];
  const matched = top?.matched ? `“${query.trim().slice(0, 60)}” — ${top.matched}` : undefined;
  return {
    type: "reply",
    payload: cardPayload(
      officeCard(engine.dataset, office, { lang, asker, ...(matched ? { matched } : {}) }),
    ),
  };
}

export function autocomplete(engine: Engine, request: AutocompleteRequest): Choice[] {
  return toChoices(engine.search.autocomplete(request.focused.value, { kind: "office" }));
}
