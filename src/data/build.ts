// The dataset from its records: indexes, every cross-reference and date checked, the leading-office
// chain. No schema library here: the records arrive parsed (./load.ts checks each one against the
// zod schemas; ./shipped.ts skips that for files already checked with the same schemas).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { claimBounds, type DayInterval, isRealClaim } from "../dates/calendar.js";
import type {
  Claim,
  DateClaim,
  Dispute,
  GlossaryTerm,
  HistoricalEvent,
  Office,
  Person,
  Source,
  Term,
} from "./schema.js";

export class DatasetError extends Error {
  constructor(
    readonly file: string,
    readonly record: string,
    readonly field: string,
    detail: string,
  ) {
    super(`data/${file}: record ${record}, field ${field || "(whole record)"}: ${detail}`);
    this.name = "DatasetError";
  }
}

/** A file's records as JSON, or a DatasetError naming the file. */
export function readRecords(dir: string, file: string): unknown[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dir, file), "utf8"));
  } catch (err) {
    throw new DatasetError(file, "-", "-", err instanceof Error ? err.message : String(err));
  }
  if (!Array.isArray(raw)) throw new DatasetError(file, "-", "-", "expected a JSON array of records");
  return raw;
}

/** A term placed in the party's leading-office chain, with its neighbours by different people. */
export interface ChainLink {
  term: Term;
  /** Index in `Dataset.leadership`. */
  index: number;
  predecessor: Term | null;
  successor: Term | null;
  /**
   * The dispute over the order on this side of the holding, if any: on a holding whose place is
   * disputed (both sides, no neighbours); on the holdings next to it; and on every link to or from a
   * person the dispute is about, since the sources order those people differently (the link then
   * follows the account the dispute marks as used, and says so).
   */
  predecessorDisputed: string | null;
  successorDisputed: string | null;
}

export interface Dataset {
  readonly sources: readonly Source[];
  readonly people: readonly Person[];
  readonly offices: readonly Office[];
  readonly terms: readonly Term[];
  readonly events: readonly HistoricalEvent[];
  readonly disputes: readonly Dispute[];
  readonly claims: readonly Claim[];
  /** How each office, body, congress, plenum and party name is put in Russian (data/glossary.json). */
  readonly glossary: readonly GlossaryTerm[];
  readonly sourceById: ReadonlyMap<string, Source>;
  readonly personById: ReadonlyMap<string, Person>;
  readonly officeById: ReadonlyMap<string, Office>;
  readonly termById: ReadonlyMap<string, Term>;
  readonly disputeById: ReadonlyMap<string, Dispute>;
  readonly termsByOffice: ReadonlyMap<string, readonly Term[]>;
  readonly termsByPerson: ReadonlyMap<string, readonly Term[]>;
  readonly claimsBySubject: ReadonlyMap<string, readonly Claim[]>;
  readonly disputesBySubject: ReadonlyMap<string, readonly Dispute[]>;
  /** Terms of the leading offices (technical secretary … general secretary), in order of start. */
  readonly leadership: readonly Term[];
  readonly chainByTerm: ReadonlyMap<string, ChainLink>;
  /** The days the party's leadership existed: from the Secretariat's founding to the ban. */
  readonly leadershipSpan: { from: string; to: string; suspended: string; banned: string };
}

function byId<T extends { id: string }>(file: string, items: T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    if (map.has(item.id)) throw new DatasetError(file, item.id, "id", "duplicate id");
    map.set(item.id, item);
  }
  return map;
}

function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const list = map.get(key);
      if (list) list.push(item);
      else map.set(key, [item]);
    }
  }
  return map;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value as object)) deepFreeze(inner);
  }
  return value;
}

export const termStart = (t: Term): string => claimBounds(t.start).from;
export const termEnd = (t: Term): string | null => (t.end ? claimBounds(t.end).to : null);

/** Every day an event can have covered: from its date to its `until`, each at its precision. */
export const eventSpan = (e: HistoricalEvent): DayInterval => ({
  from: claimBounds(e.date).from,
  to: claimBounds(e.until ?? e.date).to,
});

/** Checks every reference and date; throws a DatasetError naming file, record and field. */
function validate(d: Omit<Dataset, "leadership" | "chainByTerm" | "leadershipSpan">): void {
  const checkSources = (file: string, record: string, field: string, ids: readonly string[]) => {
    for (const id of ids) {
      if (!d.sourceById.has(id)) throw new DatasetError(file, record, field, `unknown source "${id}"`);
    }
  };
  const checkDate = (file: string, record: string, field: string, claim: DateClaim | null) => {
    if (!claim) return;
    checkSources(file, record, `${field}.sources`, claim.sources);
    if (!isRealClaim(claim))
      throw new DatasetError(file, record, field, `"${claim.date}" is not a real date`);
  };
  const checkPerson = (file: string, record: string, field: string, id: string) => {
    if (!d.personById.has(id)) throw new DatasetError(file, record, field, `unknown person "${id}"`);
  };
  const checkOffice = (file: string, record: string, field: string, id: string | null | undefined) => {
    if (id && !d.officeById.has(id)) throw new DatasetError(file, record, field, `unknown office "${id}"`);
  };
  const checkSubject = (file: string, record: string, id: string) => {
    if (!d.personById.has(id) && !d.officeById.has(id)) {
      throw new DatasetError(file, record, "subjects", `unknown person or office "${id}"`);
    }
  };

  for (const p of d.people) {
    checkSources("people.json", p.id, "sources", p.sources);
    checkSources("people.json", p.id, "namesSources", p.namesSources);
    p.variants.forEach((v, i) => checkSources("people.json", p.id, `variants.${i}.sources`, v.sources));
    p.facts.forEach((f, i) => checkSources("people.json", p.id, `facts.${i}.sources`, f.sources));
    p.roles.forEach((r, i) => {
      checkSources("people.json", p.id, `roles.${i}.sources`, r.sources);
      checkOffice("people.json", p.id, `roles.${i}.office`, r.office);
    });
    checkDate("people.json", p.id, "died", p.died);
  }
  for (const o of d.offices) {
    checkSources("offices.json", o.id, "sources", o.sources);
    checkOffice("offices.json", o.id, "predecessor", o.predecessor);
    checkOffice("offices.json", o.id, "successor", o.successor);
    checkOffice("offices.json", o.id, "partOf", o.partOf);
    o.periods.forEach((p, i) => {
      checkDate("offices.json", o.id, `periods.${i}.from`, p.from);
      checkDate("offices.json", o.id, `periods.${i}.to`, p.to);
      if (p.note !== undefined && !p.noteSources)
        throw new DatasetError("offices.json", o.id, `periods.${i}.noteSources`, "a note needs its sources");
      if (p.noteSources) checkSources("offices.json", o.id, `periods.${i}.noteSources`, p.noteSources);
    });
    for (const side of ["predecessorDisputed", "successorDisputed"] as const) {
      const id = o[side];
      if (id !== undefined && !d.disputeById.get(id)?.subjects.includes(o.id))
        throw new DatasetError("offices.json", o.id, side, `must be a dispute about this office`);
    }
    for (const [key, list] of [
      ["purpose", o.purpose],
      ["facts", o.facts],
      ["titles", o.titles],
    ] as const) {
      list.forEach((f, i) => checkSources("offices.json", o.id, `${key}.${i}.sources`, f.sources));
    }
    for (const [key, value] of Object.entries(o.infobox)) {
      checkSources("offices.json", o.id, `infobox.${key}.sources`, value.sources);
    }
  }
  for (const t of d.terms) {
    checkPerson("terms.json", t.id, "person", t.person);
    checkOffice("terms.json", t.id, "office", t.office);
    checkSources("terms.json", t.id, "sources", t.sources);
    checkDate("terms.json", t.id, "start", t.start);
    checkDate("terms.json", t.id, "end", t.end);
    t.notes.forEach((n, i) => checkSources("terms.json", t.id, `notes.${i}.sources`, n.sources));
    t.statedDurations.forEach((n, i) =>
      checkSources("terms.json", t.id, `statedDurations.${i}.sources`, n.sources),
    );
    for (const id of t.disputes) {
      if (!d.disputeById.has(id))
        throw new DatasetError("terms.json", t.id, "disputes", `unknown dispute "${id}"`);
    }
    if (t.orderDisputed !== undefined && !t.disputes.includes(t.orderDisputed)) {
      throw new DatasetError("terms.json", t.id, "orderDisputed", "must be one of the term's disputes");
    }
    if (t.titleDisputed) {
      if (!t.disputes.includes(t.titleDisputed.dispute))
        throw new DatasetError("terms.json", t.id, "titleDisputed", "must be one of the term's disputes");
      checkDate("terms.json", t.id, "titleDisputed.from", t.titleDisputed.from);
    }
    const end = termEnd(t);
    if (end !== null && claimBounds(t.start).from > end) {
      throw new DatasetError("terms.json", t.id, "end", "the term ends before it starts");
    }
  }
  for (const e of d.events) {
    checkDate("events.json", e.id, "date", e.date);
    checkDate("events.json", e.id, "until", e.until ?? null);
    if (e.until && claimBounds(e.until).from < claimBounds(e.date).to)
      throw new DatasetError("events.json", e.id, "until", "the event ends before it starts");
    checkSources("events.json", e.id, "sources", e.sources);
    e.people.forEach((p) => checkPerson("events.json", e.id, "people", p));
    e.offices.forEach((o) => checkOffice("events.json", e.id, "offices", o));
    for (const id of e.disputes ?? []) {
      if (!d.disputeById.has(id))
        throw new DatasetError("events.json", e.id, "disputes", `unknown dispute "${id}"`);
    }
  }
  for (const x of d.disputes) {
    x.subjects.forEach((s) => checkSubject("disputes.json", x.id, s));
    x.claims.forEach((c, i) => checkSources("disputes.json", x.id, `claims.${i}.sources`, c.sources));
  }
  for (const c of d.claims) {
    checkSources("claims.json", c.id, "source", [c.source]);
    c.subjects.forEach((s) => checkSubject("claims.json", c.id, s));
  }
}

const BASIS_ORDER = { "de jure": 0, acting: 1, "de facto": 2 } as const;

function buildChain(
  terms: readonly Term[],
  offices: ReadonlyMap<string, Office>,
  disputes: ReadonlyMap<string, Dispute>,
) {
  const leadership = terms
    .filter((t) => offices.get(t.office)?.leading)
    .slice()
    .sort(
      (a, b) =>
        termStart(a).localeCompare(termStart(b)) ||
        (termEnd(a) ?? "9999").localeCompare(termEnd(b) ?? "9999") ||
        BASIS_ORDER[a.basis] - BASIS_ORDER[b.basis],
    );
  // The people whose order the sources dispute, with the dispute: any link to or from them is one
  // account among several.
  const orderOf = new Map<string, string>();
  for (const t of terms) {
    if (!t.orderDisputed) continue;
    for (const s of disputes.get(t.orderDisputed)?.subjects ?? []) orderOf.set(s, t.orderDisputed);
  }
  const chainByTerm = new Map<string, ChainLink>();
  // A holding whose place in the order is disputed links to nobody, and nobody links to it.
  const linked = (t: Term | undefined, person: string): t is Term =>
    t !== undefined && t.person !== person && t.orderDisputed === undefined;
  leadership.forEach((term, index) => {
    if (term.orderDisputed !== undefined) {
      const own = term.orderDisputed;
      chainByTerm.set(term.id, {
        term,
        index,
        predecessor: null,
        successor: null,
        predecessorDisputed: own,
        successorDisputed: own,
      });
      return;
    }
    let predecessor: Term | null = null;
    let successor: Term | null = null;
    for (let i = index - 1; i >= 0 && !predecessor; i--) {
      const t = leadership[i];
      if (linked(t, term.person)) predecessor = t;
    }
    for (let i = index + 1; i < leadership.length && !successor; i++) {
      const t = leadership[i];
      if (linked(t, term.person)) successor = t;
    }
    const side = (next: Term | undefined, neighbour: Term | null): string | null =>
      next?.orderDisputed ??
      (neighbour ? (orderOf.get(term.person) ?? orderOf.get(neighbour.person) ?? null) : null);
    chainByTerm.set(term.id, {
      term,
      index,
      predecessor,
      successor,
      predecessorDisputed: side(leadership[index - 1], predecessor),
      successorDisputed: side(leadership[index + 1], successor),
    });
  });
  return { leadership, chainByTerm };
}

/**
 * One English phrase, one Russian rendering: a phrase listed under two terms would let two texts
 * translate it differently, and each term needs a form a Russian text can be checked for.
 */
function checkGlossary(glossary: GlossaryTerm[]): void {
  byId("glossary.json", glossary);
  const owner = new Map<string, string>();
  for (const term of glossary) {
    for (const phrase of term.en) {
      const key = phrase.toLowerCase();
      const other = owner.get(key);
      if (other !== undefined && other !== term.id)
        throw new DatasetError("glossary.json", term.id, "en", `"${phrase}" is already a term of ${other}`);
      owner.set(key, term.id);
    }
    if (term.from !== undefined && term.to !== undefined && term.from > term.to)
      throw new DatasetError("glossary.json", term.id, "from", `${term.from} is after ${term.to}`);
  }
}

/** The dataset's files and the record type each holds. */
export interface DatasetRecords {
  sources: Source[];
  people: Person[];
  offices: Office[];
  terms: Term[];
  events: HistoricalEvent[];
  disputes: Dispute[];
  claims: Claim[];
  glossary: GlossaryTerm[];
}

export const DATASET_FILES = {
  sources: "sources.json",
  people: "people.json",
  offices: "offices.json",
  terms: "terms.json",
  events: "events.json",
  disputes: "disputes.json",
  claims: "claims.json",
  glossary: "glossary.json",
} as const satisfies Record<keyof DatasetRecords, string>;

/** Indexes and checks parsed records. The result is deeply frozen. */
export function assembleDataset(records: DatasetRecords): Dataset {
  const { sources, people, offices, terms, events, disputes, claims, glossary } = records;

  events.sort((a, b) => eventSpan(a).from.localeCompare(eventSpan(b).from));
  const byStart = (a: Term, b: Term) => termStart(a).localeCompare(termStart(b));

  const base = {
    sources,
    people,
    offices,
    terms,
    events,
    disputes,
    claims,
    glossary,
    sourceById: byId("sources.json", sources),
    personById: byId("people.json", people),
    officeById: byId("offices.json", offices),
    termById: byId("terms.json", terms),
    disputeById: byId("disputes.json", disputes),
    termsByOffice: groupBy(terms.slice().sort(byStart), (t) => [t.office]),
    termsByPerson: groupBy(terms.slice().sort(byStart), (t) => [t.person]),
    claimsBySubject: groupBy(claims, (c) => c.subjects),
    disputesBySubject: groupBy(disputes, (x) => x.subjects),
  };
  byId("events.json", events);
  byId("claims.json", claims);
  checkGlossary(glossary);
  validate(base);
  const { leadership, chainByTerm } = buildChain(terms, base.officeById, base.disputeById);
  const suspended = events.find((e) => e.id === "party-suspended")?.date.date ?? "1991-08-29";
  const banned = events.find((e) => e.id === "party-banned")?.date.date ?? "1991-11-06";
  const founded = events.find((e) => e.id === "secretariat-founded")?.date.date ?? "1917-08-06";
  return deepFreeze({
    ...base,
    leadership,
    chainByTerm,
    leadershipSpan: { from: founded, to: suspended, suspended, banned },
  });
}
