// Slash command definitions as the plain JSON Discord's API takes (typed by discord-api-types),
// with a name and description in English and Russian for each command and option. No builder
// library: loading discord.js's builders cost the console and the CLI half a second at start.
import type {
  APIApplicationCommandAttachmentOption,
  APIApplicationCommandBasicOption,
  APIApplicationCommandBooleanOption,
  APIApplicationCommandChannelOption,
  APIApplicationCommandIntegerOption,
  APIApplicationCommandOptionChoice,
  APIApplicationCommandStringOption,
  APIApplicationCommandSubcommandGroupOption,
  APIApplicationCommandSubcommandOption,
  APIApplicationCommandUserOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
} from "../../src/interactions/api.js";

export type CommandDefinition = RESTPostAPIChatInputApplicationCommandsJSONBody & { name: string };
export type MessageCommandDefinition = RESTPostAPIContextMenuApplicationCommandsJSONBody & { name: string };

/**
 * Every command can be installed to a server or to a user's own account, and used in servers, in
 * the bot's DM, and in DMs and group DMs between people (where only user installs reach). What
 * needs a server (a server's leaderboard reset) says so in its description and answers politely
 * elsewhere.
 */
export const EVERYWHERE = {
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [
    InteractionContextType.Guild,
    InteractionContextType.BotDM,
    InteractionContextType.PrivateChannel,
  ],
};

/** A name and a description, each in English and Russian. */
export interface Words {
  name: string;
  ru: string;
  description: string;
  descriptionRu: string;
}

function named(w: Words) {
  return {
    name: w.name,
    name_localizations: { ru: w.ru },
    description: w.description,
    description_localizations: { ru: w.descriptionRu },
  };
}

export function slashCommand(
  w: Words,
  options: (
    | APIApplicationCommandBasicOption
    | APIApplicationCommandSubcommandOption
    | APIApplicationCommandSubcommandGroupOption
  )[] = [],
): CommandDefinition {
  return { ...named(w), type: ApplicationCommandType.ChatInput, options, ...EVERYWHERE };
}

/** A command in the menu of a message (Apps → name): a name in both languages, no description. */
export function messageCommand(name: string, ru: string): MessageCommandDefinition {
  return { name, name_localizations: { ru }, type: ApplicationCommandType.Message, ...EVERYWHERE };
}

export function subcommand(
  w: Words,
  options: APIApplicationCommandBasicOption[] = [],
): APIApplicationCommandSubcommandOption {
  return { ...named(w), type: ApplicationCommandOptionType.Subcommand, options };
}

/**
 * A group of subcommands, typed as words of their own: `/trivia term start name:…`. Discord
 * allows one level of groups, at the top of a command, holding subcommands only.
 */
export function subcommandGroup(
  w: Words,
  subcommands: APIApplicationCommandSubcommandOption[],
): APIApplicationCommandSubcommandGroupOption {
  return { ...named(w), type: ApplicationCommandOptionType.SubcommandGroup, options: subcommands };
}

export function stringOption(
  w: Words,
  extra: {
    required?: boolean;
    autocomplete?: boolean;
    maxLength?: number;
    choices?: APIApplicationCommandOptionChoice<string>[];
  } = {},
): APIApplicationCommandStringOption {
  const option = {
    ...named(w),
    type: ApplicationCommandOptionType.String,
    required: extra.required ?? false,
    ...(extra.maxLength !== undefined ? { max_length: extra.maxLength } : {}),
  };
  if (extra.autocomplete) return { ...option, autocomplete: true };
  return { ...option, ...(extra.choices ? { choices: extra.choices } : {}) };
}

export function integerOption(
  w: Words,
  extra: { required?: boolean; min?: number; max?: number } = {},
): APIApplicationCommandIntegerOption {
  return {
    ...named(w),
    type: ApplicationCommandOptionType.Integer,
    required: extra.required ?? false,
    ...(extra.min !== undefined ? { min_value: extra.min } : {}),
    ...(extra.max !== undefined ? { max_value: extra.max } : {}),
  };
}

export function attachmentOption(
  w: Words,
  extra: { required?: boolean } = {},
): APIApplicationCommandAttachmentOption {
  return { ...named(w), type: ApplicationCommandOptionType.Attachment, required: extra.required ?? false };
}

/** A channel of the server (text, announcement, forum threads): where the option points. */
export function channelOption(
  w: Words,
  extra: { required?: boolean } = {},
): APIApplicationCommandChannelOption {
  return {
    ...named(w),
    type: ApplicationCommandOptionType.Channel,
    required: extra.required ?? false,
    channel_types: [0, 5, 11, 12],
  };
}

export function booleanOption(
  w: Words,
  extra: { required?: boolean } = {},
): APIApplicationCommandBooleanOption {
  return { ...named(w), type: ApplicationCommandOptionType.Boolean, required: extra.required ?? false };
}

export function userOption(w: Words, extra: { required?: boolean } = {}): APIApplicationCommandUserOption {
  return { ...named(w), type: ApplicationCommandOptionType.User, required: extra.required ?? false };
}

/** A choice with its Russian name. */
export function choice(name: string, ru: string, value: string): APIApplicationCommandOptionChoice<string> {
  return { name, name_localizations: { ru }, value };
}

/** The difficulties of trivia, in both languages; with "any" where a setting may leave it open. */
export function difficultyChoices(withAny = false): APIApplicationCommandOptionChoice<string>[] {
  return [
    ...(withAny ? [choice("any", "любая", "any")] : []),
    choice("easy", "лёгкая", "easy"),
    choice("medium", "средняя", "medium"),
    choice("hard", "сложная", "hard"),
  ];
}
