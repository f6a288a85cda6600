// Answers that would render as identical buttons: three distinct 80-character answers became three
// identical buttons once prefixed ("A. …") and clipped to Discord's 80-character label. The import
// refuses such a question, naming its line, with the very function that renders the labels.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { questionMessage } from "../src/cards/trivia.js";
import { text } from "../src/i18n/index.js";
import { csvLine, verbatim } from "../src/question-sets/csv.js";
import { parseQuestionFile } from "../src/question-sets/parse.js";
import { toTriviaQuestion } from "../src/question-sets/questions.js";
import type { AskedRow, RoundRow } from "../src/trivia/store.js";

const bytes = (s: string) => new TextEncoder().encode(s);
const HEADER = "question,correct,wrong1,wrong2,wrong3,wrong4";
const csv = (rows: string[][]) => bytes([HEADER, ...rows.map((r) => csvLine(r.map(verbatim)))].join("\n"));

/** The buttons as a round shows them: each answer, and its label with the letter taken off. */
function rendered(answers: { correct: string; wrong: string[] }): { answer: string; label: string }[] {
  const question = toTriviaQuestion(1, 0, { question: "Q?", ...answers });
  const round = { id: 1, total: 1, seconds: 20, locale: "en-US" } as RoundRow;
  const message = questionMessage("en", { round, asked: { id: 1, position: 0 } as AskedRow, question });
  return (message.components?.[0]?.components ?? []).map((c, i) => ({
    answer: question.choices[i] ?? "",
    label: "label" in c ? (c.label ?? "").replace(/^[A-E]\. /, "") : "",
  }));
}

/** 70 characters: with a little more, an answer reaches the 80 a button shows at most. */
const stem = "The decision of the plenum of the Central Committee in the year of".padEnd(70, ".");

describe("answers that would look the same on their buttons", () => {
  it("refuses three 80-character answers that differ only at their ends, naming the line", () => {
    const answers = ["1953", "1954", "1955"].map((year) => `${stem}, in ${year}.`);
    expect(answers.every((a) => a.length === 80)).toBe(true);
    const buttons = rendered({ correct: answers[0]!, wrong: answers.slice(1) });
    expect(new Set(buttons.map((b) => b.label)).size).toBe(1);

    const r = parseQuestionFile("week3.csv", csv([["Which?", ...answers]]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.path, e.problem.code])).toEqual([
      [2, "wrong1", "same-button"],
      [2, "wrong2", "same-button"],
    ]);
    const problem = r.errors[0]!.problem;
    expect(text("en").importProblem(problem)).toBe(
      `This answer’s button would look the same as the one for correct (“${answers[0]!.slice(0, 39)}…”): a button shows only the first 76 characters of an answer. Make the answers differ sooner.`,
    );
    expect(text("ru").importProblem(problem)).toBe(
      `Кнопка этого ответа выглядела бы так же, как кнопка ответа correct («${answers[0]!.slice(0, 39)}…»): на кнопке видны только первые 76 символов ответа. Сделайте так, чтобы ответы различались раньше.`,
    );
  });

  it("names JSON answers by their path", () => {
    const long = (end: string) => `${stem}${"y".repeat(9)}${end}`; // 80 characters
    const r = parseQuestionFile(
      "set.json",
      bytes(
        JSON.stringify({ questions: [{ question: "Q", correct: "Short", wrong: [long("a"), long("b")] }] }),
      ),
    );
    expect(r.ok ? [] : r.errors.map((e) => [e.line, e.path, e.problem.code])).toEqual([
      [null, "questions[0].wrong[1]", "same-button"],
    ]);
  });

  it("accepts long answers that differ where the buttons show them", () => {
    const r = parseQuestionFile(
      "week3.csv",
      csv(
        [["Which?", `1953: ${stem}`, `1954: ${stem}`, `1955: ${stem}`]].map((r) =>
          r.map((a) => a.slice(0, 80)),
        ),
      ),
    );
    expect(r.ok).toBe(true);
  });

  it("agrees with the rendered buttons for any answers: accepted means distinct labels", () => {
    // Answers that share long stems, so that clipping decides whether they look alike.
    const answer = fc
      .tuple(fc.constantFrom("", stem, stem.slice(0, 66), `${stem}${stem}`), fc.string({ maxLength: 14 }))
      .map(([a, b]) => `${a}${b}`.slice(0, 80))
      .filter((s) => s.trim().length > 0);
    fc.assert(
      fc.property(fc.array(answer, { minLength: 2, maxLength: 5 }), ([correct = "", ...wrong]) => {
        const r = parseQuestionFile("q.csv", csv([["Q?", correct, ...wrong, "", "", ""].slice(0, 6)]));
        const sameButtons = r.ok ? [] : r.errors.filter((e) => e.problem.code === "same-button");
        const fold = (s: string) => s.trim().normalize("NFC").toLocaleLowerCase("und");
        const buttons = rendered({ correct, wrong }).map((b) => ({
          answer: fold(b.answer),
          label: fold(b.label),
        }));
        const labels = buttons.map((b) => b.label);
        const clash = buttons.some((b, i) =>
          buttons.some((c, j) => j < i && c.label === b.label && c.answer !== b.answer),
        );
        expect(sameButtons.length > 0).toBe(clash);
        if (r.ok) expect(new Set(labels).size).toBe(labels.length);
      }),
      { numRuns: 500, seed: 80 },
    );
  });
});
