import { SlashCommandBuilder } from "discord.js";
import type { Engine } from "../src/app.js";
import { ephemeralText } from "../src/bot/payload.js";
import type { BotResponse, CommandRequest } from "../src/bot/types.js";

export const data = new SlashCommandBuilder()
  .setName("leaderboard")
  .setNameLocalizations({ ru: "лидеры" })
  .setDescription("Trivia leaderboard: points, accuracy, best streaks")
  .setDescriptionLocalizations({ ru: "Таблица лидеров викторины" })
  .addStringOption((o) =>
    o
      .setName("scope")
      .setNameLocalizations({ ru: "охват" })
      .setDescription("This server (default) or all servers")
      .setDescriptionLocalizations({ ru: "Этот сервер (по умолчанию) или все серверы" })
      .addChoices(
        { name: "this server", name_localizations: { ru: "этот сервер" }, value: "server" },
        { name: "all servers", name_localizations: { ru: "все серверы" }, value: "global" },
      ),
  );

export function execute(engine: Engine, request: CommandRequest): BotResponse {
  if (!engine.trivia)
    return {
      type: "reply",
      payload: ephemeralText("Trivia is not available here (it needs the bot's database)."),
    };
  return engine.trivia.leaderboard(request.caller, request.options.scope === "global" ? "global" : "server");
}
