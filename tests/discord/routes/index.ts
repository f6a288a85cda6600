// The stand-in's REST routes, with the buckets Discord documents for them and the checks each
// makes of a body. The handlers live by resource beside this file.
import { answer } from "../errors.js";
import { messageErrors } from "../messages.js";
import type { RouteDefinition } from "../rest.js";
import type { StandIn } from "../state.js";
import { callback, callbackErrors } from "./callbacks.js";
import {
  channelMessageErrors,
  deleteChannelMessage,
  editChannelMessage,
  getChannel,
  postChannelMessage,
} from "./channels.js";
import { commandErrors, getCommands, putCommands } from "./commands.js";
import { attachment, currentUser, gatewayBot } from "./session.js";
import { deleteMessage, editMessage, followUp, getMessage } from "./webhooks.js";

export function routes(s: StandIn, gatewayUrl: () => string): RouteDefinition[] {
  const webhookBucket = { limit: 5, windowMs: 2000 };
  const botBucket = { limit: 50, windowMs: 1000 };
  const channelPostBucket = { limit: 5, windowMs: 5000 };
  return [
    { method: "GET", template: "/gateway", auth: false, handler: () => answer(200, { url: gatewayUrl() }) },
    {
      method: "GET",
      template: "/gateway/bot",
      auth: true,
      bucket: botBucket,
      handler: () => gatewayBot(s, gatewayUrl()),
    },
    { method: "GET", template: "/users/@me", auth: true, bucket: botBucket, handler: () => currentUser(s) },
    {
      method: "GET",
      template: "/applications/:app/commands",
      auth: true,
      bucket: botBucket,
      handler: (r) => getCommands(s, r),
    },
    {
      method: "PUT",
      template: "/applications/:app/commands",
      auth: true,
      bucket: botBucket,
      handler: (r) => putCommands(s, r),
      check: commandErrors,
    },
    {
      method: "GET",
      template: "/applications/:app/guilds/:guild/commands",
      auth: true,
      bucket: botBucket,
      handler: (r) => getCommands(s, r),
    },
    {
      method: "PUT",
      template: "/applications/:app/guilds/:guild/commands",
      auth: true,
      bucket: botBucket,
      handler: (r) => putCommands(s, r),
      check: commandErrors,
    },
    {
      method: "POST",
      template: "/interactions/:id/:token/callback",
      auth: false,
      handler: (r) => callback(s, r),
      check: (r) => callbackErrors(s, r),
    },
    {
      method: "GET",
      template: "/webhooks/:app/:token/messages/:message",
      auth: false,
      bucket: webhookBucket,
      handler: (r) => getMessage(s, r),
    },
    {
      method: "PATCH",
      template: "/webhooks/:app/:token/messages/:message",
      auth: false,
      bucket: webhookBucket,
      handler: (r) => editMessage(s, r),
      check: messageErrors,
    },
    {
      method: "DELETE",
      template: "/webhooks/:app/:token/messages/:message",
      auth: false,
      bucket: webhookBucket,
      handler: (r) => deleteMessage(s, r),
    },
    {
      method: "POST",
      template: "/webhooks/:app/:token",
      auth: false,
      bucket: webhookBucket,
      handler: (r) => followUp(s, r),
      check: messageErrors,
    },
    { method: "GET", template: "/attachments/:id/:file", auth: false, handler: (r) => attachment(s, r) },
    {
      method: "GET",
      template: "/channels/:channel",
      auth: true,
      bucket: botBucket,
      handler: (r) => getChannel(s, r),
    },
    {
      method: "POST",
      template: "/channels/:channel/messages",
      auth: true,
      bucket: channelPostBucket,
      handler: (r) => postChannelMessage(s, r),
      check: (r) => channelMessageErrors(r).errors,
    },
    {
      method: "PATCH",
      template: "/channels/:channel/messages/:message",
      auth: true,
      bucket: channelPostBucket,
      handler: (r) => editChannelMessage(s, r),
      check: messageErrors,
    },
    {
      method: "DELETE",
      template: "/channels/:channel/messages/:message",
      auth: true,
      bucket: botBucket,
      handler: (r) => deleteChannelMessage(s, r),
    },
  ];
}
