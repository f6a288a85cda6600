// How a round speaks outside an interaction: posts to a channel where the bot is a member, or
// follow-ups through the webhook of the interaction that started it; and edits either (a hint
// takes an answer away). Raw API bodies through discord.js's REST client.
import { type Client, Routes } from "discord.js";
import type { Messenger, PostedMessage } from "../interactions/trivia.js";
import type { MessagePayload } from "../interactions/types.js";

/** The message body as the API takes it: no pings, attachments described by index. */
function apiBody(payload: MessagePayload) {
  return {
    ...(payload.content !== undefined ? { content: payload.content } : {}),
    embeds: payload.embeds ?? [],
    components: payload.components ?? [],
    allowed_mentions: { parse: [] },
    ...(payload.flags !== undefined ? { flags: payload.flags } : {}),
    ...(payload.files
      ? {
          attachments: payload.files.map((f, id) => ({ id, filename: f.name, description: f.description })),
        }
      : {}),
  };
}

const filesOf = (payload: MessagePayload) =>
  payload.files ? { files: payload.files.map((f) => ({ name: f.name, data: Buffer.from(f.data) })) } : {};

export function channelMessenger(client: Client): Messenger {
  return {
    async followUp(handle, payload) {
      const message = (await client.rest.post(Routes.webhook(handle.applicationId, handle.token), {
        body: apiBody(payload),
        auth: false,
        query: new URLSearchParams({ wait: "true" }),
        ...filesOf(payload),
      })) as { id?: string } | undefined;
      return message?.id ? { messageId: message.id, followUp: handle } : undefined;
    },
    async send(channelId, payload) {
      const message = (await client.rest.post(Routes.channelMessages(channelId), {
        body: apiBody(payload),
        ...filesOf(payload),
      })) as { id: string };
      return { messageId: message.id, channelId };
    },
    async edit(message: PostedMessage, payload) {
      if (message.followUp) {
        const { applicationId, token } = message.followUp;
        await client.rest.patch(Routes.webhookMessage(applicationId, token, message.messageId), {
          body: apiBody(payload),
          auth: false,
        });
      } else if (message.channelId) {
        await client.rest.patch(Routes.channelMessage(message.channelId, message.messageId), {
          body: apiBody(payload),
        });
      }
    },
  };
}
