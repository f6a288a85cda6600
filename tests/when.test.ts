import { describe, expect, it } from "vitest";
import { atAnswer } from "../src/query/at.js";
import { engine } from "./helpers.js";

const ds = engine().dataset;
const at = (q: string, office?: string) => atAnswer(ds, q, office ? { office } : {});
const holders = (q: string, office?: string) => {
  const a = at(q, office);
  if (!a.ok) throw new Error(a.error);
  return a.holders.map((h) => h.person).sort();
};

describe("who held office when", () => {
  it("answers a day with the holder", () => {
    expect(holders("May 1983")).toEqual(["yuri-andropov"]);
    expect(holders("10 November 1982")).toEqual(["leonid-brezhnev"]);
  });

  it("reports a vacancy between a death and the successor", () => {
    const a = at("11 November 1982");
    expect(a.ok && a.holders).toEqual([]);
    expect(a.ok && a.vacancies).toEqual([{ from: "1982-11-11", to: "1982-11-11" }]);
    expect(a.ok && a.note).toMatch(/Vacant 11 November 1982 \(after Leonid Brezhnev, before Yuri Andropov\)/);
    const feb = at("February 1984");
    expect(feb.ok && feb.vacancies).toEqual([{ from: "1984-02-10", to: "1984-02-12" }]);
  });

  it("returns both holders on a handover day", () => {
    expect(holders("14 October 1964")).toEqual(["leonid-brezhnev", "nikita-khrushchev"]);
    expect(holders("24 August 1991")).toEqual(["mikhail-gorbachev", "vladimir-ivashko"]);
    expect(holders("5 March 1953")).toEqual(["georgy-malenkov", "joseph-stalin"]);
  });

  it("marks de facto and acting holdings", () => {
    const a = at("1 June 1953");
    expect(a.ok && a.holders).toMatchObject([
      { person: "nikita-khrushchev", basis: "de facto", office: "first-secretary" },
    ]);
    const b = at("26 August 1991");
    expect(b.ok && b.holders).toMatchObject([
      { person: "vladimir-ivashko", basis: "acting", end: "1991-08-29" },
    ]);
    const c = at("December 1952");
    expect(c.ok && c.holders).toMatchObject([{ person: "joseph-stalin", basis: "de facto" }]);
  });

  it("says the office did not exist before 1917, and words its end one way: abolished on 29 August 1991", () => {
    const before = at("1900");
    expect(before.ok && before.holders).toEqual([]);
    expect(before.ok && before.note).toMatch(
      /did not exist before the Secretariat was established on 6 August 1917/,
    );
    // 003: "Abolished 29 August 1991"; "Its activities were suspended on 29 August 1991, and it was
    // banned on 6 November". The same sentence between the two days and after the ban, never a vacancy.
    const end =
      "The office was abolished on 29 August 1991, the day the party's activities were suspended; the party was banned on 6 November 1991.";
    for (const q of ["1 October 1991", "6 November 1991", "1995", "1991"]) {
      const a = at(q);
      if (!a.ok) throw new Error(a.error);
      expect(a.note.split(end).length - 1, q).toBe(1);
      expect(a.note, q).not.toMatch(/No one held the office after|did not exist after the party was banned/);
    }
    const suspended = at("1 October 1991");
    expect(suspended.ok && suspended.holders).toEqual([]);
    expect(suspended.ok && suspended.vacancies).toEqual([]);
  });

  it("names holders in the order they took office (spring 1953: Stalin, Malenkov, Khrushchev)", () => {
    const a = at("spring 1953");
    expect(a.ok && a.holders.map((h) => h.person)).toEqual([
      "joseph-stalin",
      "georgy-malenkov",
      "nikita-khrushchev",
    ]);
    for (const q of ["1953", "the 1910s", "1991", "03/05/1953", "1917 to 1991"]) {
      const b = at(q);
      if (!b.ok) throw new Error(b.error);
      const starts = b.holders.map((h) => h.start);
      if (!b.readings) expect(starts, q).toEqual([...starts].sort());
    }
  });

  it("flags holdings that rest on imprecise dates", () => {
    const a = at("20 March 1919");
    expect(a.ok && a.holders.map((h) => [h.person, h.certain])).toEqual([["elena-stasova", false]]);
  });

  it("filters by office", () => {
    expect(holders("1960", "first-secretary")).toEqual(["nikita-khrushchev"]);
    expect(holders("1960", "general-secretary")).toEqual([]);
    expect(holders("1991", "acting-general-secretary")).toEqual(["vladimir-ivashko"]);
  });

  it("answers both readings of an ambiguous date", () => {
    const a = at("03/05/1953");
    expect(a.ok && a.readings?.map((r) => [r.label, r.holders])).toEqual([
      ["3 May 1953", ["nikita-khrushchev"]],
      ["5 March 1953", ["joseph-stalin", "georgy-malenkov"]],
    ]);
    expect(a.ok && a.note).toMatch(/can be read two ways/);
  });

  it("rejects non-dates with the reason", () => {
    expect(at("31 February 1953")).toMatchObject({ ok: false, error: expect.stringMatching(/28 days/) });
  });
});

describe("holdings whose order the sources dispute", () => {
  it("keeps Stasova in the 1917 answer, with the dispute named in the JSON and the note", () => {
    const a = at("1917");
    if (!a.ok) throw new Error(a.error);
    expect(a.holders).toMatchObject([
      {
        person: "elena-stasova",
        term: "stasova-technical-secretary-1917",
        orderDisputed: "early-secretariat-order",
        disputes: ["stasova-title-and-dates", "early-secretariat-order"],
      },
    ]);
    expect(a.note).toContain(
      "Elena Stasova, Technical Secretary (according to ProleWiki; its place in the order is disputed), 1917 – 1918",
    );
  });

  it("leaves undisputed holdings as they were", () => {
    const a = at("1 June 1983");
    expect(a.ok && a.holders).toMatchObject([{ person: "yuri-andropov", orderDisputed: null }]);
  });
});
