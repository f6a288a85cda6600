import type { Engine } from "../src/app.js";
import { studyMessage } from "../src/cards/trivia.js";
import { langOf, text } from "../src/i18n/index.js";
import { ephemeralText } from "../src/interactions/payload.js";
import type { BotResponse, CommandRequest } from "../src/interactions/types.js";
import { slashCommand } from "./shared/define.js";

export const data = slashCommand({
  name: "study",
  ru: "учить",
  description: "Practise alone: questions you missed before come back sooner",
  descriptionRu: "Тренировка: вопросы, где вы ошиблись, возвращаются чаще",
});

export function execute(engine: Engine, request: CommandRequest): BotResponse {
  const lang = langOf(request.caller.locale);
  if (!engine.trivia) return { type: "reply", payload: ephemeralText(text(lang).studyUnavailable) };
  return { type: "reply", payload: studyMessage(engine.dataset, lang, engine.trivia.study(request.caller)) };
}
