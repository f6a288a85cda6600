// The interaction's webhook for 15 min: GET|PATCH|DELETE /webhooks/{app}/{token}/messages/{@original|id}
// and POST /webhooks/{app}/{token} (follow-ups; ?wait=true returns the message). No bot token.
//   https://discord.com/developers/docs/interactions/receiving-and-responding#followup-messages
// Execute Webhook takes no `nonce` (neither Discord's documentation nor its OpenAPI spec lists one
// for IncomingWebhookRequestPartial, whose unknown fields Discord ignores): a follow-up with one is
// neither deduplicated nor echoed.
import { performance } from "node:perf_hooks";
import { type APIMessage, InteractionResponseType, MessageFlags, MessageType } from "discord-api-types/v10";
import { answer, type HttpAnswer, invalidWebhookToken, unknownMessage, unknownWebhook } from "../errors.js";
import { applyEdit, checkedMessage, interactionMessage, messageErrors } from "../messages.js";
import type { CallbackData, InteractionRecord } from "../records.js";
import type { RestRequest } from "../rest.js";
import type { StandIn } from "../state.js";

/** The interaction behind a webhook route, or the error Discord gives. */
function webhook(s: StandIn, r: RestRequest): InteractionRecord | HttpAnswer {
  const record = s.byToken.get(r.params.token ?? "");
  if (r.params.app !== s.applicationId) return unknownWebhook();
  if (!record || performance.now() - record.createdAt > s.options.webhookLifetimeMs)
    return invalidWebhookToken();
  return record;
}

function target(record: InteractionRecord, id: string): APIMessage | null {
  if (id === "@original") return record.originalDeleted ? null : record.original;
  if (record.original?.id === id) return record.originalDeleted ? null : record.original;
  return record.followUps.find((m) => m.id === id && !record.deletions.includes(m.id)) ?? null;
}

export function getMessage(s: StandIn, r: RestRequest): HttpAnswer {
  const record = webhook(s, r);
  if (!("interaction" in record)) return record;
  const message = target(record, r.params.message ?? "");
  return message ? answer(200, message) : unknownMessage();
}

export function editMessage(s: StandIn, r: RestRequest): HttpAnswer {
  const record = webhook(s, r);
  if (!("interaction" in record)) return record;
  const message = target(record, r.params.message ?? "");
  if (!message) return unknownMessage();
  const bad = messageErrors(r).answer();
  if (bad) return bad;
  const data = (r.json ?? {}) as CallbackData;
  applyEdit(s, message, data, r.files, true);
  const now = performance.now();
  record.edits.push({ at: now, ms: now - record.createdAt, messageId: message.id, data });
  s.changed();
  return answer(200, message);
}

export function deleteMessage(s: StandIn, r: RestRequest): HttpAnswer {
  const record = webhook(s, r);
  if (!("interaction" in record)) return record;
  const message = target(record, r.params.message ?? "");
  if (!message) return unknownMessage();
  if (message === record.original) record.originalDeleted = true;
  record.deletions.push(message.id);
  s.messages.delete(message.id);
  s.changed();
  return answer(204);
}

export function followUp(s: StandIn, r: RestRequest): HttpAnswer {
  const record = webhook(s, r);
  if (!("interaction" in record)) return record;
  const acknowledged =
    record.callback !== null &&
    record.callback.type !== InteractionResponseType.ApplicationCommandAutocompleteResult &&
    record.callback.type !== InteractionResponseType.Modal;
  if (!acknowledged) return unknownWebhook();
  const check = checkedMessage(r);
  if ("status" in check) return check;
  const data = r.json as CallbackData;
  const original = record.original;
  let message: APIMessage;
  if (
    original &&
    !record.originalDeleted &&
    ((original.flags ?? 0) & MessageFlags.Loading) !== 0 &&
    record.callback?.type === InteractionResponseType.DeferredChannelMessageWithSource
  ) {
    // The first follow-up after a deferral fills in the "thinking…" message, keeping its flags.
    applyEdit(s, original, data, r.files, false);
    message = original;
  } else {
    message = interactionMessage(s, record, data, r.files, check.flags, MessageType.Default);
  }
  record.followUps.push(message);
  s.changed();
  return r.query.get("wait") === "true" ? answer(200, message) : answer(204);
}
