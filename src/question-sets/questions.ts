// A server's own question as a trivia question: its answers in an order fixed by its id (so a
// reveal shows the same letters as the question), marked as user text to be shown escaped.

import type { Question } from "../trivia/questions/model.js";
import { hashString, shuffleBySeed } from "../trivia/random.js";
import type { ImportedQuestion } from "./parse.js";

export const SET_QUESTION_PREFIX = "set:";

export function setQuestionId(setId: number, position: number): string {
  return `${SET_QUESTION_PREFIX}${setId}:${position}`;
}

/** The set and position of a custom question's id; null for a built-in one. */
export function parseSetQuestionId(id: string): { setId: number; position: number } | null {
  const m = /^set:(\d+):(\d+)$/.exec(id);
  return m ? { setId: Number(m[1]), position: Number(m[2]) } : null;
}

export function toTriviaQuestion(setId: number, position: number, q: ImportedQuestion): Question {
  const id = setQuestionId(setId, position);
  const choices = [q.correct, ...q.wrong];
  // A deterministic shuffle by the id: the right answer is not always A.
  const order = shuffleBySeed(
    choices.map((_, i) => i),
    hashString(id),
  );
  return {
    id,
    kind: "custom",
    difficulty: q.difficulty ?? "medium",
    prompt: q.question,
    choices: order.map((i) => choices[i] as string),
    answer: order.indexOf(0),
    explanation: q.explanation ?? "",
    sources: [],
    subjects: [],
    userText: true,
    ...(q.source ? { sourceNote: q.source } : {}),
  };
}
