import type { Engine } from "../src/app.js";
import { leaderboardMessage } from "../src/cards/trivia.js";
import { langOf, text } from "../src/i18n/index.js";
import type { BotResponse, CommandRequest } from "../src/interactions/types.js";
import { choice, slashCommand, stringOption } from "./shared/define.js";
import { refuse } from "./shared/refusal.js";

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
        description: "This server, or this DM or group DM (default), or everywhere",
        descriptionRu: "Этот сервер или этот разговор (по умолчанию) либо везде",
      },
      {
        choices: [
          choice("here (this server or conversation)", "здесь (сервер или разговор)", "server"),
          choice("everywhere", "везде", "global"),
        ],
      },
    ),
  ],
);

export async function execute(engine: Engine, request: CommandRequest): Promise<BotResponse> {
  const lang = langOf(request.caller.locale);
  if (!engine.trivia) return refuse(text(lang).triviaUnavailable);
  const scope = request.options.scope === "global" ? "global" : "server";
  // Outside a server, "this server" is this conversation: its scores are kept apart.
  const shown = scope === "global" ? "global" : request.caller.guildId ? "server" : "conversation";
  return {
    type: "reply",
    payload: leaderboardMessage(lang, await engine.trivia.leaderboard(request.caller, scope), shown),
  };
}
