import { basename } from "node:path";
import type {
  APIApplicationCommandOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { langOf, text } from "../i18n/index.js";
import { ApplicationCommandOptionType } from "../interactions/api.js";
import type { Caller, CommandRequest, OptionValue, RequestAttachment } from "../interactions/types.js";
import { checkLocalFile, type LocalFileProblem, readLocalFile } from "./local-file.js";

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

/**
 * Reads a slash command typed as in Discord: `/who name:krushchev`,
 * `/when date:10th November 1982 office:First Secretary`, `/trivia start questions:5`.
 */
export function parseSlash(
  line: string,
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  caller: Caller = CONSOLE_CALLER,
): ParsedSlash {
  const text = line.trim().replace(/^\//, "");
  const [name = "", ...rest] = text.split(/\s+/);
  const def = definitions.find((d) => d.name === name.toLowerCase());
  if (!def) {
    return {
      ok: false,
      error: `Unknown command "/${name}". Commands: ${definitions.map((d) => `/${d.name}`).join(" ")}`,
    };
  }
  let remainder = rest.join(" ");
  let subcommand: string | undefined;
  const subs = (def.options ?? [])
    .filter((o) => o.type === ApplicationCommandOptionType.Subcommand)
    .map((o) => o.name);
  if (subs.length > 0) {
    const [first = "", ...others] = remainder.split(/\s+/);
    if (!subs.includes(first)) return { ok: false, error: `/${def.name} needs one of: ${subs.join(", ")}` };
    subcommand = first;
    remainder = others.join(" ");
  }
  const allowed = optionList(def, subcommand);
  const names = allowed.map((o) => o.name);
  const options: Record<string, OptionValue> = {};
  const attachments: Record<string, RequestAttachment> = {};
  let problem: string | undefined;
  const pattern = new RegExp(`(?:^|\\s)(${names.join("|") || "\\u0000"}):`, "g");
  const marks = [...remainder.matchAll(pattern)];
  if (remainder.trim() && marks.length === 0) {
    return {
      ok: false,
      error: `Give options as name:value — /${def.name} takes ${names.map((n) => `${n}:`).join(" ") || "no options"}`,
    };
  }
  marks.forEach((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const end = i + 1 < marks.length ? (marks[i + 1]?.index ?? remainder.length) : remainder.length;
    const key = m[1] as string;
    const raw = remainder.slice(start, end).trim();
    const spec = allowed.find((o) => o.name === key);
    let value: OptionValue = raw;
    if (spec && "choices" in spec && spec.choices?.length) {
      const choice = spec.choices.find(
        (c) =>
          String(c.value).toLowerCase() === raw.toLowerCase() || c.name.toLowerCase() === raw.toLowerCase(),
      );
      if (choice) value = choice.value;
    }
    if (
      spec?.type === ApplicationCommandOptionType.Integer ||
      spec?.type === ApplicationCommandOptionType.Number
    ) {
      value = Number(raw);
    }
    if (spec?.type === ApplicationCommandOptionType.Boolean) value = /^(true|yes|1)$/i.test(raw);
    if (spec?.type === ApplicationCommandOptionType.Attachment) {
      // In the console and `cli run`, a file is a local path: "file:week3.csv". Only a regular
      // file, read through a handle and never past a limit (see local-file.ts).
      const file = checkLocalFile(raw);
      if (!file.ok) {
        problem = localFileMessage(caller, raw, file.problem);
        return;
      }
      attachments[key] = {
        name: basename(raw),
        size: file.size,
        read: (maxBytes) => readLocalFile(raw, maxBytes),
      };
    }
    options[key] = value;
  });
  if (problem) return { ok: false, error: problem };
  for (const o of allowed) {
    if ("required" in o && o.required && options[o.name] === undefined) {
      return { ok: false, error: `/${def.name} needs ${o.name}: — ${o.description}` };
    }
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
