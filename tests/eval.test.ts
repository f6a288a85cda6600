import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { atAnswer } from "../src/query/at.js";
import { engine } from "./helpers.js";

interface NameCase {
  query: string;
  expect: string | null;
  kind: string;
}
interface DateCase {
  query: string;
  office?: string;
  expect: { ok: true; from: string; to: string; holders: string[] } | { ok: false };
}

const load = <T>(file: string): T[] =>
  JSON.parse(readFileSync(new URL(`./eval/${file}`, import.meta.url), "utf8")) as T[];
const names = load<NameCase>("names.json");
const dates = load<DateCase>("dates.json");
const { search, dataset } = engine();

/** Thresholds of the public evaluation set (issue 3). */
const NAMES_TOP1 = 0.98;

describe("evaluation set", () => {
  it("has the promised size", () => {
    expect(names.length).toBeGreaterThanOrEqual(150);
    expect(names.filter((c) => c.expect === null).length).toBeGreaterThanOrEqual(25);
    expect(dates.length).toBeGreaterThanOrEqual(60);
  });

  it(`finds names: top-1 ≥ ${NAMES_TOP1 * 100}% of positives`, () => {
    const positives = names.filter((c) => c.expect !== null);
    const misses = positives
      .map((c) => ({ c, r: search.search(c.query) }))
      .filter(({ c, r }) => r.best !== c.expect)
      .map(
        ({ c, r }) => `${c.kind}: "${c.query}" → ${r.best} (top ${r.results[0]?.id}:${r.results[0]?.score})`,
      );
    const rate = 1 - misses.length / positives.length;
    console.info(
      `names top-1: ${(rate * 100).toFixed(1)}% of ${positives.length}; misses:\n  ${misses.join("\n  ")}`,
    );
    expect(rate).toBeGreaterThanOrEqual(NAMES_TOP1);
  });

  it("rejects every negative", () => {
    const wrong = names
      .filter((c) => c.expect === null)
      .map((c) => ({ c, best: search.search(c.query).best }))
      .filter(({ best }) => best !== null)
      .map(({ c, best }) => `"${c.query}" → ${best}`);
    expect(wrong).toEqual([]);
  });

  it("answers every date query", () => {
    const wrong: string[] = [];
    for (const c of dates) {
      const a = atAnswer(dataset, c.query, c.office ? { office: c.office } : {});
      if (!c.expect.ok) {
        if (a.ok) wrong.push(`"${c.query}" should be rejected, got ${a.from}..${a.to}`);
        continue;
      }
      if (!a.ok) {
        wrong.push(`"${c.query}" rejected: ${a.error}`);
        continue;
      }
      const got = [...new Set(a.holders.map((h) => h.person))].sort();
      const want = [...c.expect.holders].sort();
      if (a.from !== c.expect.from || a.to !== c.expect.to || JSON.stringify(got) !== JSON.stringify(want)) {
        wrong.push(
          `"${c.query}"${c.office ? ` [${c.office}]` : ""}: got ${a.from}..${a.to} ${got} want ${c.expect.from}..${c.expect.to} ${want}`,
        );
      }
    }
    expect(wrong).toEqual([]);
  });
});
