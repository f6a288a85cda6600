import { SlashCommandBuilder } from "discord.js";
import type { Engine } from "../src/app.js";
import { ephemeralText } from "../src/bot/payload.js";
import type { BotResponse, CommandRequest } from "../src/bot/types.js";
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
  const trivia = engine.trivia;
  if (!trivia)
    return {
      type: "reply",
      payload: ephemeralText("Trivia is not available here (it needs the bot's database)."),
    };
  const { caller, options } = request;
  switch (request.subcommand) {
    case "start": {
      const difficulty =
        typeof options.difficulty === "string" && DIFFICULTIES.has(options.difficulty)
          ? (options.difficulty as Difficulty)
          : undefined;
      return trivia.start(caller, {
        ...(typeof options.questions === "number" ? { questions: options.questions } : {}),
        ...(typeof options.seconds === "number" ? { seconds: options.seconds } : {}),
        ...(difficulty ? { difficulty } : {}),
      });
    }
    case "stop":
      return trivia.stop(caller);
    case "question":
      return trivia.quick(caller);
    case "stats":
      return trivia.stats(caller, typeof options.user === "string" ? options.user : undefined);
    case "reset":
      return trivia.resetPrompt(caller);
    default:
      return { type: "reply", payload: ephemeralText("Use /trivia start, stop, question, stats or reset.") };
  }
}
