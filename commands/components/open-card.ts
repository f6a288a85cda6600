// The buttons on cards that walk the succession: `v1|open|<kind><slot>|<id>|<asker>[|<office>]`.
// The card's asker walks in place; anyone else gets a private copy rather than changing a card
// someone else is reading.

import type { Engine } from "../../src/app.js";
import { langOf, text } from "../../src/i18n/index.js";
import { MessageFlags } from "../../src/interactions/api.js";
import { cardTargetOf, OPEN_PREFIX } from "../../src/interactions/custom-id.js";
import { cardPayload } from "../../src/interactions/payload.js";
import { renderTarget } from "../../src/interactions/render.js";
import { outdated } from "../../src/interactions/router.js";
import type { BotResponse, ComponentRequest } from "../../src/interactions/types.js";
import { refuse } from "../shared/refusal.js";

export const prefix = OPEN_PREFIX;

export function handle(engine: Engine, request: ComponentRequest, args: string[]): BotResponse {
  const target = cardTargetOf(args);
  if (!target) return outdated(request);
  const lang = langOf(request.caller.locale);
  const card = renderTarget(engine, target, lang, request.caller.userId);
  if (!card) return refuse(text(lang).entryGone);
  if (target.asker === request.caller.userId) return { type: "update", payload: cardPayload(card) };
  return {
    type: "reply",
    payload: { ...cardPayload(card, { ephemeral: true }), flags: MessageFlags.Ephemeral },
  };
}
