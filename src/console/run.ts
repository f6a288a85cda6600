import { COMMANDS, COMPONENTS } from "../../commands/index.js";
import type { Engine } from "../app.js";
import { langOf } from "../i18n/index.js";
import { ApplicationCommandType } from "../interactions/api.js";
import { Router } from "../interactions/router.js";
import type { BotResponse, Caller, CommandRequest, MessagePayload } from "../interactions/types.js";
import { CONSOLE_CALLER, parseSlash } from "./slash.js";

/** A router over the real commands and component handlers, as the Discord client builds it. */
export function createRouter(engine: Engine): Router {
  return new Router(engine, COMMANDS, COMPONENTS);
}

/**
 * A message command typed as "<its name>: <the message's text>", e.g. "Look up in Apparat: was it
 * krushchev or malenkov?": the request Discord sends when someone picks it from a message's menu.
 */
function messageCommandRequest(router: Router, line: string, caller: Caller): CommandRequest | null {
  const colon = line.indexOf(":");
  if (colon < 0) return null;
  // "/Look up in Apparat: …" too: the console once put a slash in front of every line.
  const name = line.slice(0, colon).trim().replace(/^\//, "").trim().toLowerCase();
  // By its name, or by the name a Russian Discord shows ("Найти в Apparat").
  const def = router.definitions.find(
    (d) =>
      d.type === ApplicationCommandType.Message &&
      (d.name.toLowerCase() === name || d.name_localizations?.ru?.toLowerCase() === name),
  );
  if (!def) return null;
  return {
    type: "command",
    command: def.name,
    options: {},
    caller,
    target: { messageId: "0", content: line.slice(colon + 1).trim() },
  };
}

/** Runs one typed slash (or message) command through the router; the error case is what the console prints. */
export async function runSlash(
  router: Router,
  line: string,
  caller: Caller = CONSOLE_CALLER,
): Promise<{ ok: true; response: BotResponse } | { ok: false; error: string }> {
  const message = messageCommandRequest(router, line, caller);
  if (message) return { ok: true, response: await router.handle(message) };
  const messages = router.definitions.filter((d) => d.type === ApplicationCommandType.Message);
  const ru = langOf(caller.locale) === "ru";
  const parsed = parseSlash(
    line,
    router.slashDefinitions,
    caller,
    messages.map((d) => (ru && d.name_localizations?.ru) || d.name),
  );
  if (!parsed.ok) return parsed;
  return { ok: true, response: await router.handle(parsed.request) };
}

/**
 * The message body as Discord's API receives it: attachments listed by name, bytes left out, each
 * with its file's index as a string id ("0", "1", …), a snowflake as Discord's OpenAPI spec types it.
 */
export function payloadJson(payload: MessagePayload): Record<string, unknown> {
  const { files, ...rest } = payload;
  if (!files?.length) return rest;
  return {
    ...rest,
    attachments: files.map((f, id) => ({
      id: String(id),
      filename: f.name,
      ...(f.description ? { description: f.description } : {}),
    })),
  };
}
