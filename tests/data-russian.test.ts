// Every Russian text in data/ says what its English says (data/README.md, "Russian"): the same
// numbers, years and days, the same months, the same people (by their Cyrillic surname in any
// case), every quotation as a translation marked "(пер. с англ.)", the glossary's Russian for every
// glossary term, no Latin-script word but a source's name. The rules are proved on wrong pairs
// first, so a pass means something; then every pair of the dataset is held to them.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DatasetError, DEFAULT_DATA_DIR, loadDataset } from "../src/data/load.js";
import { formatDate } from "../src/i18n/index.js";
import {
  daysIn,
  monthsIn,
  numbersIn,
  type Pair,
  pairFindings,
  peopleInEnglish,
  peopleInRussian,
  surnameStem,
  termsInEnglish,
  usesTerm,
} from "./russian/compare.js";
import { russianContext, russianPairs } from "./russian/texts.js";

const ds = loadDataset(DEFAULT_DATA_DIR);
const ctx = russianContext(ds);
const pairs = russianPairs(ds);
const check = (en: string, ru: string, readsOn = false): string[] =>
  pairFindings(ctx, readsOn ? { where: "x", en, ru, readsOn } : { where: "x", en, ru });

describe("the rules read English and Russian alike", () => {
  it("reads a date written by the bot in either language as the same day, month and year", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1900-01-01T00:00:00Z"),
          max: new Date("1999-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.constantFrom("day" as const, "month" as const, "year" as const),
        (d, precision) => {
          const iso = d.toISOString().slice(0, 10);
          const date = precision === "day" ? iso : precision === "month" ? iso.slice(0, 7) : iso.slice(0, 4);
          const en = formatDate("en", { date, precision });
          const ru = formatDate("ru", { date, precision });
          expect(numbersIn(ru, "ru")).toEqual(numbersIn(en, "en"));
          expect(daysIn(ru, "ru")).toEqual(daysIn(en, "en"));
          expect(monthsIn(ru, "ru")).toEqual(monthsIn(en, "en"));
          expect(check(`On ${en}.`, `${ru}`)).toEqual([]);
        },
      ),
    );
  });

  it("reads a figure with thousands, and the small cardinals spelled out, as the same number", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), (n) => {
        const en = n.toLocaleString("en-GB");
        const ru = n.toLocaleString("ru-RU");
        expect(numbersIn(ru, "ru")).toEqual([String(n)]);
        expect(numbersIn(en, "en")).toEqual([String(n)]);
      }),
    );
    expect(numbersIn("for five days; two or three leaders", "en")).toEqual(["2", "3", "5"]);
    expect(numbersIn("пять дней; двумя или тремя руководителями", "ru")).toEqual(["2", "3", "5"]);
  });

  it("finds a person by any English spelling and by the Cyrillic surname in any case", () => {
    expect(peopleInEnglish(ctx, "Chruschtschow and Stalin's heirs")).toEqual([
      "joseph-stalin",
      "nikita-khrushchev",
    ]);
    expect(peopleInEnglish(ctx, "Marxist-Leninist norms")).toEqual([]);
    expect(peopleInRussian(ctx, "со Свердловым и Стасовой, после Хрущёва")).toEqual([
      "elena-stasova",
      "nikita-khrushchev",
      "yakov-sverdlov",
    ]);
    expect(peopleInRussian(ctx, "марксистско-ленинских норм")).toEqual([]);
    expect(surnameStem("Подгорный")).toBe("Подгорн");
  });
});

describe("a wrong translation is caught", () => {
  const en = 'On 6 August 1917 Stalin signed as "Secretary of the Central Committee" for five days.';
  const good =
    "6 августа 1917 г. Сталин подписывался как «секретарь Центрального комитета» (пер. с англ.) пять дней.";

  it("passes the faithful one", () => {
    expect(check(en, good)).toEqual([]);
  });

  it.each([
    ["another year", good.replace("1917", "1918"), "numbers differ"],
    ["another day", good.replace("6 августа", "7 августа"), "numbers differ"],
    ["another month", good.replace("августа", "сентября"), "days differ"],
    ["a number dropped", good.replace(" пять дней", ""), "numbers differ"],
    ["a person dropped", good.replace("Сталин", "он"), "people differ"],
    ["a person added", good.replace("Сталин", "Сталин с Молотовым"), "people differ"],
    ["a quotation not marked", good.replace(" (пер. с англ.)", ""), "not marked as a translation"],
    [
      "a quotation dropped",
      good.replace("«секретарь Центрального комитета» (пер. с англ.)", "секретарь ЦК"),
      "marked translation",
    ],
    ["a glossary term lost", good.replace("Центрального комитета", "партии"), 'uses "Central Committee"'],
    ["a Latin word", good.replace("Сталин", "Stalin"), "Latin-script word"],
    ["a year ending the sentence twice", `${good.slice(0, -1)} в 1917 г..`, '"г.."'],
    ["a date without its г.", good.replace("1917 г.", "1917"), 'without "г." after the year'],
  ])("%s", (_name, ru, problem) => {
    const found = check(en, ru);
    expect(found.join("\n")).toContain(problem);
  });

  it("holds Хрущёв and Горбачёв to their ё", () => {
    expect(check("Khrushchev", "Хрущев").join("\n")).toContain('"Хрущев" is written "Хрущёв"');
  });

  it("keeps a text that reads on after an attribution reading on in Russian", () => {
    expect(
      check("the office was tasked with work.", "Должность отвечала за работу.", true).join("\n"),
    ).toContain("reads on after an attribution");
    expect(check("the office was tasked with work.", "должность отвечала за работу.", true)).toEqual([]);
  });

  it("finds the same problem in a copy of the dataset with one Russian text changed", () => {
    const broken = pairs.map((p) =>
      p.where === "events.json khrushchev-elected" ? { ...p, ru: p.ru.replace("Хрущёва", "Маленкова") } : p,
    );
    const findings = broken.flatMap((p: Pair) => pairFindings(ctx, p));
    expect(findings.some((f) => f.startsWith("events.json khrushchev-elected: people differ"))).toBe(true);
  });
});

describe("the glossary", () => {
  it("names the party by period without a gap: РСДРП(б), РКП(б), ВКП(б), КПСС", () => {
    const parties = ds.glossary.filter(
      (t) => t.kind === "party" && (t.from !== undefined || t.to !== undefined),
    );
    expect(parties.map((t) => [t.abbrRu, t.from ?? null, t.to ?? null])).toEqual([
      ["РСДРП(б)", null, "1918-03"],
      ["РКП(б)", "1918-03", "1925-12"],
      ["ВКП(б)", "1925-12", "1952-10"],
      ["КПСС", "1952-10", null],
    ]);
  });

  it("has every term used by some English text of the dataset, and each Russian form a Russian text can match", () => {
    // Office titles count too, though their Russian is still being written.
    const english = JSON.stringify([
      ds.people,
      ds.offices,
      ds.terms,
      ds.disputes,
      ds.events,
      ds.claims,
      ds.sources,
    ]);
    const unused = ds.glossary
      .filter((t) => t.id !== "rsdlp-b") // the party's name before March 1918: for the titles of 1917
      .filter((t) => termsInEnglish(ctx, english).every((u) => u.id !== t.id))
      .map((t) => t.id);
    expect(unused).toEqual([]);
    for (const t of ds.glossary)
      for (const form of t.ruForms) expect(usesTerm(t, `в ${form}.`), form).toBe(true);
  });
});

describe(`every Russian text in data/ (${pairs.length} pairs)`, () => {
  it("says what its English says", () => {
    expect(pairs.length).toBeGreaterThan(230);
    expect(pairs.flatMap((p) => pairFindings(ctx, p))).toEqual([]);
  });
});

describe("the loader refuses English without its Russian", () => {
  type Records = Record<string, unknown>[];
  /** A copy of data/ with one file changed. */
  function changedCopy(file: string, change: (records: Records) => void): string {
    const dir = mkdtempSync(join(tmpdir(), "apparat-ru-"));
    cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
    const records = JSON.parse(readFileSync(join(dir, file), "utf8")) as Records;
    change(records);
    writeFileSync(join(dir, file), JSON.stringify(records));
    return dir;
  }
  const at = <T>(records: Records, id: string) => records.find((r) => r.id === id) as T;
  const missing = (field: string, english: string) =>
    new RegExp(
      `record ${field}: no Russian beside the English \`${english}\`: every text a user reads needs its Russian`,
    );

  it.each([
    [
      "events.json",
      "khrushchev-elected, field titleRu",
      "title",
      (r: Records) => {
        delete at<Record<string, unknown>>(r, "khrushchev-elected").titleRu;
      },
    ],
    [
      "claims.json",
      "pw-selection, field ru",
      "text",
      (r: Records) => {
        delete at<Record<string, unknown>>(r, "pw-selection").ru;
      },
    ],
    [
      "sources.json",
      "wp-gensec-old, field summaryRu",
      "summary",
      (r: Records) => {
        delete at<Record<string, unknown>>(r, "wp-gensec-old").summaryRu;
      },
    ],
    [
      "disputes.json",
      "malenkov-days, field claims.1.valueRu",
      "value",
      (r: Records) => {
        delete at<{ claims: Record<string, unknown>[] }>(r, "malenkov-days").claims[1]?.valueRu;
      },
    ],
    [
      "disputes.json",
      "stalin-end, field whyRu",
      "why",
      (r: Records) => {
        delete at<Record<string, unknown>>(r, "stalin-end").whyRu;
      },
    ],
    [
      "terms.json",
      "ivashko-acting-general-secretary, field statedDurations.1.ru",
      "text",
      (r: Records) => {
        delete at<{ statedDurations: Record<string, unknown>[] }>(r, "ivashko-acting-general-secretary")
          .statedDurations[1]?.ru;
      },
    ],
    [
      "offices.json",
      "technical-secretary, field periods.1.noteRu",
      "note",
      (r: Records) => {
        delete at<{ periods: Record<string, unknown>[] }>(r, "technical-secretary").periods[1]?.noteRu;
      },
    ],
    [
      "offices.json",
      "general-secretary, field infobox.salary.valueRu",
      "value",
      (r: Records) => {
        delete at<{ infobox: Record<string, Record<string, unknown>> }>(r, "general-secretary").infobox.salary
          ?.valueRu;
      },
    ],
  ] as const)("%s: %s", (file, field, english, change) => {
    const dir = changedCopy(file, change);
    expect(() => loadDataset(dir)).toThrowError(DatasetError);
    expect(() => loadDataset(dir)).toThrowError(new RegExp(`data/${file.replace(".", "\\.")}: `));
    expect(() => loadDataset(dir)).toThrowError(missing(field, english));
  });

  it('refuses a "Russian" text with no Cyrillic in it', () => {
    const dir = changedCopy("events.json", (r) => {
      at<Record<string, unknown>>(r, "august-coup").titleRu = "The failed August coup";
    });
    expect(() => loadDataset(dir)).toThrowError(
      /events\.json: record august-coup, field titleRu: a Russian text must be in Cyrillic/,
    );
  });

  it("refuses a glossary that would translate one English phrase two ways", () => {
    const dir = changedCopy("glossary.json", (r) => {
      (at<{ en: string[] }>(r, "presidium").en as string[]).push("Politburo");
    });
    expect(() => loadDataset(dir)).toThrowError(
      /glossary\.json: record presidium, field en: "Politburo" is already a term of politburo/,
    );
  });

  it.each([
    [
      "a fact's ru",
      "facts.0.ru",
      (p: Record<string, unknown>) => delete (p.facts as Record<string, unknown>[])[0]?.ru,
    ],
    [
      "a role's titleRu",
      "roles.0.titleRu",
      (p: Record<string, unknown>) => delete (p.roles as Record<string, unknown>[])[0]?.titleRu,
    ],
    ["the name's case forms", "nameRuForms", (p: Record<string, unknown>) => delete p.nameRuForms],
    ["the gender", "gender", (p: Record<string, unknown>) => delete p.gender],
  ] as const)("refuses a person without %s", (_what, field, change) => {
    const dir = changedCopy("people.json", (r) => {
      change(at<Record<string, unknown>>(r, "joseph-stalin"));
    });
    expect(() => loadDataset(dir)).toThrowError(
      new RegExp(`people\\.json: record joseph-stalin, field ${field.replace(/\./g, "\\.")}`),
    );
  });
});
