import { SlashCommandBuilder } from "discord.js";
import type { Engine } from "../src/app.js";
import { NO_MENTIONS } from "../src/bot/payload.js";
import type { BotResponse, CommandRequest } from "../src/bot/types.js";
import { timelineTextCard } from "../src/cards/info.js";
import { langOf } from "../src/i18n/index.js";

export const data = new SlashCommandBuilder()
  .setName("timeline")
  .setNameLocalizations({ ru: "хронология" })
  .setDescription("Every leader of the party in order, 1917–1991")
  .setDescriptionLocalizations({ ru: "Все руководители партии по порядку, 1917–1991" });

export function execute(engine: Engine, request: CommandRequest): BotResponse {
  const lang = langOf(request.caller.locale);
  return {
    type: "reply",
    payload: { embeds: [timelineTextCard(engine.dataset, lang)], allowed_mentions: NO_MENTIONS },
  };
}
