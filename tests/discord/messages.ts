// Messages as Discord makes and changes them: uploaded files become attachments, an interaction's
// answer becomes a webhook message, an edit replaces the fields it gives.
import {
  type APIAttachment,
  type APIMessage,
  type APIMessageTopLevelComponent,
  InteractionType,
  MessageFlags,
  type MessageType,
} from "discord-api-types/v10";
import { emptyMessage, FormErrors, type HttpAnswer } from "./errors.js";
import { isoTime, makeMessage, normaliseEmbeds, numberComponents } from "./fixtures.js";
import type { CallbackData, InteractionRecord } from "./records.js";
import type { RestRequest, UploadedFile } from "./rest.js";
import type { StandIn } from "./state.js";
import { validateMessage } from "./validate.js";

/** Uploaded files as the attachments Discord stores, described by the body's `attachments`. */
export function attachmentsOf(
  s: StandIn,
  files: UploadedFile[],
  body: CallbackData | undefined,
  channelId: string,
  ephemeral: boolean,
): APIAttachment[] {
  return files.map((f, i): APIAttachment => {
    const id = s.ids.next();
    const meta = body?.attachments?.find((a) => String(a.id) === String(i));
    return {
      id,
      filename: meta?.filename ?? f.name,
      size: f.size,
      url: `https://cdn.discordapp.com/attachments/${channelId}/${id}/${encodeURIComponent(f.name)}`,
      proxy_url: `https://media.discordapp.net/attachments/${channelId}/${id}/${encodeURIComponent(f.name)}`,
      ...(f.contentType ? { content_type: f.contentType } : {}),
      ...(meta?.description ? { description: meta.description } : {}),
      ...(ephemeral ? { ephemeral: true } : {}),
    };
  });
}

/** A message answering an interaction (its original response or a follow-up), stored. */
export function interactionMessage(
  s: StandIn,
  record: InteractionRecord,
  data: CallbackData | undefined,
  files: UploadedFile[],
  flags: number,
  type: MessageType,
): APIMessage {
  const i = record.interaction;
  const user = i.member?.user ?? i.user ?? s.asker;
  const channelId = i.channel_id ?? s.channel.id;
  const message = makeMessage({
    id: s.ids.next(),
    channelId,
    ...(i.guild_id ? { guildId: i.guild_id } : {}),
    author: s.bot,
    applicationId: s.applicationId,
    type,
    content: data?.content ?? "",
    embeds: data?.embeds ?? [],
    components: (data?.components ?? []) as APIMessageTopLevelComponent[],
    attachments: attachmentsOf(s, files, data, channelId, (flags & MessageFlags.Ephemeral) !== 0),
    flags,
    interaction: {
      id: i.id,
      type: i.type,
      ...(i.type === InteractionType.ApplicationCommand ? { name: i.data.name } : {}),
      user,
      ...(i.member ? { member: i.member } : {}),
      ...(i.message ? { interactedMessageId: i.message.id } : {}),
      ...(i.guild_id ? { guildId: i.guild_id } : {}),
    },
  });
  s.messages.set(message.id, { message, interactionId: i.id });
  return message;
}

/** Applies an edit (PATCH or update callback): given fields replace, absent ones stay. */
export function applyEdit(
  s: StandIn,
  message: APIMessage,
  data: CallbackData,
  files: UploadedFile[],
  edited: boolean,
): void {
  if (data.content !== undefined) message.content = data.content ?? "";
  if (data.components !== undefined)
    message.components = numberComponents((data.components ?? []) as APIMessageTopLevelComponent[]);
  const ephemeral = ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  const uploaded = attachmentsOf(s, files, data, message.channel_id, ephemeral);
  if (data.attachments !== undefined) {
    const keep = new Set(data.attachments.map((a) => String(a.id)));
    message.attachments = [...message.attachments.filter((a) => keep.has(a.id)), ...uploaded];
  } else message.attachments = [...message.attachments, ...uploaded];
  if (data.embeds !== undefined) message.embeds = normaliseEmbeds(data.embeds ?? [], message.attachments);
  if (data.flags !== undefined && data.flags !== null) {
    const suppress = MessageFlags.SuppressEmbeds;
    message.flags = ((message.flags ?? 0) & ~suppress) | (data.flags & suppress);
  }
  const loading = ((message.flags ?? 0) & MessageFlags.Loading) !== 0;
  if (loading) message.flags = (message.flags ?? 0) & ~MessageFlags.Loading;
  else if (edited) message.edited_timestamp = isoTime();
}

/** The stand-in's own checks of a message body (new or edited), without side effects. */
export function messageErrors(r: RestRequest): FormErrors {
  const errors = new FormErrors();
  validateMessage(errors, r.json ?? {}, [], r.files.length);
  return errors;
}

/** A new message's body checked as Discord checks it: the error to answer, or its flags. */
export function checkedMessage(r: RestRequest): HttpAnswer | { flags: number } {
  const errors = new FormErrors();
  const check = validateMessage(errors, r.json, [], r.files.length);
  const bad = errors.answer();
  if (bad) return bad;
  if (check.empty) return emptyMessage();
  return { flags: check.flags };
}
