// "Who died in office?", where the end of the term is not disputed.
import type { Term } from "../../data/schema.js";
import { type Context, difficultyOf, gapDays, type Leader, type Say, surname } from "./context.js";
import { cleanSources, type Draft, type DraftText, pickDistractors, questionRng } from "./draft.js";

export function lastTerm(l: Leader): Term {
  return l.terms.at(-1) as Term;
}

export function diedQuestions(ctx: Context): Draft[] {
  const { ds } = ctx;
  const drafts: Draft[] = [];
  const alive = ctx.leaders.filter((l) => !l.died && !l.endDisputed);
  for (const l of ctx.leaders) {
    const died = l.died;
    if (!died?.end || l.endDisputed) continue;
    const prompt = ctx.en.diedPrompt;
    const scored = alive
      .map((o) => ({
        leader: o,
        score: gapDays(o.span, l.span) / 365.25 + 10 * Math.abs(o.person.prominence - l.person.prominence),
      }))
      .sort((a, b) => a.score - b.score || a.leader.person.id.localeCompare(b.leader.person.id));
    const wrong = pickDistractors(scored, questionRng("died-in-office", prompt, l.person.id), { pool: 4 });
    const say: Say<DraftText> = (w) => ({
      prompt: w.diedPrompt,
      correct: w.name(l.person.id),
      wrong: wrong.map((x) => w.name(x.leader.person.id)),
      explanation: [w.diedInOffice(died), w.othersAlive(wrong.map((x) => lastTerm(x.leader)))],
    });
    drafts.push({
      kind: "died-in-office",
      difficulty: difficultyOf(l.person.prominence),
      slug: surname(l.person.name),
      ...say(ctx.en),
      ru: say(ctx.ru),
      sources: cleanSources(
        ds,
        died.end.sources,
        died.sources,
        ...wrong.map((x) => lastTerm(x.leader).sources),
      ),
      subjects: [l.person.id, ...wrong.map((x) => x.leader.person.id)],
    });
  }
  return drafts;
}
