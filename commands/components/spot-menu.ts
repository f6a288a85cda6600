// The menu under a message lookup: `v1|spot|<asker>`, each option a card ("p:<id>", "o:<id>",
// "w:<date text>"). The asker gets the card in the channel; anyone else a private copy.
import type { Engine } from "../../src/app.js";
import { langOf, text } from "../../src/i18n/index.js";
import { SPOT_PREFIX, spotTarget } from "../../src/interactions/custom-id.js";
import { cardPayload } from "../../src/interactions/payload.js";
import { renderTarget } from "../../src/interactions/render.js";
import { outdated } from "../../src/interactions/router.js";
import type { BotResponse, ComponentRequest } from "../../src/interactions/types.js";
import { refuse } from "../shared/refusal.js";

export const prefix = SPOT_PREFIX;

export function handle(engine: Engine, request: ComponentRequest, args: string[]): BotResponse {
  const [asker] = args;
  if (!asker || args.length !== 1) return outdated(request);
  const lang = langOf(request.caller.locale);
  const presser = request.caller.userId;
  const target = spotTarget(request.values[0] ?? "", presser);
  if (!target) return outdated(request);
  const card = renderTarget(engine, target, lang, presser);
  if (!card) return refuse(text(lang).entryGone);
  return { type: "reply", payload: cardPayload(card, { ephemeral: presser !== asker }) };
}
