// Reports of wrong questions as users see them: the form behind a reveal's Report button, and the
// list a server's moderators resolve (hide the question here, or dismiss the report).
import type { APIActionRowComponent, APIButtonComponent } from "discord-api-types/v10";
import { type Lang, text } from "../i18n/index.js";
import { ButtonStyle, ComponentType, TextInputStyle } from "../interactions/api.js";
import { encodeId } from "../interactions/custom-id.js";
import { ephemeralText, quoteUserText } from "../interactions/payload.js";
import type { MessagePayload, ModalPayload } from "../interactions/types.js";
import { type Question, questionText } from "../trivia/questions.js";
import type { ReportRow } from "../trivia/reports.js";
import { MAX_REPORT_TEXT } from "../trivia/reports.js";
import { clip } from "./limits.js";

export const REPORT_PREFIXES = { open: "rp", submit: "rpm", resolve: "rr" } as const;
/** The form's one text input. */
export const REPORT_FIELD = "what";

export function reportButton(lang: Lang, questionId: string): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: text(lang).reportButton,
    emoji: { name: "⚑" },
    custom_id: encodeId(REPORT_PREFIXES.open, [questionId]),
  };
}

export function reportForm(lang: Lang, questionId: string): ModalPayload {
  const words = text(lang);
  return {
    custom_id: encodeId(REPORT_PREFIXES.submit, [questionId]),
    title: words.reportTitle,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: REPORT_FIELD,
            label: words.reportLabel,
            style: TextInputStyle.Paragraph,
            min_length: 3,
            max_length: MAX_REPORT_TEXT,
            required: true,
            placeholder: words.reportPlaceholder,
          },
        ],
      },
    ],
  };
}

/** The open reports, each with its question and answer, and buttons to hide or dismiss it. */
export function reportsList(
  lang: Lang,
  reports: readonly { report: ReportRow; question: Question | undefined }[],
  total: number,
): MessagePayload {
  const words = text(lang);
  if (reports.length === 0) return ephemeralText(words.reportsNone);
  const lines = reports.map(({ report, question }, i) => {
    const shown = (s: string, max: number) => (question?.userText ? quoteUserText(s, max) : clip(s, max));
    // The question as the moderator's language words it (an imported one as its author wrote it).
    const asked = question && questionText(question, lang);
    return words.reportLine({
      n: i + 1,
      question: question && asked ? shown(asked.prompt, 200) : words.reportQuestionGone,
      answer: question && asked ? shown(asked.choices[question.answer] ?? "", 80) : "—",
      text: quoteUserText(report.text, 300),
      by: `<@${report.user_id}>`,
    });
  });
  const rows: APIActionRowComponent<APIButtonComponent>[] = reports.map(({ report }, i) => ({
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Danger,
        label: words.reportHide({ n: i + 1 }),
        custom_id: encodeId(REPORT_PREFIXES.resolve, [String(report.id), "hide"]),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: words.reportDismiss({ n: i + 1 }),
        custom_id: encodeId(REPORT_PREFIXES.resolve, [String(report.id), "dismiss"]),
      },
    ],
  }));
  const content = `**${words.reportsTitle({ shown: reports.length, total })}**\n\n${lines.join("\n\n")}`;
  return ephemeralText(clip(content, 2000), { components: rows });
}
