// "How long was X in office?", from undisputed start and end dates.
import type { Term } from "../../data/schema.js";
import { describeTermLength, durationBetween } from "../../dates/duration.js";
import { type Context, personName, roleLabel, surname, termRange } from "./context.js";
import { cleanSources, type Draft, firstSeen, pickDistractors, questionRng } from "./draft.js";
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
    const office = roleLabel(ds, t);
    const answer = describeTermLength(t.start, end);
    const days = Math.max(1, durationBetween(t.start.date, end.date).totalDays);
    const prompt = `How long was ${name} ${office}?`;
    const seen = new Set([answer]);
    const candidates = all
      .filter((x) => x.term.person !== t.person)
      .sort(
        (x, y) =>
          Math.abs(Math.log(x.days / days)) - Math.abs(Math.log(y.days / days)) ||
          x.term.id.localeCompare(y.term.id),
      )
      .filter((x) => firstSeen(seen, x.text));
    const wrong = pickDistractors(candidates, questionRng("duration", prompt), {});
    drafts.push({
      kind: "duration",
      difficulty: "hard",
      slug: surname(name),
      prompt,
      correct: answer,
      wrong: wrong.map((x) => x.text),
      explanation: [
        `${name} was ${office} ${termRange(t)}: ${answer} (${days} days).`,
        `The other figures: ${wrong.map((x) => `${x.text} (${personName(ds, x.term.person)}, ${roleLabel(ds, x.term)})`).join("; ")}.`,
      ],
      sources: cleanSources(ds, t.start.sources, end.sources, t.sources),
      subjects: [t.person, t.office],
    });
  }
  return drafts;
}
