// /daily: the question of the day. `set` schedules it (a channel, a local time and an IANA time
// zone; optionally the reveal time, a difficulty, a category or one of the server's sets), `show`
// tells the schedule and how the last day went, `off` stops it. Manage Server; servers only. The
// rules are in src/trivia/daily.ts, the answers in src/cards/daily.ts.
import type { Engine } from "../src/app.js";
import { dailySetMessage, dailyShowMessage } from "../src/cards/daily.js";
import { langOf, text } from "../src/i18n/index.js";
import { ephemeralText, quoteUserText } from "../src/interactions/payload.js";
import type { AutocompleteRequest, BotResponse, Choice, CommandRequest } from "../src/interactions/types.js";
import { isCategoryKey } from "../src/trivia/categories.js";
import type { Difficulty } from "../src/trivia/questions.js";
import { zoneChoices } from "../src/trivia/schedule.js";
import { channelOption, difficultyChoices, slashCommand, stringOption, subcommand } from "./shared/define.js";
import { questionSetOption, setChoices } from "./shared/question-sets.js";
import { refusal, refuse } from "./shared/refusal.js";

export const data = slashCommand(
  {
    name: "daily",
    ru: "вопрос-дня",
    description: "A question of the day, posted by itself at a set time (Manage Server; servers only)",
    descriptionRu: "Вопрос дня, который выходит сам в заданное время («Управлять сервером»)",
  },
  [
    subcommand(
      {
        name: "set",
        ru: "назначить",
        description: "Post a question every day in a channel at a local time",
        descriptionRu: "Публиковать вопрос каждый день в канале в заданное местное время",
      },
      [
        channelOption(
          {
            name: "channel",
            ru: "канал",
            description: "Where the question is posted",
            descriptionRu: "Куда публиковать вопрос",
          },
          { required: true },
        ),
        stringOption(
          {
            name: "time",
            ru: "время",
            description: "Local time of day, HH:MM (such as 09:00)",
            descriptionRu: "Местное время, ЧЧ:ММ (например 09:00)",
          },
          { required: true, maxLength: 8 },
        ),
        stringOption(
          {
            name: "timezone",
            ru: "часовой-пояс",
            description: "An IANA time zone, such as Europe/Berlin or Europe/Moscow",
            descriptionRu: "Часовой пояс IANA, например Europe/Moscow или Europe/Berlin",
          },
          { required: true, autocomplete: true, maxLength: 64 },
        ),
        stringOption(
          {
            name: "difficulty",
            ru: "сложность",
            description: "Only questions of this difficulty (default: any)",
            descriptionRu: "Только вопросы этой сложности (по умолчанию — любые)",
          },
          { choices: difficultyChoices() },
        ),
        stringOption(
          {
            name: "category",
            ru: "категория",
            description: "An era or a kind of question (default: any)",
            descriptionRu: "Эпоха или вид вопросов (по умолчанию — любые)",
          },
          { autocomplete: true, maxLength: 100 },
        ),
        questionSetOption(),
        stringOption(
          {
            name: "reveal",
            ru: "ответ",
            description: "Local time to reveal the answer, HH:MM (default: just before the next question)",
            descriptionRu: "Когда раскрыть ответ, ЧЧ:ММ (по умолчанию — перед следующим вопросом)",
          },
          { maxLength: 8 },
        ),
      ],
    ),
    subcommand({
      name: "show",
      ru: "показать",
      description: "The question of the day's schedule, and how the last one went",
      descriptionRu: "Расписание вопроса дня и как прошёл последний",
    }),
    subcommand({
      name: "off",
      ru: "отключить",
      description: "Stop the question of the day (scores and streaks are kept)",
      descriptionRu: "Отключить вопрос дня (очки и серии сохраняются)",
    }),
  ],
);

const DIFFICULTIES = new Set(["easy", "medium", "hard"]);
const optionText = (v: unknown) => (typeof v === "string" ? v.trim() : "");

export async function execute(engine: Engine, request: CommandRequest): Promise<BotResponse> {
  const lang = langOf(request.caller.locale);
  const words = text(lang);
  const game = engine.trivia;
  const services = game?.services;
  if (!game || !services) return refuse(words.triviaUnavailable);
  const { caller, options } = request;
  const daily = engine.daily ?? game.daily;
  const guildId = caller.guildId;
  if (!guildId) return refuse(words.dailyServerOnly);
  if (!caller.canManageGuild) return refuse(words.dailyNotAllowed);
  switch (request.subcommand) {
    case "set": {
      const channelId = optionText(options.channel);
      // Where only the user installed the bot, it cannot post anywhere by itself.
      if (caller.botCanPost === false) return refuse(words.dailyCannotPost({ channel: `<#${channelId}>` }));
      const category = optionText(options.category);
      if (category && !isCategoryKey(category)) return refuse(words.unknownCategory);
      const setName = optionText(options.set);
      const set = setName ? await services.findSet(caller, setName) : undefined;
      if (setName && !set) return refuse(words.noSuchSet({ name: quoteUserText(setName) }));
      const difficulty = optionText(options.difficulty);
      const reveal = optionText(options.reveal);
      const result = await daily.set({
        guildId,
        userId: caller.userId,
        locale: caller.locale,
        channelId,
        time: optionText(options.time),
        zone: optionText(options.timezone),
        ...(reveal ? { reveal } : {}),
        ...(DIFFICULTIES.has(difficulty) ? { difficulty: difficulty as Difficulty } : {}),
        ...(category && isCategoryKey(category) ? { category } : {}),
        ...(set ? { setId: set.id } : {}),
      });
      const payload = dailySetMessage(lang, result);
      return result.ok ? { type: "reply", payload } : refusal(payload);
    }
    case "show":
      return { type: "reply", payload: dailyShowMessage(lang, await daily.show(guildId)) };
    case "off": {
      const removed = await daily.off(guildId);
      return { type: "reply", payload: ephemeralText(removed ? words.dailyOff : words.dailyOffNone) };
    }
    default:
      return refuse(words.dailyNone);
  }
}

/** Time zones as the user types ("berl" → Europe/Berlin), the server's sets, and the categories. */
export function autocomplete(engine: Engine, request: AutocompleteRequest): Promise<Choice[]> | Choice[] {
  if (request.focused.name === "timezone") return zoneChoices(request.focused.value);
  if (request.focused.name === "set") return setChoices(engine, request);
  if (request.focused.name === "category") {
    const words = text(langOf(request.caller.locale));
    const typed = request.focused.value.trim().toLowerCase();
    return Object.entries(words.categoryNames)
      .map(([value, name]) => ({ name, value }))
      .filter((c) => c.name.toLowerCase().includes(typed))
      .slice(0, 25);
  }
  return [];
}
