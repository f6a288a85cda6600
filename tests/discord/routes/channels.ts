// Channels and the bot's own posts: GET /channels/{id}, POST /channels/{id}/messages (with `nonce`
// and `enforce_nonce`), PATCH and DELETE /channels/{id}/messages/{message}. The bot may read and
// post in the test servers' channels and its own DM; other people's DMs answer 403 50001.
//   https://discord.com/developers/docs/resources/message#create-message
import {
  type APIMessageTopLevelComponent,
  MessageFlags,
  MessageType,
  RESTJSONErrorCodes,
} from "discord-api-types/v10";
import {
  answer,
  apiError,
  emptyMessage,
  FormErrors,
  type HttpAnswer,
  missingAccess,
  unknownMessage,
} from "../errors.js";
import { makeMessage } from "../fixtures.js";
import { applyEdit, attachmentsOf, messageErrors } from "../messages.js";
import type { CallbackData } from "../records.js";
import type { RestRequest } from "../rest.js";
import type { StandIn, StoredMessage } from "../state.js";
import { isObject, validateMessage } from "../validate.js";

/**
 * How long a nonce is remembered for `enforce_nonce`. Discord documents "the past few minutes"; the
 * stand-in keeps five, on its own clock (FakeDiscordOptions.clock).
 */
export const NONCE_WINDOW_MS = 5 * 60_000;
const NONCE_MAX_LENGTH = 25;
const INT64_MAX = 2 ** 63;

export function getChannel(s: StandIn, r: RestRequest): HttpAnswer {
  const channel = s.visibleChannel(r.params.channel);
  const known =
    channel ?? [s.privateChannels.dm, s.privateChannels.groupDm].find((c) => c.id === r.params.channel);
  if (!known) return apiError(404, RESTJSONErrorCodes.UnknownChannel, "Unknown Channel");
  return channel ? answer(200, channel) : missingAccess();
}

/**
 * The stand-in's own checks of a new channel message, without side effects: the message itself,
 * and `nonce` (an integer, or a string of at most 25 characters) and `enforce_nonce` (a boolean).
 */
export function channelMessageErrors(r: RestRequest): { errors: FormErrors; empty: boolean; flags: number } {
  const errors = new FormErrors();
  const { empty, flags } = validateMessage(errors, r.json, [], r.files.length);
  const body = isObject(r.json) ? r.json : {};
  const nonce = body.nonce;
  if (typeof nonce === "string") {
    if ([...nonce].length > NONCE_MAX_LENGTH) errors.maxLength(["nonce"], NONCE_MAX_LENGTH);
  } else if (
    nonce !== undefined &&
    nonce !== null &&
    (typeof nonce !== "number" || !Number.isInteger(nonce) || Math.abs(nonce) >= INT64_MAX)
  ) {
    // Discord's wording for this case is not documented; the path and 50035 are what matter.
    errors.add(["nonce"], "NONCE_TYPE_INVALID", "Must be a string or an integer.");
  }
  const enforce = body.enforce_nonce;
  if (enforce !== undefined && enforce !== null && typeof enforce !== "boolean")
    errors.type(["enforce_nonce"], "boolean");
  return { errors, empty, flags };
}

/**
 * The bot posting by itself: allowed in the server's channels and its own DM, refused with
 * 403 50001 Missing Access in DMs and group DMs of other people, where it is not a member.
 * With `enforce_nonce: true`, a nonce the same author used in the same channel within
 * NONCE_WINDOW_MS returns that message (200) and creates none; if it was deleted meanwhile, 10008
 * (as Discord's staff describe it: the flow is for safe retries, not for re-creating messages).
 * Without `enforce_nonce` a nonce deduplicates nothing. The nonce is echoed on the message as sent.
 */
export function postChannelMessage(s: StandIn, r: RestRequest): HttpAnswer {
  const channelId = r.params.channel ?? "";
  const channel = s.visibleChannel(channelId);
  if (!channel) {
    s.channelPosts.push({ channelId, status: 403, message: null });
    s.changed();
    return missingAccess();
  }
  const check = channelMessageErrors(r);
  const bad = check.errors.answer() ?? (check.empty ? emptyMessage() : null);
  if (bad) return bad;
  const data = r.json as CallbackData & { nonce?: string | number | null; enforce_nonce?: boolean | null };
  const nonce = data.nonce ?? undefined;
  // Discord echoes the nonce as it was sent; whether 5 and "5" are the same nonce to it is not
  // documented: the stand-in compares them as text.
  const key = nonce === undefined ? null : `${channelId}:${s.bot.id}:${String(nonce)}`;
  const now = s.now();
  if (key && data.enforce_nonce === true) {
    const seen = s.nonces.get(key);
    if (seen && now - seen.at < NONCE_WINDOW_MS) {
      const earlier = s.messages.get(seen.messageId)?.message;
      if (!earlier) return unknownMessage();
      s.channelPosts.push({ channelId, status: 200, message: earlier, deduplicated: true });
      s.changed();
      return answer(200, earlier);
    }
  }
  const message = makeMessage({
    id: s.ids.next(),
    channelId,
    ...("guild_id" in channel && channel.guild_id ? { guildId: channel.guild_id } : {}),
    author: s.bot,
    applicationId: s.applicationId,
    type: MessageType.Default,
    content: data.content ?? "",
    embeds: data.embeds ?? [],
    components: (data.components ?? []) as APIMessageTopLevelComponent[],
    attachments: attachmentsOf(s, r.files, data, channelId, false),
    flags: check.flags,
  });
  delete message.webhook_id;
  if (nonce !== undefined) message.nonce = nonce;
  s.messages.set(message.id, { message, interactionId: "" });
  if (key) rememberNonce(s, key, message.id, now);
  s.channelPosts.push({ channelId, status: 200, message });
  s.changed();
  return answer(200, message);
}

function rememberNonce(s: StandIn, key: string, messageId: string, now: number): void {
  if (s.nonces.size >= 1000)
    for (const [k, v] of s.nonces) if (now - v.at >= NONCE_WINDOW_MS) s.nonces.delete(k);
  s.nonces.set(key, { messageId, at: now });
}

/** A message of the bot's in that channel that the channel routes may touch (not ephemeral). */
function channelMessage(s: StandIn, r: RestRequest): StoredMessage | HttpAnswer {
  const channelId = r.params.channel ?? "";
  if (!s.visibleChannel(channelId)) return missingAccess();
  const stored = s.messages.get(r.params.message ?? "");
  const flags = stored?.message.flags ?? 0;
  if (!stored || stored.message.channel_id !== channelId || (flags & MessageFlags.Ephemeral) !== 0)
    return unknownMessage();
  return stored;
}

/** PATCH /channels/{id}/messages/{message}: the bot edits a message of its own. */
export function editChannelMessage(s: StandIn, r: RestRequest): HttpAnswer {
  const stored = channelMessage(s, r);
  if ("status" in stored) return stored;
  const bad = messageErrors(r).answer();
  if (bad) return bad;
  applyEdit(s, stored.message, (r.json ?? {}) as CallbackData, r.files, true);
  s.changed();
  return answer(200, stored.message);
}

/** DELETE /channels/{id}/messages/{message}: the bot deletes a message of its own. */
export function deleteChannelMessage(s: StandIn, r: RestRequest): HttpAnswer {
  const stored = channelMessage(s, r);
  if ("status" in stored) return stored;
  const { message, interactionId } = stored;
  s.messages.delete(message.id);
  // An interaction's answer deleted this way is gone from its webhook too.
  const record = s.interactions.get(interactionId);
  if (record) {
    if (record.original === message) record.originalDeleted = true;
    record.deletions.push(message.id);
  }
  s.changed();
  return answer(204);
}
