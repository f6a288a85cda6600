// How a round speaks outside an interaction: posts to a channel where the bot is a member, or
// follow-ups through the webhook of the interaction that started it; and edits either (a hint
// takes an answer away). Raw API bodies through discord.js's REST client.
//
// A failed post is told apart by what a retry could do (PostFailure's verdict):
// - a channel post carries a nonce with enforce_nonce, so Discord returns the first message for
//   any repeat of it: whatever went wrong short of a refusal (a 5xx, a timeout, a dropped
//   connection) may be retried, and the client's own retries are safe too;
// - a webhook follow-up takes no nonce: it goes through a client that never retries by itself,
//   and is retried only where nothing can have been made (429, a refused connection, a gateway's
//   502/503/504). A lost answer (a timeout, a 500) may hide a message that was made: not retried.
import { type Client, DiscordAPIError, HTTPError, REST, Routes } from "discord.js";
import type { Config } from "../config.js";
import { messageRequest } from "../interactions/to-api.js";
import type { Messenger, PostedMessage } from "../interactions/trivia.js";
import { PostFailure } from "../trivia/types.js";

/** Connection errors raised before a request could reach Discord: nothing was made. */
const NOT_SENT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "UND_ERR_CONNECT_TIMEOUT",
  "EHOSTUNREACH",
]);

function codeOf(err: unknown): string | undefined {
  const direct = (err as { code?: unknown }).code;
  if (typeof direct === "string") return direct;
  const cause = (err as { cause?: { code?: unknown } }).cause?.code;
  return typeof cause === "string" ? cause : undefined;
}

/** What a retry of a failed post could do: see the top of this file. */
export function failureOf(err: unknown, via: "channel" | "webhook"): PostFailure {
  const message = err instanceof Error ? err.message : String(err);
  const status = err instanceof DiscordAPIError || err instanceof HTTPError ? err.status : undefined;
  let verdict: PostFailure["verdict"];
  if (status !== undefined) {
    if (status === 429) verdict = "retry";
    else if (status >= 500)
      verdict = via === "channel" || [502, 503, 504].includes(status) ? "retry" : "unknown";
    // A refusal is final: the channel or webhook is gone, the bot may not post, or the body is wrong.
    else verdict = "gone";
  } else if (NOT_SENT.has(codeOf(err) ?? "")) verdict = "retry";
  else verdict = via === "channel" ? "retry" : "unknown";
  return new PostFailure(message, verdict, { cause: err });
}

export function channelMessenger(
  client: Client,
  config: Pick<Config, "DISCORD_API_BASE" | "DISCORD_REST_TIMEOUT_MS">,
): Messenger {
  // Follow-ups need no token (the interaction's own authorises them) and must not be retried blindly.
  const webhooks = new REST({
    retries: 0,
    timeout: config.DISCORD_REST_TIMEOUT_MS,
    ...(config.DISCORD_API_BASE ? { api: config.DISCORD_API_BASE } : {}),
  });
  return {
    async followUp(handle, payload) {
      try {
        const message = (await webhooks.post(Routes.webhook(handle.applicationId, handle.token), {
          ...messageRequest(payload),
          auth: false,
          query: new URLSearchParams({ wait: "true" }),
        })) as { id?: string } | undefined;
        return message?.id ? { messageId: message.id, followUp: handle } : undefined;
      } catch (err) {
        throw failureOf(err, "webhook");
      }
    },
    async send(channelId, payload, options) {
      const request = messageRequest(payload);
      if (options?.nonce) Object.assign(request.body, { nonce: options.nonce, enforce_nonce: true });
      try {
        const message = (await client.rest.post(Routes.channelMessages(channelId), request)) as {
          id: string;
        };
        return { messageId: message.id, channelId };
      } catch (err) {
        throw failureOf(err, "channel");
      }
    },
    async edit(message: PostedMessage, payload) {
      if (message.followUp) {
        const { applicationId, token } = message.followUp;
        await webhooks.patch(Routes.webhookMessage(applicationId, token, message.messageId), {
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
