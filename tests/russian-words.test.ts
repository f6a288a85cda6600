// What a Russian reader reads is Russian (#24): every person and office card, /when for a spread of
// dates, /sources (every page), /help, the timeline's words, a message lookup and every generated
// question with its reveal, rendered for a caller whose Discord is set to Russian (through the
// router, as the CLI does), with their Latin-script words counted. Not counted: the names of the
// sources (their titles, publishers and the short names the footers use), links, and an original
// quotation marked as such beside its translation ("(пер. с англ.; …)").
import { describe, expect, it } from "vitest";
import { reportsList } from "../src/cards/reports.js";
import { questionMessage, revealMessage, studyMessage } from "../src/cards/trivia.js";
import { createRouter } from "../src/console/run.js";
import { CONSOLE_CALLER } from "../src/console/slash.js";
import type { BotResponse, Caller, MessagePayload } from "../src/interactions/types.js";
import { sourceName } from "../src/query/holding.js";
import { buildTimelineSvg } from "../src/timeline/svg.js";
import { allQuestions } from "../src/trivia/questions.js";
import type { ReportRow } from "../src/trivia/reports.js";
import type { AskedRow, RoundRow } from "../src/trivia/store.js";
import { engine } from "./helpers.js";

const ds = engine().dataset;
const router = createRouter(engine());
const RU: Caller = { ...CONSOLE_CALLER, locale: "ru" };

/** Every text a message shows: content, embeds, buttons and menus (not ids, links or menu values). */
function shownTexts(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(shownTexts);
  if (!value || typeof value !== "object") return [];
  const menuOption = "label" in value && "value" in value;
  return Object.entries(value).flatMap(([k, v]) =>
    ["custom_id", "url", "files", "allowed_mentions"].includes(k) || (menuOption && k === "value")
      ? []
      : shownTexts(v),
  );
}

function payloadOf(r: BotResponse): MessagePayload {
  if (r.type === "choices" || r.type === "modal") throw new Error("expected a message");
  return r.payload;
}

/**
 * The names the sources go by, longest first, so that a name inside a longer one goes with it: their
 * titles and publishers, and the short names a Russian reader is shown ("Wikipedia: Секретариат").
 * Not the English short names ("Wikipedia: Secretariat"): a Russian card has its own.
 */
const SOURCE_NAMES = [
  ...new Set(ds.sources.flatMap((s) => [s.title, s.publisher, sourceName(ds, s.id, "ru")])),
].sort((a, b) => b.length - a.length);

/** The words a reader reads, source names, links and marked originals left out. */
function readWords(text: string): string[] {
  let rest = text.replace(/https?:\/\/\S+/g, " ").replace(/\(пер\. с англ\.[^)]*\)/g, " ");
  for (const name of SOURCE_NAMES) rest = rest.split(name).join(" ");
  return rest.match(/[\p{L}]{3,}/gu) ?? [];
}

/** Roman numerals (XX съезд) are numbers, not English. */
const latin = (word: string) => /^[A-Za-z]+$/.test(word) && !/^[IVXLCDM]+$/.test(word);

interface Tally {
  words: number;
  latin: number;
  examples: Set<string>;
}

const tallies = new Map<string, Tally>();

function count(surface: string, texts: readonly string[]): void {
  const tally = tallies.get(surface) ?? { words: 0, latin: 0, examples: new Set<string>() };
  for (const t of texts)
    for (const w of readWords(t)) {
      tally.words++;
      if (latin(w)) {
        tally.latin++;
        if (tally.examples.size < 8) tally.examples.add(w);
      }
    }
  tallies.set(surface, tally);
}

async function command(name: string, options: Record<string, string> = {}) {
  return payloadOf(await router.handle({ type: "command", command: name, options, caller: RU }));
}

describe("a Russian reader reads Russian", () => {
  it("counts the Latin-script words of every surface and keeps them at 1 % or less", async () => {
    for (const p of ds.people) count("/who", shownTexts(await command("who", { name: p.id })));
    for (const o of ds.offices) count("/office", shownTexts(await command("office", { title: o.id })));
    for (const date of [
      "1917",
      "1922",
      "10 марта 1953",
      "1953",
      "14 октября 1964",
      "1970-е",
      "1982",
      "1985",
      "1991",
    ])
      count("/when", shownTexts(await command("when", { date })));

    // /sources, every page: the first through the command, the others through its ▶ button.
    let page = await command("sources");
    count("/sources", shownTexts(page.embeds));
    for (;;) {
      const next = page.components?.[0]?.components.find(
        (c) => "emoji" in c && c.emoji?.name === "▶️" && "custom_id" in c,
      );
      if (!next || !("custom_id" in next)) break;
      page = payloadOf(
        await router.handle({ type: "component", customId: next.custom_id, values: [], caller: RU }),
      );
      count("/sources", shownTexts(page.embeds));
    }

    count("/help", shownTexts(await command("help")));

    // The timeline picture's words, from the code that draws them; and the command's own message.
    const svg = buildTimelineSvg(ds, { lang: "ru" }).svg;
    const svgWords = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
      (m[1] ?? "").replace(/&[a-z]+;/g, " "),
    );
    count("/timeline", svgWords);
    count("/timeline", shownTexts({ embeds: (await command("timeline")).embeds }));

    const lookup = await router.handle({
      type: "command",
      command: "Look up in Apparat",
      options: {},
      caller: RU,
      target: {
        messageId: "1",
        content: "Кто был после Сталина, Хрущёв или Маленков? И кто правил в марте 1953 года?",
      },
    });
    count("Найти в Apparat", shownTexts(payloadOf(lookup)));

    const round = { id: 1, total: 1, seconds: 20, locale: "ru", channel_id: "c" } as RoundRow;
    const asked = { id: 1, position: 0 } as AskedRow;
    const questions = allQuestions(ds);
    for (const [i, question] of questions.entries()) {
      count("trivia", shownTexts(questionMessage("ru", { round, asked, question })));
      count(
        "trivia",
        shownTexts(revealMessage(ds, "ru", { round, asked, question, answers: [], explain: true })),
      );
      // /study: the verdict on the one before, with its explanation and sources, then this one.
      const before = questions[i - 1];
      const previous = before && {
        question: before,
        chosen: (before.answer + 1) % 2,
        correct: i % 2 === 0,
        box: 2,
      };
      count(
        "/study",
        shownTexts(
          studyMessage(ds, "ru", { next: question, boxes: [[1, 3]], ...(previous ? { previous } : {}) }),
        ),
      );
    }
    // A moderator's /trivia reports: each reported question with its answer (the report's own text
    // is the reporter's, written in Russian here).
    const report = (id: number, questionId: string): ReportRow => ({
      id,
      scope: "g",
      question_id: questionId,
      user_id: "1",
      text: "Здесь ошибка в дате",
      created_at: 0,
      status: "open",
    });
    for (let i = 0; i < questions.length; i += 5) {
      const page = questions.slice(i, i + 5).map((q, j) => ({ report: report(i + j, q.id), question: q }));
      count("/trivia reports", shownTexts(reportsList("ru", page, questions.length)));
    }

    const rows = [...tallies.entries()].map(([surface, t]) => ({
      surface,
      words: t.words,
      latin: t.latin,
      share: `${((100 * t.latin) / Math.max(1, t.words)).toFixed(1)} %`,
      examples: [...t.examples].join(" "),
    }));
    const all = rows.reduce((n, r) => ({ words: n.words + r.words, latin: n.latin + r.latin }), {
      words: 0,
      latin: 0,
    });
    const share = all.latin / Math.max(1, all.words);
    // The table is the point of the run: which surface still speaks English, and how much.
    process.stdout.write(
      `${[
        "| surface | words | Latin-script | share | e.g. |",
        "|---|---:|---:|---:|---|",
        ...rows.map((r) => `| ${r.surface} | ${r.words} | ${r.latin} | ${r.share} | ${r.examples} |`),
        `| all | ${all.words} | ${all.latin} | ${(100 * share).toFixed(1)} % | |`,
      ].join("\n")}\n`,
    );
    expect(all.words).toBeGreaterThan(5000);
    expect(share).toBeLessThanOrEqual(0.01);
  }, 120_000);
});
