// What a round can be about: an era of the Secretariat's history or a kind of question, for the
// built-in questions; for a server's own set, the categories its authors gave.
import type { Dataset } from "../data/build.js";
import { eventSpan, termStart } from "../data/build.js";
import { claimBounds } from "../dates/calendar.js";
import type { Question, QuestionKind } from "./questions/model.js";
import { QUESTION_KINDS } from "./questions/model.js";

/** The eras, each from its first day; a question belongs to the era of its main subject's start. */
export const ERAS = [
  { id: "revolution", from: "1917-01-01" },
  { id: "stalin", from: "1922-04-03" },
  { id: "thaw", from: "1953-03-05" },
  { id: "stagnation", from: "1964-10-14" },
  { id: "perestroika", from: "1985-03-11" },
] as const;

export type EraId = (typeof ERAS)[number]["id"];

/** A category as a round stores it: "era:thaw", "kind:successor", or "set:<the authors' text>". */
export type CategoryKey = `era:${EraId}` | `kind:${QuestionKind}` | `set:${string}`;

const eraOfDay = (day: string): EraId => {
  let era: EraId = "revolution";
  for (const e of ERAS) if (day >= e.from) era = e.id;
  return era;
};

/** The day a question is anchored in: its main subject's first leading term, event or office. */
function anchorDay(ds: Dataset, q: Question): string | null {
  for (const id of q.subjects) {
    const terms = (ds.termsByPerson.get(id) ?? []).filter((t) => ds.chainByTerm.has(t.id));
    if (terms[0]) return termStart(terms[0]);
    const event = ds.events.find((e) => e.id === id);
    if (event) return eventSpan(event).from;
    const office = ds.officeById.get(id);
    if (office?.periods[0]) return claimBounds(office.periods[0].from).from;
  }
  return null;
}

export function eraOf(ds: Dataset, q: Question): EraId | null {
  const day = anchorDay(ds, q);
  return day ? eraOfDay(day) : null;
}

export function isCategoryKey(key: string): key is CategoryKey {
  const [type, value = ""] = key.split(/:(.*)/s);
  if (type === "era") return ERAS.some((e) => e.id === value);
  if (type === "kind") return (QUESTION_KINDS as readonly string[]).includes(value);
  return type === "set" && value.trim().length > 0;
}

/** Whether a built-in question is in a category (a set's category never matches a built-in one). */
export function inCategory(ds: Dataset, q: Question, key: CategoryKey): boolean {
  if (key.startsWith("era:")) return eraOf(ds, q) === key.slice(4);
  if (key.startsWith("kind:")) return q.kind === key.slice(5);
  return false;
}
