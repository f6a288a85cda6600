// /trivia import and /trivia sets: a server's own question sets, imported from a file (all or
// nothing, with a private report of every problem), listed, exported back and deleted.
import type { Engine } from "../../src/app.js";
import { clip, joinLines } from "../../src/cards/limits.js";
import { formatIsoDay } from "../../src/i18n/dates.js";
import { type Lang, langOf, text } from "../../src/i18n/index.js";
import { ephemeralText, privateFile, quoteUserText } from "../../src/interactions/payload.js";
import type { BotResponse, Choice, CommandRequest, MessagePayload } from "../../src/interactions/types.js";
import { type ImportError, parseQuestionFile, SET_LIMITS } from "../../src/question-sets/parse.js";
import { sanitizeLine } from "../../src/text/sanitize.js";
import type { TriviaServices } from "../../src/trivia/services.js";
import { stringOption } from "./define.js";
import { refuse } from "./refusal.js";

/** The `set:` option of /trivia start and /daily set: one of the server's sets, autocompleted. */
export function questionSetOption() {
  return stringOption(
    {
      name: "set",
      ru: "набор",
      description: "One of this server's own question sets (default: the built-in questions)",
      descriptionRu: "Один из наборов вопросов сервера (по умолчанию — встроенные вопросы)",
    },
    { autocomplete: true, maxLength: 100 },
  );
}

const reply = (payload: MessagePayload): BotResponse => ({ type: "reply", payload });
const MAX_REPORTED = 15;

/** "line 3 · correct: The correct answer is also among the wrong ones." */
function problemLine(lang: Lang, e: ImportError): string {
  const where = [e.line !== null ? text(lang).importLine({ line: e.line }) : "", e.path]
    .filter(Boolean)
    .join(" · ");
  return `• ${where ? `${quoteUserText(where, 60)}: ` : ""}${quoteUserText(text(lang).importProblem(e.problem), 300)}`;
}

/** The name a set is saved under: the one given, the file's own, or the file name. */
function setName(given: unknown, fromFile: string | null, fileName: string): string {
  const typed = typeof given === "string" ? sanitizeLine(given).trim() : "";
  const name = typed || fromFile || sanitizeLine(fileName).replace(/\.[a-z0-9]+$/i, "");
  return clip(name.trim() || "questions", SET_LIMITS.name);
}

export async function importSet(services: TriviaServices, request: CommandRequest): Promise<BotResponse> {
  const lang = langOf(request.caller.locale);
  const words = text(lang);
  if (!services.mayManage(request.caller)) return refuse(words.setsNotAllowed);
  const file = request.attachments?.file;
  if (!file) return refuse(words.importNoFile);
  const tooBig = (bytes: number) => {
    const problem: ImportError = { line: null, path: "", problem: { code: "too-big", bytes } };
    return refuse(`${words.importFailed({ count: 0, problems: 1 })}\n${problemLine(lang, problem)}`);
  };
  if (file.size > SET_LIMITS.bytes) return tooBig(file.size);
  let bytes: Uint8Array;
  try {
    // Never more than the limit (and a byte), whatever size the file claimed.
    bytes = await file.read(SET_LIMITS.bytes);
  } catch {
    return refuse(words.importUnreadable);
  }
  if (bytes.byteLength > SET_LIMITS.bytes) return tooBig(Math.max(file.size, bytes.byteLength));
  const result = parseQuestionFile(file.name, bytes);
  if (!result.ok) {
    const lines = result.errors.slice(0, MAX_REPORTED).map((e) => problemLine(lang, e));
    if (result.errors.length > MAX_REPORTED)
      lines.push(words.importMore({ count: result.errors.length - MAX_REPORTED }));
    const head = words.importFailed({ count: result.count, problems: result.errors.length });
    return refuse(`${head}\n${joinLines(lines, 1800, lang)}`);
  }
  const name = setName(request.options.name, result.name, file.name);
  const saved = await services.saveSet(request.caller, name, result.questions);
  if (!saved.ok)
    return refuse(
      saved.reason === "in-use" ? words.setInUse({ name: quoteUserText(name) }) : words.tooManySets,
    );
  return reply(
    ephemeralText(
      words.importDone({
        name: quoteUserText(saved.set.name),
        count: saved.set.count,
        replaced: saved.replaced,
      }),
    ),
  );
}

export async function setsCommand(services: TriviaServices, request: CommandRequest): Promise<BotResponse> {
  const lang = langOf(request.caller.locale);
  const words = text(lang);
  const action = request.options.action ?? "list";
  const name = typeof request.options.name === "string" ? request.options.name : "";
  if (action === "list") {
    const sets = await services.questionSets(request.caller);
    if (sets.length === 0) return reply(ephemeralText(words.setsNone));
    const lines = sets.map((s) =>
      words.setsLine({
        name: quoteUserText(s.name),
        count: s.count,
        by: `<@${s.created_by}>`,
        date: formatIsoDay(lang, new Date(s.updated_at).toISOString().slice(0, 10)),
      }),
    );
    return reply(ephemeralText(`**${words.setsTitle}**\n${joinLines(lines, 1900, lang)}`));
  }
  if (!name.trim()) return refuse(words.setNameNeeded);
  const set = await services.findSet(request.caller, name);
  if (!set) return refuse(words.noSuchSet({ name: quoteUserText(name) }));
  if (action === "export") {
    const body = JSON.stringify({ name: set.name, questions: await services.setQuestions(set) }, null, 2);
    const fileName = `${set.name.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "questions"}.json`;
    return reply(
      privateFile(words.setExported({ name: quoteUserText(set.name) }), { name: fileName, text: body }),
    );
  }
  if (!services.mayManage(request.caller)) return refuse(words.setsNotAllowed);
  const deleted = await services.deleteSet(request.caller, name);
  if (!deleted.ok)
    return refuse(
      deleted.reason === "in-use"
        ? words.setInUse({ name: quoteUserText(set.name) })
        : words.noSuchSet({ name: quoteUserText(name) }),
    );
  return reply(
    ephemeralText(words.setDeleted({ name: quoteUserText(deleted.set.name), count: deleted.set.count })),
  );
}

/** The server's sets whose names start with (or contain) what was typed. */
export async function setChoices(
  engine: Engine,
  request: { caller: CommandRequest["caller"]; focused: { value: string } },
): Promise<Choice[]> {
  const sets = (await engine.trivia?.services?.questionSets(request.caller)) ?? [];
  const typed = request.focused.value.trim().toLowerCase();
  return sets
    .filter((s) => s.name.toLowerCase().includes(typed))
    .slice(0, 25)
    .map((s) => ({ name: clip(`${sanitizeLine(s.name)} (${s.count})`, 100), value: clip(s.name, 100) }));
}
