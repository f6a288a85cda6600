/**
 * Apparat benchmarks: start-up, name search and autocomplete (real and synthetic data), date
 * parsing and `at` answers. Informational only: it prints tables with targets and PASS/MISS
 * and always exits 0. Run with `npm run bench`.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { type Dataset, loadDataset } from "../src/data/load.js";
import { parseFuzzyDate } from "../src/dates/parse.js";
import { atAnswer } from "../src/query/at.js";
import { buildSearchEntries, buildSearchIndex } from "../src/search/entries.js";
import { type SearchEntry, SearchIndex } from "../src/search/index.js";
import { benchCommands } from "./commands.js";
import { benchDaily } from "./daily.js";
import { benchPage } from "./page.js";
import { percentile, printTable } from "./report.js";
import { benchSpot } from "./spot.js";
import { mulberry32, pick, syntheticDataset } from "./synthetic.js";
import { benchTimeline } from "./timeline.js";
import { benchStorage } from "./trivia.js";

const SEED = 0x5eed;
const QUERIES_PER_DATASET = 2000;
const WARMUP_QUERIES = 300;
/**
 * Each query mix is timed this many times and the median pass is reported, so that a burst of
 * load from another process on a small machine does not decide the verdict; the spread of p99
 * across passes is shown too.
 */
const PASSES = 3;
/** Per pass over a mix: stop after this long, so that a slow build cannot stall the bench. */
const MEASURE_BUDGET_MS = 15_000;
const STARTUP_RUNS = 20;
const DATE_BUDGET_MS = 1_000;

// ---------------------------------------------------------------------------------------------
// Helpers

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** A sink for results, so that the work is not optimised away. */
let sink = 0;

const nowNs = (): bigint => process.hrtime.bigint();
const nsToMs = (ns: bigint): number => Number(ns) / 1e6;

const median = (samples: readonly number[]) =>
  percentile(
    [...samples].sort((a, b) => a - b),
    50,
  );

const ms = (v: number, digits = 3) => (Number.isFinite(v) ? v.toFixed(digits) : "-");
const int = (v: number) => Math.round(v).toLocaleString("en-US");
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

const verdict = (value: number, target: number | undefined) =>
  target === undefined ? "info" : value < target ? "PASS" : "MISS";

// ---------------------------------------------------------------------------------------------
// 1. Start-up: load + validate the dataset, build the search index

function benchStartup(): Dataset {
  const load: number[] = [];
  const index: number[] = [];
  const total: number[] = [];
  let ds: Dataset | undefined;
  for (let i = 0; i < STARTUP_RUNS; i++) {
    const t0 = performance.now();
    ds = loadDataset();
    const t1 = performance.now();
    const search = buildSearchIndex(ds);
    const t2 = performance.now();
    sink += search.size;
    load.push(t1 - t0);
    index.push(t2 - t1);
    total.push(t2 - t0);
  }
  const row = (name: string, s: number[], target?: number) => {
    const max = Math.max(...s);
    return [
      name,
      ms(s[0] as number, 1),
      ms(median(s), 1),
      ms(max, 1),
      target === undefined ? "" : `< ${target} ms`,
      target === undefined ? "" : verdict(max, target),
    ];
  };
  printTable(
    `1. Start-up on the real dataset (${STARTUP_RUNS} runs; "first" is the cold run; target checked on max)`,
    ["step", "first ms", "median ms", "max ms", "target", "result"],
    [row("loadDataset (read + validate)", load), row("buildSearchIndex", index), row("total", total, 200)],
    ["l", "r", "r", "r", "l", "l"],
  );
  return ds as Dataset;
}

// ---------------------------------------------------------------------------------------------
// 2. Search and autocomplete

type QueryKind = "prefix" | "full" | "typo" | "random";
interface Query {
  kind: QueryKind;
  text: string;
}

const LATIN = "abcdefghijklmnopqrstuvwxyz";
const CYRILLIC = "абвгдежзийклмнопрстуфхцчшщыэюя";
const NONSENSE = "qxzjwvqkfgbp";

/** One edit (substitution, deletion, insertion or transposition) somewhere after the first letter. */
function typo(rand: () => number, text: string): string {
  if (text.length < 3) return text;
  const alphabet = /[а-яё]/i.test(text) ? CYRILLIC : LATIN;
  let i = 1 + Math.floor(rand() * (text.length - 2));
  while (text[i] === " " && i < text.length - 1) i++;
  const c = pick(rand, [...alphabet]);
  switch (Math.floor(rand() * 4)) {
    case 0:
      return text.slice(0, i) + c + text.slice(i + 1);
    case 1:
      return text.slice(0, i) + text.slice(i + 1);
    case 2:
      return text.slice(0, i) + c + text.slice(i);
    default:
      return text.slice(0, i) + (text[i + 1] ?? "") + text[i] + text.slice(i + 2);
  }
}

function randomString(rand: () => number): string {
  const words = 1 + Math.floor(rand() * 2);
  const out: string[] = [];
  for (let w = 0; w < words; w++) {
    const len = 4 + Math.floor(rand() * 7);
    let s = "";
    for (let i = 0; i < len; i++) s += pick(rand, [...(i % 2 ? "aeiouy" : NONSENSE)]);
    out.push(s);
  }
  return out.join(" ");
}

interface NameSource {
  /** Display names: "Nikita Khrushchev". */
  fullNames: string[];
  /** Single name words, Latin and Cyrillic, to take prefixes of. */
  words: string[];
  /** Other whole forms: "Khrushchev Nikita", "Никита Хрущёв". */
  otherForms: string[];
}

/** The query mix: 40% prefixes of 1–5 chars, 20% full names, 20% one-typo names, 20% nonsense. */
function queryMix(names: NameSource, n: number, seed: number): Query[] {
  const rand = mulberry32(seed);
  const out: Query[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.4) {
      const word = pick(rand, names.words);
      const len = 1 + Math.floor(rand() * 5);
      out.push({ kind: "prefix", text: word.slice(0, len) });
    } else if (r < 0.6) {
      const text = rand() < 0.6 ? pick(rand, names.fullNames) : pick(rand, names.otherForms);
      out.push({ kind: "full", text });
    } else if (r < 0.8) {
      const base = rand() < 0.7 ? pick(rand, names.fullNames) : pick(rand, names.words);
      out.push({ kind: "typo", text: typo(rand, base) });
    } else {
      out.push({ kind: "random", text: randomString(rand) });
    }
  }
  return out;
}

function realNames(entries: readonly SearchEntry[]): NameSource {
  const people = entries.filter((e) => e.kind === "person");
  const fullNames = people.map((e) => e.label);
  const words = new Set<string>();
  const otherForms: string[] = [];
  for (const e of people) {
    for (const w of e.label.split(" ")) words.add(w);
    for (const k of e.keys) {
      if (/[а-яё]/i.test(k.text) && !k.text.includes(" ")) words.add(k.text);
      if (k.text.includes(" ")) otherForms.push(k.text);
    }
  }
  for (const e of entries.filter((x) => x.kind === "office")) otherForms.push(e.label);
  return { fullNames, words: [...words], otherForms };
}

interface Latency {
  n: number;
  p50: number;
  p99: number;
  max: number;
  /** Lowest and highest p99 among the passes. */
  p99Range: [number, number];
  byKind: Map<QueryKind, number>;
}

/** One timed pass over the mix: the samples, overall and per kind, ascending. */
function timePass(queries: readonly Query[], run: (q: string) => number, deadline: number) {
  const samples: number[] = [];
  const perKind = new Map<QueryKind, number[]>();
  for (const q of queries) {
    const t0 = nowNs();
    sink += run(q.text);
    const dt = nsToMs(nowNs() - t0);
    samples.push(dt);
    const list = perKind.get(q.kind);
    if (list) list.push(dt);
    else perKind.set(q.kind, [dt]);
    if (performance.now() > deadline) break;
  }
  samples.sort((a, b) => a - b);
  for (const list of perKind.values()) list.sort((a, b) => a - b);
  return { samples, perKind, p99: percentile(samples, 99) };
}

function measure(queries: readonly Query[], run: (q: string) => number): Latency {
  // Start from a clean heap, so one run does not pay for the garbage of the one before.
  gc();
  // Warm-up: a slice of the mix, so the JIT has seen every path.
  const warmEnd = performance.now() + MEASURE_BUDGET_MS / 5;
  for (let i = 0; i < WARMUP_QUERIES && performance.now() < warmEnd; i++) {
    sink += run((queries[(i * 7) % queries.length] as Query).text);
  }
  const passes: ReturnType<typeof timePass>[] = [];
  for (let p = 0; p < PASSES; p++) {
    const pass = timePass(queries, run, performance.now() + MEASURE_BUDGET_MS);
    passes.push(pass);
    // A pass cut short by the budget: too slow to time again.
    if (pass.samples.length < queries.length) break;
  }
  // The median complete pass by p99 (the lower middle one of an even number).
  const complete = passes.filter((p) => p.samples.length === queries.length);
  const ordered = (complete.length > 0 ? complete : passes).sort((a, b) => a.p99 - b.p99);
  const pass = ordered[(ordered.length - 1) >> 1] as ReturnType<typeof timePass>;
  const byKind = new Map<QueryKind, number>();
  for (const [kind, list] of pass.perKind) byKind.set(kind, percentile(list, 99));
  return {
    n: pass.samples.length,
    p50: percentile(pass.samples, 50),
    p99: pass.p99,
    max: pass.samples[pass.samples.length - 1] ?? Number.NaN,
    p99Range: [(ordered[0] as { p99: number }).p99, (ordered[ordered.length - 1] as { p99: number }).p99],
    byKind,
  };
}

interface SearchCase {
  name: string;
  people: number;
  keys: number;
  buildMs: number;
  heapBytes: number;
  /** p99 targets in ms, where the brief sets one. */
  target?: number;
  search: Latency;
  autocomplete: Latency;
}

function buildMeasured(entries: readonly SearchEntry[]): {
  index: SearchIndex;
  buildMs: number;
  heap: number;
} {
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const index = new SearchIndex(entries);
  const buildMs = performance.now() - t0;
  gc();
  const heap = process.memoryUsage().heapUsed - heap0;
  return { index, buildMs, heap };
}

function runCase(
  name: string,
  entries: readonly SearchEntry[],
  names: NameSource,
  keys: number,
  target?: number,
): SearchCase {
  const { index, buildMs, heap } = buildMeasured(entries);
  const queries = queryMix(names, QUERIES_PER_DATASET, SEED + entries.length);
  const autocomplete = measure(queries, (q) => index.autocomplete(q).length);
  const search = measure(queries, (q) => index.search(q).results.length);
  const people = entries.filter((e) => e.kind === "person").length;
  process.stderr.write(`  measured ${name}\n`);
  return { name, people, keys, buildMs, heapBytes: heap, target, search, autocomplete };
}

function benchSearch(ds: Dataset): void {
  const cases: SearchCase[] = [];
  const realEntries = buildSearchEntries(ds);
  const realKeys = realEntries.reduce((n, e) => n + e.keys.length + 1, 0);
  cases.push(runCase("real", realEntries, realNames(realEntries), realKeys, 1));

  for (const size of [1_000, 10_000, 100_000]) {
    const synth = syntheticDataset(size, SEED + size);
    const names: NameSource = {
      fullNames: synth.people.map((p) => p.label),
      words: synth.people.flatMap((p) => [p.surname, p.first, p.surnameRu]),
      otherForms: synth.people.flatMap((p) => [
        `${p.surname} ${p.first}`,
        `${p.firstRu} ${p.surnameRu}`,
        p.fullName,
      ]),
    };
    const label = `synthetic ${size / 1000}k`;
    cases.push(runCase(label, synth.entries, names, synth.keyCount, size === 100_000 ? 20 : undefined));
  }

  printTable(
    `2a. Search index build (entries include offices on the real dataset; heap = heapUsed delta after GC)`,
    ["dataset", "entries", "keys", "build ms", "heap"],
    cases.map((c) => [c.name, int(c.people), int(c.keys), ms(c.buildMs, 1), mib(c.heapBytes)]),
    ["l", "r", "r", "r", "r"],
  );

  const rows: string[][] = [];
  for (const c of cases) {
    for (const [op, lat] of [
      ["autocomplete", c.autocomplete],
      ["search", c.search],
    ] as const) {
      rows.push([
        c.name,
        op,
        int(lat.n),
        ms(lat.p50),
        ms(lat.p99),
        ms(lat.max),
        `${ms(lat.p99Range[0], 1)}-${ms(lat.p99Range[1], 1)}`,
        c.target === undefined ? "-" : `p99 < ${c.target} ms`,
        verdict(lat.p99, c.target),
      ]);
    }
  }
  printTable(
    `2b. Latency per query, ms (${QUERIES_PER_DATASET} queries: 40% prefixes of 1-5 chars, 20% full names, ` +
      `20% one typo, 20% nonsense; median of ${PASSES} passes, p99 spread across passes)`,
    ["dataset", "operation", "queries", "p50", "p99", "max", "p99 spread", "target", "result"],
    rows,
    ["l", "l", "r", "r", "r", "r", "r", "l", "l"],
  );

  const kinds: QueryKind[] = ["prefix", "full", "typo", "random"];
  printTable(
    "2c. p99 by query kind, ms (median pass; info)",
    ["dataset", "operation", ...kinds],
    cases.flatMap((c) =>
      (
        [
          ["autocomplete", c.autocomplete],
          ["search", c.search],
        ] as const
      ).map(([op, lat]) => [c.name, op, ...kinds.map((k) => ms(lat.byKind.get(k) ?? Number.NaN))]),
    ),
    ["l", "l", "r", "r", "r", "r"],
  );
}

// ---------------------------------------------------------------------------------------------
// 3. Dates: parseFuzzyDate and atAnswer throughput

const DATE_FORMS = [
  "1982-11-10",
  "1982/11/10",
  "10 November 1982",
  "10th November 1982",
  "November 10, 1982",
  "Nov 10 1982",
  "1982 November 10",
  "10.11.1982",
  "10.11.82",
  "15/06/1975",
  "03/05/1953",
  "May 1983",
  "1983-05",
  "05/1983",
  "1983",
  "the 1970s",
  "'70s",
  "1970-е",
  "1964-1966",
  "1964-66",
  "between 1953 and 1955",
  "from March 1953 to September 1953",
  "5 March to 14 March 1953",
  "с 1964 по 1982",
  "spring 1984",
  "winter 1953",
  "12 ноября 1982",
  "в ноябре 1982 года",
  "ноябрь 1982",
  "31 February 1982",
  "13/13/1980",
  "November",
  "1990-1980",
  "hello there",
  "",
];

function throughput(run: (text: string) => boolean): { iterations: number; elapsed: number; ok: number } {
  for (let i = 0; i < 200; i++) sink += run(DATE_FORMS[i % DATE_FORMS.length] as string) ? 1 : 0;
  let iterations = 0;
  let ok = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < DATE_BUDGET_MS) {
    for (const form of DATE_FORMS) if (run(form)) ok++;
    iterations += DATE_FORMS.length;
    elapsed = performance.now() - t0;
  }
  sink += ok;
  return { iterations, elapsed, ok: (ok / iterations) * DATE_FORMS.length };
}

function benchDates(ds: Dataset): void {
  const rows = (
    [
      ["parseFuzzyDate", (t: string) => parseFuzzyDate(t).ok],
      ["atAnswer", (t: string) => atAnswer(ds, t).ok],
    ] as const
  ).map(([name, run]) => {
    const r = throughput(run);
    return [
      name,
      String(DATE_FORMS.length),
      String(Math.round(r.ok)),
      int(r.iterations),
      ms(r.elapsed, 0),
      int((r.iterations / r.elapsed) * 1000),
      ms((r.elapsed * 1000) / r.iterations, 2),
    ];
  });
  printTable(
    "3. Date throughput over a mix of date forms (valid and invalid), info",
    ["function", "forms", "ok", "calls", "ms", "calls/s", "µs/call"],
    rows,
    ["l", "r", "r", "r", "r", "r", "r"],
  );
}

// ---------------------------------------------------------------------------------------------

const started = performance.now();
console.log(`Apparat benchmarks — Node ${process.version}, ${process.platform}/${process.arch}`);
const ds = benchStartup();
benchSearch(ds);
benchDates(ds);
printTable("4. Timeline pictures", ["measure", "value", "target", "result"], await benchTimeline(ds), [
  "l",
  "r",
  "r",
  "l",
]);
printTable(
  "5. Trivia answers: SQLite and PostgreSQL",
  ["measure", "value", "target", "result"],
  await benchStorage(),
  ["l", "r", "r", "l"],
);
printTable(
  "6. Look up in Apparat: spotting a 2,000-character message",
  ["measure", "value", "target", "result"],
  benchSpot(ds, gc),
  ["l", "r", "r", "l"],
);
printTable(
  `7. Commands in-process through the router: µs per call (median of passes)`,
  ["command", "µs/call", "passes", "target µs", "result"],
  await benchCommands(),
  ["l", "r", "r", "r", "l"],
);
printTable(
  "8. The teacher's page: 10,000 players over 5 eras, 50 requests in flight; a /metrics scrape",
  ["measure", "p50 / p99", "throughput", "target", "result"],
  await benchPage(ds),
  ["l", "r", "r", "r", "l"],
);
printTable(
  "9. Question of the day: checking due schedules per tick (10,000 schedules)",
  ["measure", "value", "target", "result"],
  await benchDaily(),
  ["l", "r", "r", "l"],
);
console.log(`\nTotal bench time: ${((performance.now() - started) / 1000).toFixed(1)} s (sink ${sink % 10})`);
