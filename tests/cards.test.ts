import { describe, expect, it } from "vitest";
import { helpCard, timelineTextCard } from "../src/cards/info.js";
import { officeCard } from "../src/cards/office.js";
import { personCard } from "../src/cards/person.js";
import { sourcesPages } from "../src/cards/sources.js";
import { whenCard } from "../src/cards/when.js";
import { characterisation, disputeTopic, personName, sourcedText } from "../src/i18n/data-text.js";
import type { Lang } from "../src/i18n/index.js";
import { cardPayload, NO_MENTIONS } from "../src/interactions/payload.js";
import { entryCard, keptWhenCard } from "../src/interactions/render.js";
import { answerWhen } from "../src/query/when.js";
import { engine } from "./helpers.js";
import { expectWithinDiscordLimits } from "./limits.js";

const ds = engine().dataset;
const asker = "200000000000000001";
const LANGS: Lang[] = ["en", "ru"];

describe("every card of the dataset fits Discord's limits", () => {
  for (const lang of LANGS) {
    it(`people (${lang})`, () => {
      for (const p of ds.people) {
        const card = personCard(ds, p, { lang, asker, matched: "“x” — a very long explanation ".repeat(10) });
        expectWithinDiscordLimits(cardPayload(card), p.id);
        // English cards are titled in both scripts, Russian ones in Russian ("Иосиф Сталин").
        expect(card.embed.title).toContain(personName(lang, p));
      }
    });

    it(`offices (${lang})`, () => {
      for (const o of ds.offices)
        expectWithinDiscordLimits(cardPayload(officeCard(ds, o, { lang, asker })), o.id);
    });

    it(`when, for every year and interesting period (${lang})`, () => {
      const queries = [
        "1917-08-06",
        "1900",
        "1995",
        "03/05/1953",
        "the 1910s",
        "the 1980s",
        "1917 to 1991",
        "11 November 1982",
      ];
      for (let y = 1917; y <= 1991; y++) queries.push(String(y));
      for (const q of queries) {
        const { answers } = answerWhen(ds, q);
        expectWithinDiscordLimits(cardPayload(whenCard(ds, q, answers, { lang, asker })), q);
      }
    });

    it(`timeline, sources and help (${lang})`, () => {
      expectWithinDiscordLimits(
        { embeds: [timelineTextCard(ds, lang)], allowed_mentions: NO_MENTIONS },
        "timeline",
      );
      for (const [i, page] of sourcesPages(ds, lang).entries())
        expectWithinDiscordLimits({ embeds: page, allowed_mentions: NO_MENTIONS }, `sources page ${i + 1}`);
      expectWithinDiscordLimits({ embeds: [helpCard(lang)], allowed_mentions: NO_MENTIONS }, "help");
    });
  }
});

describe("card snapshots", () => {
  it("Khrushchev's card", () => {
    const person = ds.personById.get("nikita-khrushchev");
    if (!person) throw new Error("missing");
    expect(personCard(ds, person, { lang: "en", asker })).toMatchSnapshot();
  });

  it("the General Secretary's card in Russian", () => {
    const office = ds.officeById.get("general-secretary");
    if (!office) throw new Error("missing");
    expect(officeCard(ds, office, { lang: "ru", asker }).embed).toMatchSnapshot();
  });

  it("the answer for 14 October 1964", () => {
    const { answers } = answerWhen(ds, "14 October 1964");
    expect(whenCard(ds, "14 October 1964", answers, { lang: "en", asker }).embed).toMatchSnapshot();
  });
});

describe("the first secretaries, whose order the sources dispute", () => {
  const fieldText = (card: { embed: { fields?: { name: string; value: string }[] } }) =>
    (card.embed.fields ?? []).map((f) => `${f.name}\n${f.value}`).join("\n");

  const topic = "*Who ran the Secretariat first, 1917-1919*";
  const topicRu = "*Кто первым руководил Секретариатом, 1917–1919 гг.*";
  const buttons = (card: { components: { components: unknown[] }[] }) =>
    card.components.flatMap((r) => r.components.map((b) => (b as { label: string }).label));

  it("Stasova's card gives her 1917 term as ProleWiki's, linked to nobody, and her neighbours as one account with buttons", () => {
    const person = ds.personById.get("elena-stasova");
    if (!person) throw new Error("missing");
    const card = personCard(ds, person, { lang: "en", asker });
    const text = fieldText(card);
    expect(text).toContain("Technical Secretary (according to ProleWiki)**");
    expect(text).toContain(`Place in the order disputed (see ${topic})`);
    expect(text).not.toMatch(/1917 – 1918[^\n]*\n[^\n]*Succeeded by: Yakov Sverdlov/);
    expect(text).toContain(
      `Preceded by: Yakov Sverdlov (according to Wikipedia: General Secretary (list); the order is disputed: see ${topic})`,
    );
    expect(text).toContain(
      `Succeeded by: Nikolay Krestinsky (according to Wikipedia: General Secretary (list); the order is disputed: see ${topic})`,
    );
    expect(buttons(card).slice(0, 2)).toEqual(["Yakov Sverdlov", "Nikolay Krestinsky"]);
  });

  it("Sverdlov's card names no predecessor, only the dispute, in both languages", () => {
    const person = ds.personById.get("yakov-sverdlov");
    if (!person) throw new Error("missing");
    const en = fieldText(personCard(ds, person, { lang: "en", asker }));
    expect(en).toContain(`Preceded by: disputed (see ${topic})`);
    expect(en).toContain("Succeeded by: Elena Stasova (according to Wikipedia: General Secretary (list)");
    expect(en).not.toContain("Preceded by: Elena Stasova");
    const ru = fieldText(personCard(ds, person, { lang: "ru", asker }));
    expect(ru).toContain(`Предшественник: спорно (см. ${topicRu})`);
    expect(ru).toContain(
      `Преемник: Елена Стасова (по данным Wikipedia: Генеральный секретарь (список); очерёдность спорна: см. ${topicRu})`,
    );
    expect(ru).not.toContain("Предшественник: Елена Стасова");
  });

  it("Krestinsky's card gives Stasova before him as one account; Molotov after him plainly", () => {
    const person = ds.personById.get("nikolay-krestinsky");
    if (!person) throw new Error("missing");
    const text = fieldText(personCard(ds, person, { lang: "en", asker }));
    expect(text).toContain("Preceded by: Elena Stasova (according to Wikipedia: General Secretary (list)");
    expect(text).toMatch(/^Succeeded by: Vyacheslav Molotov$/m);
  });

  it("the early offices: Technical Secretary's next office and the Chairman's preceding one are disputed", () => {
    const technical = officeCard(ds, ds.officeById.get("technical-secretary") as never, {
      lang: "en",
      asker,
    });
    expect(fieldText(technical)).toContain(`Next office: disputed (see ${topic})`);
    expect(buttons(technical)).not.toContain("Chairman of the Secretariat");
    const chairman = officeCard(ds, ds.officeById.get("chairman-of-the-secretariat") as never, {
      lang: "en",
      asker,
    });
    expect(fieldText(chairman)).toContain(`Preceding office: disputed (see ${topic})`);
    expect(fieldText(chairman)).toContain("Next office: Responsible Secretary");
    expect(buttons(chairman)).not.toContain("Technical Secretary");
  });

  it("/when 1917 shows every account of who ran the Secretariat, each with its source", () => {
    const { answers } = answerWhen(ds, "1917");
    const card = whenCard(ds, "1917", answers, { lang: "en", asker });
    const text = fieldText(card);
    expect(text).toContain("Elena Stasova** — Technical Secretary (according to ProleWiki)");
    expect(text).toContain(`The sources disagree on ${topic}:`);
    expect(text).toMatch(/Sverdlov and Stasova together[^\n]* — Wikipedia: Secretariat/);
    expect(text).toMatch(/Stasova first[^\n]* — ProleWiki/);
    expect(text).toMatch(/Sverdlov first[^\n]* — Wikipedia: General Secretary \(list\)/);
    expect(card.embed.footer?.text).toContain("Wikipedia: Secretariat");
  });

  it("/when April 1922 dates the 11th Congress March–April 1922, in Russian too", () => {
    const { answers } = answerWhen(ds, "April 1922");
    expect(fieldText(whenCard(ds, "April 1922", answers, { lang: "en", asker }))).toContain(
      "• March–April 1922 — 11th Party Congress",
    );
    expect(fieldText(whenCard(ds, "April 1922", answers, { lang: "ru", asker }))).toContain(
      "• март–апрель 1922 г. — 11-й съезд партии\n",
    );
  });
});

describe("cards built once and kept", () => {
  const e = engine();
  const askers = ["200000000000000001", "81234567890123456", "12345678901234567890"];
  const matches = [undefined, "“krush” — Nikita Khrushchev", "“x” — a very long explanation ".repeat(10)];

  it("are exactly what building them for the asker would give, for every entry, language and match", () => {
    for (const lang of LANGS)
      for (const [i, asker] of askers.entries()) {
        const matched = matches[i];
        for (const p of ds.people)
          expect(entryCard(e, "person", p.id, { lang, asker, ...(matched ? { matched } : {}) })).toEqual(
            personCard(ds, p, { lang, asker, ...(matched ? { matched } : {}) }),
          );
        for (const o of ds.offices)
          expect(entryCard(e, "office", o.id, { lang, asker, ...(matched ? { matched } : {}) })).toEqual(
            officeCard(ds, o, { lang, asker, ...(matched ? { matched } : {}) }),
          );
      }
  });

  it("are shared, never changed by an answer, and the asker's id reaches only their copy", () => {
    const first = entryCard(e, "person", "nikita-khrushchev", { lang: "en", asker: askers[0] as string });
    const second = entryCard(e, "person", "nikita-khrushchev", { lang: "en", asker: askers[1] as string });
    expect(first?.embed).toBe(second?.embed);
    expect(Object.isFrozen(first?.embed.fields?.[0])).toBe(true);
    expect(JSON.stringify(first?.components)).toContain(askers[0]);
    expect(JSON.stringify(first?.components)).not.toContain(askers[1]);
    expect(JSON.stringify(second?.components)).toContain(askers[1]);
    expect(entryCard(e, "person", "no-such-person", { lang: "en", asker: "1" })).toBeNull();
  });
});

describe("/when cards and answers kept", () => {
  it("are what working them out afresh gives, for any words, office and language", () => {
    const texts = [
      "May 1983",
      "10 November 1982",
      "1953",
      "the 1970s",
      "1917",
      "12 ноября 1982",
      "spring 1953",
    ];
    for (const lang of LANGS)
      for (const text of texts)
        for (const office of [undefined, "general-secretary"]) {
          const first = answerWhen(ds, text, office ? { office } : {});
          const again = answerWhen(ds, text, office ? { office } : {});
          expect(again).toBe(first);
          for (const asker of ["200000000000000001", "12345678901234567890"]) {
            const options = { lang, asker, ...(office ? { office } : {}) };
            expect(keptWhenCard(ds, text, first.answers, options)).toEqual(
              whenCard(ds, text, first.answers, options),
            );
          }
        }
  });
});

describe("sentences that say no more than the seeds (issue 23)", () => {
  const all = (card: {
    embed: { title?: string; description?: string; fields?: { name: string; value: string }[] };
  }) =>
    [
      card.embed.title,
      card.embed.description,
      ...(card.embed.fields ?? []).map((f) => `${f.name}\n${f.value}`),
    ].join("\n");

  it("quotes ProleWiki on the secret speech as it is worded, not as a paraphrase", () => {
    const text = all(personCard(ds, ds.personById.get("nikita-khrushchev") as never, { lang: "en", asker }));
    expect(text).toContain(
      '"a departure from proper Marxist-Leninist norms that would later be criticized for undermining the authority of the Party"',
    );
    expect(text).not.toContain("undermined the party's authority");
  });

  it("attributes ProleWiki's view of the First Secretary's title once, as a characterisation", () => {
    const words = { en: /collective leadership/g, ru: /коллективному руководству/g };
    for (const lang of LANGS) {
      const text = all(officeCard(ds, ds.officeById.get("first-secretary") as never, { lang, asker }));
      expect(text).not.toMatch(/according to ProleWiki, according to|по данным ProleWiki, по данным/i);
      expect(text.match(words[lang]), lang).toHaveLength(1);
    }
  });

  it("gives the Orgburo's Krestinsky sentence the right way round: menial given his memberships", () => {
    const text = all(officeCard(ds, ds.officeById.get("orgburo") as never, { lang: "en", asker }));
    expect(text).toContain("a somewhat menial position given that Krestinsky was also a member");
    expect(text).not.toContain("which made that office");
  });

  it("dates the 11th Congress without stating Rogovin's view of Lenin's attendance as fact", () => {
    const { answers } = answerWhen(ds, "3 April 1922");
    const text = all(whenCard(ds, "3 April 1922", answers, { lang: "en", asker }));
    expect(text).toContain("• March–April 1922 — 11th Party Congress\n");
    expect(text).not.toContain("sporadically");
    const stalin = all(personCard(ds, ds.personById.get("joseph-stalin") as never, { lang: "en", asker }));
    expect(stalin).toContain("The Russian historian Vadim Rogovin places his election");
  });

  it("names Stalin's title as disputed from 1934 wherever /when names it", () => {
    for (const q of ["1934", "2 February 1941", "1926"]) {
      const { answers } = answerWhen(ds, q);
      expect(all(whenCard(ds, q, answers, { lang: "en", asker })), q).toContain(
        "Joseph Stalin** — General Secretary (title disputed from 1934)",
      );
      expect(all(whenCard(ds, q, answers, { lang: "ru", asker })), q).toContain(
        "(название должности оспаривается с 1934 г.)",
      );
    }
  });

  it("titles /timeline by the range asked for, and by the office", () => {
    expect(timelineTextCard(ds, "en").title).toBe("The Secretariat's top office, 1917–1991");
    const range = timelineTextCard(ds, "en", { from: "1950-01-01", to: "1970-12-31" }).title;
    expect(range).toBe("The Secretariat's top office, 1 January 1950 – 31 December 1970");
    expect(range).not.toContain("1917–1991");
    expect(timelineTextCard(ds, "ru", { from: "1950-01-01", to: "1970-12-31" }).title).toBe(
      "Высшая должность Секретариата, 1 января 1950 г. – 31 декабря 1970 г.",
    );
    expect(timelineTextCard(ds, "en", { office: "first-secretary" }).title).toMatch(/^First Secretary, /);
  });
});

describe("cards keep everything they have to say", () => {
  it("no person's fact, holding or dispute, and no office's characterisation, dispute or neighbour is dropped to fit", () => {
    for (const lang of LANGS) {
      for (const p of ds.people) {
        const text = JSON.stringify(personCard(ds, p, { lang, asker }).embed);
        for (const f of p.facts)
          expect(text, `${p.id} (${lang})`).toContain(JSON.stringify(sourcedText(lang, f)).slice(1, -1));
        for (const d of ds.disputesBySubject.get(p.id) ?? [])
          expect(text, `${p.id} ${d.id}`).toContain(disputeTopic(lang, d));
      }
      for (const o of ds.offices) {
        const card = officeCard(ds, o, { lang, asker }).embed;
        const text = JSON.stringify(card);
        for (const c of ds.claimsBySubject.get(o.id) ?? [])
          expect(text, `${o.id} ${c.id} (${lang})`).toContain(
            JSON.stringify(characterisation(lang, c)).slice(1, -1),
          );
        for (const d of ds.disputesBySubject.get(o.id) ?? [])
          expect(text, `${o.id} ${d.id}`).toContain(disputeTopic(lang, d));
        if (o.predecessor || o.successor || o.predecessorDisputed || o.successorDisputed)
          expect(
            card.fields?.some((f) => f.name === "↔"),
            `${o.id} (${lang})`,
          ).toBe(true);
      }
    }
  });
});
