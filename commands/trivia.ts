import type { Engine } from "../src/app.js";
import { resetPrompt, startReply, statsMessage, stopReply } from "../src/cards/trivia.js";
import { langOf, text } from "../src/i18n/index.js";
import { ephemeralText } from "../src/interactions/payload.js";
import type { BotResponse, CommandRequest } from "../src/interactions/types.js";
import type { Difficulty } from "../src/trivia/questions.js";
import {
  choice,
  integerOption,
  slashCommand,
  stringOption,
  subcommand,
  userOption,
} from "./shared/define.js";

export const data = slashCommand(
  {
    name: "trivia",
    ru: "викторина",
    description: "Study-group trivia about the party's leaders",
    descriptionRu: "Викторина о руководителях партии",
  },
  [
    subcommand(
      {
        name: "start",
        ru: "начать",
        description: "Start a round in this channel: everyone may answer each question once",
        descriptionRu: "Начать раунд в этом канале",
      },
      [
        integerOption(
          {
            name: "questions",
            ru: "вопросы",
            description: "How many questions (1–20, default 5)",
            descriptionRu: "Сколько вопросов (1–20, по умолчанию 5)",
          },
          { min: 1, max: 20 },
        ),
        integerOption(
          {
            name: "seconds",
            ru: "секунды",
            description: "Seconds per question (10–120, default 20)",
            descriptionRu: "Секунд на вопрос (10–120, по умолчанию 20)",
          },
          { min: 10, max: 120 },
        ),
        stringOption(
          {
            name: "difficulty",
            ru: "сложность",
            description: "Easy: the best-known leaders; hard: Krestinsky, Stasova, Ivashko and exact figures",
            descriptionRu: "Лёгкая — известные лидеры; сложная — Крестинский, Стасова, Ивашко",
          },
          {
            choices: [
              choice("easy", "лёгкая", "easy"),
              choice("medium", "средняя", "medium"),
              choice("hard", "сложная", "hard"),
            ],
          },
        ),
      ],
    ),
    subcommand({
      name: "stop",
      ru: "стоп",
      description: "Stop this channel's round (its starter or Manage Server)",
      descriptionRu: "Остановить раунд (начавший или «Управление сервером»)",
    }),
    subcommand({
      name: "question",
      ru: "вопрос",
      description: "One quick question for the channel",
      descriptionRu: "Один быстрый вопрос",
    }),
    subcommand(
      {
        name: "stats",
        ru: "статистика",
        description: "Points, accuracy and streaks on this server",
        descriptionRu: "Очки, точность и серии на этом сервере",
      },
      [
        userOption({
          name: "user",
          ru: "участник",
          description: "Whose stats (default: yours)",
          descriptionRu: "Чья статистика (по умолчанию — ваша)",
        }),
      ],
    ),
    subcommand({
      name: "reset",
      ru: "сброс",
      description: "Reset this server's leaderboard (servers only; Manage Server; asks to confirm)",
      descriptionRu: "Сбросить таблицу лидеров сервера (только на сервере; с подтверждением)",
    }),
  ],
);

const DIFFICULTIES = new Set(["easy", "medium", "hard"]);

export async function execute(engine: Engine, request: CommandRequest): Promise<BotResponse> {
  const lang = langOf(request.caller.locale);
  const game = engine.trivia;
  if (!game) return { type: "reply", payload: ephemeralText(text(lang).triviaUnavailable) };
  const { options } = request;
  // Where the bot cannot post by itself, a round speaks through this command's follow-ups.
  const caller = request.followUp ? { ...request.caller, followUp: request.followUp } : request.caller;
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
      if (!caller.guildId) return { type: "reply", payload: ephemeralText(text(lang).resetServerOnly) };
      return {
        type: "reply",
        payload: game.mayReset(caller)
          ? resetPrompt(lang, caller.guildId, caller.userId)
          : ephemeralText(text(lang).resetNotAllowed),
      };
    default:
      return { type: "reply", payload: ephemeralText(text(lang).triviaUsage) };
  }
}
