// The router's answers as Discord's API takes them: message bodies (no pings, files described by
// index) and interaction callbacks. Shared by the adapter's replies and the messenger's posts, so
// what the bot sends is built in one place.
import { InteractionResponseType, MessageFlags } from "./api.js";
import type { BotResponse, MessagePayload } from "./types.js";

export interface ApiFile {
  name: string;
  data: Buffer;
}

/**
 * A message body: content, embeds and components as given, mentions off, attachments by index.
 * An attachment's id is the index of its file as a string ("0", "1", …): Discord's OpenAPI spec
 * types it as a snowflake, which is a string.
 */
export function messageBody(payload: MessagePayload): Record<string, unknown> {
  const body: Record<string, unknown> = {
    embeds: payload.embeds ?? [],
    components: payload.components ?? [],
    allowed_mentions: { parse: [] },
  };
  if (payload.content !== undefined) body.content = payload.content;
  if (payload.flags !== undefined) body.flags = payload.flags;
  if (payload.files)
    body.attachments = payload.files.map((f, id) => ({
      id: String(id),
      filename: f.name,
      ...(f.description ? { description: f.description } : {}),
    }));
  return body;
}

/** The files to send with a body, as views (pictures come from a shared cache and are only read). */
export function filesOf(payload: MessagePayload): ApiFile[] | undefined {
  return payload.files?.map((f) => ({
    name: f.name,
    data: Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength),
  }));
}

/** A message as a REST request: its body, and its files when it has any. */
export function messageRequest(payload: MessagePayload): {
  body: Record<string, unknown>;
  files?: ApiFile[];
} {
  const files = filesOf(payload);
  return { body: messageBody(payload), ...(files ? { files } : {}) };
}

export const isEphemeral = (payload: MessagePayload) => ((payload.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

/**
 * The first answer to an interaction. `component` says whether it came from a button or menu on a
 * message (an "update" then replaces that message; elsewhere it is a new reply).
 */
export function callbackOf(
  response: BotResponse,
  component: boolean,
): { body: { type: number; data?: unknown }; files?: ApiFile[] } {
  switch (response.type) {
    case "choices":
      return {
        body: {
          type: InteractionResponseType.ApplicationCommandAutocompleteResult,
          data: { choices: response.choices },
        },
      };
    case "modal":
      return { body: { type: InteractionResponseType.Modal, data: response.modal } };
    default: {
      const type =
        response.type === "update" && component
          ? InteractionResponseType.UpdateMessage
          : InteractionResponseType.ChannelMessageWithSource;
      const files = filesOf(response.payload);
      return { body: { type, data: messageBody(response.payload) }, ...(files ? { files } : {}) };
    }
  }
}
