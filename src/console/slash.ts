import { basename } from "node:path";
import type {
  APIApplicationCommandBasicOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { type Lang, langOf, text } from "../i18n/index.js";
import { ApplicationCommandOptionType } from "../interactions/api.js";
import { type Named, walkPath } from "../interactions/command-path.js";
import type { Caller, CommandRequest, OptionValue, RequestAttachment } from "../interactions/types.js";
import { checkLocalFile, type LocalFileProblem, readLocalFile } from "./local-file.js";
import { optionValue, shown } from "./option-value.js";

export type ParsedSlash = { ok: true; request: CommandRequest } | { ok: false; error: string };

/** Console users are one local person; ids look like Discord's so cards behave the same. */
export const CONSOLE_CALLER: Caller = {
  userId: "100000000000000001",
  guildId: "100000000000000002",
  channelId: "100000000000000003",
  locale: "en-US",
  canManageGuild: true,
};

/** The console's person reading in a language: a Discord set to Russian, or to English as before. */
export function consoleCaller(lang: Lang): Caller {
  return lang === "ru" ? { ...CONSOLE_CALLER, locale: "ru" } : CONSOLE_CALLER;
}

/** A command's, subcommand's or option's name as a Discord in this language shows it. */
function localName(lang: Lang, o: { name: string; name_localizations?: { ru?: string | null } | null }) {
  return (lang === "ru" && o.name_localizations?.ru) || o.name;
}

/**
 * Whether a typed word names this command, subcommand or option: by its name, and in Russian by
 * the name a Russian Discord shows too (so `/кто имя:Хрущёв` and `/who name:Хрущёв` both work).
 */
function names(
  lang: Lang,
  o: { name: string; name_localizations?: { ru?: string | null } | null },
  typed: string,
): boolean {
  const word = typed.toLowerCase();
  return o.name === word || (lang === "ru" && o.name_localizations?.ru?.toLowerCase() === word);
}

/** Why a local file cannot be attached, in the caller's language. */
export function localFileMessage(caller: Pick<Caller, "locale">, path: string, problem: LocalFileProblem) {
  const words = text(langOf(caller.locale));
  switch (problem.code) {
    case "missing":
      return words.localFileMissing({ path });
    case "unreadable":
      return words.localFileUnreadable({ path, denied: problem.denied });
    case "not-a-file":
      return words.localFileNotAFile({ path, kind: problem.kind });
  }
}

/** A command as typed: "/trivia start", "/trivia term start" (in Russian "/викторина начать"). */
const named = (lang: Lang, path: readonly Named[]) => `/${path.map((o) => localName(lang, o)).join(" ")}`;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Reads a slash command typed as in Discord: `/who name:krushchev`,
 * `/when date:10th November 1982 office:First Secretary`, `/trivia start questions:5`; and takes
 * it or refuses it as Discord's client would (see option-value.ts): a command, subcommand and
 * options the definitions register, each option once, its value one Discord would send, every
 * required option given. `messageCommands` are named when the line is not a command.
 */
export function parseSlash(
  line: string,
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  caller: Caller = CONSOLE_CALLER,
  messageCommands: readonly string[] = [],
): ParsedSlash {
  const lang = langOf(caller.locale);
  const words = text(lang);
  const message = messageCommands[0] ?? "Look up in Apparat";
  const fail = (error: string): ParsedSlash => ({ ok: false, error });
  const body = line.trim().replace(/^\//, "").trim();
  if (body === "") return fail(words.lineEmpty({ message }));
  // Words are split off the front only: a value keeps its spaces as typed, as Discord sends it.
  const [, name = "", afterName = ""] = body.match(/^(\S+)\s*([\s\S]*)$/) ?? [];
  const def = definitions.find((d) => names(lang, d, name));
  if (!def) {
    return fail(
      words.lineUnknownCommand({
        name: shown(name, 40),
        commands: definitions.map((d) => `/${localName(lang, d)}`).join(" "),
        message,
      }),
    );
  }
  // The group and subcommand are words of their own ("/trivia term start name:…"), each taken
  // by its name or, in Russian, the name a Russian Discord shows.
  const typedWords: string[] = [];
  const rests = [afterName];
  for (let i = 0; i < 2; i++) {
    const [, word = "", after = ""] = (rests[i] ?? "").match(/^(\S*)\s*([\s\S]*)$/) ?? [];
    typedWords.push(word);
    rests.push(after);
  }
  const path = walkPath(def, typedWords, (o, word) => names(lang, o, word));
  if (!path.ok)
    return fail(
      words.lineNeedsSubcommand({
        command: named(lang, path.walked),
        subcommands: path.expected.map((s) => localName(lang, s)).join(", "),
      }),
    );
  const remainder = rests[path.used] ?? "";
  const { group, subcommand } = path;
  const command = named(lang, path.walked);
  const allowed = path.options;
  const takes = allowed.map((o) => `${localName(lang, o)}:`).join(" ");
  const options: Record<string, OptionValue> = {};
  const attachments: Record<string, RequestAttachment> = {};
  // Options by their names, and in Russian by the names a Russian Discord shows as well.
  const optionNames = allowed.flatMap((o) => [
    o.name,
    ...(lang === "ru" && o.name_localizations?.ru ? [o.name_localizations.ru] : []),
  ]);
  const pattern = allowed.length
    ? new RegExp(`(?:^|\\s)(${optionNames.map(escapeRegExp).join("|")}):`, "gu")
    : null;
  const marks = pattern ? [...remainder.matchAll(pattern)] : [];
  // Text that belongs to no option ("/who krushchev"): Discord has nowhere to put it.
  const before = remainder.slice(0, marks[0]?.index ?? remainder.length);
  if (before.trim() !== "") return fail(words.lineOptionsForm({ command, options: takes }));
  for (const [i, m] of marks.entries()) {
    const spec = allowed.find((o) => names(lang, o, m[1] as string)) as APIApplicationCommandBasicOption;
    const key = spec.name;
    const label = localName(lang, spec);
    if (Object.hasOwn(options, key)) return fail(words.lineRepeated({ option: label }));
    const start = (m.index ?? 0) + m[0].length;
    const end = marks[i + 1]?.index ?? remainder.length;
    const raw = remainder.slice(start, end).trim();
    if (spec.type === ApplicationCommandOptionType.Attachment) {
      // In the console and `cli run`, a file is a local path: "file:week3.csv". Only a regular
      // file, read through a handle and never past a limit (see local-file.ts).
      if (raw === "") return fail(words.lineEmptyValue({ option: label }));
      const file = checkLocalFile(raw);
      if (!file.ok) return fail(localFileMessage(caller, raw, file.problem));
      attachments[key] = {
        name: basename(raw),
        size: file.size,
        read: (maxBytes) => readLocalFile(raw, maxBytes),
      };
      options[key] = raw;
      continue;
    }
    const value = optionValue(spec, raw, caller);
    if (!value.ok) return fail(value.error);
    options[key] = value.value;
  }
  for (const o of allowed) {
    if ("required" in o && o.required && options[o.name] === undefined)
      return fail(
        words.lineMissing({
          command,
          option: localName(lang, o),
          description: (lang === "ru" && o.description_localizations?.ru) || o.description,
        }),
      );
  }
  return {
    ok: true,
    request: {
      type: "command",
      command: def.name,
      ...(group !== undefined ? { group } : {}),
      ...(subcommand !== undefined ? { subcommand } : {}),
      options,
      caller,
      ...(Object.keys(attachments).length > 0 ? { attachments } : {}),
    },
  };
}
