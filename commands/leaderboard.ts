import { SlashCommandBuilder } from "discord.js";
import type { Engine } from "../src/app.js";
import { leaderboardMessage } from "../src/cards/trivia.js";
import { langOf, text } from "../src/i18n/index.js";
import { ephemeralText } from "../src/interactions/payload.js";
import type { BotResponse, CommandRequest } from "../src/interactions/types.js";

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
  const lang = langOf(request.caller.locale);
  if (!engine.trivia) return { type: "reply", payload: ephemeralText(text(lang).triviaUnavailable) };
  const scope = request.options.scope === "global" ? "global" : "server";
  return {
    type: "reply",
    payload: leaderboardMessage(lang, engine.trivia.leaderboard(request.caller, scope), scope),
  };
}
