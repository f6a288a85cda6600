import { describe, expect, it } from "vitest";
import { helpCard, sourcesCard, timelineTextCard } from "../src/cards/info.js";
import { officeCard } from "../src/cards/office.js";
import { personCard } from "../src/cards/person.js";
import { whenCard } from "../src/cards/when.js";
import type { Lang } from "../src/i18n/index.js";
import { cardPayload, NO_MENTIONS } from "../src/interactions/payload.js";
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
        expect(card.embed.title).toContain(p.name);
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
      expectWithinDiscordLimits({ embeds: sourcesCard(ds, lang), allowed_mentions: NO_MENTIONS }, "sources");
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
