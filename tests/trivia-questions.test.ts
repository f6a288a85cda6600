import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadDataset, termStart } from "../src/data/load.js";
import type { Person, Term } from "../src/data/schema.js";
import { claimBounds, daysBetween } from "../src/dates/calendar.js";
import { describeTermLength, durationBetween } from "../src/dates/duration.js";
import { parseFuzzyDate } from "../src/dates/parse.js";
import { formatDay } from "../src/query/format.js";
import { findHolders } from "../src/query/when.js";
import {
  allQuestions,
  generateQuestions,
  QUESTION_KINDS,
  QUESTION_LIMITS,
  type Question,
  type QuestionKind,
  questionById,
} from "../src/trivia/questions.js";
import { createRng, hashString, mulberry32 } from "../src/trivia/random.js";
import { engine } from "./helpers.js";

const ds = engine().dataset;
const all = allQuestions(ds);
const ofKind = (kind: QuestionKind) => all.filter((q) => q.kind === kind);

const personByName = new Map(ds.people.map((p) => [p.name, p]));
const leaders = [...new Set(ds.leadership.map((t) => t.person))].map((id) => ds.personById.get(id) as Person);
const leaderBySurname = new Map(leaders.map((p) => [p.name.split(" ").at(-1) as string, p]));
const officeByName = new Map(ds.offices.map((o) => [o.name, o]));
const leadingOfficeNames = new Set(ds.offices.filter((o) => o.leading).map((o) => o.name));
const eventIds = new Set(ds.events.map((e) => e.id));

const right = (q: Question) => q.choices[q.answer] as string;
const wrong = (q: Question) => q.choices.filter((_, i) => i !== q.answer);
const termsOf = (personId: string) => ds.leadership.filter((t) => t.person === personId);

function person(name: string): Person {
  const p = personByName.get(name);
  if (!p) throw new Error(`no person named "${name}"`);
  return p;
}

/** The strict test for date and duration questions: no dispute touches the term at all. */
function disputed(t: Term): boolean {
  return (
    t.disputes.length > 0 ||
    ds.disputes.some((d) => d.subjects.includes(t.person) || d.subjects.includes(t.id))
  );
}

function dayIn(prompt: string): string {
  const m = /(\d{1,2} [A-Z][a-z]+ \d{4})/.exec(prompt);
  if (!m?.[1]) throw new Error(`no date in "${prompt}"`);
  const parsed = parseFuzzyDate(m[1]);
  if (!parsed.ok || parsed.readings.length !== 1) throw new Error(`unparsable date in "${prompt}"`);
  const reading = parsed.readings[0];
  expect(reading?.from).toBe(reading?.to);
  return reading?.from as string;
}

function termOf(personId: string, officeName: string): Term {
  const office = officeByName.get(officeName);
  const found = termsOf(personId).filter((t) => t.office === office?.id && t.basis === "de jure");
  expect(found, `${personId} as ${officeName}`).toHaveLength(1);
  return found[0] as Term;
}

/** Whom the chain puts after (or before) a person's terms, counting only distinct people. */
function chainNeighbours(personId: string, side: "successor" | "predecessor"): Set<string> {
  const out = new Set<string>();
  for (const t of termsOf(personId)) {
    const other = ds.chainByTerm.get(t.id)?.[side];
    if (other) out.add(other.person);
  }
  return out;
}

/** Events a (possibly shortened) choice stands for. */
function eventsFor(choice: string) {
  const stem = choice.replace(/…$/, "");
  return ds.events.filter((e) => e.title === choice || e.title.includes(stem));
}

describe("the question pool", () => {
  it("has every kind, and every difficulty", () => {
    for (const kind of QUESTION_KINDS) expect(ofKind(kind).length, kind).toBeGreaterThan(0);
    for (const d of ["easy", "medium", "hard"]) expect(all.some((q) => q.difficulty === d)).toBe(true);
  });

  it("keeps every limit and shape", () => {
    for (const q of all) {
      const label = q.id;
      expect(q.id).toMatch(/^[a-z0-9:-]+$/);
      expect(q.id.length, label).toBeLessThanOrEqual(QUESTION_LIMITS.id);
      expect(q.id.startsWith(`${q.kind}:`), label).toBe(true);
      expect(q.prompt.length, label).toBeLessThanOrEqual(250);
      expect(q.explanation.length, label).toBeGreaterThan(20);
      expect(q.explanation.length, label).toBeLessThanOrEqual(600);
      expect(q.choices.length, label).toBe(q.kind === "true-false" ? 2 : 4);
      if (q.kind === "true-false") expect(q.choices).toEqual(["True", "False"]);
      expect(new Set(q.choices).size, label).toBe(q.choices.length);
      for (const c of q.choices) {
        expect(c.trim().length, label).toBeGreaterThan(0);
        expect(c.length, label).toBeLessThanOrEqual(80);
      }
      expect(Number.isInteger(q.answer) && q.answer >= 0 && q.answer < q.choices.length, label).toBe(true);
      expect(q.sources.length, label).toBeGreaterThan(0);
      for (const s of q.sources) {
        expect(ds.sourceById.has(s), `${label}: source ${s}`).toBe(true);
        expect(s, label).not.toBe("editorial");
      }
      expect(q.subjects.length, label).toBeGreaterThan(0);
      for (const s of q.subjects) {
        const known = ds.personById.has(s) || ds.officeById.has(s) || eventIds.has(s);
        expect(known, `${label}: subject ${s}`).toBe(true);
      }
    }
  });

  it("has unique ids that are stable across loads of the data", () => {
    const ids = all.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    const fresh = allQuestions(loadDataset());
    expect(fresh.map((q) => q.id)).toEqual(ids);
    expect(fresh).toEqual(all);
    expect(allQuestions(ds)).toEqual(all);
  });

  it("recomputes any question by id", () => {
    for (const q of all) expect(questionById(ds, q.id)).toEqual(q);
    expect(questionById(ds, "successor:nobody:00000000")).toBeUndefined();
    expect(questionById(ds, "")).toBeUndefined();
  });

  it("hands out copies, so callers cannot change the pool", () => {
    const q = allQuestions(ds)[0] as Question;
    q.choices.reverse();
    q.prompt = "changed";
    expect(allQuestions(ds)[0]).toEqual(all[0]);
  });

  it("spreads the right answer over the positions", () => {
    const four = all.filter((q) => q.choices.length === 4);
    const positions = new Set(four.map((q) => q.answer));
    expect(positions.size).toBe(4);
    const tf = ofKind("true-false");
    expect(tf.some((q) => q.answer === 0) && tf.some((q) => q.answer === 1)).toBe(true);
  });

  it("matches difficulty to how well known the subject is", () => {
    for (const q of all) {
      const main = ds.personById.get(q.subjects[0] as string);
      if (q.kind === "took-office" || q.kind === "duration") expect(q.difficulty, q.id).toBe("hard");
      if (!main) continue;
      if (q.difficulty === "easy") expect(main.prominence, q.id).toBe(1);
      if (q.difficulty === "medium") expect(main.prominence, q.id).toBeLessThanOrEqual(2);
      if (main.prominence === 3) expect(q.difficulty, q.id).toBe("hard");
    }
    for (const q of ofKind("order").filter((x) => x.difficulty === "easy")) {
      for (const s of q.subjects) expect(ds.personById.get(s)?.prominence, q.id).toBe(1);
    }
  });
});

describe("each kind, checked against the dataset", () => {
  it("successor: the chain's next person, after a de jure term", () => {
    for (const q of ofKind("successor")) {
      const a = q.subjects[0] as string;
      const answer = person(right(q));
      expect(chainNeighbours(a, "successor"), q.id).toContain(answer.id);
      const handover = ds.leadership.findIndex(
        (t, i) => t.person === a && ds.leadership[i + 1]?.person === answer.id,
      );
      expect(handover, q.id).toBeGreaterThanOrEqual(0);
      expect(ds.leadership[handover]?.basis, q.id).toBe("de jure");
      expect(["de jure", "acting"], q.id).toContain(ds.leadership[handover + 1]?.basis);
      for (const w of wrong(q)) {
        const p = person(w);
        expect(chainNeighbours(a, "successor").has(p.id), `${q.id}: ${w}`).toBe(false);
        expect(p.id, q.id).not.toBe(a);
        expect(termsOf(p.id).length, `${q.id}: ${w} led the party`).toBeGreaterThan(0);
      }
      expect(q.prompt).toContain(ds.personById.get(a)?.name);
    }
  });

  it("predecessor: the chain's previous person", () => {
    for (const q of ofKind("predecessor")) {
      const b = q.subjects[0] as string;
      const answer = person(right(q));
      expect(chainNeighbours(b, "predecessor"), q.id).toContain(answer.id);
      for (const w of wrong(q)) {
        const p = person(w);
        expect(chainNeighbours(b, "predecessor").has(p.id), `${q.id}: ${w}`).toBe(false);
        expect(p.id, q.id).not.toBe(b);
      }
    }
  });

  it("never asks about a handover to or from a de facto holding", () => {
    const pairs = [...ofKind("successor"), ...ofKind("predecessor")].map((q) =>
      [q.subjects[0], person(right(q)).id].sort().join(">"),
    );
    expect(pairs).not.toContain(["georgy-malenkov", "joseph-stalin"].sort().join(">"));
    expect(pairs).not.toContain(["georgy-malenkov", "nikita-khrushchev"].sort().join(">"));
    expect(pairs).toContain(["mikhail-gorbachev", "vladimir-ivashko"].sort().join(">"));
  });

  it("holder-on-date: findHolders agrees, on a day that is no handover", () => {
    for (const q of ofKind("holder-on-date")) {
      const day = dayIn(q.prompt);
      const reading = { from: day, to: day, precision: "day" as const, label: day };
      const answer = findHolders(ds, reading);
      expect(answer.holders, q.id).toHaveLength(1);
      const [hit] = answer.holders;
      expect(hit?.certain, q.id).toBe(true);
      expect(hit?.person.name, q.id).toBe(right(q));
      expect(hit?.term.basis, q.id).not.toBe("de facto");
      for (const w of wrong(q)) {
        expect(
          answer.holders.some((h) => h.person.name === w),
          `${q.id}: ${w}`,
        ).toBe(false);
        expect(termsOf(person(w).id).length, `${q.id}: ${w} led the party`).toBeGreaterThan(0);
      }
      for (const t of ds.leadership) {
        expect(termStart(t) === day || t.end?.date === day, `${q.id}: handover day`).toBe(false);
      }
      const term = hit?.term as Term;
      if (disputed(term)) {
        // Inside a disputed term only far from both ends, which is what the disputes concern.
        expect(daysBetween(claimBounds(term.start).to, day), q.id).toBeGreaterThanOrEqual(365);
        expect(daysBetween(day, claimBounds(term.end ?? term.start).from), q.id).toBeGreaterThanOrEqual(365);
      }
    }
  });

  it("took-office: the day-precision start of an undisputed de jure term", () => {
    for (const q of ofKind("took-office")) {
      const p = ds.personById.get(q.subjects[0] as string) as Person;
      const officeName = /did .+ become (.+)\?$/.exec(q.prompt)?.[1] as string;
      const term = termOf(p.id, officeName);
      expect(disputed(term), q.id).toBe(false);
      expect(term.start.precision, q.id).toBe("day");
      expect(right(q), q.id).toBe(formatDay(term.start));
      const starts = termsOf(p.id).map((t) => formatDay(t.start));
      for (const w of wrong(q)) {
        expect(w, q.id).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
        expect(starts, `${q.id}: ${w} is a day this person took office`).not.toContain(w);
      }
    }
  });

  it("duration: describeTermLength of an undisputed day-precision term", () => {
    for (const q of ofKind("duration")) {
      const p = ds.personById.get(q.subjects[0] as string) as Person;
      const officeName = [...leadingOfficeNames].find((n) => q.prompt.endsWith(` ${n}?`)) as string;
      const term = termOf(p.id, officeName);
      expect(disputed(term), q.id).toBe(false);
      expect(term.start.precision === "day" && term.end?.precision === "day", q.id).toBe(true);
      expect(right(q), q.id).toBe(describeTermLength(term.start, term.end as NonNullable<Term["end"]>));
      for (const w of wrong(q)) expect(w, q.id).toMatch(/^\d+ (years?|days?)(, \d+ days?)?$/);
    }
  });

  it("office-held: the one leading office the person held", () => {
    for (const q of ofKind("office-held")) {
      const p = ds.personById.get(q.subjects[0] as string) as Person;
      const held = new Set(termsOf(p.id).map((t) => ds.officeById.get(t.office)?.name));
      expect(held.size, q.id).toBe(1);
      expect(held.has(right(q)), q.id).toBe(true);
      for (const w of wrong(q)) {
        expect(leadingOfficeNames.has(w), `${q.id}: ${w}`).toBe(true);
        expect(held.has(w), `${q.id}: ${w}`).toBe(false);
      }
    }
    // Sverdlov's title is disputed (Chairman of the Secretariat or Technical Secretary).
    expect(ofKind("office-held").some((q) => q.subjects[0] === "yakov-sverdlov")).toBe(false);
  });

  it("died-in-office: exactly one choice died in office, without a disputed end", () => {
    const diedInOffice = (id: string) => termsOf(id).some((t) => t.endedByDeath);
    for (const q of ofKind("died-in-office")) {
      const people = q.choices.map(person);
      expect(
        people.filter((p) => diedInOffice(p.id)).map((p) => p.name),
        q.id,
      ).toEqual([right(q)]);
      const dying = termsOf(person(right(q)).id).find((t) => t.endedByDeath) as Term;
      const others = termsOf(dying.person).filter((t) => t.id !== dying.id);
      expect(
        dying.disputes.some((d) => others.some((o) => o.disputes.includes(d))),
        q.id,
      ).toBe(false);
    }
    expect(ofKind("died-in-office").some((q) => q.subjects.includes("joseph-stalin"))).toBe(false);
  });

  it("event-on-date: the day-precision event of that day; the others happened on other days", () => {
    for (const q of ofKind("event-on-date")) {
      const day = dayIn(q.prompt);
      const event = ds.events.find((e) => e.id === q.subjects[0]);
      expect(event?.date.precision, q.id).toBe("day");
      expect(event?.date.date, q.id).toBe(day);
      expect(
        eventsFor(right(q)).map((e) => e.id),
        q.id,
      ).toContain(event?.id);
      for (const w of wrong(q)) {
        const matches = eventsFor(w);
        expect(matches.length, `${q.id}: ${w}`).toBeGreaterThan(0);
        for (const m of matches) {
          const b = claimBounds(m.date);
          expect(b.from <= day && day <= b.to, `${q.id}: ${w} could be that day`).toBe(false);
        }
      }
    }
    // ProleWiki's infobox dates the office to 1919: the founding day is disputed.
    expect(ofKind("event-on-date").some((q) => q.subjects[0] === "general-secretary-created")).toBe(false);
  });

  it("true-false: every statement is recomputed from the data", () => {
    const firstStart = (p: Person) => claimBounds((termsOf(p.id)[0] as Term).start);
    const templates: [RegExp, (m: RegExpExecArray) => boolean][] = [
      [
        /^True or false: (.+) died while holding the Secretariat's top office\.$/,
        (m) => termsOf(person(m[1] as string).id).some((t) => t.endedByDeath),
      ],
      [
        /^True or false: (.+) held the Secretariat's top office before (.+) did\.$/,
        (m) => {
          const a = firstStart(person(m[1] as string));
          const b = firstStart(person(m[2] as string));
          expect(a.to < b.from || b.to < a.from, `${m[0]}: the order is unclear`).toBe(true);
          return a.to < b.from;
        },
      ],
      [
        /^True or false: (.+) held the Central Committee office of (.+)\.$/,
        (m) => termsOf(person(m[1] as string).id).some((t) => ds.officeById.get(t.office)?.name === m[2]),
      ],
      [
        /^True or false: (.+) became (.+) on (\d{1,2} [A-Z][a-z]+ \d{4})\.$/,
        (m) => {
          const t = termOf(person(m[1] as string).id, m[2] as string);
          expect(disputed(t), m[0]).toBe(false);
          return formatDay(t.start) === m[3];
        },
      ],
      [
        /^True or false: (.+)'s term as (.+) lasted longer than (.+)'s term as (.+)\.$/,
        (m) => {
          const a = termOf(person(m[1] as string).id, m[2] as string);
          const b = termOf(person(m[3] as string).id, m[4] as string);
          expect(disputed(a) || disputed(b), m[0]).toBe(false);
          const days = (t: Term) =>
            durationBetween(t.start.date, (t.end as NonNullable<Term["end"]>).date).totalDays;
          return days(a) > days(b);
        },
      ],
    ];
    for (const q of ofKind("true-false")) {
      const matched = templates.flatMap(([re, truth]) => {
        const m = re.exec(q.prompt);
        return m ? [truth(m)] : [];
      });
      expect(matched.length, q.prompt).toBe(1);
      expect(right(q), q.prompt).toBe(matched[0] ? "True" : "False");
    }
  });

  it("order: four leaders, exactly one ordering by first start date", () => {
    for (const q of ofKind("order")) {
      const orderings = q.choices.map((c) => c.split(" → ").map((s) => leaderBySurname.get(s) as Person));
      for (const o of orderings) {
        expect(o.every(Boolean), q.id).toBe(true);
        expect(new Set(o.map((p) => p.id)), q.id).toEqual(new Set(q.subjects));
      }
      const sorted = (orderings[0] as Person[])
        .slice()
        .sort((a, b) =>
          termStart(termsOf(a.id)[0] as Term).localeCompare(termStart(termsOf(b.id)[0] as Term)),
        );
      const correct = orderings.map((o) => o.every((p, i) => p.id === sorted[i]?.id));
      expect(correct.filter(Boolean), q.id).toHaveLength(1);
      expect(correct[q.answer], q.id).toBe(true);
      // Neighbours in the right order must surely be in that order, whatever the imprecision.
      for (let i = 1; i < sorted.length; i++) {
        const a = claimBounds((termsOf((sorted[i - 1] as Person).id)[0] as Term).start);
        const b = claimBounds((termsOf((sorted[i] as Person).id)[0] as Term).start);
        expect(a.to < b.from, q.id).toBe(true);
      }
    }
  });

  it("asks no date or length of a disputed term", () => {
    for (const q of [...ofKind("took-office"), ...ofKind("duration")]) {
      for (const s of q.subjects) {
        expect(
          ds.disputes.some((d) => d.subjects.includes(s) && ds.personById.has(s)),
          q.id,
        ).toBe(false);
      }
    }
  });
});

describe("generateQuestions", () => {
  it("is deterministic for a seed and varies with the seed", () => {
    const a = generateQuestions(ds, { seed: 42, count: 10 });
    expect(generateQuestions(ds, { seed: 42, count: 10 })).toEqual(a);
    const lists = [1, 2, 3, 4, 5].map((seed) =>
      generateQuestions(ds, { seed, count: 10 })
        .map((q) => q.id)
        .join(","),
    );
    expect(new Set([...lists, a.map((q) => q.id).join(",")]).size).toBe(6);
  });

  it("returns distinct pool questions, mixing kinds", () => {
    const list = generateQuestions(ds, { seed: 7, count: 10 });
    expect(list).toHaveLength(10);
    expect(new Set(list.map((q) => q.id)).size).toBe(10);
    expect(new Set(list.map((q) => q.kind)).size).toBeGreaterThanOrEqual(6);
    for (let i = 1; i < list.length; i++) expect(list[i]?.kind).not.toBe(list[i - 1]?.kind);
    for (const q of list) expect(q).toEqual(questionById(ds, q.id));
  });

  it("respects the difficulty and kind filters", () => {
    for (const difficulty of ["easy", "medium", "hard"] as const) {
      const list = generateQuestions(ds, { seed: 3, count: 20, difficulty });
      expect(list.length).toBe(20);
      for (const q of list) expect(q.difficulty).toBe(difficulty);
    }
    const kinds: QuestionKind[] = ["order", "successor"];
    for (const q of generateQuestions(ds, { seed: 3, count: 20, kinds })) expect(kinds).toContain(q.kind);
  });

  it("stops when the pool is exhausted and never throws", () => {
    expect(generateQuestions(ds, { seed: 1, count: 50, kinds: ["duration"] })).toHaveLength(
      ofKind("duration").length,
    );
    expect(generateQuestions(ds, { seed: 1, count: 0 })).toEqual([]);
    expect(generateQuestions(ds, { seed: 1, count: -3 })).toEqual([]);
    expect(generateQuestions(ds, { seed: Number.NaN, count: 2 })).toHaveLength(2);
    expect(generateQuestions(ds, { seed: 1, count: 5, kinds: [] })).toHaveLength(5);
    const difficulties = [undefined, "easy", "medium", "hard"] as const;
    for (let seed = 0; seed < 40; seed++) {
      const difficulty = difficulties[seed % 4];
      const list = generateQuestions(ds, {
        seed: seed * 7919,
        count: 50,
        ...(difficulty ? { difficulty } : {}),
      });
      const available = all.filter((q) => !difficulty || q.difficulty === difficulty).length;
      expect(list.length).toBe(Math.min(50, available));
      expect(new Set(list.map((q) => q.id)).size).toBe(list.length);
    }
  });

  it("uses no Math.random", () => {
    for (const file of ["src/trivia/questions.ts", "src/trivia/random.ts"]) {
      expect(readFileSync(file, "utf8")).not.toMatch(/Math\.random/);
    }
  });
});

describe("the seeded generator", () => {
  it("repeats for a seed and differs between seeds", () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    expect(mulberry32(124)()).not.toBe(xs[0]);
  });

  it("nextInt, pick and shuffle stay in range and leave the input alone", () => {
    const rng = createRng(9);
    for (let i = 0; i < 200; i++) {
      const n = rng.nextInt(7);
      expect(Number.isInteger(n) && n >= 0 && n < 7).toBe(true);
    }
    expect(rng.nextInt(0)).toBe(0);
    const items = [1, 2, 3, 4, 5];
    const shuffled = rng.shuffle(items);
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect(shuffled.slice().sort()).toEqual(items);
    expect(items).toContain(rng.pick(items));
    expect(() => rng.pick([])).toThrow(RangeError);
    expect(hashString("abc")).toBe(hashString("abc"));
    expect(hashString("abc")).not.toBe(hashString("abd"));
  });
});

describe("no question rests on a recorded dispute (data/disputes.json)", () => {
  /** The names an office goes by in a question: its name and its short title ("General Secretary"). */
  const namesOf = (id: string) => {
    const o = ds.officeById.get(id);
    return o ? [o.name] : [];
  };

  it("never offers a contested office as the answer or a wrong option about the person whose title is disputed", () => {
    const touching: string[] = [];
    // Disputes over what a person's office was called (their dates are kept out by the generator's
    // own rules, which the other tests here check).
    for (const d of ds.disputes.filter((x) => /title/i.test(`${x.id} ${x.topic}`))) {
      const people = d.subjects.filter((s) => ds.personById.has(s));
      const offices = d.subjects.filter((s) => ds.officeById.has(s));
      if (people.length === 0 || offices.length === 0) continue;
      for (const q of all) {
        // The question is about that person (its main subject), and its options name the office.
        if (!people.includes(q.subjects[0] as string)) continue;
        // A true-or-false statement is itself the answer.
        const text = [...q.choices, ...(q.kind === "true-false" ? [q.prompt] : [])].join("\n");
        const named = offices.flatMap(namesOf).filter((n) => text.includes(n));
        if (named.length > 0) touching.push(`${q.id} (${d.id}: ${named.join(", ")}): ${q.prompt}`);
      }
    }
    expect(touching).toEqual([]);
  });

  it("never turns on an order of holders that the sources dispute (Sverdlov and Stasova)", () => {
    const orderDisputes = new Set(ds.terms.flatMap((t) => (t.orderDisputed ? [t.orderDisputed] : [])));
    expect(orderDisputes.size).toBeGreaterThan(0);
    const touching: string[] = [];
    for (const id of orderDisputes) {
      const people = (ds.disputeById.get(id)?.subjects ?? []).flatMap((s) => {
        const p = ds.personById.get(s);
        return p ? [p] : [];
      });
      for (const q of all) {
        // The statement and its right answer together: do they place two of these people in order?
        const said = `${q.prompt}\n${q.choices[q.answer]}`;
        const named = people.filter(
          (p) => said.includes(p.name) || said.includes(p.name.split(" ").at(-1) ?? p.name),
        );
        if (named.length >= 2) touching.push(`${q.id}: ${q.prompt} → ${q.choices[q.answer]}`);
      }
    }
    expect(touching).toEqual([]);
  });

  it("asks no duration where the length of a term is disputed", () => {
    const lengthDisputes = ds.disputes.filter((d) => /length|duration/i.test(`${d.id} ${d.topic}`));
    const people = new Set(lengthDisputes.flatMap((d) => d.subjects));
    const touching = all.filter((q) => q.kind === "duration" && people.has(q.subjects[0] as string));
    expect(touching.map((q) => q.prompt)).toEqual([]);
  });
});
