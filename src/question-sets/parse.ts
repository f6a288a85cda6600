// A study group's own questions, from a JSON or CSV file: read, every row checked against the
// limits Discord sets (a question fits a message, an answer a button), and either all of it or
// none of it accepted, with every problem named by its CSV line or JSON path. Its text is
// sanitised as it comes in (src/text/sanitize.ts), and a problem quotes at most the one cell that
// is wrong, clipped: a file that is not a question file at all (a password file given by mistake)
// is never echoed back.
import { ANSWER_SHOWN_MAX, answerLabelText } from "../text/answer-label.js";
import { clip } from "../text/clip.js";
import { sanitizeLine, sanitizeText } from "../text/sanitize.js";
import { parseCsv } from "./csv.js";

export const SET_LIMITS = {
  bytes: 1024 * 1024,
  questions: 500,
  question: 300,
  /** An answer is a button label. */
  answer: 80,
  explanation: 1000,
  source: 300,
  category: 50,
  name: 100,
  minWrong: 1,
  maxWrong: 4,
} as const;

export const DIFFICULTIES = ["easy", "medium", "hard"] as const;
export type SetDifficulty = (typeof DIFFICULTIES)[number];

export interface ImportedQuestion {
  question: string;
  correct: string;
  wrong: string[];
  explanation?: string;
  source?: string;
  category?: string;
  difficulty?: SetDifficulty;
}

/** What is wrong, as a code and its values; src/i18n words it in the user's language. */
export type ProblemCode =
  | { code: "too-big"; bytes: number }
  | { code: "too-many"; count: number }
  | { code: "empty-file" }
  | { code: "not-utf8" }
  | { code: "bad-json"; line: number | null; column: number | null }
  | { code: "bad-csv"; detail: "unclosed-quote" | "text-after-quote" }
  | { code: "not-an-object" }
  | { code: "not-a-set" }
  | { code: "semicolons" }
  | { code: "missing-column"; column: string }
  | { code: "unknown-column"; column: string }
  | { code: "no-header" }
  | { code: "required" }
  | { code: "not-text" }
  | { code: "too-long"; max: number; length: number }
  | { code: "wrong-count"; count: number }
  | { code: "duplicate-answer"; answer: string }
  | { code: "same-button"; other: string; label: string; visible: number }
  | { code: "correct-among-wrong" }
  | { code: "bad-difficulty"; value: string }
  | { code: "no-questions" };

export interface ImportError {
  /** The CSV line (1-based) the problem is on; null for JSON and for the whole file. */
  line: number | null;
  /** Where in the file: "questions[3].wrong[1]" (JSON) or the CSV column ("wrong2"). */
  path: string;
  problem: ProblemCode;
}

export type ImportResult =
  | { ok: true; name: string | null; questions: ImportedQuestion[] }
  | { ok: false; name: string | null; count: number; errors: ImportError[] };

export const CSV_COLUMNS = [
  "question",
  "correct",
  "wrong1",
  "wrong2",
  "wrong3",
  "wrong4",
  "explanation",
  "source",
  "category",
  "difficulty",
] as const;

/** Trim, then compare without case: "Stalin " and "stalin" are the same answer. */
const fold = (s: string) => s.trim().normalize("NFC").toLocaleLowerCase("und");

/** How much of a cell a problem may quote: enough to find it, never a whole line of the file. */
export const EXCERPT_MAX = 40;
const excerpt = (s: string) => clip(sanitizeLine(s).replace(/\s+/g, " ").trim(), EXCERPT_MAX);

/** One question's fields as found in the file, before checking; `at(field)` says where each is. */
interface RawQuestion {
  question: unknown;
  correct: unknown;
  wrong: unknown[];
  explanation: unknown;
  source: unknown;
  category: unknown;
  difficulty: unknown;
  at: (field: string) => { line: number | null; path: string };
  wrongPath: (i: number) => string;
}

function checkQuestion(raw: RawQuestion, errors: ImportError[]): ImportedQuestion | null {
  const before = errors.length;
  const add = (field: string, problem: ProblemCode) => errors.push({ ...raw.at(field), problem });
  const text = (field: string, value: unknown, max: number, required: boolean): string | undefined => {
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
      if (required) add(field, { code: "required" });
      return undefined;
    }
    if (typeof value !== "string") {
      add(field, { code: "not-text" });
      return undefined;
    }
    // Controls, escape sequences and bidi overrides go as the text comes in; an explanation keeps
    // its line breaks, everything else is one line.
    const trimmed = (field === "explanation" ? sanitizeText(value) : sanitizeLine(value)).trim();
    if (trimmed === "") {
      if (required) add(field, { code: "required" });
      return undefined;
    }
    if ([...trimmed].length > max) add(field, { code: "too-long", max, length: [...trimmed].length });
    return trimmed;
  };
  const question = text("question", raw.question, SET_LIMITS.question, true);
  const correct = text("correct", raw.correct, SET_LIMITS.answer, true);
  const wrong: string[] = [];
  /** Where each answer is in the file, for problems that concern two of them. */
  const answers: { field: string; value: string }[] =
    correct === undefined ? [] : [{ field: "correct", value: correct }];
  raw.wrong.forEach((w, i) => {
    const value = text(raw.wrongPath(i), w, SET_LIMITS.answer, false);
    if (value === undefined) return;
    wrong.push(value);
    answers.push({ field: raw.wrongPath(i), value });
  });
  if (wrong.length < SET_LIMITS.minWrong || wrong.length > SET_LIMITS.maxWrong)
    add("wrong", { code: "wrong-count", count: wrong.length });
  if (correct !== undefined && wrong.some((w) => fold(w) === fold(correct)))
    add("correct", { code: "correct-among-wrong" });
  const seen = new Set<string>();
  for (const w of wrong) {
    if (seen.has(fold(w))) add("wrong", { code: "duplicate-answer", answer: excerpt(w) });
    seen.add(fold(w));
  }
  // Distinct answers can still make identical buttons once each is cut to the label's limit: the
  // check renders each label exactly as the buttons do (src/text/answer-label.ts).
  const buttons = new Map<string, { field: string; value: string }>();
  answers.forEach((a, i) => {
    const label = answerLabelText(i, a.value);
    const before = buttons.get(fold(label));
    if (before && fold(before.value) !== fold(a.value))
      add(a.field, {
        code: "same-button",
        other: before.field,
        label: excerpt(label),
        visible: ANSWER_SHOWN_MAX,
      });
    if (!before) buttons.set(fold(label), a);
  });
  const explanation = text("explanation", raw.explanation, SET_LIMITS.explanation, false);
  const source = text("source", raw.source, SET_LIMITS.source, false);
  const category = text("category", raw.category, SET_LIMITS.category, false);
  const difficultyText = text("difficulty", raw.difficulty, 10, false)?.toLowerCase();
  if (difficultyText !== undefined && !(DIFFICULTIES as readonly string[]).includes(difficultyText))
    add("difficulty", { code: "bad-difficulty", value: excerpt(difficultyText) });
  if (errors.length > before || question === undefined || correct === undefined) return null;
  return {
    question,
    correct,
    wrong,
    ...(explanation ? { explanation } : {}),
    ...(source ? { source } : {}),
    ...(category ? { category } : {}),
    ...(difficultyText ? { difficulty: difficultyText as SetDifficulty } : {}),
  };
}

function fromJson(text: string, errors: ImportError[]): { name: string | null; raws: RawQuestion[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    // Where, not what: the parser's message may quote the file (`Unexpected token 'r', "root:x:0:0"…`).
    const at = /at position (\d+)/.exec(err instanceof Error ? err.message : "");
    const before = at ? text.slice(0, Number(at[1])).split("\n") : null;
    const line = before ? before.length : null;
    const column = before ? [...(before.at(-1) ?? "")].length + 1 : null;
    errors.push({ line: null, path: "", problem: { code: "bad-json", line, column } });
    return { name: null, raws: [] };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    errors.push({ line: null, path: "", problem: { code: "not-a-set" } });
    return { name: null, raws: [] };
  }
  const record = data as Record<string, unknown>;
  let name: string | null = null;
  if (record.name !== undefined) {
    if (typeof record.name !== "string")
      errors.push({ line: null, path: "name", problem: { code: "not-text" } });
    else if ([...record.name.trim()].length > SET_LIMITS.name)
      errors.push({
        line: null,
        path: "name",
        problem: { code: "too-long", max: SET_LIMITS.name, length: [...record.name.trim()].length },
      });
    else name = sanitizeLine(record.name).trim() || null;
  }
  if (!Array.isArray(record.questions)) {
    errors.push({ line: null, path: "questions", problem: { code: "required" } });
    return { name, raws: [] };
  }
  const raws: RawQuestion[] = [];
  record.questions.forEach((q, i) => {
    const base = `questions[${i}]`;
    if (typeof q !== "object" || q === null || Array.isArray(q)) {
      errors.push({ line: null, path: base, problem: { code: "not-an-object" } });
      return;
    }
    const o = q as Record<string, unknown>;
    let wrong: unknown[] = [];
    if (Array.isArray(o.wrong)) wrong = o.wrong;
    else if (o.wrong !== undefined)
      errors.push({ line: null, path: `${base}.wrong`, problem: { code: "not-text" } });
    raws.push({
      question: o.question,
      correct: o.correct,
      wrong,
      explanation: o.explanation,
      source: o.source,
      category: o.category,
      difficulty: o.difficulty,
      at: (field) => ({ line: null, path: `${base}.${field}` }),
      wrongPath: (w) => `wrong[${w}]`,
    });
  });
  return { name, raws };
}

function fromCsv(text: string, errors: ImportError[]): RawQuestion[] {
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    errors.push({ line: parsed.line, path: "", problem: { code: "bad-csv", detail: parsed.problem } });
    return [];
  }
  const [header, ...rows] = parsed.records;
  if (!header) return [];
  // Spreadsheets set to some European locales save "CSV" with semicolons.
  if (header.fields.length === 1 && (header.fields[0] ?? "").includes(";")) {
    errors.push({ line: header.line, path: "", problem: { code: "semicolons" } });
    return [];
  }
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const known = (c: string) => (CSV_COLUMNS as readonly string[]).includes(c);
  // A first line with none of the columns is no header: this is not a question file (or has lost
  // its header row), and its first line is nobody's business but the file's.
  if (!columns.some(known)) {
    errors.push({ line: header.line, path: "", problem: { code: "no-header" } });
    return [];
  }
  for (const c of columns)
    if (!known(c))
      errors.push({
        line: header.line,
        path: excerpt(c),
        problem: { code: "unknown-column", column: excerpt(c) },
      });
  for (const c of ["question", "correct", "wrong1"])
    if (!columns.includes(c))
      errors.push({ line: header.line, path: c, problem: { code: "missing-column", column: c } });
  if (errors.length > 0) return [];
  return rows.map((row) => {
    const get = (c: string) => {
      const index = columns.indexOf(c);
      return index < 0 ? undefined : (row.fields[index] ?? "");
    };
    return {
      question: get("question"),
      correct: get("correct"),
      wrong: ["wrong1", "wrong2", "wrong3", "wrong4"].map(get),
      explanation: get("explanation"),
      source: get("source"),
      category: get("category"),
      difficulty: get("difficulty"),
      at: (field) => ({ line: row.line, path: field }),
      wrongPath: (w) => `wrong${w + 1}`,
    };
  });
}

/** Whether a file is JSON: by its name, or else by its first character. */
function isJson(fileName: string, text: string): boolean {
  if (/\.json$/i.test(fileName)) return true;
  if (/\.csv$/i.test(fileName)) return false;
  return /^\s*[{[]/.test(text.replace(/^\ufeff/, ""));
}

/** Reads and checks a question file; all of it or none of it. */
export function parseQuestionFile(fileName: string, bytes: Uint8Array): ImportResult {
  const errors: ImportError[] = [];
  const fail = (problem: ProblemCode): ImportResult => ({
    ok: false,
    name: null,
    count: 0,
    errors: [{ line: null, path: "", problem }],
  });
  if (bytes.byteLength > SET_LIMITS.bytes) return fail({ code: "too-big", bytes: bytes.byteLength });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail({ code: "not-utf8" });
  }
  if (text.replace(/^\ufeff/, "").trim() === "") return fail({ code: "empty-file" });
  let name: string | null = null;
  let raws: RawQuestion[];
  if (isJson(fileName, text)) ({ name, raws } = fromJson(text.replace(/^\ufeff/, ""), errors));
  else raws = fromCsv(text, errors);
  if (raws.length > SET_LIMITS.questions)
    errors.push({ line: null, path: "", problem: { code: "too-many", count: raws.length } });
  const questions = raws
    .map((r) => checkQuestion(r, errors))
    .filter((q): q is ImportedQuestion => q !== null);
  if (errors.length === 0 && questions.length === 0)
    errors.push({ line: null, path: "questions", problem: { code: "no-questions" } });
  if (errors.length > 0) return { ok: false, name, count: raws.length, errors };
  return { ok: true, name, questions };
}
