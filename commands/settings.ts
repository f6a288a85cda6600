// /settings trivia: a server's defaults for rounds (seconds, difficulty), whether reveals explain,
// which channels may run rounds, and how many players a round needs to count toward the
// leaderboard. Manage Server; shows the settings in force after any change.
// /settings page enable|revoke: turns the teacher's progress page on (a new secret link,
// privately) or off; a group beside the `trivia` subcommand, as Discord allows.
import type { Engine } from "../src/app.js";
import { type Lang, langOf, text } from "../src/i18n/index.js";
import { ephemeralText } from "../src/interactions/payload.js";
import type { BotResponse, CommandRequest } from "../src/interactions/types.js";
import type { Difficulty } from "../src/trivia/questions.js";
import { MIN_PLAYERS_RANGE, type TriviaSettings } from "../src/trivia/settings.js";
import {
  booleanOption,
  channelOption,
  difficultyChoices,
  integerOption,
  slashCommand,
  stringOption,
  subcommand,
  subcommandGroup,
} from "./shared/define.js";
import { refuse } from "./shared/refusal.js";

export const data = slashCommand(
  {
    name: "settings",
    ru: "настройки",
    description: "This server's settings (Manage Server; servers only)",
    descriptionRu: "Настройки сервера («Управлять сервером»; только на серверах)",
  },
  [
    subcommand(
      {
        name: "trivia",
        ru: "викторина",
        description: "Trivia defaults, explanations, and the channels that may run rounds",
        descriptionRu: "Викторина: значения по умолчанию, объяснения, каналы для раундов",
      },
      [
        integerOption(
          {
            name: "seconds",
            ru: "секунды",
            description: "Default seconds per question (10–120)",
            descriptionRu: "Секунд на вопрос по умолчанию (10–120)",
          },
          { min: 10, max: 120 },
        ),
        stringOption(
          {
            name: "difficulty",
            ru: "сложность",
            description: "Default difficulty (or any: mixed)",
            descriptionRu: "Сложность по умолчанию (или любая)",
          },
          { choices: difficultyChoices(true) },
        ),
        booleanOption({
          name: "explanations",
          ru: "объяснения",
          description: "Whether reveals show the explanation and sources (default yes)",
          descriptionRu: "Показывать ли объяснение и источники (по умолчанию да)",
        }),
        channelOption({
          name: "channel",
          ru: "канал",
          description: "A channel to allow for rounds (or, with allow:false, to take off the list)",
          descriptionRu: "Канал, где можно играть (с allow:false — убрать из списка)",
        }),
        booleanOption({
          name: "allow",
          ru: "разрешить",
          description: "Allow the channel (default) or take it off; with no channel listed, any channel may",
          descriptionRu: "Разрешить канал (по умолчанию) или убрать; без списка можно в любом",
        }),
        integerOption(
          {
            name: "min-players",
            ru: "минимум-игроков",
            description:
              "Players a round needs to count toward the leaderboard (1–25, default 1: every round)",
            descriptionRu: "Сколько игроков нужно, чтобы раунд засчитывался (1–25, по умолчанию 1)",
          },
          MIN_PLAYERS_RANGE,
        ),
      ],
    ),
    subcommandGroup(
      {
        name: "page",
        ru: "страница",
        description: "The teacher's progress page on the web: a new private link, or take it down",
        descriptionRu: "Страница успеваемости в вебе: новая личная ссылка или отключение",
      },
      [
        subcommand({
          name: "enable",
          ru: "включить",
          description: "A new private link to the page (the old one stops working)",
          descriptionRu: "Новая личная ссылка на страницу (старая перестанет работать)",
        }),
        subcommand({
          name: "revoke",
          ru: "отключить",
          description: "Take the page down: its link opens nothing any more",
          descriptionRu: "Отключить страницу: ссылка больше ничего не откроет",
        }),
      ],
    ),
  ],
);

function describe(lang: Lang, s: TriviaSettings): string {
  const words = text(lang);
  return [
    `**${words.settingsTitle}**`,
    `• ${words.settingsSeconds({ seconds: s.seconds ? String(s.seconds) : `${words.settingsDefault} (20)` })}`,
    `• ${words.settingsDifficulty({ difficulty: s.difficulty ? (words.difficulties[s.difficulty] ?? s.difficulty) : words.settingsAnyDifficulty })}`,
    `• ${words.settingsExplanations({ on: s.explanations })}`,
    `• ${words.settingsChannels({ channels: s.channels.length ? s.channels.map((c) => `<#${c}>`).join(", ") : words.settingsAnyChannel })}`,
    `• ${words.settingsMinPlayers({ min: s.minPlayers })}`,
  ].join("\n");
}

const DIFFICULTIES = new Set(["easy", "medium", "hard"]);

export async function execute(engine: Engine, request: CommandRequest): Promise<BotResponse> {
  const lang = langOf(request.caller.locale);
  const words = text(lang);
  const services = engine.trivia?.services;
  if (!services) return refuse(words.triviaUnavailable);
  const { caller, options } = request;
  if (request.group === "page") return page(engine, request);
  if (!caller.guildId) return refuse(words.settingsServerOnly);
  const changing = Object.keys(options).length > 0;
  if (!changing)
    return { type: "reply", payload: ephemeralText(describe(lang, await services.settingsFor(caller))) };
  if (!caller.canManageGuild) return refuse(words.settingsNotAllowed);
  const channel = typeof options.channel === "string" ? options.channel : undefined;
  const allow = options.allow !== false;
  const now = await services.settings.update(caller.guildId, {
    ...(typeof options.seconds === "number"
      ? { seconds: Math.min(Math.max(Math.trunc(options.seconds), 10), 120) }
      : {}),
    ...(options.difficulty === "any"
      ? { difficulty: null }
      : typeof options.difficulty === "string" && DIFFICULTIES.has(options.difficulty)
        ? { difficulty: options.difficulty as Difficulty }
        : {}),
    ...(typeof options.explanations === "boolean" ? { explanations: options.explanations } : {}),
    ...(channel ? (allow ? { allowChannel: channel } : { disallowChannel: channel }) : {}),
    ...(typeof options["min-players"] === "number" ? { minPlayers: options["min-players"] } : {}),
  });
  return { type: "reply", payload: ephemeralText(describe(lang, now)) };
}

/** /settings page enable and /settings page revoke: the link is shown once, privately, to whoever asked. */
async function page(engine: Engine, request: CommandRequest): Promise<BotResponse> {
  const { caller } = request;
  const words = text(langOf(caller.locale));
  const services = engine.trivia?.services;
  if (!services) return refuse(words.triviaUnavailable);
  if (!caller.guildId) return refuse(words.pageServerOnly);
  if (!caller.canManageGuild) return refuse(words.pageNotAllowed);
  if (request.subcommand === "revoke") {
    const had = await services.pages.revoke(caller.guildId);
    return had
      ? { type: "reply", payload: ephemeralText(words.pageRevoked) }
      : refuse(words.pageNoneToRevoke);
  }
  if (request.subcommand !== "enable") return refuse(words.pageUsage);
  if (!engine.progressPageBase) return refuse(words.pageNotServed);
  const secret = await services.pages.enable(caller.guildId, caller.userId, Date.now());
  return {
    type: "reply",
    payload: ephemeralText(words.pageEnabled({ url: `${engine.progressPageBase}/p/${secret}` })),
  };
}
