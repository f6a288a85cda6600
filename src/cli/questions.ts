// `cli questions validate FILE [--json]`: a question set checked exactly as /trivia import checks
// it, with the report a teacher can act on before uploading.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { text } from "../i18n/index.js";
import { parseQuestionFile } from "../question-sets/parse.js";

export interface ValidationReport {
  ok: boolean;
  questions: number;
  errors: { line: number | null; path: string; message: string }[];
}

export function validateQuestionFile(path: string): ValidationReport {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(err);
    return {
      ok: false,
      questions: 0,
      errors: [{ line: null, path: "", message: `Cannot read ${path}: ${reason}.` }],
    };
  }
  const result = parseQuestionFile(basename(path), bytes);
  if (result.ok) return { ok: true, questions: result.questions.length, errors: [] };
  return {
    ok: false,
    questions: result.count,
    errors: result.errors.map((e) => ({
      line: e.line,
      path: e.path,
      message: text("en").importProblem(e.problem),
    })),
  };
}
