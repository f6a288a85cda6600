// "Look up in Apparat": how long spotting takes for a 2,000-character chat message, on the real
// dataset and with 100,000 synthetic people added (their names in Latin and Cyrillic).
import type { Dataset } from "../src/data/load.js";
import { NOT_NAMES, Spotter, spotSubjects } from "../src/spot/index.js";
import { SpotLexicon, type SpotSubject } from "../src/spot/lexicon.js";
import { percentile } from "./report.js";
import { mulberry32, pick, syntheticDataset } from "./synthetic.js";

const MESSAGE_LENGTH = 2000;
const MESSAGES = 500;
/** A running bot has long since compiled the spotter: warm it up first, on other messages. */
const WARMUP_ROUNDS = 3;

const CHAT = [
  "was",
  "it",
  "or",
  "after",
  "the",
  "party",
  "and",
  "then",
  "who",
  "led",
  "in",
  "that",
  "year",
  "i",
  "think",
  "no",
  "wait",
  "actually",
  "lol",
  "right?",
  "but",
  "when",
  "did",
  "die",
  "office",
  "meeting",
  "tomorrow",
  "reading",
  "group",
  "chapter",
  "что",
  "было",
  "при",
  "после",
  "кто",
  "тогда",
  "stalingrad",
  "chernobyl",
  "general",
  "meeting",
  "secretary",
  "club",
  "Leningrad",
  "хрущёвка",
  // Words the lookup must read as everyday words or as somebody else.
  "sec",
  "stain",
  "стали",
  "маленькое",
  "Alexander",
  "Gorky",
  "улица",
  "Street",
];
const DATES = [
  "14 Oct 1964",
  "march '53",
  "the 60s",
  "after 1985",
  "в марте 1953 года",
  "1956",
  "1982-11-10",
];

/** A deterministic chat message of about `length` characters, names and dates sprinkled in. */
function message(rand: () => number, names: readonly string[], length: number): string {
  const words: string[] = [];
  let size = 0;
  while (size < length) {
    const r = rand();
    const word = r < 0.08 ? pick(rand, names) : r < 0.11 ? pick(rand, DATES) : pick(rand, CHAT);
    words.push(word);
    size += word.length + 1;
  }
  return words.join(" ").slice(0, length);
}

function time(
  spotter: Spotter,
  warmup: readonly string[],
  messages: readonly string[],
): { p50: number; p99: number; max: number } {
  let sink = 0;
  for (let round = 0; round < WARMUP_ROUNDS; round++)
    for (const m of warmup) sink += spotter.spot(m).entities.length;
  const samples: number[] = [];
  for (const m of messages) {
    const t0 = performance.now();
    sink += spotter.spot(m).entities.length;
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  if (sink < 0) console.log(sink);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), max: samples.at(-1) ?? 0 };
}

function syntheticSubjects(count: number): { subjects: SpotSubject[]; names: string[] } {
  const { people } = syntheticDataset(count, 0x5907);
  const subjects = people.map((p, i) => ({
    id: `synthetic-${i}`,
    kind: "person" as const,
    phrases: [p.label, p.fullName, `${p.firstRu} ${p.surnameRu}`],
    alone: [p.surname, p.surnameRu],
  }));
  const rand = mulberry32(11);
  const names = Array.from({ length: 500 }, () => {
    const p = pick(rand, people);
    return rand() < 0.5 ? p.surname : p.surnameRu;
  });
  return { subjects, names };
}

/** `gc` collects garbage before each heap reading, so that the figure is what the lexicon keeps. */
export function benchSpot(ds: Dataset, gc: () => void = () => undefined): string[][] {
  const real = spotSubjects(ds);
  const realNames = [
    ...ds.people.map((p) => p.name.split(" ").at(-1) as string),
    "krushchev",
    "Брежневе",
    "Хрущёва",
    "Stalin's",
    "gensec",
    "генсека",
    "first sec",
    "Gorby",
    "Leonid Ilyich",
    "Никиту Сергеевича",
    "second secretaries",
    "генеральных секретарей",
  ];
  const rows: string[][] = [];
  const rand = mulberry32(2000);

  let t0 = performance.now();
  const realSpotter = new Spotter(new SpotLexicon(real, NOT_NAMES));
  const realBuild = performance.now() - t0;
  const realMessages = () => Array.from({ length: MESSAGES }, () => message(rand, realNames, MESSAGE_LENGTH));
  const r = time(realSpotter, realMessages(), realMessages());
  rows.push(["real data: build the lexicon", `${realBuild.toFixed(1)} ms`, "", "info"]);
  rows.push(["real data: p50 per 2,000-char message", `${r.p50.toFixed(3)} ms`, "", "info"]);
  rows.push(["real data: p99", `${r.p99.toFixed(3)} ms`, "< 2 ms", r.p99 < 2 ? "PASS" : "MISS"]);

  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const synthetic = syntheticSubjects(100_000);
  t0 = performance.now();
  const bigSpotter = new Spotter(new SpotLexicon([...real, ...synthetic.subjects], NOT_NAMES));
  const bigBuild = performance.now() - t0;
  gc();
  const heap = process.memoryUsage().heapUsed - heapBefore;
  const bigMessages = () =>
    Array.from({ length: MESSAGES }, () => message(rand, [...realNames, ...synthetic.names], MESSAGE_LENGTH));
  const b = time(bigSpotter, bigMessages(), bigMessages());
  rows.push(["100k synthetic people: build the lexicon", `${(bigBuild / 1000).toFixed(2)} s`, "", "info"]);
  rows.push([
    "100k synthetic people: heap for subjects and lexicon",
    `${(heap / 1024 / 1024).toFixed(0)} MiB`,
    "",
    "info",
  ]);
  rows.push(["100k synthetic people: p50 per message", `${b.p50.toFixed(3)} ms`, "", "info"]);
  rows.push([
    "100k synthetic people: p99",
    `${b.p99.toFixed(3)} ms`,
    "< 20 ms",
    b.p99 < 20 ? "PASS" : "MISS",
  ]);
  return rows;
}
