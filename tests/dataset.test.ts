import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DatasetError, DEFAULT_DATA_DIR, loadDataset, termEnd, termStart } from "../src/data/load.js";
import type { DateClaim } from "../src/data/schema.js";
import { claimBounds, isRealClaim } from "../src/dates/calendar.js";
import { statedVersusComputed } from "../src/query/stated.js";
import { engine } from "./helpers.js";

const ds = engine().dataset;

const REQUIRED_PEOPLE = [
  "joseph-stalin",
  "nikita-khrushchev",
  "leonid-brezhnev",
  "yuri-andropov",
  "konstantin-chernenko",
  "mikhail-gorbachev",
  "vladimir-ivashko",
  "yakov-sverdlov",
  "elena-stasova",
  "nikolay-krestinsky",
  "vyacheslav-molotov",
  "georgy-malenkov",
  "felix-dzerzhinsky",
  "matvei-muranov",
  "adolph-joffe",
  "mikhail-suslov",
  "frol-kozlov",
  "nikolai-podgorny",
  "vladimir-lenin",
  "leon-trotsky",
  "grigory-zinoviev",
  "lev-kamenev",
  "lavrentiy-beria",
  "lazar-kaganovich",
  "alexei-kosygin",
  "boris-yeltsin",
  "oleg-shenin",
];
const REQUIRED_OFFICES = [
  "secretariat",
  "technical-secretary",
  "chairman-of-the-secretariat",
  "responsible-secretary",
  "general-secretary",
  "first-secretary",
  "second-secretary",
  "deputy-general-secretary",
  "acting-general-secretary",
];

/** Every sourced date anywhere in the dataset. */
function allDates(): DateClaim[] {
  const out: DateClaim[] = [];
  for (const t of ds.terms) out.push(t.start, ...(t.end ? [t.end] : []));
  for (const e of ds.events) out.push(e.date);
  for (const p of ds.people) if (p.died) out.push(p.died);
  for (const o of ds.offices) for (const p of o.periods) out.push(p.from, ...(p.to ? [p.to] : []));
  return out;
}

describe("dataset", () => {
  it("has one source per seed file, each of a known kind", () => {
    const seeds = ds.sources.filter((s) => s.file !== null);
    expect(seeds.map((s) => s.file).sort()).toEqual([
      "000_118731bae9660af7.txt",
      "001_912776a65a635fde.txt",
      "002_b34949698325896b.txt",
      "003_66937a295a9e8f13.txt",
      "004_0d6b7a3136a56a9e.txt",
    ]);
    expect(new Set(seeds.map((s) => s.kind))).toEqual(
      new Set(["current encyclopedia article", "old encyclopedia revision", "partisan wiki"]),
    );
  });

  it("holds every required person, with a Cyrillic name, and every required office", () => {
    for (const id of REQUIRED_PEOPLE) {
      const p = ds.personById.get(id);
      expect(p, id).toBeDefined();
      expect(p?.nameRu).toMatch(/^[А-ЯЁа-яё -]+$/);
    }
    for (const id of REQUIRED_OFFICES) expect(ds.officeById.get(id), id).toBeDefined();
  });

  it("holds all twelve rows of the seeds' list of officeholders, Brezhnev twice", () => {
    const rows = new Map<number, string[]>();
    for (const t of ds.terms) if (t.listRow) rows.set(t.listRow, [...(rows.get(t.listRow) ?? []), t.person]);
    expect([...rows.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const people = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => [...new Set(p)][0]);
    expect(people).toEqual([
      "yakov-sverdlov",
      "elena-stasova",
      "nikolay-krestinsky",
      "vyacheslav-molotov",
      "joseph-stalin",
      "nikita-khrushchev",
      "leonid-brezhnev",
      "leonid-brezhnev",
      "yuri-andropov",
      "konstantin-chernenko",
      "mikhail-gorbachev",
      "vladimir-ivashko",
    ]);
  });

  it("keeps Stalin's de facto months, Malenkov's days and Khrushchev's de facto holding", () => {
    const t = (id: string) => ds.termById.get(id);
    expect(t("stalin-general-secretary")).toMatchObject({ basis: "de jure", end: { date: "1952-10-16" } });
    expect(t("stalin-general-secretary-de-facto")).toMatchObject({
      basis: "de facto",
      start: { date: "1952-10-16" },
      end: { date: "1953-03-05" },
      endedByDeath: true,
    });
    expect(t("malenkov-head-of-secretariat")).toMatchObject({
      person: "georgy-malenkov",
      basis: "de facto",
      start: { date: "1953-03-05" },
      end: { date: "1953-03-14" },
    });
    expect(t("khrushchev-first-secretary-de-facto")).toMatchObject({
      basis: "de facto",
      start: { date: "1953-03-14" },
    });
    expect(t("khrushchev-first-secretary")).toMatchObject({
      basis: "de jure",
      start: { date: "1953-09-14" },
    });
    expect(t("ivashko-acting-general-secretary")).toMatchObject({
      basis: "acting",
      end: { date: "1991-08-29" },
    });
  });

  it("names a known source for every fact, and every claim of a dispute has one", () => {
    const known = new Set(ds.sources.map((s) => s.id));
    const check = (ids: readonly string[], where: string) => {
      expect(ids.length, where).toBeGreaterThan(0);
      for (const id of ids) expect(known.has(id), `${where}: ${id}`).toBe(true);
    };
    for (const t of ds.terms) {
      check(t.sources, t.id);
      for (const n of t.notes) check(n.sources, `${t.id} note`);
    }
    for (const p of ds.people) for (const f of p.facts) check(f.sources, `${p.id} fact`);
    for (const e of ds.events) check(e.sources, e.id);
    for (const d of ds.disputes) for (const c of d.claims) check(c.sources, d.id);
    for (const d of allDates()) check(d.sources, d.date);
  });

  it("uses only real calendar dates, and no term ends before it starts", () => {
    for (const d of allDates()) expect(isRealClaim(d), d.date).toBe(true);
    for (const t of ds.terms) {
      const end = termEnd(t);
      if (end) expect(termStart(t) <= end, t.id).toBe(true);
    }
  });

  it("has no overlapping terms in one office unless a same-day handover or a recorded dispute", () => {
    for (const [office, terms] of ds.termsByOffice) {
      for (let i = 0; i < terms.length; i++) {
        for (let j = i + 1; j < terms.length; j++) {
          const a = terms[i]!;
          const b = terms[j]!;
          // The days each term surely covers, whatever its dates' precision.
          const aFrom = claimBounds(a.start).to;
          const aTo = a.end ? claimBounds(a.end).from : "9999-12-31";
          const bFrom = claimBounds(b.start).to;
          const bTo = b.end ? claimBounds(b.end).from : "9999-12-31";
          const overlap = aFrom <= bTo && bFrom <= aTo;
          if (!overlap) continue;
          const handover = aTo === bFrom || bTo === aFrom;
          const disputed = a.disputes.some((d) => b.disputes.includes(d));
          expect(handover || disputed, `${office}: ${a.id} overlaps ${b.id}`).toBe(true);
        }
      }
    }
  });

  it("orders the leading-office chain with predecessors and successors", () => {
    const chain = ds.leadership.map((t) => t.person);
    expect(chain.at(-1)).toBe("vladimir-ivashko");
    const link = ds.chainByTerm.get("andropov-general-secretary");
    expect(link?.predecessor?.person).toBe("leonid-brezhnev");
    expect(link?.successor?.person).toBe("konstantin-chernenko");
    expect(ds.chainByTerm.get("khrushchev-first-secretary")?.successor?.person).toBe("leonid-brezhnev");
  });

  it("links no holding whose place in the order is disputed: no Stasova → Sverdlov → Stasova chain", () => {
    const early = ds.chainByTerm.get("stasova-technical-secretary-1917");
    expect(early?.term.orderDisputed).toBe("early-secretariat-order");
    expect(early?.predecessor).toBeNull();
    expect(early?.successor).toBeNull();
    const sverdlov = ds.chainByTerm.get("sverdlov-chairman-of-the-secretariat");
    // Nobody is named before Sverdlov; after him, Wikipedia's dated list: Stasova, March 1919. Every
    // link to or from Sverdlov and Stasova is that list's account (002 orders them otherwise), up to
    // Krestinsky; from Krestinsky to Molotov the sources agree.
    expect(sverdlov?.predecessor).toBeNull();
    expect(sverdlov?.predecessorDisputed).toBe("early-secretariat-order");
    expect(sverdlov?.successor?.id).toBe("stasova-technical-secretary-1919");
    expect(sverdlov?.successorDisputed).toBe("early-secretariat-order");
    const stasova = ds.chainByTerm.get("stasova-technical-secretary-1919");
    expect([stasova?.predecessorDisputed, stasova?.successorDisputed]).toEqual([
      "early-secretariat-order",
      "early-secretariat-order",
    ]);
    const krestinsky = ds.chainByTerm.get("krestinsky-responsible-secretary");
    expect(krestinsky?.predecessor?.id).toBe("stasova-technical-secretary-1919");
    expect(krestinsky?.predecessorDisputed).toBe("early-secretariat-order");
    expect(krestinsky?.successorDisputed).toBeNull();
    const molotov = ds.chainByTerm.get("molotov-responsible-secretary");
    expect([molotov?.predecessorDisputed, molotov?.successorDisputed]).toEqual([null, null]);
    // The dispute records every account with its sources.
    const dispute = ds.disputeById.get("early-secretariat-order");
    expect(dispute?.claims.map((c) => c.sources)).toEqual([
      ["wp-secretariat"],
      ["prolewiki-gensec"],
      ["wp-gensec-page"],
    ]);
  });

  it("shows the early offices' order as the sources give it: Technical Secretary → Chairman disputed", () => {
    // 002: Technical Secretary (1917-1918), then Chairman (1918-1919), then Responsible Secretary;
    // 003 lists Sverdlov first under the Technical Secretary heading and Stasova after him, into 1919.
    const technical = ds.officeById.get("technical-secretary");
    expect(technical?.successor).toBeNull();
    expect(technical?.successorDisputed).toBe("early-secretariat-order");
    const chairman = ds.officeById.get("chairman-of-the-secretariat");
    expect(chairman?.predecessor).toBeNull();
    expect(chairman?.predecessorDisputed).toBe("early-secretariat-order");
    expect(chairman?.successor).toBe("responsible-secretary");
    expect(ds.officeById.get("responsible-secretary")?.predecessor).toBe("chairman-of-the-secretariat");
  });

  it("records Stalin's title from 1934 as a dispute, with every account", () => {
    const d = ds.disputeById.get("stalin-title-1934");
    expect(d?.claims.map((c) => c.sources)).toEqual([
      ["wp-gensec-page"],
      ["wp-gensec-text", "wp-gensec-page"],
      ["wp-gensec-old"],
    ]);
    const term = ds.termById.get("stalin-general-secretary");
    expect(term?.disputes).toContain("stalin-title-1934");
    expect(term?.titleDisputed).toMatchObject({
      dispute: "stalin-title-1934",
      from: { date: "1934", precision: "year" },
    });
  });

  it("marks two claims of one dispute as used only where they describe different things", () => {
    const marked = ds.disputes.filter((d) => d.claims.filter((c) => c.default).length > 1).map((d) => d.id);
    expect(marked.sort()).toEqual(["khrushchev-start", "podgorny-chairman", "stalin-end"]);
  });

  it("dates the 11th Congress March–April 1922, as the seeds do", () => {
    const congress = ds.events.find((e) => e.id === "eleventh-congress");
    expect(congress?.date).toMatchObject({ date: "1922-03", precision: "month" });
    expect(congress?.until).toMatchObject({ date: "1922-04", precision: "month" });
  });

  it("is immutable once loaded", () => {
    expect(Object.isFrozen(ds.terms)).toBe(true);
    expect(Object.isFrozen(ds.terms[0])).toBe(true);
  });
});

describe("stated durations", () => {
  /** Compares a duration the seeds state with the one computed from the term's own dates. */
  function disagreements(): string[] {
    const out: string[] = [];
    for (const t of ds.terms) {
      for (const stated of t.statedDurations) {
        const compared = statedVersusComputed(t, stated.text);
        if (!compared || compared.agrees) continue;
        out.push(`${t.id}: "${stated.text}" vs ${compared.range ? "" : "computed "}${compared.computed}`);
      }
    }
    return out;
  }

  it("lists every stated duration that disagrees with the dates, and each is a recorded discrepancy", () => {
    const found = disagreements();
    expect(found.sort()).toEqual([
      'molotov-responsible-secretary: "291 days" vs computed 1 year, 18 days',
      'stalin-general-secretary: "30 years 7 months" vs computed 30 years, 6 months',
    ]);
    expect(ds.disputeById.get("molotov-duration")).toBeDefined();
    expect(ds.disputeById.get("stalin-duration-note")).toBeDefined();
  });
});

describe("loading bad data", () => {
  function brokenCopy(file: string, mutate: (records: Record<string, unknown>[]) => void): string {
    const dir = mkdtempSync(join(tmpdir(), "apparat-data-"));
    cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
    const records = JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, unknown>[];
    mutate(records);
    writeFileSync(join(dir, file), JSON.stringify(records));
    return dir;
  }

  it("names the file, record and field of an unknown reference", () => {
    const dir = brokenCopy("terms.json", (r) => {
      r[0]!.person = "nobody-at-all";
    });
    expect(() => loadDataset(dir)).toThrowError(DatasetError);
    expect(() => loadDataset(dir)).toThrowError(
      /terms\.json: record stasova-technical-secretary-1917, field person: unknown person/,
    );
  });

  it("rejects an impossible date", () => {
    const dir = brokenCopy("events.json", (r) => {
      (r[0]!.date as { date: string }).date = "1917-02-30";
    });
    expect(() => loadDataset(dir)).toThrowError(
      /events\.json: record secretariat-founded, field date: "1917-02-30" is not a real date/,
    );
  });

  it("rejects a fact without a source", () => {
    const dir = brokenCopy("people.json", (r) => {
      (r[0]!.facts as { sources: string[] }[])[0]!.sources = [];
    });
    expect(() => loadDataset(dir)).toThrowError(
      /people\.json: record joseph-stalin, field facts\.0\.sources/,
    );
  });

  it("rejects an order dispute that is not one of the term's disputes", () => {
    const dir = brokenCopy("terms.json", (r) => {
      const t = r.find((x) => x.id === "andropov-general-secretary")!;
      t.orderDisputed = "early-secretariat-order";
    });
    expect(() => loadDataset(dir)).toThrowError(
      /terms\.json: record andropov-general-secretary, field orderDisputed: must be one of the term's disputes/,
    );
  });

  it("rejects an event that ends before it starts", () => {
    const dir = brokenCopy("events.json", (r) => {
      const e = r.find((x) => x.id === "eleventh-congress")!;
      e.until = { date: "1921-12", precision: "month", sources: ["wp-gensec-page"] };
    });
    expect(() => loadDataset(dir)).toThrowError(
      /events\.json: record eleventh-congress, field until: the event ends before it starts/,
    );
  });

  it("rejects a term that ends before it starts", () => {
    const dir = brokenCopy("terms.json", (r) => {
      const t = r.find((x) => x.id === "andropov-general-secretary")!;
      (t.end as { date: string }).date = "1980-01-01";
    });
    expect(() => loadDataset(dir)).toThrowError(
      /andropov-general-secretary, field end: the term ends before it starts/,
    );
  });
});
