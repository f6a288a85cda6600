// How a round speaks outside an interaction: posts to a channel where the bot is a member, or
// follow-ups through the webhook of the interaction that started it; and edits either (a hint
// takes an answer away). Raw API bodies through discord.js's REST client.
import { type Client, Routes } from "discord.js";
import { messageRequest } from "../interactions/to-api.js";
import type { Messenger, PostedMessage } from "../interactions/trivia.js";

export function channelMessenger(client: Client): Messenger {
  return {
    async followUp(handle, payload) {
      const message = (await client.rest.post(Routes.webhook(handle.applicationId, handle.token), {
        ...messageRequest(payload),
        auth: false,
        query: new URLSearchParams({ wait: "true" }),
      })) as { id?: string } | undefined;
      return message?.id ? { messageId: message.id, followUp: handle } : undefined;
    },
    async send(channelId, payload) {
      const message = (await client.rest.post(Routes.channelMessages(channelId), {
        ...messageRequest(payload),
      })) as { id: string };
      return { messageId: message.id, channelId };
    },
    async edit(message: PostedMessage, payload) {
      if (message.followUp) {
        const { applicationId, token } = message.followUp;
        await client.rest.patch(Routes.webhookMessage(applicationId, token, message.messageId), {
          body: messageRequest(payload).body,
          auth: false,
        });
      } else if (message.channelId) {
        await client.rest.patch(Routes.channelMessage(message.channelId, message.messageId), {
          body: messageRequest(payload).body,
        });
      }
    },
  };
}
