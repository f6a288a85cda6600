// The buttons that turn /sources' pages: `v1|sources|<page>|<asker>`. The asker turns the page in
// place; anyone else gets that page privately rather than changing a message someone is reading.

import type { Engine } from "../../src/app.js";
import { SOURCES_PREFIX, sourcesMessage } from "../../src/cards/sources.js";
import { langOf } from "../../src/i18n/index.js";
import { MessageFlags } from "../../src/interactions/api.js";
import { NO_MENTIONS } from "../../src/interactions/payload.js";
import { outdated } from "../../src/interactions/router.js";
import type { BotResponse, ComponentRequest } from "../../src/interactions/types.js";

export const prefix = SOURCES_PREFIX;

export function handle(engine: Engine, request: ComponentRequest, args: string[]): BotResponse {
  const [pageText, asker] = args;
  const page = Number(pageText);
  if (!asker || args.length !== 2 || !/^\d{1,3}$/.test(pageText ?? "")) return outdated(request);
  const lang = langOf(request.caller.locale);
  const mine = asker === request.caller.userId;
  const message = sourcesMessage(engine.dataset, lang, page, request.caller.userId);
  if (mine) return { type: "update", payload: { ...message, allowed_mentions: NO_MENTIONS } };
  return {
    type: "reply",
    payload: { ...message, flags: MessageFlags.Ephemeral, allowed_mentions: NO_MENTIONS },
  };
}
