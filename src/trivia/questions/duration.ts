// "How long was X in office?", from undisputed start and end dates.
import type { Term } from "../../data/schema.js";
import { describeTermLength, durationBetween } from "../../dates/duration.js";
import { type Context, personName, type Say, surname } from "./context.js";
import {
  cleanSources,
  type Draft,
  type DraftText,
  firstSeen,
  pickDistractors,
  questionRng,
} from "./draft.js";
import { cleanTerms } from "./took-office.js";

export function durationQuestions(ctx: Context): Draft[] {
  const { ds } = ctx;
  const drafts: Draft[] = [];
  // Wrong options too are lengths no source disputes: an explanation names whose each one is.
  const all = cleanTerms(ctx, true).map((t) => ({
    term: t,
    text: describeTermLength(t.start, t.end as NonNullable<Term["end"]>),
    days: Math.max(1, durationBetween(t.start.date, (t.end as NonNullable<Term["end"]>).date).totalDays),
  }));
  for (const t of cleanTerms(ctx, true)) {
    const end = t.end;
    if (!end) continue;
    const name = personName(ds, t.person);
    const answer = describeTermLength(t.start, end);
    const days = Math.max(1, durationBetween(t.start.date, end.date).totalDays);
    const seen = new Set([answer]);
    const candidates = all
      .filter((x) => x.term.person !== t.person)
      .sort(
        (x, y) =>
          Math.abs(Math.log(x.days / days)) - Math.abs(Math.log(y.days / days)) ||
          x.term.id.localeCompare(y.term.id),
      )
      .filter((x) => firstSeen(seen, x.text));
    const wrong = pickDistractors(candidates, questionRng("duration", ctx.en.durationPrompt(t)), {});
    const say: Say<DraftText> = (w) => ({
      prompt: w.durationPrompt(t),
      correct: w.termLength(t),
      wrong: wrong.map((x) => w.termLength(x.term)),
      explanation: [w.durationIs(t, days), w.otherFigures(wrong.map((x) => x.term))],
    });
    drafts.push({
      kind: "duration",
      difficulty: "hard",
      slug: surname(name),
      ...say(ctx.en),
      ru: say(ctx.ru),
      sources: cleanSources(ds, t.start.sources, end.sources, t.sources),
      subjects: [t.person, t.office],
    });
  }
  return drafts;
}
