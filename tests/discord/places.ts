// Where an interaction happens, as Discord describes it: a server that installed the app, a
// server where only the user did, the bot's DM, a DM between two people, a group DM. Each sets
// `context`, `authorizing_integration_owners`, `app_permissions`, and the channel (with `user`
// instead of `member` outside a server), as documented for user-installable apps.
import {
  type APIDMChannel,
  type APIGroupDMChannel,
  type APIUser,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
} from "discord-api-types/v10";
import type { SnowflakeGenerator } from "./snowflake.js";

export type Place = "guild" | "guild-user-install" | "bot-dm" | "dm" | "group-dm";

/** What an app may do where a user installed it and the bot is not a member: answer interactions. */
export const USER_INSTALL_APP_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseExternalEmojis;

export interface PrivateChannels {
  /** The DM between the test user and the bot. */
  botDm: APIDMChannel;
  /** A DM between the test user and a friend: the bot is not in it. */
  dm: APIDMChannel;
  /** A group DM of the test user and two friends: the bot is not in it. */
  groupDm: APIGroupDMChannel;
}

export function makePrivateChannels(
  ids: SnowflakeGenerator,
  asker: APIUser,
  bot: APIUser,
  friends: APIUser[],
): PrivateChannels {
  const dm = (recipient: APIUser): APIDMChannel => ({
    id: ids.next(),
    type: ChannelType.DM,
    name: null,
    recipients: [recipient],
    last_message_id: null,
  });
  return {
    botDm: dm(bot),
    dm: dm(friends[0] ?? asker),
    groupDm: {
      id: ids.next(),
      type: ChannelType.GroupDM,
      name: "Reading group",
      recipients: friends,
      owner_id: asker.id,
      icon: null,
      last_message_id: null,
    },
  };
}

/** The channel of a private place, as an interaction carries it. */
export function privateChannelOf(
  place: Exclude<Place, "guild" | "guild-user-install">,
  channels: PrivateChannels,
) {
  return place === "bot-dm" ? channels.botDm : place === "dm" ? channels.dm : channels.groupDm;
}

/** The fields of an interaction outside a server: context, owners, permissions, channel, user. */
export function privatePlaceFields(
  place: Exclude<Place, "guild" | "guild-user-install">,
  channels: PrivateChannels,
  user: APIUser,
) {
  const channel = privateChannelOf(place, channels);
  return {
    channel,
    channel_id: channel.id,
    user,
    context: place === "bot-dm" ? InteractionContextType.BotDM : InteractionContextType.PrivateChannel,
    authorizing_integration_owners: { [ApplicationIntegrationType.UserInstall]: user.id },
    app_permissions: USER_INSTALL_APP_PERMISSIONS.toString(),
  };
}
