// POST /interactions/{id}/{token}/callback: one answer within 3 s (else 10062), a second is 40060;
// types 4 5 9 for commands, 4 5 6 7 9 for components, 8 for autocomplete; 204, or 200 with the
// callback resource for ?with_response=true. Files come as multipart (payload_json + files[n]).
//   https://discord.com/developers/docs/interactions/receiving-and-responding#create-interaction-response
import { performance } from "node:perf_hooks";
import {
  type APIApplicationCommandInteractionDataOption,
  type APIMessage,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
  type RESTPostAPIInteractionCallbackWithResponseResult,
} from "discord-api-types/v10";
import {
  alreadyAcknowledged,
  answer,
  emptyMessage,
  FormErrors,
  type HttpAnswer,
  unknownInteraction,
} from "../errors.js";
import { applyEdit, interactionMessage } from "../messages.js";
import type { CallbackData, InteractionKind, InteractionRecord } from "../records.js";
import type { RestRequest } from "../rest.js";
import type { StandIn } from "../state.js";
import { isObject, validateChoices, validateMessage, validateModal } from "../validate.js";

const ALLOWED: Record<InteractionKind, InteractionResponseType[]> = {
  command: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.Modal,
  ],
  component: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
    InteractionResponseType.Modal,
  ],
  autocomplete: [InteractionResponseType.ApplicationCommandAutocompleteResult],
};

interface BodyCheck {
  errors: FormErrors;
  type: number | undefined;
  data: CallbackData | undefined;
  flags: number;
  empty: boolean;
}

/** The callback's body checked for the interaction it answers (if known), without side effects. */
function checkBody(r: RestRequest, record: InteractionRecord | undefined): BodyCheck {
  const errors = new FormErrors();
  const body = r.json;
  const type = isObject(body) && typeof body.type === "number" ? body.type : undefined;
  const out: BodyCheck = { errors, type, data: undefined, flags: 0, empty: false };
  if (!isObject(body) || type === undefined) {
    errors.required(["type"]);
    return out;
  }
  if (record && !ALLOWED[record.kind].includes(type)) {
    errors.add(
      ["type"],
      "INTERACTION_RESPONSE_TYPE_INVALID",
      `Interaction response type ${type} is not valid for this interaction`,
    );
    return out;
  }
  const data = body.data as CallbackData | undefined;
  out.data = data;
  switch (type) {
    case InteractionResponseType.ChannelMessageWithSource:
    case InteractionResponseType.UpdateMessage: {
      const check = validateMessage(errors, data, ["data"], r.files.length);
      out.flags = check.flags;
      out.empty = check.empty;
      break;
    }
    case InteractionResponseType.DeferredChannelMessageWithSource:
      if (data !== undefined) out.flags = validateMessage(errors, data, ["data"]).flags;
      break;
    case InteractionResponseType.ApplicationCommandAutocompleteResult: {
      const i = record?.interaction;
      const focused =
        i?.type === InteractionType.ApplicationCommandAutocomplete
          ? i.data.options.flatMap(flatOptions).find((o) => "focused" in o && o.focused)
          : undefined;
      validateChoices(errors, data, ["data"], focused?.type);
      break;
    }
    case InteractionResponseType.Modal:
      validateModal(errors, data, ["data"]);
      break;
  }
  return out;
}

/** The stand-in's own checks of a callback body, without side effects. */
export function callbackErrors(s: StandIn, r: RestRequest): FormErrors {
  return checkBody(r, s.interactions.get(r.params.id ?? "")).errors;
}

export function callback(s: StandIn, r: RestRequest): HttpAnswer {
  const record = s.interactions.get(r.params.id ?? "");
  const now = performance.now();
  if (!record || record.interaction.token !== r.params.token) return unknownInteraction();
  const fail = (a: HttpAnswer, type?: number): HttpAnswer => {
    record.attempts.push({
      at: now,
      ms: now - record.createdAt,
      status: a.status,
      ...(type ? { type } : {}),
    });
    s.changed();
    return a;
  };
  const body = r.json;
  const bodyType = isObject(body) && typeof body.type === "number" ? body.type : undefined;
  if (record.callback) return fail(alreadyAcknowledged(), bodyType);
  if (now - record.createdAt > s.options.callbackWindowMs) return fail(unknownInteraction(), bodyType);

  const { errors, type, data, flags, empty } = checkBody(r, record);
  const bad = errors.answer();
  if (bad || type === undefined) return fail(bad ?? emptyMessage(), type);
  if (type === InteractionResponseType.ChannelMessageWithSource && empty) return fail(emptyMessage(), type);

  const i = record.interaction;
  const ephemeral = flags & MessageFlags.Ephemeral;
  const messageType = record.kind === "command" ? MessageType.ChatInputCommand : MessageType.Default;
  let message: APIMessage | null = null;
  if (type === InteractionResponseType.ChannelMessageWithSource) {
    message = interactionMessage(s, record, data, r.files, flags & ~MessageFlags.Loading, messageType);
    record.original = message;
  } else if (type === InteractionResponseType.DeferredChannelMessageWithSource) {
    message = interactionMessage(s, record, undefined, [], MessageFlags.Loading | ephemeral, messageType);
    record.original = message;
  } else if (
    type === InteractionResponseType.DeferredMessageUpdate ||
    type === InteractionResponseType.UpdateMessage
  ) {
    if (i.type !== InteractionType.MessageComponent) return fail(unknownInteraction(), type);
    const stored = s.messages.get(i.message.id);
    message = stored?.message ?? structuredClone(i.message);
    if (!stored) s.messages.set(message.id, { message, interactionId: i.id });
    if (type === InteractionResponseType.UpdateMessage) applyEdit(s, message, data ?? {}, r.files, true);
    record.original = message;
  }
  record.callback = {
    interactionId: i.id,
    type,
    data,
    files: r.files.map(({ data: _bytes, ...f }) => f),
    ms: now - record.createdAt,
    at: now,
    withResponse: r.query.get("with_response") === "true",
  };
  s.changed();
  if (r.query.get("with_response") !== "true") return answer(204);
  const result: RESTPostAPIInteractionCallbackWithResponseResult = {
    interaction: {
      id: i.id,
      type: i.type,
      ...(message
        ? {
            response_message_id: message.id,
            response_message_loading: ((message.flags ?? 0) & MessageFlags.Loading) !== 0,
            response_message_ephemeral: ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
          }
        : {}),
    },
    resource: {
      type,
      ...(message && type !== InteractionResponseType.DeferredMessageUpdate ? { message } : {}),
    },
  };
  return answer(200, result);
}

function flatOptions(
  o: APIApplicationCommandInteractionDataOption,
): APIApplicationCommandInteractionDataOption[] {
  return "options" in o && o.options ? [o, ...o.options.flatMap(flatOptions)] : [o];
}
