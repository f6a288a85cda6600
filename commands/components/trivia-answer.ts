// A click on one of a trivia question's answer buttons: `v1|ta|<asked id>|<choice>`.
import type { Engine } from "../../src/app.js";
import { answerReply, TRIVIA_PREFIXES } from "../../src/cards/trivia.js";
import { langOf, text } from "../../src/i18n/index.js";
import { outdated } from "../../src/interactions/router.js";
import type { BotResponse, ComponentRequest } from "../../src/interactions/types.js";
import { refusal, refuse } from "../shared/refusal.js";

export const prefix = TRIVIA_PREFIXES.answer;

export async function handle(
  engine: Engine,
  request: ComponentRequest,
  args: string[],
): Promise<BotResponse> {
  const lang = langOf(request.caller.locale);
  if (!engine.trivia) return refuse(text(lang).triviaUnavailable);
  const [asked, choice] = args;
  if (args.length !== 2 || !/^\d{1,15}$/.test(asked ?? "") || !/^\d$/.test(choice ?? ""))
    return outdated(request);
  const result = await engine.trivia.answer(request.caller, Number(asked), Number(choice));
  const payload = answerReply(lang, result);
  // Only a counted answer does what the press asked; too late, twice, or gone turns it down.
  return result.status === "counted" ? { type: "reply", payload } : refusal(payload);
}
