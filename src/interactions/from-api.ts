// An interaction as Discord's API sends it (INTERACTION_CREATE's JSON) turned into the router's
// plain request: the one conversion the bot makes, straight from the gateway's payload, with no
// discord.js objects in between. Pure, so tests feed it the stand-in's JSON or random bytes alike:
// anything it cannot read becomes null, never an exception.
import type { APIInteraction } from "discord-api-types/v10";
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Permission,
} from "./api.js";
import type { BotRequest, Caller, FollowUpHandle, OptionValue, RequestAttachment } from "./types.js";

/** Fetches an attachment's bytes (the adapter's: from Discord's CDN, with its own limits). */
export type Download = (url: string, size: number) => Promise<Uint8Array>;

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json) : undefined;
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function callerOf(i: Json): Caller | null {
  const member = obj(i.member);
  const user = obj(member?.user) ?? obj(i.user);
  const userId = str(user?.id);
  if (!user || !userId) return null;
  const context =
    i.context === InteractionContextType.BotDM
      ? "bot-dm"
      : i.context === InteractionContextType.PrivateChannel
        ? "private"
        : "guild";
  let canManageGuild = false;
  const permissions = str(member?.permissions);
  if (permissions && /^\d{1,40}$/.test(permissions))
    canManageGuild = (BigInt(permissions) & (Permission.ManageGuild | Permission.Administrator)) !== 0n;
  // The bot posts by itself only in a server that installed it. Not where only the user did, and
  // not in DMs: even its own DM may refuse a bot the user shares no server with (50007), while the
  // interaction's follow-ups always reach the user.
  const owners = obj(i.authorizing_integration_owners);
  const installedHere = owners?.[ApplicationIntegrationType.GuildInstall] !== undefined;
  const channelId = str(i.channel_id) ?? str(obj(i.channel)?.id) ?? null;
  return {
    userId,
    guildId: str(i.guild_id) ?? null,
    channelId,
    locale: str(i.locale) ?? "en-US",
    canManageGuild,
    displayName: str(member?.nick) ?? str(user.global_name) ?? str(user.username) ?? userId,
    context,
    botCanPost: context === "guild" && (installedHere || i.context === undefined || i.context === null),
  };
}

/** The kinds of option that carry a value (string, integer, … attachment), not a subcommand. */
const isValueType = (t: unknown) =>
  typeof t === "number" &&
  t >= ApplicationCommandOptionType.String &&
  t <= ApplicationCommandOptionType.Attachment;

/**
 * The group and subcommand, as Discord nests them: `data.options[0]` of type 2 (a group) holding
 * its subcommand of type 1 as its `options[0]`, or of type 1 (a subcommand) directly; then the
 * options by name at that level. Anything else in the shape is left out, never followed.
 */
function optionsOf(options: unknown[]): {
  values: Record<string, OptionValue>;
  group?: string;
  subcommand?: string;
  focused?: { name: string; value: string };
  attachments: [string, string][];
} {
  let level = options;
  let group: string | undefined;
  let subcommand: string | undefined;
  const first = obj(options[0]);
  if (first?.type === ApplicationCommandOptionType.SubcommandGroup) {
    group = str(first.name);
    const inner = obj(list(first.options)[0]);
    // A nameless group is no path at all: its subcommand is not read as the command's own.
    subcommand =
      group && inner?.type === ApplicationCommandOptionType.Subcommand ? str(inner.name) : undefined;
    level = group && subcommand ? list(inner?.options) : [];
  } else if (first?.type === ApplicationCommandOptionType.Subcommand) {
    subcommand = str(first.name);
    level = subcommand ? list(first.options) : [];
  }
  // Collected as entries: an option named like an Object property ("__proto__") stays an option.
  const entries: [string, OptionValue][] = [];
  const attachments: [string, string][] = [];
  let focused: { name: string; value: string } | undefined;
  for (const raw of level) {
    const o = obj(raw);
    const name = str(o?.name);
    if (!o || !name || !isValueType(o.type)) continue;
    const value = o.value;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      entries.push([name, value]);
      if (o.type === ApplicationCommandOptionType.Attachment && typeof value === "string")
        attachments.push([name, value]);
      if (o.focused === true) focused = { name, value: String(value) };
    }
  }
  return {
    values: Object.fromEntries(entries),
    ...(group ? { group } : {}),
    ...(subcommand ? { subcommand } : {}),
    ...(focused ? { focused } : {}),
    attachments,
  };
}

/** Turns an interaction into the router's request; null for kinds the bot ignores or cannot read. */
export function requestFromApi(
  interaction: APIInteraction | unknown,
  download: Download,
  receivedAt: number,
): BotRequest | null {
  const i = obj(interaction);
  if (!i) return null;
  const caller = callerOf(i);
  const id = str(i.id);
  const token = str(i.token);
  const applicationId = str(i.application_id);
  const data = obj(i.data);
  if (!caller || !id || !token || !applicationId || !data) return null;
  const followUp: FollowUpHandle = { applicationId, token, receivedAt };

  switch (i.type) {
    case InteractionType.ApplicationCommand: {
      const command = str(data.name);
      if (!command) return null;
      if (data.type === ApplicationCommandType.Message) {
        const targetId = str(data.target_id);
        const message = targetId ? obj(obj(obj(data.resolved)?.messages)?.[targetId]) : undefined;
        if (!targetId || !message) return null;
        return {
          type: "command",
          command,
          options: {},
          caller,
          target: { messageId: targetId, content: str(message.content) ?? "" },
          followUp,
        };
      }
      const { values, group, subcommand, attachments } = optionsOf(list(data.options));
      const resolved = obj(obj(data.resolved)?.attachments);
      const files: Record<string, RequestAttachment> = {};
      for (const [option, attachmentId] of attachments) {
        const file = obj(resolved?.[attachmentId]);
        const url = str(file?.url);
        const size = typeof file?.size === "number" ? file.size : 0;
        if (!file || !url) continue;
        files[option] = { name: str(file.filename) ?? "file", size, read: () => download(url, size) };
      }
      return {
        type: "command",
        command,
        ...(group ? { group } : {}),
        ...(subcommand ? { subcommand } : {}),
        options: values,
        caller,
        followUp,
        ...(Object.keys(files).length > 0 ? { attachments: files } : {}),
      };
    }
    case InteractionType.ApplicationCommandAutocomplete: {
      const command = str(data.name);
      const { values, group, subcommand, focused } = optionsOf(list(data.options));
      if (!command || !focused) return null;
      return {
        type: "autocomplete",
        command,
        ...(group ? { group } : {}),
        ...(subcommand ? { subcommand } : {}),
        focused,
        options: values,
        caller,
      };
    }
    case InteractionType.MessageComponent: {
      const customId = str(data.custom_id);
      if (!customId) return null;
      const values = list(data.values).filter((v): v is string => typeof v === "string");
      return { type: "component", customId, values, caller, followUp };
    }
    case InteractionType.ModalSubmit: {
      const customId = str(data.custom_id);
      if (!customId) return null;
      const fields: Record<string, string> = {};
      // Text inputs come in action rows, or (newer forms) each inside a label.
      for (const row of list(data.components))
        for (const c of obj(row)?.component ? [obj(row)?.component] : list(obj(row)?.components)) {
          const input = obj(c);
          const fieldId = str(input?.custom_id);
          const value = str(input?.value);
          if (input?.type === ComponentType.TextInput && fieldId && value !== undefined)
            fields[fieldId] = value;
        }
      return { type: "component", customId, values: [], caller, fields, followUp };
    }
    default:
      return null;
  }
}
