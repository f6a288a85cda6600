import type { Engine } from "../src/app.js";
import { sourcesMessage } from "../src/cards/sources.js";
import { langOf } from "../src/i18n/index.js";
import { NO_MENTIONS } from "../src/interactions/payload.js";
import type { BotResponse, CommandRequest } from "../src/interactions/types.js";
import { slashCommand } from "./shared/define.js";

export const data = slashCommand({
  name: "sources",
  ru: "источники",
  description: "The source documents, what kind each is, and where they disagree",
  descriptionRu: "Документы-источники, их вид и расхождения между ними",
});

export function execute(engine: Engine, request: CommandRequest): BotResponse {
  const lang = langOf(request.caller.locale);
  const page = sourcesMessage(engine.dataset, lang, 0, request.caller.userId);
  return { type: "reply", payload: { ...page, allowed_mentions: NO_MENTIONS } };
}
