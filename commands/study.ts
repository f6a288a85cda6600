import type { Engine } from "../src/app.js";
import { studyMessage } from "../src/cards/trivia.js";
import { langOf, text } from "../src/i18n/index.js";
import { privateFile } from "../src/interactions/payload.js";
import type { BotResponse, CommandRequest } from "../src/interactions/types.js";
import { booleanOption, slashCommand } from "./shared/define.js";
import { refuse } from "./shared/refusal.js";

export const data = slashCommand(
  {
    name: "study",
    ru: "учить",
    description: "Practise alone: questions you missed before come back sooner",
    descriptionRu: "Тренировка: вопросы, где вы ошиблись, возвращаются чаще",
  },
  [
    booleanOption({
      name: "export",
      ru: "выгрузка",
      description: "Instead, get your own progress as a CSV file",
      descriptionRu: "Вместо этого получить свой прогресс в CSV",
    }),
  ],
);

export async function execute(engine: Engine, request: CommandRequest): Promise<BotResponse> {
  const lang = langOf(request.caller.locale);
  if (!engine.trivia) return refuse(text(lang).studyUnavailable);
  if (request.options.export === true) {
    const exported = await engine.trivia.services?.exportStudy(request.caller, text(lang).studyColumns, lang);
    if (!exported || exported.questions === 0) return refuse(text(lang).studyExportNone);
    return {
      type: "reply",
      payload: privateFile(text(lang).studyExportDone({ count: exported.questions }), {
        name: "study-progress.csv",
        text: exported.csv,
      }),
    };
  }
  return {
    type: "reply",
    payload: studyMessage(engine.dataset, lang, await engine.trivia.study(request.caller)),
  };
}
