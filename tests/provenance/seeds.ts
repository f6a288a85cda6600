// Reading the seeds for the provenance tests: where they are, what counts as a seed stating a date
// at a precision, what a passage is, which words of a sentence must be found together in one, and
// what a quotation is. Each rule is written out here, once, for tests/provenance*.test.ts.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MONTHS_EN } from "../../src/dates/parse.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
export const SEEDS_DIR = process.env.APPARAT_SEEDS_DIR ?? join(REPO, "..", "shared", "seeds");
export const DATA_DIR = join(REPO, "data");
export const HAVE_SEEDS = existsSync(SEEDS_DIR);

const MONTHS: readonly string[] = MONTHS_EN;

export type Precision = "day" | "month" | "year";

export const squash = (s: string) => s.replace(/\s+/g, " ");

/** The seed documents by source id (from data/sources.json; `editorial` has none). */
export function readSeeds(): Map<string, string> {
  const sources = JSON.parse(readFileSync(join(DATA_DIR, "sources.json"), "utf8")) as {
    id: string;
    file: string | null;
  }[];
  const out = new Map<string, string>();
  for (const s of sources) if (s.file) out.set(s.id, readFileSync(join(SEEDS_DIR, s.file), "utf8"));
  return out;
}

/** The year most recently stated before `index` in the same passage (a paragraph). */
function yearBefore(text: string, index: number): number | null {
  const passageStart = Math.max(text.lastIndexOf("\n\n", index), text.lastIndexOf("\n", index)) + 1;
  const years = [...text.slice(passageStart, index).matchAll(/\b(1[89]\d\d|20\d\d)\b/g)];
  const last = years.at(-1);
  return last ? Number(last[1]) : null;
}

/**
 * Whether `text` states the date at that precision: a day as "14 March 1953", "March 14, 1953" or
 * "1953-03-14", or a day and month with the year stated just before in the same passage; a month
 * as "March 1953" (or within "March–April 1953", or "the August coup of 1991"); a year as "1953".
 */
export function states(text: string, date: string, precision: Precision): boolean {
  const [y, m, d] = date.split("-").map(Number) as [number, number?, number?];
  const flat = squash(text);
  if (precision === "year") return new RegExp(`(?<!\\d)${y}(?!\\d)`).test(flat);
  const month = MONTHS[(m ?? 1) - 1] as string;
  if (precision === "month") {
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
export function datesIn(text: string): { date: string; precision: Precision; surface: string }[] {
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

/**
 * A seed's passages: each paragraph (a line of 150 characters or more) with the short lines just
 * before it (a heading, a portrait caption naming the holder of a list row); a run of short lines
 * on its own (an infobox); and each bulleted list as a whole.
 */
export function passagesOf(text: string): string[] {
  const out: string[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    let pending: string[] = [];
    for (const line of lines) {
      pending.push(line);
      if (line.length >= 150) {
        out.push(pending.join(" "));
        pending = [];
      }
    }
    if (pending.length) out.push(pending.join(" "));
    const bullets = lines.filter((l) => l.startsWith("•"));
    if (bullets.length > 1) out.push(bullets.join(" "));
  }
  return out.map(squash);
}

/** A word or name a sentence rests on, and how a passage must say it. */
export interface Anchor {
  kind: "person" | "congress" | "name" | "verb";
  /** As the sentence has it. */
  word: string;
  test: RegExp;
}

const ORDINAL_WORDS = [
  "",
  "First",
  "Second",
  "Third",
  "Fourth",
  "Fifth",
  "Sixth",
  "Seventh",
  "Eighth",
  "Ninth",
  "Tenth",
  "Eleventh",
  "Twelfth",
  "Thirteenth",
  "Fourteenth",
  "Fifteenth",
  "Sixteenth",
  "Seventeenth",
  "Eighteenth",
  "Nineteenth",
  "Twentieth",
];

function roman(n: number): string {
  const parts: [number, string][] = [
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  let left = n;
  for (const [v, s] of parts)
    while (left >= v) {
      out += s;
      left -= v;
    }
  return out;
}

/** A numbered congress, as digits ("17th"), a word ("Eleventh") or Roman ("XIXth"). */
function congressTest(n: number): RegExp {
  const word = ORDINAL_WORDS[n];
  const forms = [`${n}(?:st|nd|rd|th)`, `${roman(n)}th`, ...(word ? [word] : [])];
  return new RegExp(`\\b(?:${forms.join("|")}) (?:Party )?Congress`, "i");
}

/**
 * Named things a sentence can only have from a seed that names them: bodies, groups, documents,
 * offices outside the Secretariat.
 */
const NAMES = [
  "Anti-Party Group",
  "Politburo",
  "Orgburo",
  "Presidium",
  "Council of Ministers",
  "Supreme Soviet",
  "Article 6",
  "Cuban Missile Crisis",
  "Congress of People's Deputies",
  "troika",
  "collective leadership",
  "nomenklatura",
  "Union of Communist Parties",
  "UCP–CPSU",
  "President of Russia",
  "President of the Soviet Union",
  "Premier",
  "Deputy General Secretary",
  "cult of personality",
  "August (?:1991 )?coup",
  "October Revolution",
  "funeral",
];

/**
 * What happened, by the word a sentence uses for it: abolished, re-established, created, renamed,
 * dissolved, suspended, banned, removed, resigned, elected, appointed, defeated, attended,
 * denounced, withdrew, rejected, died. A seed saying "established" does not back "created".
 */
const VERBS: [string, RegExp, RegExp][] = [
  ["abolish", /\babolish/i, /\babolish/i],
  ["reestablish", /\bre-?establish/i, /\bre-?establish/i],
  ["establish", /(?<!re-?)\bestablish/i, /establish/i],
  ["create", /\bcreat(?:e|ed|es|ing|ion)\b/i, /\bcreat(?:e|ed|es|ing|ion)\b/i],
  ["found", /\bfound(?:ed|ing|ation)\b/i, /\bfound(?:ed|ing|ation)\b|\bFounded/i],
  ["rename", /\brenam/i, /\brenam/i],
  ["dissolve", /\bdissol/i, /\bdissol/i],
  ["suspend", /\bsuspen/i, /\bsuspen/i],
  ["ban", /\bbann?(?:ed)?\b/i, /\bbann?(?:ed)?\b/i],
  ["remove", /\bremov/i, /\bremov/i],
  ["resign", /\bresign/i, /\bresign/i],
  ["elect", /\b(?:re-?)?elect(?:ed|ion|ing|s)?\b/i, /\b(?:re-?)?elect(?:ed|ion|ing|s)?\b/i],
  ["appoint", /\bappoint/i, /\bappoint/i],
  ["defeat", /\bdefeat/i, /\bdefeat/i],
  ["attend", /\battend/i, /\battend/i],
  ["denounce", /\bdenounc|\bdenunciat/i, /\bdenounc|\bdenunciat/i],
  ["withdraw", /\bwithdr[ae]w/i, /\bwithdr[ae]w/i],
  ["reject", /\breject/i, /\breject/i],
  ["die", /\bdie[ds]?\b|\bdeath\b/i, /\bdie[ds]?\b|\bdeath\b|†/i],
];

/** People by the surname a sentence names them by, for anchors. */
export interface Named {
  id: string;
  surname: string;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The anchors of one clause: the people it names (and the person it is about, `owners`), any
 * numbered congress, named body or group, and what happened. A seed backs the clause only where
 * one passage says all of them.
 */
export function anchorsOf(clause: string, people: readonly Named[], owners: readonly string[]): Anchor[] {
  const out: Anchor[] = [];
  const seen = new Set<string>();
  const person = (p: Named) => {
    if (seen.has(p.id)) return;
    seen.add(p.id);
    // The first five letters: the seeds spell names more than one way ("Khruschev").
    out.push({ kind: "person", word: p.surname, test: new RegExp(`\\b${escapeRe(p.surname.slice(0, 5))}`) });
  };
  for (const p of people) if (new RegExp(`\\b${escapeRe(p.surname)}\\b`).test(clause)) person(p);
  for (const id of owners) {
    const p = people.find((x) => x.id === id);
    if (p) person(p);
  }
  for (const m of clause.matchAll(/\b(\d{1,2})(?:st|nd|rd|th) (?:Party )?Congress/g))
    out.push({ kind: "congress", word: m[0], test: congressTest(Number(m[1])) });
  for (const [i, w] of ORDINAL_WORDS.entries())
    if (w && new RegExp(`\\b${w} Party Congress`).test(clause))
      out.push({ kind: "congress", word: `${w} Party Congress`, test: congressTest(i) });
  for (const name of NAMES) {
    // A name is written as it is matched, but for "(?:…)": a seed may word it more than one way.
    const pattern = name.includes("(?:") ? name : escapeRe(name);
    if (new RegExp(`\\b${pattern}`, "i").test(clause))
      out.push({ kind: "name", word: name.replace(/\(\?:[^)]*\)/g, ""), test: new RegExp(pattern, "i") });
  }
  for (const [word, inClause, inSeed] of VERBS)
    if (inClause.test(clause)) out.push({ kind: "verb", word, test: inSeed });
  return out;
}

/** A sentence's clauses: split at "; ", at a sentence's end, and at ", then". */
export function clausesOf(text: string): string[] {
  return text
    .split(/; |(?<=[.!?])\s+(?=[A-Z])|, then /)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** The mark after a quotation given in Russian: the seed's words translated, not the seed's words. */
export const TRANSLATION_MARK = " (пер. с англ.)";
const MARKED = /«([^»]+)» \(пер\. с англ\.\)/g;

/**
 * The quotations in a text that claim to be a source's own words: “…”, "…" and «…», but not a
 * Russian translation marked as one («…» (пер. с англ.)): that is checked by `translationsIn`.
 */
export function quotesIn(text: string): string[] {
  return [...text.replace(MARKED, " | ").matchAll(/“([^”]+)”|"([^"]+)"|«([^»]+)»/g)].map(
    (m) => (m[1] ?? m[2] ?? m[3]) as string,
  );
}

/** The quotations a Russian text gives as translations: «…» followed by " (пер. с англ.)". */
export function translationsIn(text: string): string[] {
  return [...text.matchAll(MARKED)].map((m) => m[1] as string);
}

/** A text with its quotations taken out (each leaves a break, so runs do not join across it). */
export function unquoted(text: string): string {
  return text.replace(/“[^”]+”|"[^"]+"|«[^»]+»/g, " | ");
}

const wordsOf = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9'’|-]+/g, " ")
    .split(" ")
    .filter(Boolean);

/**
 * Runs of at least `min` words a text shares with a seed outside its quotation marks: a source's
 * own words given as the bot's, which must be quoted (and then be verbatim).
 */
export function copiedRuns(text: string, seed: string, min = 6): string[] {
  const mine = wordsOf(unquoted(text));
  const theirs = ` ${wordsOf(seed).join(" ")} `;
  const out: string[] = [];
  for (let i = 0; i + min <= mine.length; i++) {
    let n = min;
    const run = () => mine.slice(i, i + n);
    if (run().includes("|") || !theirs.includes(` ${run().join(" ")} `)) continue;
    while (
      i + n < mine.length &&
      mine[i + n] !== "|" &&
      theirs.includes(` ${mine.slice(i, i + n + 1).join(" ")} `)
    )
      n++;
    out.push(run().join(" "));
    i += n - 1;
  }
  return out;
}
