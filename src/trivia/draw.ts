// Where a round's questions come from: generated from the dataset (by seed, difficulty, category,
// minus what a server hid), or drawn from one of the server's own sets; and a question by its id.
import type { Dataset } from "../data/load.js";
import { parseSetQuestionId, toTriviaQuestion } from "../question-sets/questions.js";
import type { QuestionSetStore } from "../question-sets/store.js";
import { inCategory, isCategoryKey } from "./categories.js";
import { type Difficulty, generateQuestions, type Question, questionById } from "./questions.js";
import { shuffleBySeed } from "./random.js";
import type { RoundRow } from "./store.js";

export class RoundQuestions {
  constructor(
    private readonly ds: Dataset,
    private readonly sets?: QuestionSetStore,
  ) {}

  /** A round's questions: generated from the dataset, or drawn from one of the server's sets. */
  async draw(
    seed: number,
    count: number,
    from: {
      difficulty: Difficulty | undefined;
      setId: number | null;
      category: string | null;
      /** Questions this server hid after a report. */
      hidden?: ReadonlySet<string>;
    },
  ): Promise<Question[]> {
    const { difficulty, setId } = from;
    const hidden = from.hidden ?? new Set<string>();
    const category = from.category && isCategoryKey(from.category) ? from.category : null;
    if (setId === null) {
      return generateQuestions(this.ds, {
        seed,
        count,
        ...(difficulty ? { difficulty } : {}),
        only: (q: Question) => !hidden.has(q.id) && (!category || inCategory(this.ds, q, category)),
      });
    }
    const wanted = category?.startsWith("set:") ? category.slice(4).trim().toLowerCase() : null;
    const own = ((await this.sets?.questions(setId)) ?? [])
      .map((q, i) => ({ q: toTriviaQuestion(setId, i, q), category: q.category?.toLowerCase() }))
      .filter(
        (x) =>
          !hidden.has(x.q.id) &&
          (!difficulty || x.q.difficulty === difficulty) &&
          (!wanted || x.category === wanted),
      )
      .map((x) => x.q);
    return shuffleBySeed(own, seed).slice(0, count);
  }

  /** A question by id: built-in, or "set:<set>:<position>" from a server's set. */
  questionOf(id: string): Promise<Question | undefined> {
    return this.question(id);
  }

  private async question(id: string): Promise<Question | undefined> {
    const own = parseSetQuestionId(id);
    if (!own) return questionById(this.ds, id);
    const q = await this.sets?.question(own.setId, own.position);
    return q ? toTriviaQuestion(own.setId, own.position, q) : undefined;
  }

  /** A question by id: built-in, or "set:<set>:<position>" from a server's set. */
  async byId(id: string): Promise<Question | undefined> {
    const own = parseSetQuestionId(id);
    if (!own) return questionById(this.ds, id);
    const q = await this.sets?.question(own.setId, own.position);
    return q ? toTriviaQuestion(own.setId, own.position, q) : undefined;
  }

  /** The round's questions: fixed when it started; older rounds are drawn again from the seed. */
  async ofRound(round: RoundRow): Promise<(Question | undefined)[]> {
    if (!round.questions)
      return this.draw(round.seed, round.total, {
        difficulty: (round.difficulty as Difficulty | null) ?? undefined,
        setId: round.set_id,
        category: round.category,
      });
    const ids = JSON.parse(round.questions) as string[];
    // Kept in place even when one no longer exists (its set was replaced): positions must not shift.
    return Promise.all(ids.map((id) => this.byId(id)));
  }
}
