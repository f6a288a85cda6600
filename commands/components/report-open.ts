// The Report button on every reveal: `v1|rp|<question id>` opens a short form.

import type { Engine } from "../../src/app.js";
import { REPORT_PREFIXES, reportForm } from "../../src/cards/reports.js";
import { langOf } from "../../src/i18n/index.js";
import { outdated } from "../../src/interactions/router.js";
import type { BotResponse, ComponentRequest } from "../../src/interactions/types.js";

export const prefix = REPORT_PREFIXES.open;

export function handle(_engine: Engine, request: ComponentRequest, args: string[]): BotResponse {
  const [questionId] = args;
  if (!questionId || args.length !== 1) return outdated(request);
  return { type: "modal", modal: reportForm(langOf(request.caller.locale), questionId) };
}
