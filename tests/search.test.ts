import Fuse from "fuse.js";
import { describe, expect, it } from "vitest";
import { CharBounds, FUSE_OPTIONS, fuseChunks, SearchIndex } from "../src/search/index.js";
import { normalizeName } from "../src/search/normalize.js";
import { mulberry32 } from "../src/trivia/random.js";
import { engine } from "./helpers.js";

const search = engine().search;

describe("normalizeName", () => {
  it("folds case, accents, ё, punctuation, markup and spaces the same way for queries and keys", () => {
    expect(normalizeName("  Горбачёв ")).toBe(normalizeName("горбачев"));
    expect(normalizeName("Brézhnev, Leonid!!")).toBe("brezhnev leonid");
    expect(normalizeName("**K.   Chernenko**")).toBe("k chernenko");
    expect(normalizeName("Dzierżyński")).toBe("dzierzynski");
    expect(normalizeName("<@123> 🚩")).toBe("123");
  });
});

describe("search", () => {
  it.each([
    ["krushchev", "nikita-khrushchev", undefined],
    ["Горбачёв", "mikhail-gorbachev", /Russian spelling/],
    ["Chruschtschow", "nikita-khrushchev", /German spelling of Khrushchev/],
    ["K. Chernenko", "konstantin-chernenko", undefined],
    ["Brezhnev, Leonid", "leonid-brezhnev", undefined],
    ["Nikita", "nikita-khrushchev", /first name/],
    ["Koba", "joseph-stalin", /nickname/],
    ["gensec", "general-secretary", /another name/],
    ["генсек", "general-secretary", /another name/],
    ["first secretary", "first-secretary", undefined],
    ["Andropoff", "yuri-andropov", undefined],
  ])("finds %s confidently", (query, id, matched) => {
    const r = search.search(query);
    expect(r.best).toBe(id);
    expect(r.results[0]?.id).toBe(id);
    if (matched) expect(r.results[0]?.matched).toMatch(matched);
  });

  it.each([
    "Putin",
    "Bukharin",
    "Kirov",
    "Mikoyan",
    "Zhdanov",
    "Nix",
    "Mikhail",
    "@everyone",
    "asdfgh",
    "🚩",
  ])("is not confident about %s", (query) => {
    expect(search.search(query).best).toBeNull();
  });

  it("offers near entries when not confident", () => {
    const r = search.search("Mikhail");
    expect(
      r.results
        .map((h) => h.id)
        .slice(0, 2)
        .sort(),
    ).toEqual(["mikhail-gorbachev", "mikhail-suslov"]);
  });

  it("scores in [0, 1], best first", () => {
    for (const q of ["stalin", "stasova", "secretary", "brezhnev leonid ilyich"]) {
      const scores = search.search(q).results.map((h) => h.score);
      for (const s of scores) expect(s).toBeGreaterThanOrEqual(0);
      for (const s of scores) expect(s).toBeLessThanOrEqual(1);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
  });

  it("survives very long and odd input", () => {
    expect(search.search("x".repeat(6000)).best).toBeNull();
    expect(search.search("‏מִיכָאֵל‏").best).toBeNull();
    expect(search.search("").results).toEqual([]);
  });
});

describe("autocomplete", () => {
  const ids = (q: string, kind?: "person" | "office") =>
    search.autocomplete(q, kind ? { kind } : {}).map((h) => h.id);

  it("works on partial input", () => {
    expect(ids("khr", "person")[0]).toBe("nikita-khrushchev");
    expect(ids("gor", "person")[0]).toBe("mikhail-gorbachev");
    expect(ids("Бре", "person")[0]).toBe("leonid-brezhnev");
    expect(ids("sta", "person").slice(0, 2).sort()).toEqual(["elena-stasova", "joseph-stalin"]);
    expect(ids("krush", "person")[0]).toBe("nikita-khrushchev");
  });

  it("offers the leaders in order for an empty query", () => {
    const list = ids("", "person");
    expect(list.slice(0, 4)).toEqual([
      "elena-stasova",
      "yakov-sverdlov",
      "nikolay-krestinsky",
      "vyacheslav-molotov",
    ]);
    expect(list).toContain("mikhail-gorbachev");
    expect(list.length).toBeLessThanOrEqual(25);
  });

  it("says what matched when it was not the display name", () => {
    const [first] = search.autocomplete("Chruschtschow", { kind: "person" });
    expect(first?.matched).toBe("German spelling of Khrushchev");
    expect(first?.matchedRu).toBe("немецкое написание фамилии Никиты Хрущёва");
    const [latin] = search.autocomplete("Chrushchev", { kind: "person" });
    expect(latin?.matchedRu).toMatch(/^латинская запись фамилии Никиты Хрущёва \(.+\)$/);
    const [office] = search.autocomplete("Генсек", { kind: "office" });
    expect(office?.matched).toBe("another name for General Secretary");
    expect(office?.matchedRu).toBe("другое название должности Генерального секретаря ЦК КПСС");
  });

  it("stays within Discord's limits", () => {
    for (const q of ["", "a", "e", "ov", "secretary", "x".repeat(200)]) {
      const list = search.autocomplete(q);
      expect(list.length).toBeLessThanOrEqual(25);
      expect(new Set(list.map((h) => h.id)).size).toBe(list.length);
    }
  });
});

describe("SearchIndex on other data", () => {
  it("does not confuse a short query with a longer name containing it", () => {
    const index = new SearchIndex([
      { id: "phoenix", kind: "person", label: "Phoenix", prominence: 1, order: 0, keys: [] },
      { id: "nixon", kind: "person", label: "Richard Nixon", prominence: 1, order: 1, keys: [] },
    ]);
    expect(index.search("Nix").best).toBeNull();
    expect(index.search("nixon").best).toBe("nixon");
  });
});

describe("fuse.js candidates", () => {
  it("are never filtered out when fuse.js would match them", () => {
    const rng = mulberry32(20261201);
    const letters = "abcdekhinorstvy";
    const word = (n: number) =>
      Array.from({ length: n }, () => letters[Math.floor(rng() * letters.length)] as string).join("");
    let matched = 0;
    for (let trial = 0; trial < 3000; trial++) {
      const text = word(3 + Math.floor(rng() * 12));
      const pattern = rng() < 0.5 ? word(2 + Math.floor(rng() * 8)) : mutate(text, rng);
      if (pattern.length === 0) continue;
      const fuseMatches = new Fuse([text], FUSE_OPTIONS).search(pattern).length > 0;
      const bounds = new CharBounds(pattern, fuseChunks(pattern));
      const kept = bounds.canMatch(text, FUSE_OPTIONS.threshold);
      bounds.release();
      if (fuseMatches) {
        matched++;
        expect(kept, `${pattern} in ${text}`).toBe(true);
      }
    }
    // The trials include plenty of real matches, so the check above was exercised.
    expect(matched).toBeGreaterThan(500);
  });

  it("split long patterns into Fuse's 32-character chunks", () => {
    expect(fuseChunks("krushchev")).toEqual(["krushchev"]);
    const long = "abcdefghijklmnopqrstuvwxyz0123456789";
    expect(fuseChunks(long)).toEqual([long.slice(0, 32), long.slice(4)]);
  });
});

/** `text` with one or two random edits (a substring of it, a typo, a dropped letter). */
function mutate(text: string, rng: () => number): string {
  const at = Math.floor(rng() * text.length);
  const r = rng();
  if (r < 0.33) return text.slice(0, Math.max(2, at + 1));
  if (r < 0.66) return `${text.slice(0, at)}x${text.slice(at + 1)}`;
  return text.slice(0, at) + text.slice(at + 1);
}

describe("autocomplete answers and search results kept for the next person who types the same", () => {
  it("are what working them out afresh gives, for any input", async () => {
    const fc = (await import("fast-check")).default;
    const { buildSearchIndex } = await import("../src/search/entries.js");
    const ds = engine().dataset;
    const warm = buildSearchIndex(ds);
    const fresh = () => buildSearchIndex(ds);
    let cold = fresh();
    let asked = 0;
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("kh", "St", "бре", "gorb", " krush ", "")),
        fc.constantFrom(undefined, "person" as const, "office" as const),
        (q, kind) => {
          // A new index every so often, so that most answers compared are worked out there afresh.
          if (++asked % 50 === 0) cold = fresh();
          const options = kind ? { kind } : {};
          warm.autocomplete(q, options);
          expect(warm.autocomplete(q, options)).toEqual(cold.autocomplete(q, options));
          warm.search(q, options);
          expect(warm.search(q, options)).toEqual(cold.search(q, options));
        },
      ),
      { numRuns: 300 },
    );
  });
});
