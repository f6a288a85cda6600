import type { APIEmbed } from "discord-api-types/v10";
import type { Dataset } from "../data/load.js";
import { claimBounds } from "../dates/calendar.js";
import { formatDate, type Lang, t } from "../i18n/index.js";
import { basisLabel, COLOURS, sourceList, sourcesFooter } from "./common.js";
import { clip, fitEmbed, fitMessage, joinLines } from "./limits.js";

const KIND_RU: Record<string, string> = {
  "current encyclopedia article": "текущая статья энциклопедии",
  "old encyclopedia revision": "старая версия статьи энциклопедии",
  "partisan wiki": "партийная вики",
  editorial: "редакция Apparat",
};

/** /sources: the documents, what kind each is, and where they disagree. */
export function sourcesCard(ds: Dataset, lang: Lang): APIEmbed[] {
  const documents = fitEmbed({
    title: lang === "ru" ? "Источники" : "Where the answers come from",
    description:
      lang === "ru"
        ? "Каждый факт в ответах бота ссылается на один из этих документов. Оценки партийного источника приводятся с указанием автора."
        : "Every fact the bot states names one of these documents. Characterisations from the partisan source are attributed, never stated as the bot's own.",
    color: COLOURS.info,
    fields: ds.sources.map((s) => ({
      name: `${s.publisher}: ${s.title}`,
      value: `*${lang === "ru" ? (KIND_RU[s.kind] ?? s.kind) : s.kind}*${s.file ? ` · \`${s.file}\`` : ""}\n${clip(s.summary, 200)}`,
    })),
  });
  const disputes = fitEmbed({
    title: t(lang, "disputes"),
    description:
      lang === "ru"
        ? "Бот хранит все версии с их источниками; «по умолчанию» — та, что используется в ответах."
        : "The bot keeps every claimed value with its sources; “used by default” marks the one answers use.",
    color: COLOURS.info,
    fields: ds.disputes.map((d) => ({
      name: d.topic,
      value: joinLines(
        d.claims.map(
          (c) =>
            `• ${clip(c.value, 110)} — ${sourceList(ds, c.sources)}${c.default ? ` (${t(lang, "used")})` : ""}`,
        ),
      ),
    })),
  });
  return fitMessage([documents, disputes]);
}

/** /timeline's summary: the terms in view, in order, one line each. */
export function timelineTextCard(
  ds: Dataset,
  lang: Lang,
  view: { from?: string; to?: string; office?: string } = {},
): APIEmbed {
  const from = view.from ?? "0000-01-01";
  const to = view.to ?? "9999-12-31";
  const terms = (view.office ? (ds.termsByOffice.get(view.office) ?? []) : ds.leadership).filter((term) => {
    const start = claimBounds(term.start).from;
    const end = term.end ? claimBounds(term.end).to : ds.leadershipSpan.to;
    return start <= to && end >= from;
  });
  const lines = terms.map((term) => {
    const person = ds.personById.get(term.person);
    const office = ds.officeById.get(term.office);
    const end = term.end ? formatDate(lang, term.end) : "?";
    return `\`${term.start.date.slice(0, 4)}\` **${person?.name}** — ${lang === "ru" ? office?.nameRu : office?.name}${basisLabel(lang, term)}: ${formatDate(lang, term.start)} – ${end}${term.endedByDeath ? " †" : ""}`;
  });
  const range = view.from || view.to ? ` (${view.from ?? "…"} – ${view.to ?? "…"})` : "";
  const none =
    lang === "ru" ? "В этом промежутке никто не занимал должность." : "No one held the office in this range.";
  return fitEmbed({
    title: `${t(lang, "timelineTitle")}${range}`,
    description: lines.length ? joinLines(lines, 4096) : none,
    color: COLOURS.info,
    footer: sourcesFooter(
      ds,
      terms.length ? terms.flatMap((x) => x.sources) : ds.leadership.flatMap((x) => x.sources),
      lang,
    ),
  });
}

/** /help: what the bot does, with examples people can copy. */
export function helpCard(lang: Lang): APIEmbed {
  if (lang === "ru") {
    return fitEmbed({
      title: "Apparat — Секретариат ЦК КПСС, 1917–1991",
      description:
        "Справочник и викторина о секретарях ЦК: от технического секретаря до генерального. Имена можно писать как угодно: латиницей, кириллицей, с опечатками.",
      color: COLOURS.info,
      fields: [
        { name: "/who", value: "Карточка человека: `/who name:Хрущёв`, `/who name:krushchev`" },
        { name: "/office", value: "Карточка должности: `/office title:генсек`" },
        {
          name: "/when",
          value: "Кто руководил: `/when date:май 1983`, `/when date:12 ноября 1982`, `/when date:1970-е`",
        },
        { name: "/timeline", value: "Все руководители по порядку" },
        { name: "/sources", value: "Источники и расхождения между ними" },
        {
          name: "/trivia, /leaderboard, /study",
          value: "Викторина в канале, таблица лидеров и тренировка в одиночку",
        },
      ],
    });
  }
  return fitEmbed({
    title: "Apparat — the CPSU Secretariat and its leaders, 1917–1991",
    description:
      "Look up the party's Technical and Responsible Secretaries, General and First Secretaries by name or by date. Names are forgiving: any spelling, Cyrillic, typos. Every answer cites its sources.",
    color: COLOURS.info,
    fields: [
      {
        name: "/who — a person",
        value: "`/who name:krushchev` · `/who name:Горбачёв` · `/who name:K. Chernenko`",
      },
      {
        name: "/office — an office and its holders",
        value: "`/office title:gensec` · `/office title:Responsible Secretary`",
      },
      {
        name: "/when — who held office at a date or in a period",
        value:
          "`/when date:May 1983` · `/when date:10th November 1982` · `/when date:the 1970s` · `/when date:1953 office:First Secretary`",
      },
      { name: "/timeline — every leader in order", value: "`/timeline`" },
      { name: "/sources — the documents and where they disagree", value: "`/sources`" },
      {
        name: "/trivia, /leaderboard, /study — quizzes",
        value:
          "`/trivia start questions:5 difficulty:easy` · `/trivia question` · `/leaderboard` · `/study` (alone; missed questions come back sooner)",
      },
      { name: "Privacy", value: "The bot reads only the commands you send it. It never pings anyone." },
    ],
  });
}
