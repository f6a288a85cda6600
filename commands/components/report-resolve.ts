// The buttons under /trivia reports: `v1|rr|<report id>|hide|dismiss`, for Manage Server.
import type { Engine } from "../../src/app.js";
import { REPORT_PREFIXES } from "../../src/cards/reports.js";
import { langOf, text } from "../../src/i18n/index.js";
import { ephemeralText } from "../../src/interactions/payload.js";
import { outdated } from "../../src/interactions/router.js";
import type { BotResponse, ComponentRequest } from "../../src/interactions/types.js";
import { refuse } from "../shared/refusal.js";

export const prefix = REPORT_PREFIXES.resolve;

export async function handle(
  engine: Engine,
  request: ComponentRequest,
  args: string[],
): Promise<BotResponse> {
  const [id, how] = args;
  const services = engine.trivia?.services;
  if (!services || !id || !/^\d+$/.test(id) || (how !== "hide" && how !== "dismiss") || args.length !== 2)
    return outdated(request);
  const words = text(langOf(request.caller.locale));
  if (!services.mayManage(request.caller)) return refuse(words.reportsNotAllowed);
  const done = await services.resolveReport(request.caller, Number(id), how);
  if (!done) return refuse(words.reportGone);
  return {
    type: "reply",
    payload: ephemeralText(how === "hide" ? words.reportHidden : words.reportDismissed),
  };
}
