// Every generated trivia question, held to the same rules as the cards (tests/provenance/rules.ts):
// its prompt, its right answer, its wrong options and its explanation. A true-or-false statement
// is said as true when its answer is True; a wrong option is never said as true, but it must not
// carry a disputed length or a disputed event either, since the explanation states each option's
// facts. No list of exceptions:
// 1. a holding is named as the cards name it (no "de facto head of the Secretariat" for Stalin, no
//    plain "General Secretary" for him from 1934, no plain 14 March 1953 for Khrushchev, no plain
//    1917 for Stasova);
// 2. no one whose place in the order the sources dispute is put right next to anyone;
// 3. no length of a holding the sources dispute, as a statement or an option;
// 4. no event the sources disagree on, or only the partisan source gives.
import { describe, expect, it } from "vitest";
import { allQuestions, type Question } from "../src/trivia/questions.js";
import { engine } from "./helpers.js";
import { durationFindings, eventFindings, holdingFindings, orderFindings } from "./provenance/rules.js";

const ds = engine().dataset;
const all = allQuestions(ds);
const right = (q: Question) => q.choices[q.answer] as string;
const wrong = (q: Question) => q.choices.filter((_, i) => i !== q.answer);
const sentences = all.flatMap((q) => [q.prompt, ...q.explanation.split(/(?<=\.)\s+(?=[A-Z0-9])/)]);

/** What a question says as true: its explanation, its prompt unless a false statement, its answer. */
function said(q: Question): string[] {
  const tf = q.kind === "true-false";
  const statement = tf ? (right(q) === "True" ? [q.prompt.replace(/^True or false: /, "")] : []) : [q.prompt];
  return [...statement, q.explanation];
}

describe(`trivia: ${all.length} questions, ${sentences.length} sentences and ${all.reduce((n, q) => n + q.choices.length, 0)} options`, () => {
  it("names every holding as the cards do", () => {
    const bad = all.flatMap((q) =>
      said(q).flatMap((s) => holdingFindings(ds, s, "en", { everyDate: false }).map((f) => `${q.id}: ${f}`)),
    );
    expect([...new Set(bad)]).toEqual([]);
  });

  it("never puts someone whose order is disputed right next to anyone", () => {
    const bad = all.flatMap((q) => {
      const answer = q.kind === "successor" || q.kind === "predecessor" ? [q.subjects[1] as string] : [];
      return [q.prompt, q.explanation].flatMap((s) =>
        orderFindings(ds, s, "en", answer).map((f) => `${q.id}: ${f}`),
      );
    });
    expect(bad).toEqual([]);
  });

  it("gives no disputed length and no disputed or partisan-only event, not even as a wrong option", () => {
    const bad = all.flatMap((q) =>
      [q.prompt, q.explanation, right(q), ...wrong(q)].flatMap((s) => [
        ...durationFindings(ds, s).map((f) => `${q.id}: ${f}`),
        ...eventFindings(ds, s).map((f) => `${q.id}: ${f}`),
      ]),
    );
    expect([...new Set(bad)]).toEqual([]);
  });
});
