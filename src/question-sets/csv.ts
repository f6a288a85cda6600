// CSV as RFC 4180 describes it (fields separated by commas, records by CRLF or LF, fields in
// double quotes may hold commas, line breaks and doubled quotes), read with the line each record
// starts on, so that an error can name the line a teacher sees in their editor; and written, with
// the text a user controls kept from running as a formula in a spreadsheet (CSV injection).

export interface CsvRecord {
  /** 1-based line of the file on which the record starts. */
  line: number;
  fields: string[];
}

export type CsvResult =
  | { ok: true; records: CsvRecord[] }
  | { ok: false; line: number; problem: "unclosed-quote" | "text-after-quote" };

export function parseCsv(input: string): CsvResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  /** Whether the current record has anything in it yet (a quoted empty field counts). */
  let started = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    // A blank line is no record.
    if (started || fields.length > 1 || field !== "") records.push({ line: recordLine, fields });
    fields = [];
    field = "";
    started = false;
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"' && field === "") {
      // A quoted field, up to its closing quote; "" inside it is a quote.
      const opened = line;
      started = true;
      i++;
      for (;;) {
        if (i >= text.length) return { ok: false, line: opened, problem: "unclosed-quote" };
        const q = text[i] as string;
        i++;
        if (q === '"') {
          if (text[i] !== '"') break;
          i++;
        } else if (q === "\n") line++;
        field += q;
      }
      const next = text[i];
      if (next !== undefined && next !== "," && next !== "\n" && next !== "\r")
        return { ok: false, line, problem: "text-after-quote" };
      continue;
    }
    if (c === ",") {
      fields.push(field);
      field = "";
      started = true;
      i++;
      continue;
    }
    if (c === "\r" || c === "\n") {
      endRecord();
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += c;
    i++;
  }
  if (started || field !== "" || fields.length > 0) endRecord();
  return { ok: true, records };
}

/** One field as CSV writes it: quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A cell the bot makes itself (an id, a date, a figure it formatted): written exactly as it is. */
export interface VerbatimCell {
  readonly verbatim: string;
}
export const verbatim = (value: string | number): VerbatimCell => ({ verbatim: String(value) });

/**
 * A cell of a CSV file the bot writes. A string is text that a user or an imported set controls (a
 * display name, a question): it is neutralised, so a spreadsheet shows it as text and never runs it
 * as a formula. A number, or a `verbatim` cell, is the bot's own and is written as it is.
 */
export type CsvCell = string | number | VerbatimCell;

/**
 * Where a spreadsheet would read a formula (OWASP's list: =, +, -, @, tab, carriage return), and a
 * leading quote itself, so that the one quote added can always be taken off again.
 */
const FORMULA_START = /^[=+\-@\t\r']/;

/** Text as a CSV cell: prefixed with a single quote when it starts like a formula (or a quote). */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text a neutralised cell was written from: the one leading quote `neutralise` added, taken off. */
export function unneutralise(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

/**
 * The one CSV writer for what the bot exports: one record, RFC 4180, with every text cell
 * neutralised (see CsvCell).
 */
export function csvLine(cells: readonly CsvCell[]): string {
  return cells
    .map((c) =>
      csvField(typeof c === "string" ? neutralise(c) : typeof c === "number" ? String(c) : c.verbatim),
    )
    .join(",");
}
