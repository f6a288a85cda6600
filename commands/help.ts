import { MessageFlags, SlashCommandBuilder } from "discord.js";
import type { Engine } from "../src/app.js";
import { helpCard } from "../src/cards/info.js";
import { langOf } from "../src/i18n/index.js";
import { NO_MENTIONS } from "../src/interactions/payload.js";
import type { BotResponse, CommandRequest } from "../src/interactions/types.js";

export const data = new SlashCommandBuilder()
  .setName("help")
  .setNameLocalizations({ ru: "помощь" })
  .setDescription("What this bot does, with examples you can copy")
  .setDescriptionLocalizations({ ru: "Что умеет бот, с примерами" });

export function execute(_engine: Engine, request: CommandRequest): BotResponse {
  const lang = langOf(request.caller.locale);
  return {
    type: "reply",
    payload: { embeds: [helpCard(lang)], flags: MessageFlags.Ephemeral, allowed_mentions: NO_MENTIONS },
  };
}
