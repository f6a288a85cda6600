// /study's buttons: `v1|ts|<question id>|<choice>` answers, `v1|ts|next` moves on.
import type { Engine } from "../../src/app.js";
import { studyMessage, TRIVIA_PREFIXES } from "../../src/cards/trivia.js";
import { langOf, text } from "../../src/i18n/index.js";
import type { BotResponse, ComponentRequest } from "../../src/interactions/types.js";
import { refuse } from "../shared/refusal.js";

export const prefix = TRIVIA_PREFIXES.study;

export async function handle(
  engine: Engine,
  request: ComponentRequest,
  args: string[],
): Promise<BotResponse> {
  const lang = langOf(request.caller.locale);
  if (!engine.trivia) return refuse(text(lang).studyUnavailable);
  const [questionId = "", choice = ""] = args;
  // Anything but a well-formed answer (an old "next" button, a forged id) shows the next question.
  const state = /^\d$/.test(choice)
    ? await engine.trivia.studyAnswer(request.caller, questionId, Number(choice))
    : await engine.trivia.study(request.caller);
  return { type: "update", payload: studyMessage(engine.dataset, lang, state) };
}
