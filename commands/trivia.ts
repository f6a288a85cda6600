import type { Engine } from "../src/app.js";
import { reportsList } from "../src/cards/reports.js";
import { resetPrompt, startReply, statsMessage, stopReply } from "../src/cards/trivia.js";
import { langOf, text } from "../src/i18n/index.js";
import { privateFile, quoteUserText } from "../src/interactions/payload.js";
import type {
  AutocompleteRequest,
  BotResponse,
  Choice,
  CommandRequest,
  MessagePayload,
} from "../src/interactions/types.js";
import { sanitizeLine } from "../src/text/sanitize.js";
import { isCategoryKey } from "../src/trivia/categories.js";
import type { Difficulty } from "../src/trivia/questions.js";
import {
  attachmentOption,
  booleanOption,
  choice,
  difficultyChoices,
  integerOption,
  slashCommand,
  stringOption,
  subcommand,
  userOption,
} from "./shared/define.js";
import { importSet, questionSetOption, setChoices, setsCommand } from "./shared/question-sets.js";
import { refusal, refuse } from "./shared/refusal.js";
import { termChoices, termCommand, termGroup, termOption, viewOf } from "./shared/terms.js";

/** A round's answer: its message, a refusal when the round could not start or stop. */
const answered = (payload: MessagePayload, ok: boolean): BotResponse =>
  ok ? { type: "reply", payload } : refusal(payload);

export const data = slashCommand(
  {
    name: "trivia",
    ru: "викторина",
    description: "Study-group trivia about the Secretariat and its secretaries",
    descriptionRu: "Викторина о Секретариате ЦК и его секретарях",
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
            description:
              "Easy: the best-known secretaries; hard: Krestinsky, Stasova, Ivashko and exact figures",
            descriptionRu: "Лёгкая — известные секретари; сложная — Крестинский, Стасова, Ивашко",
          },
          { choices: difficultyChoices() },
        ),
        booleanOption({
          name: "hints",
          ru: "подсказки",
          description: "Halfway through each question, one wrong answer is taken away",
          descriptionRu: "На середине времени один неверный ответ убирается",
        }),
        stringOption(
          {
            name: "category",
            ru: "категория",
            description: "An era (the thaw, stagnation …) or a kind of question; or a category of the set",
            descriptionRu: "Эпоха (оттепель, застой …) или вид вопросов; либо категория набора",
          },
          { autocomplete: true, maxLength: 100 },
        ),
        questionSetOption(),
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
    subcommand(
      {
        name: "import",
        ru: "импорт",
        description:
          "Import a question set from a JSON or CSV file (Manage Server; replaces a set of that name)",
        descriptionRu: "Импортировать набор вопросов из JSON или CSV (право «Управлять сервером»)",
      },
      [
        attachmentOption(
          {
            name: "file",
            ru: "файл",
            description: "A .json or .csv file, at most 1 MB and 500 questions (format in the README)",
            descriptionRu: "Файл .json или .csv, до 1 МБ и 500 вопросов (формат — в README)",
          },
          { required: true },
        ),
        stringOption(
          {
            name: "name",
            ru: "название",
            description: "The set's name (default: the name in the file, or the file name)",
            descriptionRu: "Название набора (по умолчанию — из файла или имя файла)",
          },
          { maxLength: 100 },
        ),
      ],
    ),
    subcommand(
      {
        name: "sets",
        ru: "наборы",
        description: "This server's question sets: list, export back as JSON, or delete",
        descriptionRu: "Наборы вопросов сервера: список, выгрузка в JSON, удаление",
      },
      [
        stringOption(
          {
            name: "action",
            ru: "действие",
            description: "What to do (default: list them)",
            descriptionRu: "Что сделать (по умолчанию — список)",
          },
          {
            choices: [
              choice("list", "список", "list"),
              choice("export", "выгрузить", "export"),
              choice("delete", "удалить", "delete"),
            ],
          },
        ),
        stringOption(
          {
            name: "name",
            ru: "название",
            description: "Which set (for export and delete)",
            descriptionRu: "Какой набор (для выгрузки и удаления)",
          },
          { autocomplete: true, maxLength: 100 },
        ),
      ],
    ),
    subcommand({
      name: "reports",
      ru: "жалобы",
      description: "Reports of wrong questions: see them, hide a question here or dismiss (Manage Server)",
      descriptionRu: "Сообщения об ошибках в вопросах: скрыть вопрос или отклонить («Управлять сервером»)",
    }),
    subcommand(
      {
        name: "export",
        ru: "выгрузка",
        description:
          "The scores as a CSV file for a teacher: per player, overall and per era (Manage Server)",
        descriptionRu: "Очки в CSV для преподавателя: по игрокам, всего и по эпохам («Управлять сервером»)",
      },
      [
        stringOption(
          {
            name: "scope",
            ru: "охват",
            description: "Here (this server or conversation, default) or everywhere",
            descriptionRu: "Здесь (по умолчанию) или везде",
          },
          { choices: [choice("here", "здесь", "server"), choice("everywhere", "везде", "global")] },
        ),
        termOption(
          "Which term (default: the running one, else all since the last reset)",
          "Какой семестр (по умолчанию — текущий, иначе всё с последнего сброса)",
        ),
      ],
    ),
    termGroup,
    subcommand({
      name: "reset",
      ru: "сброс",
      description:
        "Delete this server's scores (asks to confirm; better: end the term with /trivia term end)",
      descriptionRu: "Удалить очки (с подтверждением; лучше: /викторина семестр завершить)",
    }),
  ],
);

const DIFFICULTIES = new Set(["easy", "medium", "hard"]);

export async function execute(engine: Engine, request: CommandRequest): Promise<BotResponse> {
  const lang = langOf(request.caller.locale);
  const game = engine.trivia;
  const services = game?.services;
  if (!game || !services) return refuse(text(lang).triviaUnavailable);
  const { options } = request;
  // Where the bot cannot post by itself, a round speaks through this command's follow-ups.
  const caller = request.followUp ? { ...request.caller, followUp: request.followUp } : request.caller;
  // The router lets through only what the definition holds: a group's subcommand, or one of ours.
  if (request.group === "term") return termCommand(services, request);
  if (request.group !== undefined) return refuse(text(lang).triviaUsage);
  switch (request.subcommand) {
    case "start": {
      const difficulty =
        typeof options.difficulty === "string" && DIFFICULTIES.has(options.difficulty)
          ? (options.difficulty as Difficulty)
          : undefined;
      const category = typeof options.category === "string" ? options.category.trim() : "";
      if (category && !isCategoryKey(category)) return refuse(text(lang).unknownCategory);
      const setName = typeof options.set === "string" ? options.set.trim() : "";
      const set = setName ? await services.findSet(caller, setName) : undefined;
      if (setName && !set) return refuse(text(lang).noSuchSet({ name: quoteUserText(setName) }));
      const result = await game.start(caller, {
        ...(typeof options.questions === "number" ? { questions: options.questions } : {}),
        ...(typeof options.seconds === "number" ? { seconds: options.seconds } : {}),
        ...(difficulty ? { difficulty } : {}),
        ...(set ? { setId: set.id } : {}),
        ...(category && isCategoryKey(category) ? { category } : {}),
        ...(options.hints === true ? { hints: true } : {}),
      });
      return answered(startReply(lang, result), result.ok);
    }
    case "stop": {
      const result = await game.stop(caller);
      // "later": taken, and done as soon as the database answers again.
      return answered(stopReply(lang, result, caller.userId), result.ok || result.reason === "later");
    }
    case "question": {
      const result = await game.quick(caller);
      return answered(startReply(lang, result), result.ok);
    }
    case "stats": {
      const user = typeof options.user === "string" ? options.user : caller.userId;
      // The running term's, if there is one; else everything since the last reset.
      const shown = await viewOf(services, caller, undefined);
      if ("refusal" in shown) return shown.refusal;
      const score = await game.stats(caller, user, shown.view);
      return { type: "reply", payload: statsMessage(lang, user, score, shown.view.term?.name) };
    }
    case "export": {
      if (!services.mayManage(caller)) return refuse(text(lang).exportNotAllowed);
      const everywhere = options.scope === "global";
      if (everywhere && typeof options.term === "string") return refuse(text(lang).termNotEverywhere);
      const shown = await viewOf(services, caller, everywhere ? undefined : options.term);
      if ("refusal" in shown) return shown.refusal;
      const exported = await services.exportScores(
        caller,
        everywhere ? "global" : "server",
        text(lang).scoresColumns,
        shown.view,
      );
      if (!exported || exported.players === 0) return refuse(text(lang).exportNone);
      return {
        type: "reply",
        payload: privateFile(text(lang).exportDone({ players: exported.players }), {
          name: shown.view.term ? `trivia-scores-term-${shown.view.term.id}.csv` : "trivia-scores.csv",
          text: exported.csv,
        }),
      };
    }
    case "reports": {
      if (!services.mayManage(caller)) return refuse(text(lang).reportsNotAllowed);
      const open = await services.openReports(caller);
      const shown = await Promise.all(
        open.reports.map(async (report) => ({ report, question: await game.questionOf(report.question_id) })),
      );
      return { type: "reply", payload: reportsList(lang, shown, open.total) };
    }
    case "import":
      return importSet(services, request);
    case "sets":
      return setsCommand(services, request);
    case "reset":
      if (!caller.guildId) return refuse(text(lang).resetServerOnly);
      if (!game.mayReset(caller)) return refuse(text(lang).resetNotAllowed);
      return { type: "reply", payload: resetPrompt(lang, caller.guildId, caller.userId) };
    default:
      return refuse(text(lang).triviaUsage);
  }
}

/** The server's own sets, for `start set:` and `sets name:`; the categories for `start category:`. */
export function autocomplete(engine: Engine, request: AutocompleteRequest): Promise<Choice[]> | Choice[] {
  if (request.focused.name === "category") return categoryChoices(engine, request);
  if (request.focused.name === "term") return termChoices(engine, request);
  return request.focused.name === "set" || request.focused.name === "name" ? setChoices(engine, request) : [];
}

/** The eras and kinds of the built-in questions, or the categories of the chosen set. */
async function categoryChoices(engine: Engine, request: AutocompleteRequest): Promise<Choice[]> {
  const words = text(langOf(request.caller.locale));
  const typed = request.focused.value.trim().toLowerCase();
  const setName = typeof request.options.set === "string" ? request.options.set : "";
  const set = setName ? await engine.trivia?.services?.findSet(request.caller, setName) : undefined;
  const choices: Choice[] = set
    ? [
        ...new Set(
          ((await engine.trivia?.services?.setQuestions(set)) ?? []).flatMap((q) =>
            q.category ? [q.category] : [],
          ),
        ),
      ].map((c) => ({ name: words.categoryOfSet({ category: sanitizeLine(c) }), value: `set:${c}` }))
    : Object.entries(words.categoryNames).map(([value, name]) => ({ name, value }));
  return choices
    .filter((c) => c.name.toLowerCase().includes(typed))
    .slice(0, 25)
    .map((c) => ({ name: c.name.slice(0, 100), value: c.value.slice(0, 100) }));
}
