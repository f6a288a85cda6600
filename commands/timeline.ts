import type { Engine } from "../src/app.js";
import { timelineTextCard } from "../src/cards/info.js";
import { parseFuzzyDate } from "../src/dates/parse.js";
import { dateProblemText } from "../src/i18n/dates.js";
import { type Lang, langOf, text as words } from "../src/i18n/index.js";
import { NO_MENTIONS, quoteUserText } from "../src/interactions/payload.js";
import type { AutocompleteRequest, BotResponse, Choice, CommandRequest } from "../src/interactions/types.js";
import { withTimeline } from "../src/timeline/attach.js";
import { slashCommand, stringOption } from "./shared/define.js";
import { officeChoices, officeOption, resolveOffice } from "./shared/office-option.js";
import { refuse } from "./shared/refusal.js";

export const data = slashCommand(
  {
    name: "timeline",
    ru: "хронология",
    description: "A picture of the Secretariat's top office over time: terms, gaps, deaths in office",
    descriptionRu: "Высшая должность Секретариата во времени: сроки, перерывы, смерти в должности",
  },
  [
    stringOption(
      {
        name: "from",
        ru: "с",
        description: "Start of the view: 1953, March 1953, 5 March 1953",
        descriptionRu: "Начало: 1953, март 1953, 5 марта 1953",
      },
      { maxLength: 100 },
    ),
    stringOption(
      {
        name: "to",
        ru: "по",
        description: "End of the view: 1964, October 1964",
        descriptionRu: "Конец: 1964, октябрь 1964",
      },
      { maxLength: 100 },
    ),
    officeOption,
  ],
);

type Bound = { ok: true; day?: string } | { ok: false; error: string };

function bound(text: unknown, end: "from" | "to", lang: Lang): Bound {
  if (typeof text !== "string" || text.trim() === "") return { ok: true };
  const parsed = parseFuzzyDate(text);
  if (!parsed.ok) return { ok: false, error: dateProblemText(lang, parsed.problem, quoteUserText) };
  const readings = parsed.readings;
  const day =
    end === "from"
      ? readings.map((r) => r.from).sort()[0]
      : readings
          .map((r) => r.to)
          .sort()
          .at(-1);
  return day ? { ok: true, day } : { ok: true };
}

export async function execute(engine: Engine, request: CommandRequest): Promise<BotResponse> {
  const lang = langOf(request.caller.locale);
  const from = bound(request.options.from, "from", lang);
  if (!from.ok) return refuse(from.error);
  const to = bound(request.options.to, "to", lang);
  if (!to.ok) return refuse(to.error);
  if (from.day && to.day && from.day > to.day) {
    return refuse(words(lang).timelineBackwards);
  }
  const resolved = resolveOffice(engine, request.options.office, lang);
  if (!resolved.ok) return resolved.response;
  const { office } = resolved;
  const summary = timelineTextCard(engine.dataset, lang, {
    ...(from.day ? { from: from.day } : {}),
    ...(to.day ? { to: to.day } : {}),
    ...(office ? { office } : {}),
  });
  const payload = await withTimeline(
    engine.dataset,
    { embeds: [summary], allowed_mentions: NO_MENTIONS },
    {
      lang,
      ...(from.day ? { from: from.day } : {}),
      ...(to.day ? { to: to.day } : {}),
      ...(office ? { office } : {}),
    },
    words(lang).timelineAlt,
  );
  return { type: "reply", payload };
}

/** Only `office:` autocompletes; the bounds are typed dates. */
export function autocomplete(engine: Engine, request: AutocompleteRequest): Choice[] {
  if (request.focused.name !== "office") return [];
  return officeChoices(engine, request.focused.value, langOf(request.caller.locale));
}
