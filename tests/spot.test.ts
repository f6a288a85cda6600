import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFuzzyDate } from "../src/dates/parse.js";
import { normalizeName } from "../src/search/normalize.js";
import { spotDates } from "../src/spot/dates.js";
import { Spotter, spotSubjects } from "../src/spot/index.js";
import { SpotLexicon, withinOneSlip } from "../src/spot/lexicon.js";
import { foldWord, russianStem, textTokens } from "../src/spot/tokens.js";
import { GIVEN_NAMES, ORDINARY_EN, ORDINARY_RU } from "../src/spot/words.js";
import messages from "./eval/messages.json" with { type: "json" };
import { engine } from "./helpers.js";

interface EvalMessage {
  text: string;
  entities: string[];
  dates?: [string, string][];
  negative?: boolean;
}

const { spotter, dataset } = engine();
const subjects = spotSubjects(dataset);
const found = (text: string) => spotter.spot(text).entities.map((e) => e.id);
const set = messages as EvalMessage[];
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

describe("the public evaluation set of chat messages (tests/eval/messages.json)", () => {
  it("has at least 150 messages, negatives included", () => {
    expect(set.length).toBeGreaterThanOrEqual(150);
    expect(set.filter((m) => m.negative).length).toBeGreaterThanOrEqual(60);
  });

  it("finds exactly the right people and offices in at least 90 % of messages", () => {
    const misses = set.filter(
      (m) =>
        !sameSet(
          spotter.spot(m.text).entities.map((e) => e.id),
          m.entities,
        ),
    );
    const rate = 1 - misses.length / set.length;
    console.log(
      `spot exact-set: ${(rate * 100).toFixed(1)}% of ${set.length}; misses:\n  ${misses.map((m) => m.text).join("\n  ")}`,
    );
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });

  it("finds no person or office at all in any negative", () => {
    const found = set
      .filter((m) => m.negative)
      .flatMap((m) => spotter.spot(m.text).entities.map((e) => `${m.text} → ${e.id} (${e.surface})`));
    expect(found).toEqual([]);
  });

  it("reads the dates and periods, at least 90 % exactly", () => {
    const dated = set.filter((m) => m.dates);
    const right = dated.filter((m) => {
      const got = spotter.spot(m.text).dates.map((d) => [d.from, d.to]);
      return JSON.stringify(got) === JSON.stringify(m.dates);
    });
    expect(right.length / dated.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe("what a match looks like", () => {
  it("gives the words as written and their string indices", () => {
    const text = "was it krushchev or malenkov after stalin?";
    const r = spotter.spot(text);
    expect(r.entities).toEqual([
      { id: "nikita-khrushchev", kind: "person", surface: "krushchev", start: 7, end: 16 },
      { id: "georgy-malenkov", kind: "person", surface: "malenkov", start: 20, end: 28 },
      { id: "joseph-stalin", kind: "person", surface: "stalin", start: 35, end: 41 },
    ]);
  });

  it("gives a date that reads two ways as both readings", () => {
    expect(spotter.spot("on 5/3/1953").dates.map((d) => [d.surface, d.from, d.to])).toEqual([
      ["5/3/1953", "1953-03-05", "1953-03-05"],
      ["5/3/1953", "1953-05-03", "1953-05-03"],
    ]);
  });

  it("names each subject once, at its first mention, and takes the longest phrase", () => {
    const r = spotter.spot("Nikita Khrushchev, then Khrushchev again, as First Secretary");
    expect(r.entities.map((e) => [e.id, e.surface])).toEqual([
      ["nikita-khrushchev", "Nikita Khrushchev"],
      ["first-secretary", "First Secretary"],
    ]);
  });

  it("refuses a word two people could equally be", () => {
    const lexicon = new SpotLexicon([
      { id: "a", kind: "person", phrases: ["Ivan Petrov"], alone: ["Petrov"] },
      { id: "b", kind: "person", phrases: ["Pyotr Petrov"], alone: ["Petrov"] },
    ]);
    const s = new Spotter(lexicon);
    expect(s.spot("Petrov said so").entities).toEqual([]);
    expect(s.spot("Pyotr Petrov said so").entities.map((e) => e.id)).toEqual(["b"]);
  });
});

describe("restraint: a word that names somebody or something else finds nothing", () => {
  it("takes a surname after somebody else's first name, patronymic or initial for another man", () => {
    for (const text of [
      "Alexander Zinoviev wrote The Yawning Heights",
      "alexander zinoviev, the logician",
      "A. Zinoviev",
      "Александра Зиновьева читали все",
      "Сергей Никитич Хрущёв",
      "Sergei Khrushchev",
      "Yakov Dzhugashvili",
      "Nikita Stalin",
    ])
      expect(found(text), text).toEqual([]);
    for (const [text, id] of [
      ["Grigory Zinoviev", "grigory-zinoviev"],
      ["G. Zinoviev", "grigory-zinoviev"],
      ["Г. Е. Зиновьев", "grigory-zinoviev"],
      ["Лев Троцкий", "leon-trotsky"],
      ["Comrade Zinoviev", "grigory-zinoviev"],
    ])
      expect(found(text as string), text).toEqual([id]);
  });

  it("finds nobody in any listed first name before any surname of ours that is not that man's own", () => {
    const wrong: string[] = [];
    for (const s of subjects) {
      if (s.kind !== "person") continue;
      const own = new Set((s.own ?? []).map(foldWord));
      const surnames = s.alone.filter((a) => !(s.exact ?? []).includes(a)).slice(0, 3);
      for (const given of GIVEN_NAMES) {
        if (own.has(foldWord(given))) continue;
        for (const surname of surnames) {
          const text = `${given} ${surname}`;
          if (found(text).includes(s.id)) wrong.push(text);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("takes a name beside a place word for the place", () => {
    for (const text of ["улица Ленина", "на площади Дзержинского", "Lenin Street", "Sverdlov Square"])
      expect(found(text), text).toEqual([]);
    expect(found("Lenin's tomb")).toEqual(["vladimir-lenin"]);
  });

  it("reads an everyday word as the everyday word", () => {
    for (const text of [
      "the first sec of the video",
      "gen sec exam tomorrow",
      "Gorky Park",
      "Maxim Gorky",
      "a coffee stain",
      "мы стали друзьями",
      "он ленив",
      "маленькое кафе",
      "стадо козлов",
      "the general secretary of NATO",
      "first secretary of the embassy",
      "the UN secretariat",
    ])
      expect(found(text), text).toEqual([]);
    // The same words beside something named for certain, or with a slip nothing ordinary fits.
    expect(found("first sec or general secretary in 1965?")).toEqual([
      "first-secretary",
      "general-secretary",
    ]);
    expect(found("Козлов был вторым секретарём")).toEqual(["frol-kozlov", "second-secretary"]);
    expect(found("Stallin and Breznev")).toEqual(["joseph-stalin", "leonid-brezhnev"]);
  });

  it("finds nothing in any ordinary word of the list, alone in a sentence", () => {
    for (const word of [...ORDINARY_EN, ...ORDINARY_RU]) expect(found(`so ${word} then`), word).toEqual([]);
  });

  it("lists only ordinary words that a name is, or is one slip from (in any case form)", () => {
    const nameWords = new Set(
      subjects.flatMap((s) => [...s.phrases, ...s.alone]).flatMap((n) => textTokens(n).map((t) => t.norm)),
    );
    const near = (w: string) =>
      nameWords.has(w) || [...nameWords].some((n) => withinOneSlip(w, n) || withinOneSlip(russianStem(w), n));
    expect([...ORDINARY_EN, ...ORDINARY_RU].filter((w) => !near(w))).toEqual([]);
  });
});

describe("reach: the ways people name these men and offices", () => {
  it("finds a man by first name and patronymic, in Latin or Cyrillic letters and in any case", () => {
    for (const [text, id] of [
      ["Leonid Ilyich", "leonid-brezhnev"],
      ["Leonid Ilich Brezhnev", "leonid-brezhnev"],
      ["Никита Сергеевич", "nikita-khrushchev"],
      ["Никиту Сергеевича сняли", "nikita-khrushchev"],
      ["с Никитой Сергеевичем", "nikita-khrushchev"],
      ["Nikita Sergeevich", "nikita-khrushchev"],
      ["Mikhail Sergeyevich", "mikhail-gorbachev"],
      ["Михаила Сергеевича", "mikhail-gorbachev"],
      ["Владимира Ильича", "vladimir-lenin"],
      ["Yuri Vladimirovich", "yuri-andropov"],
      ["N. S. Khrushchev", "nikita-khrushchev"],
    ])
      expect(found(text as string), text).toEqual([id]);
  });

  it("finds an office in the plural and in any Russian case", () => {
    for (const [text, id] of [
      ["they were all second secretaries", "second-secretary"],
      ["general secretaries", "general-secretary"],
      ["the responsible secretaries", "responsible-secretary"],
      ["генеральных секретарей", "general-secretary"],
      ["первые секретари", "first-secretary"],
      ["вторым секретарём", "second-secretary"],
      ["генсеков", "general-secretary"],
      ["secretariats", "secretariat"],
    ])
      expect(found(text as string), text).toEqual([id]);
  });
});

describe("dates read on the spot", () => {
  it("mean what the same words mean to /when's parser", () => {
    const pieces = [
      "14",
      "14th",
      "12-го",
      "of",
      "Oct",
      "Oct.",
      "October",
      "march",
      "ноября",
      "мая",
      "May",
      "1953",
      "1964",
      "'53",
      "’64",
      "the",
      "60s",
      "1960s",
      "'60s",
      "60-е",
      "1960-х",
      "sixties",
      "early",
      "mid-1953",
      "late",
      "between",
      "and",
      "from",
      "to",
      "until",
      "с",
      "со",
      "по",
      "до",
      "после",
      "after",
      "since",
      "before",
      "весной",
      "1982-11-10",
      "10.11.1982",
      "5/3/1953",
      "1917–1919",
      "1953–64",
      "-",
      "–",
      " - ",
      ",",
      "Stalin",
      "года",
      "29",
      "31",
      "February",
      "9",
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 8 }),
        fc.constantFrom(" ", ", "),
        (words, sep) => {
          for (const d of spotDates(words.join(sep))) {
            const parsed = parseFuzzyDate(d.surface);
            expect(
              parsed.ok && parsed.readings.some((r) => r.from === d.from && r.to === d.to),
              d.surface,
            ).toBe(true);
          }
        },
      ),
      { numRuns: 3000, seed: 23 },
    );
  });
});

describe("any text at all", () => {
  it("never throws, and every match points at its own words", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc
            .array(
              fc.constantFrom(
                "Stalin",
                "5/3/1953",
                "хрущёва",
                "gensec",
                "'53",
                "1964",
                "after",
                "the 60s",
                "Molotov",
                " ",
                "!",
              ),
              { maxLength: 40 },
            )
            .map((w) => w.join(" ")),
        ),
        (text) => {
          const r = spotter.spot(text);
          for (const e of [...r.entities, ...r.dates]) {
            expect(text.slice(e.start, e.end)).toBe(e.surface);
          }
          for (const d of r.dates) expect(d.from <= d.to).toBe(true);
          // Two readings of one date (5/3/1953) share its span; spans never overlap otherwise.
          const spans = [...r.entities, ...r.dates]
            .filter((s, i, all) => all.findIndex((x) => x.start === s.start && x.end === s.end) === i)
            .sort((a, b) => a.start - b.start);
          for (let i = 1; i < spans.length; i++) {
            expect(spans[i]!.start >= spans[i - 1]!.end).toBe(true);
          }
        },
      ),
      { numRuns: 300, seed: 1313 },
    );
  });
});

describe("folding words", () => {
  it("folds a word exactly as the name search does, on its fast path and off it", () => {
    const letters = [..."abcxyzABCXYZ019абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЁЙЪ'’ʼéñßłøæœı"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 12 }), (chars) => {
        const word = chars.join("");
        expect(foldWord(word)).toBe(normalizeName(word).replace(/ /g, ""));
      }),
      { numRuns: 2000, seed: 77 },
    );
  });

  it("folds the words of a text as the name search folds each of them", () => {
    const letters = [..."abcxyzABCXYZ019абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЁЙЪЬ'’ʼéñßłøæœı -,."];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 24 }), (chars) => {
        const text = chars.join("");
        for (const t of textTokens(text)) {
          const word = text.slice(t.start, t.end);
          expect(t.norm).toBe(normalizeName(word).replace(/ /g, ""));
          expect(t.cyrillic).toBe(/[\u0400-\u04ff]/.test(t.norm));
        }
      }),
      { numRuns: 2000, seed: 78 },
    );
  });

  it("finds words with their string indices, apostrophes inside words kept", () => {
    expect(textTokens("Stalin's “gensec”, при Брежневе!").map((t) => [t.norm, t.start, t.end])).toEqual([
      ["stalins", 0, 8],
      ["gensec", 10, 16],
      ["при", 19, 22],
      ["брежневе", 23, 31],
    ]);
  });
});
