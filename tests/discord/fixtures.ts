// Complete Discord objects (user, guild, channel, member, message) as the API sends them.
// discord.js builds its structures from these and fails, or waits, on incomplete ones.
import { randomBytes } from "node:crypto";
import {
  type APIAttachment,
  type APIEmbed,
  type APIGuildMember,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageTopLevelComponent,
  type APIRole,
  type APITextChannel,
  type APIUser,
  type ChannelFlags,
  ChannelType,
  EmbedType,
  type GatewayGuildCreateDispatchData,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  type GuildMemberFlags,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  InteractionType,
  Locale,
  type MessageType,
  PermissionFlagsBits,
  type RoleFlags,
  type UserFlags,
} from "discord-api-types/v10";
import type { SnowflakeGenerator } from "./snowflake.js";

/** ISO 8601 with Discord's `+00:00` suffix. */
export const isoTime = (ms: number = Date.now()): string => new Date(ms).toISOString().replace("Z", "+00:00");

/** A bot token of Discord's shape: base64(user id) . base64(timestamp) . HMAC. */
export function makeToken(userId: string): string {
  const b64 = (b: Buffer) => b.toString("base64url");
  return `${b64(Buffer.from(userId))}.${b64(randomBytes(4))}.${b64(randomBytes(27))}`;
}

export function makeUser(id: string, username: string, extra: Partial<APIUser> = {}): APIUser {
  return {
    id,
    username,
    discriminator: "0",
    global_name: username,
    avatar: null,
    avatar_decoration_data: null,
    banner: null,
    accent_color: null,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    primary_guild: null,
    collectibles: null,
    ...extra,
  };
}

export function makeBotUser(id: string, username: string): APIUser {
  return makeUser(id, username, {
    bot: true,
    global_name: null,
    discriminator: "0",
    verified: true,
    mfa_enabled: false,
    email: null,
    locale: "en-US",
    flags: 0 as UserFlags,
  });
}

/** What an ordinary member may do: read, write, embed, attach, react, use commands. */
export const MEMBER_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.Connect |
  PermissionFlagsBits.Speak |
  PermissionFlagsBits.ChangeNickname |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.CreateInstantInvite;

/** The invite's permission integer 51200 (Send Messages, Embed Links, Attach Files) plus @everyone. */
export const BOT_PERMISSIONS =
  MEMBER_PERMISSIONS |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles;

function role(
  id: string,
  name: string,
  permissions: bigint,
  position: number,
  extra: Partial<APIRole> = {},
): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: permissions.toString(),
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...extra,
  };
}

export function makeMember(user: APIUser, joinedAt: number, roles: string[] = []): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: isoTime(joinedAt),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

export function makeInteractionMember(
  user: APIUser,
  permissions: bigint,
  joinedAt: number,
): APIInteractionGuildMember {
  return { ...makeMember(user, joinedAt), permissions: permissions.toString(), user };
}

export function makeTextChannel(id: string, guildId: string, name: string, position: number): APITextChannel {
  return {
    id,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name,
    position,
    flags: 0 as ChannelFlags,
    parent_id: null,
    permission_overwrites: [],
    topic: null,
    nsfw: false,
    last_message_id: null,
    last_pin_timestamp: null,
    rate_limit_per_user: 0,
  };
}

export function makeGuild(
  ids: SnowflakeGenerator,
  name: string,
  bot: APIUser,
  ownerId: string,
  /** When the server was created (its id's timestamp, which decides its shard). */
  at: number = Date.now(),
): GatewayGuildCreateDispatchData {
  const id = ids.next(at);
  const created = Date.now() - 86_400_000;
  const botRoleId = ids.next();
  const text = makeTextChannel(ids.next(), id, "general", 0);
  return {
    id,
    name,
    icon: null,
    icon_hash: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: ownerId,
    region: "deprecated",
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [
      role(id, "@everyone", MEMBER_PERMISSIONS, 0),
      role(botRoleId, bot.username, BOT_PERMISSIONS, 1, { managed: true, tags: { bot_id: bot.id } }),
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: text.id,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotificationReplies,
    rules_channel_id: null,
    max_presences: null,
    max_members: 25_000_000,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    // GUILD_CREATE extras
    joined_at: isoTime(created),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [makeMember(bot, created, [botRoleId])],
    channels: [text],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    // Sent by Discord but not (yet) in discord-api-types.
    ...({
      lazy: true,
      application_command_counts: {},
      embedded_activities: [],
      version: Date.now(),
    } as object),
  };
}

export interface MessageInit {
  id: string;
  channelId: string;
  guildId?: string;
  author: APIUser;
  applicationId: string;
  type: MessageType;
  content?: string;
  embeds?: APIEmbed[];
  components?: APIMessageTopLevelComponent[];
  attachments?: APIAttachment[];
  flags?: number;
  interaction?: {
    id: string;
    type: InteractionType;
    name?: string;
    user: APIUser;
    member?: APIGuildMember;
    interactedMessageId?: string;
    guildId?: string;
  };
  now?: number;
}

/**
 * Discord's normalisation of the embeds it stores: each gets `type: "rich"`, and `attachment://name`
 * image URLs point at the uploaded attachment of that name.
 */
export function normaliseEmbeds(
  embeds: APIEmbed[] | undefined,
  attachments: APIAttachment[] = [],
): APIEmbed[] {
  const resolve = <T extends { url?: string; icon_url?: string; proxy_url?: string }>(
    media: T | undefined,
  ): T | undefined => {
    if (!media) return media;
    const key = media.url !== undefined ? "url" : "icon_url";
    const url = media[key];
    if (typeof url !== "string" || !url.startsWith("attachment://")) return media;
    const file = attachments.find((a) => a.filename === url.slice("attachment://".length));
    if (!file) return media;
    return { ...media, [key]: file.url, [key === "url" ? "proxy_url" : "proxy_icon_url"]: file.proxy_url };
  };
  return (embeds ?? []).map((e) => {
    const out: APIEmbed = { type: EmbedType.Rich, ...e };
    if (e.image) out.image = resolve(e.image) as APIEmbed["image"];
    if (e.thumbnail) out.thumbnail = resolve(e.thumbnail) as APIEmbed["thumbnail"];
    if (e.footer) out.footer = resolve(e.footer) as APIEmbed["footer"];
    if (e.author) out.author = resolve(e.author) as APIEmbed["author"];
    return out;
  });
}

/** Discord numbers components in stored messages (`id`, 1-based, depth first) when none is given. */
export function numberComponents(
  components: APIMessageTopLevelComponent[] | undefined,
): APIMessageTopLevelComponent[] {
  let n = 0;
  const walk = (c: unknown): unknown => {
    if (typeof c !== "object" || c === null) return c;
    const obj = { ...(c as Record<string, unknown>) };
    n += 1;
    if (obj.id === undefined) obj.id = n;
    if (Array.isArray(obj.components)) obj.components = obj.components.map(walk);
    return obj;
  };
  return (components ?? []).map((c) => walk(c) as APIMessageTopLevelComponent);
}

/** A full message object, as the API returns it for interaction responses and follow-ups. */
export function makeMessage(init: MessageInit): APIMessage {
  const i = init.interaction;
  const message: APIMessage = {
    id: init.id,
    channel_id: init.channelId,
    author: init.author,
    content: init.content ?? "",
    timestamp: isoTime(init.now),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: init.attachments ?? [],
    embeds: normaliseEmbeds(init.embeds, init.attachments),
    pinned: false,
    type: init.type,
    flags: init.flags ?? 0,
    components: numberComponents(init.components),
    webhook_id: init.applicationId,
    application_id: init.applicationId,
  };
  if (i) {
    const owners = i.guildId ? { "0": i.guildId } : {};
    message.interaction_metadata =
      i.type === InteractionType.MessageComponent
        ? {
            id: i.id,
            type: InteractionType.MessageComponent,
            user: i.user,
            authorizing_integration_owners: owners,
            interacted_message_id: i.interactedMessageId ?? "0",
          }
        : {
            id: i.id,
            type: InteractionType.ApplicationCommand,
            user: i.user,
            authorizing_integration_owners: owners,
            ...({ name: i.name, command_type: 1 } as object),
          };
    if (i.name !== undefined)
      message.interaction = {
        id: i.id,
        type: i.type,
        name: i.name,
        user: i.user,
        ...(i.member
          ? {
              member: {
                avatar: null,
                communication_disabled_until: null,
                deaf: false,
                joined_at: i.member.joined_at,
                mute: false,
                nick: null,
                pending: false,
                premium_since: null,
                roles: i.member.roles,
              },
            }
          : {}),
      };
  }
  return message;
}
