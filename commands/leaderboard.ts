import type { Engine } from "../src/app.js";
import { leaderboardMessage } from "../src/cards/trivia.js";
import { langOf, text } from "../src/i18n/index.js";
import { ephemeralText } from "../src/interactions/payload.js";
import type { BotResponse, CommandRequest } from "../src/interactions/types.js";
import { choice, slashCommand, stringOption } from "./shared/define.js";

export const data = slashCommand(
  {
    name: "leaderboard",
    ru: "лидеры",
    description: "Trivia leaderboard: points, accuracy, best streaks",
    descriptionRu: "Таблица лидеров викторины",
  },
  [
    stringOption(
      {
        name: "scope",
        ru: "охват",
        description: "This server (default) or all servers",
        descriptionRu: "Этот сервер (по умолчанию) или все серверы",
      },
      {
        choices: [
          choice("this server", "этот сервер", "server"),
          choice("all servers", "все серверы", "global"),
        ],
      },
    ),
  ],
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
