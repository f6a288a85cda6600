// Every citation in data/ must hold: the cited seed states that fact at that precision. Checked
// mechanically against the five seed documents (../shared/seeds beside the checkout), with no list
// of exceptions:
// - a dated claim ({date, precision, sources}) and every date written in a sourced text: a day as
//   "14 March 1953", "March 14, 1953" or "1953-03-14", or a day and month with the year stated
//   just before in the same passage; a month as "March 1953" (or within "March–April 1953", or
//   "the August coup of 1991"); a year as "1953";
// - a stated duration: verbatim in each cited seed;
// - a characterisation in claims.json: each quoted phrase verbatim in its source.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MONTHS_EN } from "../src/dates/parse.js";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const SEEDS_DIR = process.env.APPARAT_SEEDS_DIR ?? join(REPO, "..", "shared", "seeds");
const DATA_DIR = join(REPO, "data");

const MONTHS: readonly string[] = MONTHS_EN;

type Precision = "day" | "month" | "year";

const squash = (s: string) => s.replace(/\s+/g, " ");

/** The year most recently stated before `index` in the same passage (a paragraph). */
function yearBefore(text: string, index: number): number | null {
  const passageStart = Math.max(text.lastIndexOf("\n\n", index), text.lastIndexOf("\n", index)) + 1;
  const years = [...text.slice(passageStart, index).matchAll(/\b(1[89]\d\d|20\d\d)\b/g)];
  const last = years.at(-1);
  return last ? Number(last[1]) : null;
}

/** Whether `text` states the date at that precision (see the header for the forms). */
function states(text: string, date: string, precision: Precision): boolean {
  const [y, m, d] = date.split("-").map(Number) as [number, number?, number?];
  const flat = squash(text);
  if (precision === "year") return new RegExp(`(?<!\\d)${y}(?!\\d)`).test(flat);
  const month = MONTHS[(m ?? 1) - 1] as string;
  if (precision === "month") {
    // "March 1953", within "March–April 1922", or naming the month's event: "the August coup of 1991".
    const range = `(?:${MONTHS.join("|")})–`;
    return (
      new RegExp(`(?:${range})?${month}(?:–(?:${MONTHS.join("|")}))? ${y}(?!\\d)`).test(flat) ||
      new RegExp(`${month} [a-z]+ of ${y}(?!\\d)`).test(flat)
    );
  }
  const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  if (flat.includes(`${d} ${month} ${y}`) || flat.includes(`${month} ${d}, ${y}`) || flat.includes(iso))
    return true;
  for (const pattern of [
    new RegExp(`(?<!\\d)${d} ${month}(?! \\d)`, "g"),
    new RegExp(`${month} ${d}(?!\\d)`, "g"),
  ])
    for (const hit of text.matchAll(pattern)) if (yearBefore(text, hit.index ?? 0) === y) return true;
  return false;
}

/** Dates written in a text: "14 March 1953", "March 1953", "1953". */
function datesIn(text: string): { date: string; precision: Precision; surface: string }[] {
  const out: { date: string; precision: Precision; surface: string }[] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);
  const month = `(${MONTHS.join("|")})`;
  for (const m of text.matchAll(new RegExp(`(?<!\\d)(\\d{1,2}) ${month} (\\d{4})`, "g"))) {
    const mm = String(MONTHS.indexOf(m[2] as string) + 1).padStart(2, "0");
    out.push({ date: `${m[3]}-${mm}-${String(m[1]).padStart(2, "0")}`, precision: "day", surface: m[0] });
    taken.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  }
  for (const m of text.matchAll(new RegExp(`${month} (\\d{4})`, "g"))) {
    const at = m.index ?? 0;
    if (!free(at, at + m[0].length)) continue;
    const mm = String(MONTHS.indexOf(m[1] as string) + 1).padStart(2, "0");
    out.push({ date: `${m[2]}-${mm}`, precision: "month", surface: m[0] });
    taken.push([at, at + m[0].length]);
  }
  for (const m of text.matchAll(/(?<![\d-])(1[89]\d\d)(?![\d])/g)) {
    const at = m.index ?? 0;
    if (!free(at, at + m[0].length)) continue;
    out.push({ date: m[1] as string, precision: "year", surface: m[0] });
  }
  return out;
}

interface Finding {
  where: string;
  problem: string;
}

function audit(): { findings: Finding[]; checked: Record<string, number> } {
  const sources = JSON.parse(readFileSync(join(DATA_DIR, "sources.json"), "utf8")) as {
    id: string;
    file: string | null;
  }[];
  const seedOf = new Map<string, string>();
  for (const s of sources) if (s.file) seedOf.set(s.id, readFileSync(join(SEEDS_DIR, s.file), "utf8"));
  const findings: Finding[] = [];
  const checked = { dates: 0, textDates: 0, durations: 0, quotes: 0 };
  const seed = (where: string, id: string): string | null => {
    const text = seedOf.get(id);
    if (text === undefined) findings.push({ where, problem: `cites ${id}, which has no seed document` });
    return text ?? null;
  };

  const walk = (value: unknown, where: string, file: string) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${where}[${i}]`, file));
      return;
    }
    if (!value || typeof value !== "object") return;
    const o = value as Record<string, unknown>;
    const cited = Array.isArray(o.sources) ? (o.sources as string[]) : null;
    if (typeof o.date === "string" && typeof o.precision === "string" && cited) {
      for (const id of cited) {
        checked.dates++;
        const text = seed(where, id);
        if (text !== null && !states(text, o.date, o.precision as Precision))
          findings.push({ where, problem: `${id} does not state ${o.date} (${o.precision})` });
      }
    }
    if (cited && file !== "people.json#variants") {
      for (const key of ["text", "title", "note", "value"]) {
        const text = o[key];
        if (typeof text !== "string") continue;
        for (const found of datesIn(text))
          for (const id of cited) {
            checked.textDates++;
            const seedText = seed(`${where}.${key}`, id);
            if (seedText !== null && !states(seedText, found.date, found.precision))
              findings.push({ where: `${where}.${key}`, problem: `${id} does not state "${found.surface}"` });
          }
      }
    }
    if (Array.isArray(o.statedDurations)) {
      (o.statedDurations as { text: string; sources: string[] }[]).forEach((sd, i) => {
        for (const id of sd.sources) {
          checked.durations++;
          const text = seed(`${where}.statedDurations[${i}]`, id);
          if (text !== null && !squash(text).includes(sd.text))
            findings.push({
              where: `${where}.statedDurations[${i}]`,
              problem: `${id} does not say "${sd.text}"`,
            });
        }
      });
    }
    for (const [key, v] of Object.entries(o)) {
      if (key === "variants") continue;
      walk(v, `${where}.${key}`, file);
    }
  };
  for (const file of readdirSync(DATA_DIR).filter((f) => f.endsWith(".json"))) {
    const records = JSON.parse(readFileSync(join(DATA_DIR, file), "utf8")) as { id: string }[];
    for (const r of records) walk(r, `${file} ${r.id}`, file);
    if (file === "claims.json") {
      for (const c of records as unknown as { id: string; source: string; text: string }[]) {
        for (const q of c.text.matchAll(/"([^"]+)"/g)) {
          checked.quotes++;
          const text = seed(`claims.json ${c.id}`, c.source);
          if (
            text !== null &&
            !squash(text)
              .toLowerCase()
              .includes(squash(q[1] as string).toLowerCase())
          )
            findings.push({ where: `claims.json ${c.id}`, problem: `${c.source} does not say "${q[1]}"` });
        }
      }
    }
  }
  return { findings, checked };
}

// The seeds sit beside the checkout in CI and on the team's machines; a clone on its own (a user's
// `npm ci && npm test`) has no seeds to read, so there the audit is skipped. CI never skips it.
const HAVE_SEEDS = existsSync(SEEDS_DIR);

describe("the seeds", () => {
  it.runIf(process.env.CI || HAVE_SEEDS)(
    "are beside the checkout (CI and developers have ../shared/seeds)",
    () => {
      expect(HAVE_SEEDS, `no seed documents at ${SEEDS_DIR}`).toBe(true);
    },
  );

  it("are read by the date rule as the issue states it", () => {
    const passage =
      "When Stalin died on 5 March 1953, Malenkov resigned nine days later on 14 March.\nOn 2 May.";
    expect(states(passage, "1953-03-14", "day")).toBe(true);
    expect(states(passage, "1953-05-02", "day")).toBe(false);
    expect(states("In October 1964, the Central Committee", "1964-10-14", "day")).toBe(false);
    expect(states("In October 1964, the Central Committee", "1964-10", "month")).toBe(true);
    expect(states("(March–April 1922)", "1922-04", "month")).toBe(true);
    expect(states("Following the failed August coup of 1991, Gorbachev", "1991-08", "month")).toBe(true);
    expect(states("created in 1922", "1922-04-03", "day")).toBe(false);
    expect(states("on March 14, 1953", "1953-03-14", "day")).toBe(true);
  });
});

describe.skipIf(!HAVE_SEEDS)("provenance: every citation in data/ holds", () => {
  // Collected even when skipped: audit only where the seeds are.
  const { findings, checked } = HAVE_SEEDS
    ? audit()
    : { findings: [], checked: { dates: 0, textDates: 0, durations: 0, quotes: 0 } };
  it(`checks ${checked.dates} dated claims, ${checked.textDates} dates in texts, ${checked.durations} stated durations and ${checked.quotes} quotations`, () => {
    expect(checked.dates).toBeGreaterThan(100);
    expect(findings.map((f) => `${f.where}: ${f.problem}`)).toEqual([]);
  });
});
