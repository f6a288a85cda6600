// What users are shown, sentence by sentence, against the seeds and the disputes (the data's own
// citations are checked in tests/provenance.test.ts): every person's and office's card, every page
// of /sources, /when for every year and every day a holding began or ended, /timeline's summary
// and picture, and /help, in English and Russian. No list of exceptions:
// - every quotation is verbatim (whitespace aside) in a seed, or is the reader's own words quoted back;
//   a Russian translation marked "(пер. с англ.)" is not a quotation but must be one that data/
//   gives beside its English quotation, and that English quotation is verbatim in a seed;
// - no line attributes twice ("According to X, according to X"), and no line names the project's
//   own files or words (seed file names, "seeds", "Apparat: Apparat editors");
// - a holding is named as the cards name it wherever a person and their office or date appear
//   together (de facto, acting, whose account, before the office existed, a title disputed);
// - a neighbour in the order is given plainly only where no source orders those people otherwise,
//   and every neighbour a person's card names has its button;
// - a stated duration equal to the one computed from the dates is never called a mismatch;
// - /sources gives every record of data/disputes.json, whole, on pages within Discord's limits.
import { describe, expect, it } from "vitest";
import { personCard } from "../src/cards/person.js";
import { sourcesMessage, sourcesPages } from "../src/cards/sources.js";
import { claimBounds } from "../src/dates/calendar.js";
import { describeTermLength, durationBetween, formatYearsMonths } from "../src/dates/duration.js";
import { claimValue, disputeTopic, personName, sourcedText } from "../src/i18n/data-text.js";
import { text } from "../src/i18n/index.js";
import { NO_MENTIONS } from "../src/interactions/payload.js";
import { engine } from "./helpers.js";
import { expectWithinDiscordLimits } from "./limits.js";
import { attributions, holdingFindings, INTERNAL, orderFindings, plain } from "./provenance/rules.js";
import { HAVE_SEEDS, quotesIn, readSeeds, squash, translationsIn } from "./provenance/seeds.js";
import { embedTexts, LANGS, shownCards } from "./provenance/shown.js";
import { russianPairs } from "./russian/texts.js";

const e = engine();
const ds = e.dataset;
const shown = shownCards(e);
const lines = shown.flatMap((s) => s.text.split("\n").map((line) => ({ ...s, line })));
const sentences = shown
  .flatMap((s) => plain(s.text).split(/\n|(?<=[.!?])\s+(?=[A-ZА-Я])/))
  .filter((x) => x.trim());

describe(`what users are shown: ${shown.length} texts, ${sentences.length} sentences`, () => {
  it.skipIf(!HAVE_SEEDS)("quotes the seeds verbatim, and only them (besides the reader's own words)", () => {
    const seeds = [...readSeeds().values()].map(squash);
    const verbatim = (q: string) => seeds.some((seed) => seed.includes(squash(q)));
    // Each marked Russian translation stands for the quotations of the English it is given beside.
    const standsFor = new Map<string, string[]>();
    for (const p of russianPairs(ds))
      for (const q of translationsIn(p.ru))
        standsFor.set(q, [...(standsFor.get(q) ?? []), ...quotesIn(p.en)]);
    const bad: string[] = [];
    let quotations = 0;
    for (const s of shown) {
      for (const q of quotesIn(s.text)) {
        quotations++;
        const theirs = s.user !== undefined && q.replace(/\\/g, "").includes(s.user);
        if (!theirs && !verbatim(q)) bad.push(`${s.where}: "${q}"`);
      }
      for (const q of translationsIn(s.text)) {
        quotations++;
        const english = standsFor.get(q) ?? [];
        if (english.length === 0 || !english.every(verbatim))
          bad.push(
            `${s.where}: «${q}» (пер. с англ.) stands for no verbatim English quotation: ${english.join(" / ")}`,
          );
      }
    }
    expect(quotations).toBeGreaterThan(50);
    expect([...new Set(bad)]).toEqual([]);
  });

  it("shows a Russian translation of a quotation only as data/ gives it, beside its verbatim English", () => {
    const given = new Set(russianPairs(ds).flatMap((p) => translationsIn(p.ru)));
    expect(given.size).toBeGreaterThan(20);
    const bad = shown.flatMap((s) =>
      translationsIn(s.text)
        .filter((q) => !given.has(q))
        .map((q) => `${s.where}: «${q}» (пер. с англ.) is no translation data/ gives`),
    );
    expect([...new Set(bad)]).toEqual([]);
  });

  it("attributes a line once at most, and never shows the project's own files or words", () => {
    expect(lines.filter((l) => attributions(l.line) > 1).map((l) => `${l.where}: ${l.line}`)).toEqual([]);
    expect(lines.filter((l) => INTERNAL.test(l.line)).map((l) => `${l.where}: ${l.line}`)).toEqual([]);
  });

  it("names every holding as the cards do, with the words that keep it neutral", () => {
    const bad = new Set<string>();
    for (const s of shown.filter((x) => x.holdings))
      for (const f of holdingFindings(ds, s.text, s.lang)) bad.add(`${s.where}: ${f}`);
    expect([...bad]).toEqual([]);
  });

  it("gives a neighbour in the order plainly only where no source orders them otherwise, with its button", () => {
    const bad = new Set<string>();
    for (const s of shown) {
      for (const f of orderFindings(ds, s.text, s.lang, s.owner ? [s.owner] : []))
        bad.add(`${s.where}: ${f}`);
      if (!s.owner) continue;
      const words = text(s.lang);
      for (const m of plain(s.text).matchAll(
        new RegExp(`(?:${words.predecessor}|${words.successor}): ([^(·\\n]+)`, "g"),
      )) {
        const name = (m[1] as string).trim();
        if (ds.people.some((p) => personName(s.lang, p) === name) && !s.buttons?.includes(name))
          bad.add(`${s.where}: names ${name} as a neighbour with no button to their card`);
      }
    }
    expect([...bad]).toEqual([]);
  });

  it("calls a stated duration a mismatch exactly when it differs from the dates (five days is 5 days)", () => {
    const NUMBERS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    const figure = (s: string) =>
      s
        .replace(/,/g, "")
        .replace(new RegExp(`\\b(${NUMBERS.join("|")})\\b`, "g"), (w) => String(NUMBERS.indexOf(w) + 1));
    for (const lang of LANGS)
      for (const t of ds.terms) {
        if (!t.end) continue;
        const card = embedTexts(
          personCard(ds, ds.personById.get(t.person) as never, { lang, asker: "1" }).embed,
        ).join("\n");
        for (const stated of t.statedDurations) {
          // The length in the stated figure's own unit, worked out here from the dates.
          let computed: string;
          if (/–/.test(stated.text)) {
            const lo = durationBetween(claimBounds(t.start).to, claimBounds(t.end).from).years;
            const hi = durationBetween(claimBounds(t.start).from, claimBounds(t.end).to).years;
            computed = `${Math.max(0, lo)}–${hi} years`;
          } else if (/month/.test(stated.text))
            computed = formatYearsMonths(
              durationBetween(`${t.start.date.slice(0, 7)}-01`, `${t.end.date.slice(0, 7)}-01`),
            );
          else computed = describeTermLength(t.start, t.end);
          // Whether it is a mismatch is the English figure's business; a Russian card says so in
          // the Russian figure's words.
          const mismatch = figure(computed) !== figure(stated.text);
          const line = text(lang)
            .statedMismatch({ stated: sourcedText(lang, stated), sources: "X" })
            .split("X")[0] as string;
          expect(card.includes(line), `${t.id} "${stated.text}" (${lang}) vs ${computed}`).toBe(mismatch);
        }
      }
    const ivashko = JSON.stringify(
      personCard(ds, ds.personById.get("vladimir-ivashko") as never, { lang: "en", asker: "1" }),
    );
    expect(ivashko).not.toMatch(/does not match/);
  });
});

describe("/sources", () => {
  it(`lists all ${ds.disputes.length} records of data/disputes.json, every claim whole, in both languages`, () => {
    for (const lang of LANGS) {
      const pages = sourcesPages(ds, lang);
      const fields = pages.flat().flatMap((x) => x.fields ?? []);
      const topic = (d: (typeof ds.disputes)[number]) => disputeTopic(lang, d);
      const topics = fields.filter((f) => ds.disputes.some((d) => topic(d) === f.name)).map((f) => f.name);
      expect(topics).toEqual(ds.disputes.map(topic));
      const all = fields.map((f) => f.value).join("\n");
      for (const d of ds.disputes)
        for (const c of d.claims) expect(all, `${d.id} (${lang})`).toContain(claimValue(lang, c));
      for (const s of ds.sources) expect(JSON.stringify(pages), s.id).toContain(s.title);
      expect(JSON.stringify(pages)).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
    }
  });

  it("keeps every page within Discord's limits, with buttons to turn it, in both languages", () => {
    for (const lang of LANGS) {
      const count = sourcesPages(ds, lang).length;
      expect(count).toBeGreaterThan(1);
      for (let page = 0; page < count; page++) {
        const message = sourcesMessage(ds, lang, page, "200000000000000001");
        expectWithinDiscordLimits(
          { ...message, allowed_mentions: NO_MENTIONS },
          `/sources ${lang} page ${page + 1}`,
        );
        const labels = message.components.flatMap((r) =>
          r.components.map((b) => ("label" in b ? b.label : "")),
        );
        expect(labels, `${lang} page ${page + 1}`).toEqual([
          ...(page > 0 ? [text(lang).sourcesPrevious] : []),
          ...(page < count - 1 ? [text(lang).sourcesNext] : []),
        ]);
        expect(message.embeds.at(-1)?.footer?.text).toBe(
          text(lang).sourcesPage({ page: page + 1, total: count }),
        );
      }
    }
  });
});
