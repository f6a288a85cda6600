// The confirmation button of /trivia reset: `v1|tr|<server id>|<asker id>`.
import type { Engine } from "../../src/app.js";
import { resetDone, TRIVIA_PREFIXES } from "../../src/cards/trivia.js";
import { langOf, text } from "../../src/i18n/index.js";
import { outdated } from "../../src/interactions/router.js";
import type { BotResponse, ComponentRequest } from "../../src/interactions/types.js";
import { refuse } from "../shared/refusal.js";

export const prefix = TRIVIA_PREFIXES.reset;

export async function handle(
  engine: Engine,
  request: ComponentRequest,
  args: string[],
): Promise<BotResponse> {
  const lang = langOf(request.caller.locale);
  if (!engine.trivia) return refuse(text(lang).triviaUnavailable);
  const [guildId, askerId] = args;
  if (args.length !== 2 || !guildId || !askerId) return outdated(request);
  const result = await engine.trivia.reset(request.caller, guildId, askerId);
  if (!result.ok) return refuse(text(lang).resetNotYours);
  return { type: "update", payload: resetDone(lang, result.removed) };
}
