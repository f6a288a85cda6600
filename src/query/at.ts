import type { Dataset } from "../data/load.js";
import type { Basis } from "../data/schema.js";
import { dateProblemText } from "../i18n/dates.js";
import { answerWhen, type HolderHit, type WhenAnswer, type WhenOptions } from "./when.js";

/** One holder in the `at` contract; fields after `basis` extend the contract. */
export interface AtHolder {
  person: string;
  office: string;
  start: string;
  end: string | null;
  basis: Basis;
  term: string;
  startPrecision: string;
  endPrecision: string | null;
  endedByDeath: boolean;
  certain: boolean;
  /** Disputes recorded on the term (`disputes.json` ids). */
  disputes: string[];
  /** The dispute over this holding's place in the order of holders, if any. */
  orderDisputed: string | null;
}

export type AtAnswer =
  | {
      query: string;
      ok: true;
      from: string;
      to: string;
      precision: string;
      holders: AtHolder[];
      note: string;
      vacancies: { from: string; to: string }[];
      readings?: { from: string; to: string; label: string; holders: string[] }[];
    }
  | { query: string; ok: false; error: string };

function toAtHolder(h: HolderHit): AtHolder {
  return {
    person: h.person.id,
    office: h.office.id,
    start: h.start,
    end: h.end,
    basis: h.term.basis,
    term: h.term.id,
    startPrecision: h.term.start.precision,
    endPrecision: h.term.end?.precision ?? null,
    endedByDeath: h.term.endedByDeath,
    certain: h.certain,
    disputes: [...h.term.disputes],
    orderDisputed: h.term.orderDisputed ?? null,
  };
}

/** The CLI's `at` answer: the contract's JSON object for one query. */
export function atAnswer(ds: Dataset, query: string, options: WhenOptions = {}): AtAnswer {
  const { parsed, answers } = answerWhen(ds, query, options);
  if (!parsed.ok) return { query, ok: false, error: dateProblemText("en", parsed.problem) };
  const first = answers[0] as WhenAnswer;
  if (answers.length === 1) {
    return {
      query,
      ok: true,
      from: first.reading.from,
      to: first.reading.to,
      precision: first.reading.precision,
      holders: first.holders.map(toAtHolder),
      note: first.note,
      vacancies: first.vacancies.map((v) => ({ from: v.from, to: v.to })),
    };
  }
  // Valid day-first and month-first (03/05/1953): answer for both readings and say so.
  const holders = new Map<string, AtHolder>();
  for (const a of answers) for (const h of a.holders) holders.set(h.term.id, toAtHolder(h));
  const labels = answers.map((a) => a.reading.label);
  return {
    query,
    ok: true,
    from: answers.map((a) => a.reading.from).sort()[0] as string,
    to: answers
      .map((a) => a.reading.to)
      .sort()
      .at(-1) as string,
    precision: first.reading.precision,
    holders: [...holders.values()].sort((a, b) => a.start.localeCompare(b.start)),
    note: `"${query.trim()}" can be read two ways: ${labels.join(" or ")}. ${answers.map((a) => a.note).join(" ")}`,
    vacancies: answers.flatMap((a) => a.vacancies.map((v) => ({ from: v.from, to: v.to }))),
    readings: answers.map((a) => ({
      from: a.reading.from,
      to: a.reading.to,
      label: a.reading.label,
      holders: a.holders.map((h) => h.person.id),
    })),
  };
}
