import { SlashCommandBuilder } from "discord.js";
import type { Engine } from "../src/app.js";
import { resetPrompt, startReply, statsMessage, stopReply } from "../src/cards/trivia.js";
import { langOf, text } from "../src/i18n/index.js";
import { ephemeralText } from "../src/interactions/payload.js";
import type { BotResponse, CommandRequest } from "../src/interactions/types.js";
import type { Difficulty } from "../src/trivia/questions.js";

export const data = new SlashCommandBuilder()
  .setName("trivia")
  .setNameLocalizations({ ru: "викторина" })
  .setDescription("Study-group trivia about the party's leaders")
  .setDescriptionLocalizations({ ru: "Викторина о руководителях партии" })
  .addSubcommand((s) =>
    s
      .setName("start")
      .setNameLocalizations({ ru: "начать" })
      .setDescription("Start a round in this channel: everyone may answer each question once")
      .setDescriptionLocalizations({ ru: "Начать раунд в этом канале" })
      .addIntegerOption((o) =>
        o
          .setName("questions")
          .setNameLocalizations({ ru: "вопросы" })
          .setDescription("How many questions (1–20, default 5)")
          .setDescriptionLocalizations({ ru: "Сколько вопросов (1–20, по умолчанию 5)" })
          .setMinValue(1)
          .setMaxValue(20),
      )
      .addIntegerOption((o) =>
        o
          .setName("seconds")
          .setNameLocalizations({ ru: "секунды" })
          .setDescription("Seconds per question (10–120, default 20)")
          .setDescriptionLocalizations({ ru: "Секунд на вопрос (10–120, по умолчанию 20)" })
          .setMinValue(10)
          .setMaxValue(120),
      )
      .addStringOption((o) =>
        o
          .setName("difficulty")
          .setNameLocalizations({ ru: "сложность" })
          .setDescription(
            "Easy: the best-known leaders; hard: Krestinsky, Stasova, Ivashko and exact figures",
          )
          .setDescriptionLocalizations({
            ru: "Лёгкая — известные лидеры; сложная — Крестинский, Стасова, Ивашко",
          })
          .addChoices(
            { name: "easy", name_localizations: { ru: "лёгкая" }, value: "easy" },
            { name: "medium", name_localizations: { ru: "средняя" }, value: "medium" },
            { name: "hard", name_localizations: { ru: "сложная" }, value: "hard" },
          ),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName("stop")
      .setNameLocalizations({ ru: "стоп" })
      .setDescription("Stop this channel's round (its starter or Manage Server)")
      .setDescriptionLocalizations({ ru: "Остановить раунд (начавший или «Управление сервером»)" }),
  )
  .addSubcommand((s) =>
    s
      .setName("question")
      .setNameLocalizations({ ru: "вопрос" })
      .setDescription("One quick question for the channel")
      .setDescriptionLocalizations({ ru: "Один быстрый вопрос" }),
  )
  .addSubcommand((s) =>
    s
      .setName("stats")
      .setNameLocalizations({ ru: "статистика" })
      .setDescription("Points, accuracy and streaks on this server")
      .setDescriptionLocalizations({ ru: "Очки, точность и серии на этом сервере" })
      .addUserOption((o) =>
        o
          .setName("user")
          .setNameLocalizations({ ru: "участник" })
          .setDescription("Whose stats (default: yours)")
          .setDescriptionLocalizations({ ru: "Чья статистика (по умолчанию — ваша)" }),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName("reset")
      .setNameLocalizations({ ru: "сброс" })
      .setDescription("Reset this server's leaderboard (Manage Server; asks to confirm)")
      .setDescriptionLocalizations({ ru: "Сбросить таблицу лидеров сервера (с подтверждением)" }),
  );

const DIFFICULTIES = new Set(["easy", "medium", "hard"]);

export async function execute(engine: Engine, request: CommandRequest): Promise<BotResponse> {
  const lang = langOf(request.caller.locale);
  const game = engine.trivia;
  if (!game) return { type: "reply", payload: ephemeralText(text(lang).triviaUnavailable) };
  const { caller, options } = request;
  switch (request.subcommand) {
    case "start": {
      const difficulty =
        typeof options.difficulty === "string" && DIFFICULTIES.has(options.difficulty)
          ? (options.difficulty as Difficulty)
          : undefined;
      const result = game.start(caller, {
        ...(typeof options.questions === "number" ? { questions: options.questions } : {}),
        ...(typeof options.seconds === "number" ? { seconds: options.seconds } : {}),
        ...(difficulty ? { difficulty } : {}),
      });
      return { type: "reply", payload: startReply(lang, result) };
    }
    case "stop":
      return { type: "reply", payload: stopReply(lang, await game.stop(caller), caller.userId) };
    case "question":
      return { type: "reply", payload: startReply(lang, game.quick(caller)) };
    case "stats": {
      const user = typeof options.user === "string" ? options.user : caller.userId;
      return { type: "reply", payload: statsMessage(lang, user, game.stats(caller, user)) };
    }
    case "reset":
      return {
        type: "reply",
        payload:
          game.mayReset(caller) && caller.guildId
            ? resetPrompt(lang, caller.guildId, caller.userId)
            : ephemeralText(text(lang).resetNotAllowed),
      };
    default:
      return { type: "reply", payload: ephemeralText(text(lang).triviaUsage) };
  }
}
