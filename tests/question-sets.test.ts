import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { text } from "../src/i18n/index.js";
import { pluralRu } from "../src/i18n/ru.js";
import { csvLine, parseCsv, verbatim } from "../src/question-sets/csv.js";
import { CSV_COLUMNS, parseQuestionFile } from "../src/question-sets/parse.js";

const bytes = (s: string) => new TextEncoder().encode(s);
// A file as a teacher's spreadsheet saves it: every cell as it is.
const csv = (rows: string[][]) =>
  bytes([CSV_COLUMNS.join(","), ...rows.map((r) => csvLine(r.map(verbatim)))].join("\r\n"));
const problems = (r: ReturnType<typeof parseQuestionFile>) =>
  r.ok ? [] : r.errors.map((e) => [e.line, e.path, e.problem.code]);

describe("question files", () => {
  it("reads the example files in the repo", () => {
    const fromCsv = parseQuestionFile("question-set.csv", readFileSync("examples/question-set.csv"));
    expect(fromCsv.ok && fromCsv.questions.length).toBe(4);
    expect(fromCsv.ok && fromCsv.questions[3]?.question).toBe(
      'In which year was the office of First Secretary renamed "General Secretary"?',
    );
    const fromJson = parseQuestionFile("question-set.json", readFileSync("examples/question-set.json"));
    expect(fromJson).toMatchObject({ ok: true, name: "Week 3: from Stalin to Khrushchev" });
  });

  it("reports every mistake by CSV line and column, and imports nothing", () => {
    const r = parseQuestionFile(
      "week3.csv",
      csv([
        ["Who?", "Khrushchev", "Malenkov", "", "", "", "", "", "the thaw", "easy"],
        ["Who last?", "Gorbachev", "gorbachev ", "Yeltsin", "", "", "", "", "", ""],
        ["When?", "1982", "", "", "", "", "", "", "", "impossible"],
        ["", "Nobody", "Somebody", "", "", "", "", "", "", ""],
        ["Long?", "x".repeat(81), "y", "", "", "", "", "", "", ""],
      ]),
    );
    expect(r.ok).toBe(false);
    expect(problems(r)).toEqual([
      [3, "correct", "correct-among-wrong"],
      [4, "wrong", "wrong-count"],
      [4, "difficulty", "bad-difficulty"],
      [5, "question", "required"],
      [6, "correct", "too-long"],
    ]);
  });

  it("names JSON problems by path", () => {
    const r = parseQuestionFile(
      "set.json",
      bytes(
        JSON.stringify({ questions: [{ question: "Q", correct: "A", wrong: ["B", "B"] }, { question: 3 }] }),
      ),
    );
    expect(problems(r)).toEqual([
      [null, "questions[0].wrong", "duplicate-answer"],
      [null, "questions[1].question", "not-text"],
      [null, "questions[1].correct", "required"],
      [null, "questions[1].wrong", "wrong-count"],
    ]);
  });

  it("refuses what is not a question file at all, politely and in both languages", () => {
    expect(problems(parseQuestionFile("x.csv", new Uint8Array([0xff, 0xfe, 0x00])))).toEqual([
      [null, "", "not-utf8"],
    ]);
    expect(problems(parseQuestionFile("x.json", bytes("{oops")))).toEqual([[null, "", "bad-json"]]);
    expect(problems(parseQuestionFile("x.csv", bytes("  ")))).toEqual([[null, "", "empty-file"]]);
    expect(problems(parseQuestionFile("x.csv", bytes("question;correct;wrong1\nQ;A;B\n")))).toEqual([
      [1, "", "semicolons"],
    ]);
    expect(problems(parseQuestionFile("x.json", bytes('[{"question": "Q"}]')))).toEqual([
      [null, "", "not-a-set"],
    ]);
    expect(problems(parseQuestionFile("x.csv", bytes("question,correct,answer\n")))).toEqual([
      [1, "answer", "unknown-column"],
      [1, "wrong1", "missing-column"],
    ]);
    const big = parseQuestionFile("x.csv", new Uint8Array(1024 * 1024 + 1));
    expect(problems(big)).toEqual([[null, "", "too-big"]]);
    const many = parseQuestionFile("x.csv", csv(Array.from({ length: 501 }, (_, i) => [`Q${i}`, "A", "B"])));
    expect(problems(many)).toEqual([[null, "", "too-many"]]);
    if (!many.ok) {
      expect(text("en").importProblem(many.errors[0]!.problem)).toBe(
        "The file has 501 questions; a set holds at most 500.",
      );
      expect(text("ru").importProblem(many.errors[0]!.problem)).toBe(
        "В файле 501 вопрос; в наборе не больше 500.",
      );
    }
  });

  it("reads quoted fields, BOMs, CRLF and LF as RFC 4180 says", () => {
    const r = parseCsv('\ufeffa,b\r\n"x, ""y""","multi\nline"\n\nlast,"');
    expect(r).toEqual({ ok: false, line: 5, problem: "unclosed-quote" });
    expect(parseCsv('a,b\r\n"x, ""y""","multi\nline"\n\nlast,')).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ["a", "b"] },
        { line: 2, fields: ['x, "y"', "multi\nline"] },
        { line: 5, fields: ["last", ""] },
      ],
    });
  });
});

describe("question files, whatever they hold", () => {
  const validRow = fc.tuple(
    fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
    fc.uniqueArray(
      fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0),
      { minLength: 2, maxLength: 5, selector: (s) => s.trim().toLocaleLowerCase("und") },
    ),
  );

  it("round-trips any valid set through CSV", () => {
    fc.assert(
      fc.property(fc.array(validRow, { minLength: 1, maxLength: 20 }), (rows) => {
        const file = csv(
          rows.map(([q, [correct = "", ...wrong]]) =>
            [q, correct, ...wrong, "", "", "", "", ""].slice(0, 10),
          ),
        );
        const r = parseQuestionFile("set.csv", file);
        expect(r.ok, JSON.stringify(problems(r))).toBe(true);
        if (r.ok) expect(r.questions.map((q) => q.question)).toEqual(rows.map(([q]) => q.trim()));
      }),
      { numRuns: 200, seed: 14 },
    );
  });

  it("never throws on random bytes or text, and either imports every question or reports an error", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.uint8Array({ maxLength: 400 }), fc.string({ maxLength: 400 }).map(bytes)),
        fc.constantFrom("x.csv", "x.json", "x.txt"),
        (file, name) => {
          const r = parseQuestionFile(name, file);
          if (r.ok) expect(r.questions.length).toBeGreaterThan(0);
          else expect(r.errors.length).toBeGreaterThan(0);
          if (!r.ok)
            for (const e of r.errors) expect(text("ru").importProblem(e.problem).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500, seed: 1414 },
    );
  });

  it("imports nothing from a file with one bad row among good ones", () => {
    fc.assert(
      fc.property(fc.array(validRow, { minLength: 1, maxLength: 10 }), fc.nat(), (rows, at) => {
        const lines = rows.map(([q, [correct = "", ...wrong]]) => [q, correct, ...wrong].slice(0, 6));
        lines.splice(at % (lines.length + 1), 0, ["", "", ""]);
        const r = parseQuestionFile("set.csv", csv(lines));
        expect(r.ok).toBe(false);
      }),
      { numRuns: 200, seed: 141 },
    );
  });
});

describe("how a failed import counts its problems and questions", () => {
  it("says a problem with the whole file is with the file, not “in 0 questions”", () => {
    const empty = parseQuestionFile("set.csv", bytes(""));
    expect(empty).toMatchObject({ ok: false, count: 0 });
    const count = empty.ok ? -1 : empty.count;
    const problems = empty.ok ? -1 : empty.errors.length;
    expect(text("en").importFailed({ count, problems })).toBe(
      "Nothing was imported: 1 problem with the file. Fix it and import the file again:",
    );
    expect(text("ru").importFailed({ count, problems })).toBe(
      "Ничего не импортировано: 1 ошибка в файле. Исправьте её и импортируйте файл снова:",
    );
  });

  it("counts problems and questions with each language's plural forms", () => {
    const en = (count: number, problems: number) => text("en").importFailed({ count, problems });
    const ru = (count: number, problems: number) => text("ru").importFailed({ count, problems });
    expect(en(1, 1)).toBe("Nothing was imported: 1 problem in 1 question. Fix it and import the file again:");
    expect(en(3, 2)).toBe(
      "Nothing was imported: 2 problems in 3 questions. Fix them and import the file again:",
    );
    expect(ru(1, 1)).toBe(
      "Ничего не импортировано: 1 ошибка в 1 вопросе. Исправьте её и импортируйте файл снова:",
    );
    expect(ru(3, 2)).toBe(
      "Ничего не импортировано: 2 ошибки в 3 вопросах. Исправьте их и импортируйте файл снова:",
    );
    expect(ru(21, 21)).toBe(
      "Ничего не импортировано: 21 ошибка в 21 вопросе. Исправьте их и импортируйте файл снова:",
    );
    expect(ru(12, 5)).toBe(
      "Ничего не импортировано: 5 ошибок в 12 вопросах. Исправьте их и импортируйте файл снова:",
    );
  });

  it("chooses the Russian form CLDR's plural rules choose, for any count", () => {
    const rules = new Intl.PluralRules("ru");
    const forms = { one: "ошибка", few: "ошибки", many: "ошибок" } as const;
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), (n) => {
        const category = rules.select(n) as keyof typeof forms;
        expect(pluralRu(n, forms.one, forms.few, forms.many)).toBe(forms[category]);
      }),
      { numRuns: 2000, seed: 1917 },
    );
  });
});
