// The private "did you mean" menu after a lookup the bot was not sure of: `v1|pick|<kind>|<asker>`;
// the chosen entry's id is the menu's value.
import type { Engine } from "../../src/app.js";
import { langOf, text } from "../../src/i18n/index.js";
import { PICK_PREFIX, pickOf } from "../../src/interactions/custom-id.js";
import { cardPayload } from "../../src/interactions/payload.js";
import { renderTarget } from "../../src/interactions/render.js";
import { outdated } from "../../src/interactions/router.js";
import type { BotResponse, ComponentRequest } from "../../src/interactions/types.js";
import { refuse } from "../shared/refusal.js";

export const prefix = PICK_PREFIX;

export function handle(engine: Engine, request: ComponentRequest, args: string[]): BotResponse {
  const pick = pickOf(args);
  if (!pick) return outdated(request);
  const lang = langOf(request.caller.locale);
  const asker = request.caller.userId;
  const id = request.values[0] ?? "";
  const card = renderTarget(engine, { kind: pick.kind, id, asker }, lang, asker);
  if (!card) return refuse(text(lang).entryGone);
  return { type: "reply", payload: cardPayload(card) };
}
