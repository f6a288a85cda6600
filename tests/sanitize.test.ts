// One sanitiser for user and imported text (src/text/sanitize.ts): what it removes, that it is
// idempotent and leaves ordinary text alone, and that every place such text is shown goes through
// it: embeds, button labels, the reveal's title, autocomplete, the console's terminal output.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { questionMessage, revealMessage } from "../src/cards/trivia.js";
import { payloadToText } from "../src/console/text.js";
import { quoteUserText } from "../src/interactions/payload.js";
import { parseQuestionFile } from "../src/question-sets/parse.js";
import { toTriviaQuestion } from "../src/question-sets/questions.js";
import { answerLabel } from "../src/text/answer-label.js";
import { isUnsafeChar, sanitizeLine, sanitizeText } from "../src/text/sanitize.js";
import type { AskedRow, RoundRow } from "../src/trivia/store.js";
import { engine } from "./helpers.js";

/** Every character the sanitiser must never let through (with `newlines`, "\n" is allowed). */
const UNSAFE = [
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)),
  ...Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i)),
  "\u061c",
  "\u200e",
  "\u200f",
  "\u202a",
  "\u202b",
  "\u202c",
  "\u202d",
  "\u202e",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
];
const unsafeIn = (s: string, newlines = false) => [...s].filter((c) => isUnsafeChar(c, newlines));

/** Strings full of what a terminal or Discord would act on: escapes, CSI, bells, overrides, breaks. */
const hostile = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...UNSAFE, "\x1b[", "\x1b]", "[", "31", "m", ";", "0", "?", "h", "a", "Я", " ", "\r\n"),
    fc.string({ unit: "binary", maxLength: 3 }),
  ),
  maxLength: 60,
});
const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 80 }), hostile);

/** Ordinary text: Latin, Cyrillic, punctuation and digits, spaces, and emoji with their joiners. */
const ordinary = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0x410, max: 0x44f }).map((c) => String.fromCharCode(c)),
    fc.constantFrom("Ё", "ё", "«", "»", "—", "–", "…", "№", "’", "“", "”"),
    fc.constantFrom("👍", "👍🏽", "❤️", "👨‍👩‍👧", "🇷🇺", "☭", "🏳️‍🌈", "1️⃣"),
  ),
  maxLength: 60,
});

// biome-ignore-start lint/suspicious/noControlCharactersInRegex: the sanitiser's own patterns, spelled out
/** The three replacements sanitizeLine makes, each run whatever the text (its fast path aside). */
function sanitizeLineInFull(text: string): string {
  return text
    .replace(/(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?/g, "")
    .replace(/\r\n|[\t\n\v\f\r\x85]/g, " ")
    .replace(/[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "");
}

/** quoteUserText's every step, whatever the text (its fast path aside). */
function quoteInFull(text: string, max: number): string {
  const flat = sanitizeLineInFull(text).replace(/\s+/g, " ").trim();
  const clipped = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return clipped
    .replace(/([\\`*_~|>#[\]()-])/g, "\\$1")
    .replace(/@/g, "@\u200b")
    .replace(/<(?=[@#:a])/g, "<\u200b");
}
// biome-ignore-end lint/suspicious/noControlCharactersInRegex: (end)

describe("the shortcuts for text with nothing to change", () => {
  // sanitizeLine and quoteUserText return ordinary text at once after one scan; the answer must be
  // the one the full work would give, for any text, hostile, ordinary or spaced oddly.
  const spaced = fc
    .array(fc.constantFrom("a", "Я", "1953", "-", "@", "<", " ", "  ", "\u00a0", "\u2028", "\t", "\u200e"), {
      maxLength: 8,
    })
    .map((parts) => parts.join(""));
  const texts = fc.oneof(anyText, ordinary, spaced, spaced);
  it("sanitizeLine gives what its three replacements give", () => {
    fc.assert(
      fc.property(texts, (s) => {
        expect(sanitizeLine(s)).toBe(sanitizeLineInFull(s));
      }),
      { numRuns: 3000, seed: 23 },
    );
  });
  it("quoteUserText gives what its every step gives, at any length limit", () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 1, max: 90 }), (s, max) => {
        expect(quoteUserText(s, max)).toBe(quoteInFull(s, max));
      }),
      { numRuns: 3000, seed: 24 },
    );
  });
});

describe("the sanitiser", () => {
  it("lets none of the controls, bidi overrides or escape sequences through, on one line or several", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(unsafeIn(sanitizeLine(s))).toEqual([]);
        expect(unsafeIn(sanitizeText(s), true)).toEqual([]);
      }),
      { numRuns: 2000, seed: 22 },
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(sanitizeLine(sanitizeLine(s))).toBe(sanitizeLine(s));
        expect(sanitizeText(sanitizeText(s))).toBe(sanitizeText(s));
      }),
      { numRuns: 2000, seed: 2222 },
    );
  });

  it("leaves ordinary text unchanged: Latin, Cyrillic, punctuation, emoji (and newlines where kept)", () => {
    fc.assert(
      fc.property(ordinary, (s) => {
        expect(sanitizeLine(s)).toBe(s);
        expect(sanitizeText(s)).toBe(s);
      }),
      { numRuns: 1000, seed: 6 },
    );
    fc.assert(
      fc.property(fc.array(ordinary, { maxLength: 4 }), (lines) => {
        expect(sanitizeText(lines.join("\n"))).toBe(lines.join("\n"));
      }),
      { numRuns: 200, seed: 66 },
    );
  });

  it("drops a whole CSI sequence, keeps words apart where a break or tab was, and removes overrides", () => {
    expect(sanitizeLine("\x1b[31mred\x1b[0m and \x1b[2J\x1b[Hclear")).toBe("red and clear");
    expect(sanitizeLine("\x9b1mbold")).toBe("bold");
    expect(sanitizeLine("ding\x07\x07 dong\x7f")).toBe("ding dong");
    expect(sanitizeLine("\x1b]0;title\x07text")).toBe("]0;titletext");
    expect(sanitizeLine("Stalin\u202e1953\u202c")).toBe("Stalin1953");
    expect(sanitizeLine("one\ttwo\r\nthree\nfour")).toBe("one two three four");
    expect(sanitizeText("one\ttwo\r\nthree\rfour\x85five")).toBe("one two\nthree\nfour\nfive");
  });
});

describe("where user and imported text is shown", () => {
  const ds = engine().dataset;
  const nasty = {
    question: "Who\x07 \x1b[31mfollowed\x1b[0m \u202eLenin?",
    correct: "\u2066Stalin\u2069\x1b[5m",
    wrong: ["Trotsky\x07", "Zino\x9bviev", "Kamenev\r\nand more"],
    explanation: "Because\x1b]0;pwned\x07 \u202egnol",
    source: "A book\x1b[2J\u200e",
  };
  // Stored before the sanitiser existed, or reaching the cards some other way: rendering must cope.
  const question = toTriviaQuestion(7, 0, nasty);
  const round = { id: 1, total: 1, seconds: 20, locale: "en-US", channel_id: "c" } as RoundRow;
  const asked = { id: 5, position: 0 } as AskedRow;
  const strings = (value: unknown): string[] =>
    typeof value === "string"
      ? [value]
      : Array.isArray(value)
        ? value.flatMap(strings)
        : value && typeof value === "object"
          ? Object.values(value).flatMap(strings)
          : [];

  it("renders a question and its reveal with nothing unsafe: embeds, button labels, the reveal title", () => {
    const asks = questionMessage("en", { round, asked, question });
    const reveal = revealMessage(ds, "en", {
      round,
      asked,
      question,
      answers: [{ user_id: "1", correct: 1, points: 12 }],
      explain: true,
    });
    for (const payload of [asks, reveal]) {
      expect(strings(payload).flatMap((s) => unsafeIn(s, true))).toEqual([]);
      const embed = payload.embeds?.[0];
      expect(unsafeIn(embed?.title ?? "")).toEqual([]);
    }
    const labels = (asks.components?.[0]?.components ?? []).map((c) => ("label" in c ? c.label : ""));
    for (const label of labels) expect(unsafeIn(label ?? "")).toEqual([]);
    expect(labels.filter((l) => /^[A-E]\. Stalin$/.test(l ?? ""))).toHaveLength(1);
    expect(reveal.embeds?.[0]?.title).toMatch(/^Answer: [A-E]\. Stalin$/);
    expect(reveal.embeds?.[0]?.footer?.text).toContain("A book");
  });

  it("shows them in the console and the CLI as text only: no escape reaches the terminal", () => {
    const asks = questionMessage("en", { round, asked, question });
    const shown = payloadToText(asks);
    for (const c of ["\x07", "\x1b", "\x9b", "\u202e"]) expect(shown).not.toContain(c);
    expect(unsafeIn(shown, true)).toEqual([]);
    expect(shown).toContain("Who followed Lenin?");
  });

  it("sanitises an imported set as it comes in, keeping an explanation's line breaks", () => {
    const file = [
      "question,correct,wrong1,explanation",
      '"Who\x1b[31m followed\u202e Lenin?","Stalin\x07","Trotsky\r","One.\r\nTwo.\x1b[0m"',
    ].join("\n");
    const r = parseQuestionFile("nasty.csv", new TextEncoder().encode(file));
    expect(r.ok && r.questions).toEqual([
      { question: "Who followed Lenin?", correct: "Stalin", wrong: ["Trotsky"], explanation: "One.\nTwo." },
    ]);
  });

  it("labels a button with the same function the import checks with", () => {
    expect(answerLabel(1, "Malenkov\x07")).toBe("B. Malenkov");
    expect(answerLabel(4, "Ivashko")).toBe("E. Ivashko");
    expect(answerLabel(0, "x".repeat(100))).toHaveLength(80);
  });
});
