// Every citation in data/ must hold: the cited seed states that fact at that precision and says
// what the sentence says. Checked mechanically against the five seed documents (../shared/seeds
// beside the checkout), with no list of exceptions:
// - a dated claim ({date, precision, sources}) and every date written in a sourced text: a day as
//   "14 March 1953", "March 14, 1953" or "1953-03-14", or a day and month with the year stated
//   just before in the same passage; a month as "March 1953" (or within "March–April 1953", or
//   "the August coup of 1991"); a year as "1953";
// - a stated duration: verbatim in each cited seed;
// - every quotation in a sourced text: verbatim (whitespace aside) in a seed it cites; its Russian
//   gives each as a translation marked "(пер. с англ.)", one beside each English quotation, and
//   no Russian quotation that is not so marked (no seed says anything in Russian); the same for a
//   dispute's explanation, whose quotations are verbatim in a seed its claims cite;
// - every clause of a sourced text: its anchors (the people it names or is about, a numbered
//   congress, a named body or group, what happened) together in one passage of each cited seed;
// - no sourced text names a source or says "According to": the renderer attributes, once;
// - a characterisation (claims.json) gives its source's words in quotation marks: no run of six
//   words copied from the source outside them;
// - a text only the partisan source gives reads on after "According to ProleWiki, ".
// tests/provenance-shown.test.ts and tests/provenance-trivia.test.ts check what users are shown.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { namedPeople, sourcedTexts } from "./provenance/data.js";
import {
  anchorsOf,
  clausesOf,
  copiedRuns,
  DATA_DIR,
  datesIn,
  HAVE_SEEDS,
  type Precision,
  passagesOf,
  quotesIn,
  readSeeds,
  SEEDS_DIR,
  squash,
  states,
  translationsIn,
} from "./provenance/seeds.js";

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
  const checked = { dates: 0, textDates: 0, durations: 0 };
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
    // A period's note is cited by its own noteSources.
    if (typeof o.note === "string" && Array.isArray(o.noteSources) && !cited) {
      for (const found of datesIn(o.note))
        for (const id of o.noteSources as string[]) {
          checked.textDates++;
          const seedText = seed(`${where}.note`, id);
          if (seedText !== null && !states(seedText, found.date, found.precision))
            findings.push({ where: `${where}.note`, problem: `${id} does not state "${found.surface}"` });
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
  }
  return { findings, checked };
}

// The seeds sit beside the checkout in CI and on the team's machines; a clone on its own (a user's
// `npm ci && npm test`) has no seeds to read, so there the audit is skipped. CI never skips it.

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
    : { findings: [], checked: { dates: 0, textDates: 0, durations: 0 } };
  it(`checks ${checked.dates} dated claims, ${checked.textDates} dates in texts and ${checked.durations} stated durations`, () => {
    expect(checked.dates).toBeGreaterThan(100);
    expect(findings.map((f) => `${f.where}: ${f.problem}`)).toEqual([]);
  });
});

/** What each sentence of data/ says, against each seed it cites (see the header). */
function sentences() {
  const seeds = readSeeds();
  const passages = new Map([...seeds].map(([id, text]) => [id, passagesOf(text)]));
  const people = namedPeople();
  const texts = sourcedTexts();
  const findings: string[] = [];
  const checked = {
    sentences: texts.length,
    clauses: 0,
    quotations: 0,
    characterisations: 0,
    translations: 0,
  };
  for (const t of texts) {
    const cited = t.sources.filter((id) => seeds.has(id));
    for (const q of quotesIn(t.text)) {
      checked.quotations++;
      if (!cited.some((id) => squash(seeds.get(id) as string).includes(squash(q))))
        findings.push(`${t.where}: no seed it cites (${t.sources.join(", ")}) says "${q}"`);
    }
    if (t.ru !== undefined) {
      checked.translations += translationsIn(t.ru).length;
      findings.push(...translationFindings(t.where, quotesIn(t.text), t.ru));
    }
    for (const clause of clausesOf(t.text)) {
      const anchors = anchorsOf(clause, people, t.owners);
      if (anchors.length === 0) continue;
      checked.clauses++;
      for (const id of cited) {
        const found = (passages.get(id) ?? []).some((p) => anchors.every((a) => a.test.test(p)));
        if (!found)
          findings.push(
            `${t.where}: ${id} has no passage that says ${anchors.map((a) => a.word).join(" + ")}: "${clause}"`,
          );
      }
    }
    if (/\bAccording to\b|ProleWiki|Wikipedia|\bseeds?\b|\bApparat\b/i.test(t.text))
      findings.push(`${t.where}: names a source or attributes itself: "${t.text}"`);
    if (t.attributed) {
      checked.characterisations++;
      for (const id of cited)
        for (const run of copiedRuns(t.text, seeds.get(id) as string))
          findings.push(`${t.where}: ${id}'s words "${run}" are not in quotation marks`);
    }
  }
  return { findings, checked };
}

/**
 * A Russian text's quotations against its English's: each English quotation (already found verbatim
 * in a seed) has its marked translation, and the Russian quotes nothing unmarked, which would
 * present Russian words as a source's own.
 */
function translationFindings(where: string, english: string[], ru: string): string[] {
  const out = quotesIn(ru).map(
    (q) => `${where}: the Russian quotes «${q}» as a source's words; mark it as a translation (пер. с англ.)`,
  );
  const marked = translationsIn(ru).length;
  if (marked !== english.length)
    out.push(
      `${where}: the Russian gives ${marked} marked translation(s) for ${english.length} English quotation(s)`,
    );
  return out;
}

/**
 * A dispute's explanation quotes the sources in single or double quotation marks ("the note's
 * '7 months'"): each verbatim in a seed its claims cite, each translated and marked in Russian.
 */
function explanations() {
  const seeds = readSeeds();
  const disputes = JSON.parse(readFileSync(join(DATA_DIR, "disputes.json"), "utf8")) as {
    id: string;
    why: string;
    whyRu?: string;
    claims: { sources: string[] }[];
  }[];
  const findings: string[] = [];
  let quotations = 0;
  for (const d of disputes) {
    const cited = [...new Set(d.claims.flatMap((c) => c.sources))].filter((id) => seeds.has(id));
    const quotes = [
      ...quotesIn(d.why),
      ...[...d.why.matchAll(/(?<![\p{L}\d])'([^']+)'(?![\p{L}\d])/gu)].map((m) => m[1] as string),
    ];
    for (const q of quotes) {
      quotations++;
      if (!cited.some((id) => squash(seeds.get(id) as string).includes(squash(q))))
        findings.push(`disputes.json ${d.id} why: no seed its claims cite says "${q}"`);
    }
    if (d.whyRu !== undefined)
      findings.push(...translationFindings(`disputes.json ${d.id} why`, quotes, d.whyRu));
  }
  return { findings, quotations };
}

/** Texts only the partisan source gives, shown as "According to ProleWiki, <text>". */
function partisanOnlyOpenings(): string[] {
  const sources = JSON.parse(readFileSync(join(DATA_DIR, "sources.json"), "utf8")) as {
    id: string;
    kind: string;
  }[];
  const partisan = new Set(sources.filter((s) => s.kind === "partisan wiki").map((s) => s.id));
  const names = new Set(
    (JSON.parse(readFileSync(join(DATA_DIR, "people.json"), "utf8")) as { name: string }[]).flatMap((p) =>
      p.name.split(" "),
    ),
  );
  return sourcedTexts()
    .filter((t) => t.voiced && t.sources.length > 0 && t.sources.every((id) => partisan.has(id)))
    .filter((t) => !/^[a-z]/.test(t.text) && !names.has(t.text.split(/[\s',]/)[0] as string))
    .map((t) => `${t.where}: "${t.text}" does not read on after "According to …, "`);
}

describe.skipIf(!HAVE_SEEDS)("provenance: every sentence in data/ says what its seeds say", () => {
  const { findings, checked } = HAVE_SEEDS
    ? sentences()
    : {
        findings: [],
        checked: { sentences: 0, clauses: 0, quotations: 0, characterisations: 0, translations: 0 },
      };
  it(`checks ${checked.sentences} sentences (${checked.clauses} clauses with anchors), ${checked.quotations} quotations (${checked.translations} translated into Russian) and ${checked.characterisations} characterisations`, () => {
    expect(checked.sentences).toBeGreaterThan(150);
    expect(findings).toEqual([]);
  });

  it("quotes the seeds verbatim in the disputes' explanations, and translates those quotations as such", () => {
    const { findings: bad, quotations } = explanations();
    expect(quotations).toBeGreaterThan(0);
    expect(bad).toEqual([]);
  });

  it("never takes a marked Russian translation for a source's words, nor lets an unmarked one pass", () => {
    const english = ['"Secretary of the Central Committee"'].flatMap(quotesIn);
    const marked = "как «секретарь Центрального комитета» (пер. с англ.)";
    expect(quotesIn(marked)).toEqual([]);
    expect(translationsIn(marked)).toEqual(["секретарь Центрального комитета"]);
    expect(translationFindings("x", english, marked)).toEqual([]);
    expect(translationFindings("x", english, "как «секретарь Центрального комитета»")).toEqual([
      "x: the Russian quotes «секретарь Центрального комитета» as a source's words; mark it as a translation (пер. с англ.)",
      "x: the Russian gives 0 marked translation(s) for 1 English quotation(s)",
    ]);
    expect(translationFindings("x", [], marked)).toEqual([
      "x: the Russian gives 1 marked translation(s) for 0 English quotation(s)",
    ]);
  });

  it("words every partisan-only text to follow its attribution", () => {
    expect(partisanOnlyOpenings()).toEqual([]);
  });
});
