import type { Engine } from "../src/app.js";
import { helpCard } from "../src/cards/info.js";
import { langOf } from "../src/i18n/index.js";
import { MessageFlags } from "../src/interactions/api.js";
import { NO_MENTIONS } from "../src/interactions/payload.js";
import type { BotResponse, CommandRequest } from "../src/interactions/types.js";
import { slashCommand } from "./shared/define.js";

export const data = slashCommand({
  name: "help",
  ru: "помощь",
  description: "What this bot does, with examples you can copy",
  descriptionRu: "Что умеет бот, с примерами",
});

export function execute(_engine: Engine, request: CommandRequest): BotResponse {
  const lang = langOf(request.caller.locale);
  return {
    type: "reply",
    payload: { embeds: [helpCard(lang)], flags: MessageFlags.Ephemeral, allowed_mentions: NO_MENTIONS },
  };
}
