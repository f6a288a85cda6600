// `cli questions validate FILE [--json]`: a question set checked exactly as /trivia import checks
// it, with the report a teacher can act on before uploading. The file is read as the console reads
// an attachment: a regular file only, and never past the limit.
import { basename } from "node:path";
import { checkLocalFile, LocalFileError, readLocalFile } from "../console/local-file.js";
import { localFileMessage } from "../console/slash.js";
import { text } from "../i18n/index.js";
import { parseQuestionFile, SET_LIMITS } from "../question-sets/parse.js";

export interface ValidationReport {
  ok: boolean;
  questions: number;
  errors: { line: number | null; path: string; message: string }[];
}

const ENGLISH = { locale: "en-US" };

const unreadable = (message: string): ValidationReport => ({
  ok: false,
  questions: 0,
  errors: [{ line: null, path: "", message }],
});

/** A file larger than the limit, by its size, as /trivia import reports it. */
const tooBig = (bytes: number) => unreadable(text("en").importProblem({ code: "too-big", bytes }));

export async function validateQuestionFile(path: string): Promise<ValidationReport> {
  const file = checkLocalFile(path);
  if (!file.ok) return unreadable(localFileMessage(ENGLISH, path, file.problem));
  if (file.size > SET_LIMITS.bytes) return tooBig(file.size);
  let bytes: Uint8Array;
  try {
    bytes = await readLocalFile(path, SET_LIMITS.bytes);
  } catch (err) {
    if (err instanceof LocalFileError) return unreadable(localFileMessage(ENGLISH, path, err.problem));
    throw err;
  }
  if (bytes.byteLength > SET_LIMITS.bytes) return tooBig(bytes.byteLength);
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
