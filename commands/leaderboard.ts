import type { Engine } from "../src/app.js";
import { leaderboardMessage } from "../src/cards/trivia.js";
import { langOf, text } from "../src/i18n/index.js";
import type { AutocompleteRequest, BotResponse, Choice, CommandRequest } from "../src/interactions/types.js";
import { choice, slashCommand, stringOption } from "./shared/define.js";
import { refuse } from "./shared/refusal.js";
import { termChoices, termOption, viewOf } from "./shared/terms.js";

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
    termOption(
      "One of this server's terms, or all time (default: the running term, if any)",
      "Один из семестров сервера или всё время (по умолчанию — текущий семестр)",
    ),
  ],
);

export async function execute(engine: Engine, request: CommandRequest): Promise<BotResponse> {
  const lang = langOf(request.caller.locale);
  if (!engine.trivia) return refuse(text(lang).triviaUnavailable);
  const scope = request.options.scope === "global" ? "global" : "server";
  // Outside a server, "this server" is this conversation: its scores are kept apart.
  const shown = scope === "global" ? "global" : request.caller.guildId ? "server" : "conversation";
  const services = engine.trivia.services;
  if (scope === "global" && typeof request.options.term === "string")
    return refuse(text(lang).termNotEverywhere);
  // Here: the term asked for, or the running one; everywhere: every scope since its last reset.
  const picked =
    services && scope === "server" ? await viewOf(services, request.caller, request.options.term) : undefined;
  if (picked && "refusal" in picked) return picked.refusal;
  const view = picked?.view ?? {};
  const rows = await engine.trivia.leaderboard(request.caller, scope, 10, view);
  return { type: "reply", payload: leaderboardMessage(lang, rows, shown, view.term?.name) };
}

/** The server's terms for `term:`. */
export function autocomplete(engine: Engine, request: AutocompleteRequest): Promise<Choice[]> | Choice[] {
  return request.focused.name === "term" ? termChoices(engine, request) : [];
}
