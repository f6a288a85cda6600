// /trivia term (start and end a server's term), and the `term:` option of /leaderboard and
// /trivia export: which view a board shows, its autocomplete, and the polite answers when a term
// cannot be started, ended or found.
import type { Engine } from "../../src/app.js";
import { discordDay } from "../../src/i18n/dates.js";
import { langOf, text } from "../../src/i18n/index.js";
import { NO_MENTIONS, quoteUserText } from "../../src/interactions/payload.js";
import type {
  AutocompleteRequest,
  BotResponse,
  Choice,
  CommandRequest,
} from "../../src/interactions/types.js";
import { sanitizeLine } from "../../src/text/sanitize.js";
import type { BoardView } from "../../src/trivia/boards.js";
import { ALL_TERMS, type TriviaServices } from "../../src/trivia/services.js";
import { MAX_TERM_NAME } from "../../src/trivia/terms.js";
import type { Player } from "../../src/trivia/types.js";
import { stringOption, subcommand, subcommandGroup } from "./define.js";
import { refuse } from "./refusal.js";

/** The `term:` option: autocompleted with the server's terms (and "all time"). */
export const termOption = (description: string, descriptionRu: string) =>
  stringOption(
    { name: "term", ru: "семестр", description, descriptionRu },
    { autocomplete: true, maxLength: 100 },
  );

/** /trivia term start name:… and /trivia term end: a group of two subcommands, as #25 spells them. */
export const termGroup = subcommandGroup(
  {
    name: "term",
    ru: "семестр",
    description: "Start or end a term: the leaderboard starts afresh, the old one is kept (Manage Server)",
    descriptionRu: "Начать или завершить семестр: таблица начнётся заново, прежняя сохранится",
  },
  [
    subcommand(
      {
        name: "start",
        ru: "начать",
        description: "Start a new term: the leaderboard, stats and exports start afresh (Manage Server)",
        descriptionRu: "Начать новый семестр: таблица, статистика и выгрузка начнутся заново",
      },
      [
        // Discord's client (and the console) refuse a missing or longer name before it is sent;
        // the handler checks again, for any client that does not.
        stringOption(
          {
            name: "name",
            ru: "название",
            description: `The new term's name, e.g. Spring 2027 (at most ${MAX_TERM_NAME} characters)`,
            descriptionRu: `Название нового семестра, например «Весна 2027» (до ${MAX_TERM_NAME} символов)`,
          },
          { required: true, maxLength: MAX_TERM_NAME },
        ),
      ],
    ),
    subcommand({
      name: "end",
      ru: "завершить",
      description: "End the running term; its leaderboard and export are kept (Manage Server)",
      descriptionRu: "Завершить текущий семестр; его таблица и выгрузка сохранятся",
    }),
  ],
);

/** /trivia term start name:… and /trivia term end. Successes are announced in the channel. */
export async function termCommand(services: TriviaServices, request: CommandRequest): Promise<BotResponse> {
  const { caller, options } = request;
  const words = text(langOf(caller.locale));
  if (!caller.guildId) return refuse(words.termServerOnly);
  if (!caller.canManageGuild) return refuse(words.termNotAllowed);
  const announce = (content: string): BotResponse => ({
    type: "reply",
    payload: { content, allowed_mentions: NO_MENTIONS },
  });
  if (request.subcommand === "end") {
    const ended = await services.endTerm(caller);
    if (!ended) return refuse(words.termNoneRunning);
    return announce(
      words.termEnded({ name: quoteUserText(ended.name, 100), since: discordDay(ended.started_at) }),
    );
  }
  // The router lets only the group's own subcommands through (see command-path.ts).
  if (request.subcommand !== "start") return refuse(words.triviaUsage);
  // Kept as typed, less what is never shown (controls, escapes, direction overrides).
  const name = typeof options.name === "string" ? sanitizeLine(options.name).trim() : "";
  const started = await services.startTerm(caller, name);
  if (started.ok) return announce(words.termStarted({ name: quoteUserText(started.term.name, 100) }));
  switch (started.reason) {
    case "empty-name":
      return refuse(words.termNameEmpty);
    case "name-too-long":
      return refuse(words.termNameTooLong({ max: MAX_TERM_NAME, length: [...name].length }));
    case "running":
      return refuse(
        words.termAlreadyRunning({
          name: quoteUserText(started.term.name, 100),
          since: discordDay(started.term.started_at),
        }),
      );
  }
}

/**
 * The view a command's `term:` asks for (by default the running term, if any), or the refusal
 * when the server has no such term. Outside a server there are no terms: always the whole scope.
 */
export async function viewOf(
  services: TriviaServices,
  caller: Player,
  asked: unknown,
): Promise<{ view: BoardView } | { refusal: BotResponse }> {
  if (!caller.guildId) return { view: {} };
  const wanted = typeof asked === "string" ? asked : undefined;
  const view = await services.viewFor(caller, wanted);
  if (view) return { view };
  const words = text(langOf(caller.locale));
  return { refusal: refuse(words.termNotFound({ name: quoteUserText(wanted ?? "", 100) })) };
}

/** Autocomplete of `term:`: "all time", then the server's terms, the newest first. */
export async function termChoices(engine: Engine, request: AutocompleteRequest): Promise<Choice[]> {
  const services = engine.trivia?.services;
  if (!services || !request.caller.guildId) return [];
  const words = text(langOf(request.caller.locale));
  const typed = request.focused.value.trim().toLowerCase();
  const terms = await services.termsOf(request.caller);
  const choices: Choice[] = [
    { name: words.termChoiceAll, value: ALL_TERMS },
    ...terms.map((t) => {
      const name = sanitizeLine(t.name);
      return {
        name: t.ended_at === null ? words.termChoiceRunning({ name }) : words.termChoiceEnded({ name }),
        value: String(t.id),
      };
    }),
  ];
  return choices
    .filter((c) => c.name.toLowerCase().includes(typed))
    .slice(0, 25)
    .map((c) => ({ name: c.name.slice(0, 100), value: c.value }));
}
