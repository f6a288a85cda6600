// Interactions as Discord sends them (INTERACTION_CREATE), built for the registered commands and
// the messages the bot sent: slash commands, message commands, autocomplete, buttons and selects.
// They refuse what Discord's client would never send: unregistered commands, unknown options,
// values outside `choices`, buttons that are not on the message.
//   https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object
import { randomBytes } from "node:crypto";
import {
  type APIApplicationCommand,
  type APIApplicationCommandAutocompleteGuildInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOption,
  type APIAttachment,
  type APIChatInputApplicationCommandGuildInteraction,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentGuildInteraction,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
} from "discord-api-types/v10";
import {
  BOT_PERMISSIONS,
  MEMBER_PERMISSIONS,
  makeInteractionMember,
  makeMessage,
  makeUser,
} from "./fixtures.js";
import { privateChannelOf, privatePlaceFields, USER_INSTALL_APP_PERMISSIONS } from "./places.js";
import type { Actor, OptionInput } from "./records.js";
import type { StandIn } from "./state.js";

const OPTION_TYPE_NAMES: Record<number, string> = {
  [ApplicationCommandOptionType.String]: "string",
  [ApplicationCommandOptionType.Integer]: "integer",
  [ApplicationCommandOptionType.Boolean]: "boolean",
  [ApplicationCommandOptionType.Number]: "number",
  [ApplicationCommandOptionType.Attachment]: "attachment",
  [ApplicationCommandOptionType.Channel]: "channel",
};

/** The registered command named `name`: guild commands first, then global ones. */
export function registeredCommand(s: StandIn, name: string): APIApplicationCommand {
  const found =
    (s.guildCommands.get(s.guild.id) ?? []).find((c) => c.name === name) ??
    s.globalCommands.find((c) => c.name === name);
  if (!found) throw new Error(`/${name} is not registered with the stand-in (run the deploy script first)`);
  return found;
}

/** What every interaction carries about where it happens and who acts. */
function base(s: StandIn, as: Actor) {
  const user = as.user ?? s.asker;
  const where = as.where ?? "guild";
  if (where !== "guild" && where !== "guild-user-install") {
    return {
      id: s.ids.next(),
      application_id: s.applicationId,
      token: `aW50ZXJhY3Rpb246${randomBytes(96).toString("base64url")}`,
      version: 1 as const,
      ...privatePlaceFields(where, s.privateChannels, user),
      locale: as.locale ?? Locale.EnglishUS,
      entitlements: [],
      attachment_size_limit: 10 * 1024 * 1024,
    };
  }
  const guild = as.guild ?? s.guild;
  const channel = guild.channels[0];
  if (!channel) throw new Error(`the test server ${guild.name} has no channel`);
  const userInstall = where === "guild-user-install";
  return {
    id: s.ids.next(),
    application_id: s.applicationId,
    token: `aW50ZXJhY3Rpb246${randomBytes(96).toString("base64url")}`,
    version: 1 as const,
    guild: { id: guild.id, locale: guild.preferred_locale, features: guild.features },
    guild_id: guild.id,
    channel: {
      id: channel.id,
      type: channel.type,
      guild_id: guild.id,
      name: channel.name,
      position: channel.position,
      flags: 0,
      parent_id: null,
      permissions: (as.permissions ?? MEMBER_PERMISSIONS).toString(),
      topic: null,
      nsfw: false,
      last_message_id: null,
      rate_limit_per_user: 0,
    },
    channel_id: channel.id,
    member: makeInteractionMember(user, as.permissions ?? MEMBER_PERMISSIONS, Date.now() - 3_600_000),
    locale: as.locale ?? Locale.EnglishUS,
    guild_locale: guild.preferred_locale,
    app_permissions: (userInstall ? USER_INSTALL_APP_PERMISSIONS : BOT_PERMISSIONS).toString(),
    entitlements: [],
    authorizing_integration_owners: userInstall
      ? { [ApplicationIntegrationType.UserInstall]: user.id }
      : { [ApplicationIntegrationType.GuildInstall]: guild.id },
    context: InteractionContextType.Guild,
    attachment_size_limit: 10 * 1024 * 1024,
  };
}

function optionValues(
  command: APIApplicationCommand,
  values: Record<string, OptionInput>,
  focused?: string,
): APIApplicationCommandInteractionDataOption[] {
  const defs = new Map<string, APIApplicationCommandOption>((command.options ?? []).map((o) => [o.name, o]));
  const out: APIApplicationCommandInteractionDataOption[] = [];
  for (const [name, value] of Object.entries(values)) {
    const def = defs.get(name);
    if (!def) throw new Error(`/${command.name} has no option "${name}"`);
    const typeName = OPTION_TYPE_NAMES[def.type];
    if (!typeName)
      throw new Error(`option type ${def.type} of /${command.name} ${name} is not supported by the builder`);
    const isFocused = name === focused;
    if (def.type === ApplicationCommandOptionType.Attachment) {
      // A file: its id in the option, the file itself in resolved.attachments (see chatInput).
      if (typeof value !== "object") throw new Error(`/${command.name} ${name} takes an uploaded file`);
      out.push({ name, type: def.type, value: value.id } as APIApplicationCommandInteractionDataOption);
      continue;
    }
    if (typeof value === "object") throw new Error(`/${command.name} ${name} does not take a file`);
    if (!isFocused) {
      // Discord's client enforces these before it sends anything.
      if (def.type === ApplicationCommandOptionType.Channel && typeof value !== "string")
        throw new Error(`/${command.name} ${name} takes a channel's id`);
      if (def.type === ApplicationCommandOptionType.String) {
        if (typeof value !== "string") throw new Error(`/${command.name} ${name} takes a string`);
        if ("max_length" in def && def.max_length !== undefined && [...value].length > def.max_length)
          throw new Error(`/${command.name} ${name} takes at most ${def.max_length} characters`);
      }
      if ("choices" in def && def.choices?.length && !def.choices.some((c) => c.value === value))
        throw new Error(`/${command.name} ${name}: ${JSON.stringify(value)} is not one of its choices`);
    } else if (!("autocomplete" in def) || !def.autocomplete) {
      throw new Error(`/${command.name} ${name} does not autocomplete`);
    }
    out.push({
      name,
      type: def.type,
      value: isFocused ? String(value) : value,
      ...(isFocused ? { focused: true } : {}),
    } as APIApplicationCommandInteractionDataOption);
  }
  for (const def of command.options ?? []) {
    if ("required" in def && def.required && !(def.name in values) && focused === undefined)
      throw new Error(`/${command.name} needs the option "${def.name}"`);
  }
  return out;
}

/** An application-command interaction (type 2) for `command`, with the data its type carries. */
function commandInteraction(
  s: StandIn,
  command: APIApplicationCommand,
  as: Actor,
  data: Record<string, unknown>,
): unknown {
  return {
    ...base(s, as),
    type: InteractionType.ApplicationCommand,
    data: {
      id: command.id,
      name: command.name,
      ...(command.guild_id ? { guild_id: command.guild_id } : {}),
      ...data,
    },
  };
}

/**
 * Where `words` lead in a registered command ("trivia", "trivia start", "trivia term start"): the
 * options that take values there, and how Discord nests the values it sends: inside the
 * subcommand (type 1), itself inside its group (type 2), as `data.options[0]` each time.
 */
function commandLevel(
  command: APIApplicationCommand,
  words: string[],
): { options: APIApplicationCommandOption[]; nest: (values: unknown[]) => unknown[] } {
  const [group, sub, ...extra] = words;
  const top = command.options ?? [];
  if (group === undefined) {
    if (
      top.some(
        (o) =>
          o.type === ApplicationCommandOptionType.Subcommand ||
          o.type === ApplicationCommandOptionType.SubcommandGroup,
      )
    )
      throw new Error(`/${command.name} needs a subcommand`);
    return { options: top, nest: (values) => values };
  }
  if (extra.length > 0)
    throw new Error(`/${command.name} ${words.join(" ")}: at most a group and a subcommand`);
  const first = top.find((o) => o.name === group);
  if (sub === undefined) {
    if (!first || first.type !== ApplicationCommandOptionType.Subcommand)
      throw new Error(`/${command.name} has no subcommand "${group}"`);
    return {
      options: first.options ?? [],
      nest: (values) => [{ name: group, type: ApplicationCommandOptionType.Subcommand, options: values }],
    };
  }
  if (!first || first.type !== ApplicationCommandOptionType.SubcommandGroup)
    throw new Error(`/${command.name} has no subcommand group "${group}"`);
  const inner = (first.options ?? []).find((o) => o.name === sub);
  if (!inner) throw new Error(`/${command.name} ${group} has no subcommand "${sub}"`);
  return {
    options: inner.options ?? [],
    nest: (values) => [
      {
        name: group,
        type: ApplicationCommandOptionType.SubcommandGroup,
        options: [{ name: sub, type: ApplicationCommandOptionType.Subcommand, options: values }],
      },
    ],
  };
}

/**
 * A slash-command interaction (type 2) for a registered command: "trivia start" for a subcommand,
 * "trivia term start" for a subcommand of a group.
 */
export function chatInput(
  s: StandIn,
  name: string,
  values: Record<string, OptionInput>,
  as: Actor,
): APIChatInputApplicationCommandGuildInteraction {
  const [commandName = name, ...path] = name.split(" ");
  const command = registeredCommand(s, commandName);
  const level = commandLevel(command, path);
  const options = level.nest(optionValues({ ...command, name, options: level.options }, values));
  const files = Object.values(values).filter((v): v is APIAttachment => typeof v === "object");
  return commandInteraction(s, command, as, {
    type: ApplicationCommandType.ChatInput,
    options,
    ...(files.length ? { resolved: { attachments: Object.fromEntries(files.map((f) => [f.id, f])) } } : {}),
  }) as APIChatInputApplicationCommandGuildInteraction;
}

/**
 * A message command (type 2, command type 3) used on `message`: `target_id` and the message in
 * `resolved.messages`, as Discord sends them (with its content, whatever the bot's intents).
 */
export function messageCommand(
  s: StandIn,
  name: string,
  message: APIMessage,
  as: Actor,
): APIMessageApplicationCommandInteraction {
  const command = registeredCommand(s, name);
  if (command.type !== ApplicationCommandType.Message) throw new Error(`${name} is not a message command`);
  return commandInteraction(s, command, as, {
    type: ApplicationCommandType.Message,
    target_id: message.id,
    resolved: { messages: { [message.id]: message } },
  }) as APIMessageApplicationCommandInteraction;
}

/**
 * A file a user attaches to a command option, as Discord describes it in `resolved.attachments`:
 * its URL serves the bytes (GET, no token), as Discord's CDN does.
 */
export function upload(s: StandIn, filename: string, data: Uint8Array, contentType: string): APIAttachment {
  const id = s.ids.next();
  s.uploads.set(id, { data, filename });
  const url = `${s.apiBase}/v10/attachments/${id}/${encodeURIComponent(filename)}`;
  return { id, filename, size: data.byteLength, url, proxy_url: url, content_type: contentType };
}

/** A message someone else wrote in the channel of `where` (for message commands). */
export function userMessage(s: StandIn, content: string, as: Actor): APIMessage {
  const where = as.where ?? "guild";
  const channelId =
    where === "guild" || where === "guild-user-install"
      ? s.channel.id
      : privateChannelOf(where, s.privateChannels).id;
  const message = makeMessage({
    id: s.ids.next(),
    channelId,
    author: as.user ?? makeUser(s.ids.next(), "someone_else"),
    applicationId: "",
    type: MessageType.Default,
    content,
  });
  // A person's message, not an app's.
  delete message.webhook_id;
  delete message.application_id;
  return message;
}

/** An autocomplete interaction (type 4): the user typed `value` into `option` ("trivia start" too). */
export function autocomplete(
  s: StandIn,
  name: string,
  option: string,
  value: string,
  others: Record<string, string | number | boolean>,
  as: Actor,
): APIApplicationCommandAutocompleteGuildInteraction {
  const [commandName = name, ...path] = name.split(" ");
  const command = registeredCommand(s, commandName);
  const level = commandLevel(command, path);
  return {
    ...base(s, as),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: command.id,
      name: command.name,
      type: ApplicationCommandType.ChatInput,
      ...(command.guild_id ? { guild_id: command.guild_id } : {}),
      options: level.nest(
        optionValues({ ...command, name, options: level.options }, { ...others, [option]: value }, option),
      ),
    },
  } as APIApplicationCommandAutocompleteGuildInteraction;
}

/** The current state of a message the bot sent (as Discord would put it in a component interaction). */
export function currentMessage(s: StandIn, id: string): APIMessage {
  const stored = s.messages.get(id);
  if (!stored) throw new Error(`Unknown message ${id}`);
  return structuredClone(stored.message);
}

function findComponent(message: APIMessage, customId: string) {
  for (const row of message.components ?? []) {
    if (row.type !== ComponentType.ActionRow) continue;
    for (const c of row.components) if ("custom_id" in c && c.custom_id === customId) return c;
  }
  return undefined;
}

/** A button press (type 3) on a message the bot sent. */
export function button(
  s: StandIn,
  message: APIMessage | string,
  customId: string,
  as: Actor,
): APIMessageComponentGuildInteraction {
  const msg = currentMessage(s, typeof message === "string" ? message : message.id);
  const component = findComponent(msg, customId);
  if (!component || component.type !== ComponentType.Button)
    throw new Error(`Message ${msg.id} has no button with custom id ${customId}`);
  if (component.disabled) throw new Error(`The button ${customId} is disabled`);
  return {
    ...base(s, as),
    type: InteractionType.MessageComponent,
    data: { custom_id: customId, component_type: ComponentType.Button },
    message: msg,
  } as APIMessageComponentGuildInteraction;
}

/** A string-select choice (type 3) on a message the bot sent. */
export function stringSelect(
  s: StandIn,
  message: APIMessage | string,
  customId: string,
  values: string[],
  as: Actor,
): APIMessageComponentGuildInteraction {
  const msg = currentMessage(s, typeof message === "string" ? message : message.id);
  const component = findComponent(msg, customId);
  if (!component || component.type !== ComponentType.StringSelect)
    throw new Error(`Message ${msg.id} has no string select with custom id ${customId}`);
  const allowed = new Set(component.options.map((o) => o.value));
  for (const v of values) if (!allowed.has(v)) throw new Error(`${v} is not an option of ${customId}`);
  const min = component.min_values ?? 1;
  const max = component.max_values ?? 1;
  if (values.length < min || values.length > max) throw new Error(`${customId} takes ${min}–${max} values`);
  return {
    ...base(s, as),
    type: InteractionType.MessageComponent,
    data: { custom_id: customId, component_type: ComponentType.StringSelect, values },
    message: msg,
  } as APIMessageComponentGuildInteraction;
}
