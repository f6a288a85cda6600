// A command's answer that does not do what was asked: a date it cannot read, a name or set it
// cannot find, something not allowed here. Discord shows it as any other private answer; the
// router's callers can tell it apart (`cli run` exits with status 1 for it).
import { ephemeralText } from "../../src/interactions/payload.js";
import type { BotResponse, MessagePayload } from "../../src/interactions/types.js";

/** A refusal with its own message (a did-you-mean menu, a round that cannot start). */
export function refusal(payload: MessagePayload): BotResponse {
  return { type: "reply", payload, refused: true };
}

/** A refusal in one private sentence. */
export function refuse(text: string): BotResponse {
  return refusal(ephemeralText(text));
}
