import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeName } from "../src/search/normalize.js";
import { Spotter } from "../src/spot/index.js";
import { SpotLexicon } from "../src/spot/lexicon.js";
import { foldWord, textTokens } from "../src/spot/tokens.js";
import messages from "./eval/messages.json" with { type: "json" };
import { engine } from "./helpers.js";

interface EvalMessage {
  text: string;
  entities: string[];
  dates?: [string, string][];
  negative?: boolean;
}

const spotter = engine().spotter;
const set = messages as EvalMessage[];
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

describe("the public evaluation set of chat messages (tests/eval/messages.json)", () => {
  it("has at least 60 messages, negatives included", () => {
    expect(set.length).toBeGreaterThanOrEqual(60);
    expect(set.filter((m) => m.negative).length).toBeGreaterThanOrEqual(15);
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

  it("finds words with their string indices, apostrophes inside words kept", () => {
    expect(textTokens("Stalin's “gensec”, при Брежневе!").map((t) => [t.norm, t.start, t.end])).toEqual([
      ["stalins", 0, 8],
      ["gensec", 10, 16],
      ["при", 19, 22],
      ["брежневе", 23, 31],
    ]);
  });
});
