import type { Engine } from "../src/app.js";
import { dateProblemText, readingLabel } from "../src/i18n/dates.js";
import { langOf, text as words } from "../src/i18n/index.js";
import { cardPayload, quoteUserText } from "../src/interactions/payload.js";
import { keptWhenCard } from "../src/interactions/render.js";
import type { AutocompleteRequest, BotResponse, Choice, CommandRequest } from "../src/interactions/types.js";
import { answerWhen } from "../src/query/when.js";
import { viewAround, withTimeline } from "../src/timeline/attach.js";
import { slashCommand, stringOption } from "./shared/define.js";
import { officeChoices, officeOption, resolveOffice } from "./shared/office-option.js";
import { refuse } from "./shared/refusal.js";

export const data = slashCommand(
  {
    name: "when",
    ru: "когда",
    description: "Who held the Secretariat's top office on a date or in a period, vacancies and events",
    descriptionRu: "Кто занимал высшую должность Секретариата в дату или период, вакансии и события",
  },
  [
    stringOption(
      {
        name: "date",
        ru: "дата",
        description: "10 November 1982, May 1983, 1953, the 1970s, 1964-1966, 12 ноября 1982",
        descriptionRu: "10 ноября 1982, май 1983, 1953, 1970-е, 1964-1966",
      },
      { required: true, maxLength: 100 },
    ),
    officeOption,
  ],
);

export async function execute(engine: Engine, request: CommandRequest): Promise<BotResponse> {
  const text = String(request.options.date ?? "");
  const lang = langOf(request.caller.locale);
  const resolved = resolveOffice(engine, request.options.office, lang);
  if (!resolved.ok) return resolved.response;
  const { office } = resolved;
  const { parsed, answers } = answerWhen(engine.dataset, text, office ? { office } : {});
  if (!parsed.ok) return refuse(dateProblemText(lang, parsed.problem, quoteUserText));
  const card = keptWhenCard(engine.dataset, text, answers, {
    lang,
    asker: request.caller.userId,
    ...(office ? { office } : {}),
  });
  const first = answers[0];
  if (!first) return { type: "reply", payload: cardPayload(card) };
  const view = viewAround(engine.dataset, first.reading, lang, office);
  const payload = await withTimeline(
    engine.dataset,
    cardPayload(card),
    view,
    words(lang).timelineAround({ label: readingLabel(lang, first.reading) }),
  );
  return { type: "reply", payload };
}

/** Only `office:` autocompletes; a date is typed. */
export function autocomplete(engine: Engine, request: AutocompleteRequest): Choice[] {
  if (request.focused.name !== "office") return [];
  return officeChoices(engine, request.focused.value, langOf(request.caller.locale));
}
