// "When did <event> happen?", for events whose date no claim contradicts.
import { eventSpan } from "../../data/build.js";
import type { HistoricalEvent } from "../../data/schema.js";
import type { TriviaWords } from "../../i18n/trivia-words.js";
import { partisanOnly } from "../../query/holding.js";
import {
  type Context,
  containsDay,
  difficultyOf,
  eventDisputed,
  gapDays,
  prominence,
  type Say,
} from "./context.js";
import {
  cleanSources,
  type Draft,
  type DraftText,
  firstSeen,
  pickDistractors,
  questionRng,
  shorten,
} from "./draft.js";
import { ERA_DAYS, QUESTION_LIMITS } from "./model.js";

export function eventQuestions(ctx: Context): Draft[] {
  const { ds } = ctx;
  const drafts: Draft[] = [];
  // An event the sources disagree on is neither asked about nor offered as a wrong option, since
  // the explanation states each option's date.
  // Nor is one only the partisan source gives: a question states its options' dates as fact.
  const settled = ds.events.filter(
    (e) => !eventDisputed(ds, e) && (e.disputes ?? []).length === 0 && !partisanOnly(ds, e.sources),
  );
  for (const e of settled) {
    if (e.date.precision !== "day") continue;
    const day = e.date.date;
    const correct = shorten(e.title, QUESTION_LIMITS.choice);
    const seen = new Set([correct]);
    const candidates = settled
      .filter((o) => o.id !== e.id && !containsDay(eventSpan(o), day))
      .map((o) => ({
        event: o,
        text: shorten(o.title, QUESTION_LIMITS.choice),
        gap: gapDays(eventSpan(o), { from: day, to: day }),
      }))
      .sort((a, b) => a.gap - b.gap || a.event.id.localeCompare(b.event.id))
      .filter((x) => firstSeen(seen, x.text));
    const wrong = pickDistractors(candidates, questionRng("event-on-date", ctx.en.eventPrompt(e.date)), {
      pool: 6,
      within: (x) => x.gap <= ERA_DAYS,
    });
    const lead = e.people[0];
    const choice = (w: TriviaWords, o: HistoricalEvent) => shorten(w.eventTitle(o), QUESTION_LIMITS.choice);
    const say: Say<DraftText> = (w) => ({
      prompt: w.eventPrompt(e.date),
      correct: choice(w, e),
      wrong: wrong.map((x) => choice(w, x.event)),
      explanation: [
        w.eventOn(e),
        w.otherEvents(wrong.map((x) => ({ text: choice(w, x.event), event: x.event }))),
      ],
    });
    drafts.push({
      kind: "event-on-date",
      difficulty: lead ? difficultyOf(prominence(ds, lead)) : "medium",
      slug: e.id,
      ...say(ctx.en),
      ru: say(ctx.ru),
      sources: cleanSources(ds, e.date.sources, e.sources),
      subjects: [e.id, ...e.people, ...e.offices],
    });
  }
  return drafts;
}

/** "14 March 1953 (de facto)": when a person first held the leading office. */
