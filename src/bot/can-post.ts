// Whether the bot may post a question of the day in a channel, from what the gateway told it (the
// server's channels, roles and the bot's own member) or, when that is not at hand, from Discord's
// API. Asked when /daily set names the channel; each post is checked again by Discord itself (a
// refused post pauses the schedule). Unknown is taken as yes: only a known refusal refuses.
import { type Client, PermissionFlagsBits } from "discord.js";

const NEEDED = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.EmbedLinks,
];

export function channelCheck(client: Client) {
  return async (guildId: string, channelId: string): Promise<boolean> => {
    const channel =
      client.channels.cache.get(channelId) ??
      (await client.channels.fetch(channelId).catch((err: { status?: number }) => {
        // 403 or 404: the bot cannot see it; anything else (an outage) says nothing either way.
        return err.status === 403 || err.status === 404 ? null : undefined;
      }));
    if (channel === null) return false;
    if (channel === undefined) return true;
    if (!("guildId" in channel) || channel.guildId !== guildId) return false;
    if (!("permissionsFor" in channel)) return true;
    const me = channel.guild.members.me ?? (await channel.guild.members.fetchMe().catch(() => undefined));
    const permissions = me ? channel.permissionsFor(me) : null;
    return permissions ? permissions.has(NEEDED) : true;
  };
}
