// "Put these leaders in order", from start windows that cannot overlap.
import type { Term } from "../../data/schema.js";
import type { TriviaWords } from "../../i18n/trivia-words.js";
import { type Context, difficultyOf, type Leader, surname } from "./context.js";
import { cleanSources, type Draft, type DraftText, questionRng } from "./draft.js";
import { surelyBefore } from "./true-false.js";

export function orderQuestions(ctx: Context): Draft[] {
  const { ds } = ctx;
  const eligible = ctx.leaders.filter((l) => !l.deFactoOnly);
  const sets: Leader[][] = [];
  for (const stride of [1, 2]) {
    for (let i = 0; i + 3 * stride < eligible.length; i++) {
      sets.push([0, 1, 2, 3].map((k) => eligible[i + k * stride] as Leader));
    }
  }
  const famous = eligible.filter((l) => l.person.prominence === 1);
  for (let a = 0; a < famous.length; a++)
    for (let b = a + 1; b < famous.length; b++)
      for (let c = b + 1; c < famous.length; c++)
        for (let d = c + 1; d < famous.length; d++)
          sets.push([famous[a], famous[b], famous[c], famous[d]] as Leader[]);

  const surnames = eligible.map((l) => surname(l.person.name));
  const short = new Set(surnames).size === surnames.length;
  const label = (w: TriviaWords) => (l: Leader) => (short ? w.surname(l.person.id) : w.name(l.person.id));
  const prompt = ctx.en.orderPrompt;
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  for (const set of sets) {
    if (!set.every((l, i) => i === 0 || surelyBefore(set[i - 1] as Leader, l))) continue;
    const key = set.map((l) => l.person.id).join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    const chain = (w: TriviaWords, people: readonly Leader[]) => people.map(label(w)).join(" → ");
    const correct = chain(ctx.en, set);
    const rng = questionRng("order", prompt, key);
    const swapAt = rng.nextInt(3);
    const swapped = set.slice();
    [swapped[swapAt], swapped[swapAt + 1]] = [swapped[swapAt + 1] as Leader, swapped[swapAt] as Leader];
    const others = rng
      .shuffle(permutations(set))
      .filter((p) => chain(ctx.en, p) !== correct && chain(ctx.en, p) !== chain(ctx.en, swapped));
    const say = (w: TriviaWords): DraftText => ({
      prompt: w.orderPrompt,
      correct: chain(w, set),
      wrong: [swapped, ...others.slice(0, 2)].map((p) => chain(w, p)),
      explanation: [w.orderExplanation(set.map((l) => ({ personId: l.person.id, terms: l.terms })))],
    });
    drafts.push({
      kind: "order",
      difficulty: difficultyOf(Math.max(...set.map((l) => l.person.prominence))),
      slug: set.map((l) => surname(l.person.name).slice(0, 4)).join("-"),
      ...say(ctx.en),
      ru: say(ctx.ru),
      sources: cleanSources(ds, ...set.map((l) => (l.terms[0] as Term).start.sources)),
      subjects: set.map((l) => l.person.id),
    });
  }
  return drafts;
}

export function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}
