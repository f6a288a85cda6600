import { SlashCommandBuilder } from "discord.js";
import type { Engine } from "../src/app.js";
import { ephemeralText } from "../src/bot/payload.js";
import type { BotResponse, CommandRequest } from "../src/bot/types.js";

export const data = new SlashCommandBuilder()
  .setName("study")
  .setNameLocalizations({ ru: "учить" })
  .setDescription("Practise alone: questions you missed before come back sooner")
  .setDescriptionLocalizations({ ru: "Тренировка: вопросы, где вы ошиблись, возвращаются чаще" });

export function execute(engine: Engine, request: CommandRequest): BotResponse {
  if (!engine.trivia)
    return {
      type: "reply",
      payload: ephemeralText("Study needs the bot's database, which is not available here."),
    };
  return engine.trivia.study(request.caller);
}
