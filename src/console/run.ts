import { COMMANDS, COMPONENTS } from "../../commands/index.js";
import type { Engine } from "../app.js";
import { Router } from "../interactions/router.js";
import type { BotResponse, MessagePayload } from "../interactions/types.js";
import { parseSlash } from "./slash.js";

/** A router over the real commands and component handlers, as the Discord client builds it. */
export function createRouter(engine: Engine): Router {
  return new Router(engine, COMMANDS, COMPONENTS);
}

/** Runs one typed slash command through the router; the error case is what the console prints. */
export async function runSlash(
  router: Router,
  line: string,
): Promise<{ ok: true; response: BotResponse } | { ok: false; error: string }> {
  const parsed = parseSlash(line, router.slashDefinitions);
  if (!parsed.ok) return parsed;
  return { ok: true, response: await router.handle(parsed.request) };
}

/** The message body as Discord's API receives it: attachments listed by name, bytes left out. */
export function payloadJson(payload: MessagePayload): Record<string, unknown> {
  const { files, ...rest } = payload;
  if (!files?.length) return rest;
  return {
    ...rest,
    attachments: files.map((f, id) => ({
      id,
      filename: f.name,
      ...(f.description ? { description: f.description } : {}),
    })),
  };
}
