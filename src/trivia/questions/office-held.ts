// "Which office did X hold?", for people with one office and an undisputed title.
import { termEnd } from "../../data/build.js";
import type { Term } from "../../data/schema.js";
import { claimBounds } from "../../dates/calendar.js";
import {
  type Context,
  difficultyOf,
  gapDays,
  type Leader,
  maxDay,
  minDay,
  type Say,
  surname,
} from "./context.js";
import { cleanSources, type Draft, type DraftText } from "./draft.js";

/** People who held exactly one leading office, not only de facto, with no dispute over its title. */
export function singleOfficeLeaders(ctx: Context): Leader[] {
  const { ds } = ctx;
  return ctx.leaders.filter((l) => {
    if (l.offices.length !== 1 || l.deFactoOnly) return false;
    const disputes = ds.disputes.filter(
      (d) => d.subjects.includes(l.person.id) || l.terms.some((t) => t.disputes.includes(d.id)),
    );
    // No question turns on a contested title: a dispute over what the office was called, or one
    // spanning several offices.
    return !disputes.some(
      (d) =>
        /title/i.test(`${d.id} ${d.topic}`) ||
        d.subjects.filter((s) => ds.officeById.get(s)?.leading).length > 1,
    );
  });
}

/** The other leading offices, nearest in time to a person's holding first. */
export function otherOfficesNear(ctx: Context, leader: Leader): string[] {
  const { ds } = ctx;
  return ds.offices
    .filter((o) => o.leading && !leader.offices.includes(o.id))
    .map((o) => {
      const terms = ds.termsByOffice.get(o.id) ?? [];
      const from = terms.reduce((m, t) => minDay(m, claimBounds(t.start).from), "9999-12-31");
      const to = terms.reduce((m, t) => maxDay(m, termEnd(t) ?? ds.leadershipSpan.to), "0000-01-01");
      return { id: o.id, gap: terms.length ? gapDays({ from, to }, leader.span) : Number.MAX_SAFE_INTEGER };
    })
    .sort((a, b) => a.gap - b.gap || a.id.localeCompare(b.id))
    .map((x) => x.id);
}

export function officeHeldQuestions(ctx: Context): Draft[] {
  const { ds } = ctx;
  const drafts: Draft[] = [];
  for (const l of singleOfficeLeaders(ctx)) {
    const officeId = l.offices[0] as string;
    const name = l.person.name;
    const acting = l.terms.every((t) => t.basis === "acting");
    const others = otherOfficesNear(ctx, l).slice(0, 3);
    const first = l.terms[0] as Term;
    const say: Say<DraftText> = (w) => ({
      prompt: w.officeHeldPrompt(l.person.id, acting),
      correct: w.office(officeId, first),
      wrong: others.map((o) => w.office(o, first)),
      explanation: [w.heldSentence(l.person.id, l.terms), w.otherTitles(others, first)],
    });
    drafts.push({
      kind: "office-held",
      difficulty: difficultyOf(l.person.prominence),
      slug: surname(name),
      ...say(ctx.en),
      ru: say(ctx.ru),
      sources: cleanSources(ds, ...l.terms.map((t) => t.sources)),
      subjects: [l.person.id, officeId],
    });
  }
  return drafts;
}
