// How a round speaks outside an interaction: posts to a channel where the bot is a member, or
// follow-ups through the webhook of the interaction that started it; and edits either (a hint
// takes an answer away). Raw API bodies through discord.js's REST client.
import { type Client, Routes } from "discord.js";
import { filesOf, messageBody } from "../interactions/to-api.js";
import type { Messenger, PostedMessage } from "../interactions/trivia.js";
import type { MessagePayload } from "../interactions/types.js";

const apiBody = messageBody;
const filesFor = (payload: MessagePayload) => {
  const files = filesOf(payload);
  return files ? { files } : {};
};

export function channelMessenger(client: Client): Messenger {
  return {
    async followUp(handle, payload) {
      const message = (await client.rest.post(Routes.webhook(handle.applicationId, handle.token), {
        body: apiBody(payload),
        auth: false,
        query: new URLSearchParams({ wait: "true" }),
        ...filesFor(payload),
      })) as { id?: string } | undefined;
      return message?.id ? { messageId: message.id, followUp: handle } : undefined;
    },
    async send(channelId, payload) {
      const message = (await client.rest.post(Routes.channelMessages(channelId), {
        body: apiBody(payload),
        ...filesFor(payload),
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
