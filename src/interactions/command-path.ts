// Where a command's words lead in its definition: `/trivia term start` is the command, then a
// subcommand group (type 2), then one of its subcommands (type 1); `/trivia start` a subcommand
// alone; `/who` neither. Discord allows one group level, at the top, holding subcommands only.
// The router checks each request against it, the console reads typed words with it, and its
// completion offers the next word from it: one reading of the shape for all three.
import type {
  APIApplicationCommandBasicOption,
  APIApplicationCommandOption,
  APIApplicationCommandSubcommandGroupOption,
  APIApplicationCommandSubcommandOption,
} from "discord-api-types/v10";
import { ApplicationCommandOptionType } from "./api.js";

export type Branch = APIApplicationCommandSubcommandOption | APIApplicationCommandSubcommandGroupOption;

/** A command, group, subcommand or option: its name and its Russian name. */
export interface Named {
  name: string;
  name_localizations?: { ru?: string | null } | null;
}

/**
 * The words that may come next at a level of options: its subcommands, and at the top level (depth
 * 0) its groups too. None: the level takes options.
 */
export function branchesOf(
  options: readonly APIApplicationCommandOption[] | undefined,
  depth: number,
): Branch[] {
  return (options ?? []).filter(
    (o): o is Branch =>
      o.type === ApplicationCommandOptionType.Subcommand ||
      (depth === 0 && o.type === ApplicationCommandOptionType.SubcommandGroup),
  );
}

/** The options that take values at a level (never a subcommand or group). */
export function valueOptions(
  options: readonly APIApplicationCommandOption[] | undefined,
): APIApplicationCommandBasicOption[] {
  return (options ?? []).filter(
    (o): o is APIApplicationCommandBasicOption =>
      o.type !== ApplicationCommandOptionType.Subcommand &&
      o.type !== ApplicationCommandOptionType.SubcommandGroup,
  );
}

export type PathResult =
  | { ok: true; group?: string; subcommand?: string; options: APIApplicationCommandBasicOption[] }
  /**
   * The words up to where it went wrong (`walked`, the command first), the word that matched
   * nothing there (`unknown`; none when a word was missing), and what would have fitted.
   */
  | { ok: false; walked: Named[]; unknown?: string; expected: Branch[] };

/**
 * Follows `words` (each matched by `matches`) through a definition's groups and subcommands: at
 * most a group and then one of its subcommands, or one subcommand. Words left over after the
 * path ends are not its business (the console reads them as options).
 */
export function walkPath(
  def: Named & { options?: readonly APIApplicationCommandOption[] },
  words: readonly (string | undefined)[],
  matches: (o: Named, word: string) => boolean,
): PathResult & { walked: Named[]; used: number } {
  const walked: Named[] = [def];
  let options = def.options;
  let group: string | undefined;
  for (let depth = 0; depth < 2; depth++) {
    const branches = branchesOf(options, depth);
    if (branches.length === 0) break;
    const word = words[depth];
    const branch = word === undefined ? undefined : branches.find((b) => matches(b, word));
    if (!branch)
      return { ok: false, walked, ...(word ? { unknown: word } : {}), expected: branches, used: depth };
    walked.push(branch);
    options = branch.options;
    if (branch.type === ApplicationCommandOptionType.Subcommand)
      return {
        ok: true,
        ...(group !== undefined ? { group } : {}),
        subcommand: branch.name,
        options: valueOptions(options),
        walked,
        used: depth + 1,
      };
    group = branch.name;
  }
  // A group with no subcommands is not a command Discord registers: nothing to run.
  if (group !== undefined) return { ok: false, walked, expected: [], used: 1 };
  return { ok: true, options: valueOptions(options), walked, used: 0 };
}

/**
 * Whether a request's group and subcommand are a path of this definition, exactly: the router's
 * check before a command runs (a stale registration or a forged interaction gets a polite answer).
 */
export function requestPath(
  def: Named & { options?: readonly APIApplicationCommandOption[] },
  request: { group?: string | undefined; subcommand?: string | undefined },
): PathResult {
  const top = branchesOf(def.options, 0);
  const { group: groupName, subcommand: subName } = request;
  const missingOr = (word: string | undefined) => (word !== undefined ? { unknown: word } : {});
  if (top.length === 0) {
    const extra = groupName ?? subName;
    if (extra === undefined) return { ok: true, options: valueOptions(def.options) };
    return { ok: false, walked: [def], unknown: extra, expected: [] };
  }
  if (groupName !== undefined) {
    const group = top.find(
      (b): b is APIApplicationCommandSubcommandGroupOption =>
        b.type === ApplicationCommandOptionType.SubcommandGroup && b.name === groupName,
    );
    if (!group) return { ok: false, walked: [def], unknown: groupName, expected: top };
    const subs = branchesOf(group.options, 1);
    const sub = subs.find((s) => s.name === subName);
    if (!sub) return { ok: false, walked: [def, group], ...missingOr(subName), expected: subs };
    return { ok: true, group: group.name, subcommand: sub.name, options: valueOptions(sub.options) };
  }
  const found = top.find((b) => b.name === subName);
  if (!found) return { ok: false, walked: [def], ...missingOr(subName), expected: top };
  // A group named as if it were a subcommand (how the command was registered before it had
  // groups): its own subcommand is missing.
  if (found.type === ApplicationCommandOptionType.SubcommandGroup)
    return { ok: false, walked: [def, found], expected: branchesOf(found.options, 1) };
  return { ok: true, subcommand: found.name, options: valueOptions(found.options) };
}
