import { basename } from "node:path";
import type {
  APIApplicationCommandBasicOption,
  APIApplicationCommandOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { langOf, text } from "../i18n/index.js";
import { ApplicationCommandOptionType } from "../interactions/api.js";
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

function optionList(
  def: RESTPostAPIChatInputApplicationCommandsJSONBody,
  sub?: string,
): APIApplicationCommandOption[] {
  const options = def.options ?? [];
  if (!sub) return options;
  const subOption = options.find((o) => o.name === sub && o.type === ApplicationCommandOptionType.Subcommand);
  return subOption && "options" in subOption ? (subOption.options ?? []) : [];
}

/** A command as typed: "/trivia start". */
const named = (command: string, sub?: string) => `/${command}${sub ? ` ${sub}` : ""}`;

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
  const def = definitions.find((d) => d.name === name.toLowerCase());
  if (!def) {
    return fail(
      words.lineUnknownCommand({
        name: shown(name, 40),
        commands: definitions.map((d) => `/${d.name}`).join(" "),
        message,
      }),
    );
  }
  let remainder = afterName;
  let subcommand: string | undefined;
  const subs = (def.options ?? [])
    .filter((o) => o.type === ApplicationCommandOptionType.Subcommand)
    .map((o) => o.name);
  if (subs.length > 0) {
    const [, first = "", afterSub = ""] = remainder.match(/^(\S*)\s*([\s\S]*)$/) ?? [];
    const sub = subs.find((s) => s === first.toLowerCase());
    if (!sub)
      return fail(words.lineNeedsSubcommand({ command: named(def.name), subcommands: subs.join(", ") }));
    subcommand = sub;
    remainder = afterSub;
  }
  const command = named(def.name, subcommand);
  const allowed = optionList(def, subcommand);
  const takes = allowed.map((o) => `${o.name}:`).join(" ");
  const options: Record<string, OptionValue> = {};
  const attachments: Record<string, RequestAttachment> = {};
  const pattern = allowed.length
    ? new RegExp(`(?:^|\\s)(${allowed.map((o) => escapeRegExp(o.name)).join("|")}):`, "g")
    : null;
  const marks = pattern ? [...remainder.matchAll(pattern)] : [];
  // Text that belongs to no option ("/who krushchev"): Discord has nowhere to put it.
  const before = remainder.slice(0, marks[0]?.index ?? remainder.length);
  if (before.trim() !== "") return fail(words.lineOptionsForm({ command, options: takes }));
  for (const [i, m] of marks.entries()) {
    const key = m[1] as string;
    const spec = allowed.find((o) => o.name === key) as APIApplicationCommandBasicOption;
    if (Object.hasOwn(options, key)) return fail(words.lineRepeated({ option: key }));
    const start = (m.index ?? 0) + m[0].length;
    const end = marks[i + 1]?.index ?? remainder.length;
    const raw = remainder.slice(start, end).trim();
    if (spec.type === ApplicationCommandOptionType.Attachment) {
      // In the console and `cli run`, a file is a local path: "file:week3.csv". Only a regular
      // file, read through a handle and never past a limit (see local-file.ts).
      if (raw === "") return fail(words.lineEmptyValue({ option: key }));
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
          option: o.name,
          description: (lang === "ru" && o.description_localizations?.ru) || o.description,
        }),
      );
  }
  return {
    ok: true,
    request: {
      type: "command",
      command: def.name,
      ...(subcommand ? { subcommand } : {}),
      options,
      caller,
      ...(Object.keys(attachments).length > 0 ? { attachments } : {}),
    },
  };
}
