// "Look up in Apparat": the command in the Apps menu of any message. It reads the message's text
// for people, offices and dates and answers with a summary and a menu of full cards.
import type { Engine } from "../src/app.js";
import { spotSummary } from "../src/cards/spot.js";
import { langOf, text } from "../src/i18n/index.js";
import { ephemeralText } from "../src/interactions/payload.js";
import type { BotResponse, CommandRequest } from "../src/interactions/types.js";
import { messageCommand } from "./shared/define.js";

export const data = messageCommand("Look up in Apparat", "Найти в Apparat");

export function execute(engine: Engine, request: CommandRequest): BotResponse {
  const lang = langOf(request.caller.locale);
  const content = request.target?.content ?? "";
  if (!content.trim()) return { type: "reply", payload: ephemeralText(text(lang).spotNoText), refused: true };
  const found = engine.spotter.spot(content);
  const summary = spotSummary(engine.dataset, found, lang, request.caller.userId);
  if (!summary) return { type: "reply", payload: ephemeralText(text(lang).spotNothing), refused: true };
  return { type: "reply", payload: summary };
}
