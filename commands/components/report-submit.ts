// The report form, submitted: `v1|rpm|<question id>` with what is wrong. Stored for the server's
// moderators (and logged, for a built-in question); the reporter is thanked privately.
import type { Engine } from "../../src/app.js";
import { REPORT_FIELD, REPORT_PREFIXES } from "../../src/cards/reports.js";
import { langOf, text } from "../../src/i18n/index.js";
import { ephemeralText } from "../../src/interactions/payload.js";
import { outdated } from "../../src/interactions/router.js";
import type { BotResponse, ComponentRequest } from "../../src/interactions/types.js";
import { refuse } from "../shared/refusal.js";

export const prefix = REPORT_PREFIXES.submit;

export async function handle(
  engine: Engine,
  request: ComponentRequest,
  args: string[],
): Promise<BotResponse> {
  const [questionId] = args;
  const services = engine.trivia?.services;
  if (!questionId || args.length !== 1 || !services) return outdated(request);
  const words = text(langOf(request.caller.locale));
  const what = (request.fields?.[REPORT_FIELD] ?? "").trim();
  if (!what) return refuse(words.reportEmpty);
  await services.report(request.caller, questionId, what);
  return { type: "reply", payload: ephemeralText(words.reportThanks) };
}
