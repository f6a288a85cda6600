// The dataset's words in the reader's language (src/i18n/data-text.ts): the Russian a record
// carries for a Russian reader, English only where it has none yet, and the party's name in an
// office's title as it was when a holding began.
import { describe, expect, it } from "vitest";
import type { Office, Term } from "../src/data/schema.js";
import { disputeTopic, officeNameFor, personName, sourcedText } from "../src/i18n/data-text.js";
import { engine } from "./helpers.js";

const ds = engine().dataset;
const office = (id: string) => ds.officeById.get(id) as Office;
const holdingOf = (person: string, start: string) =>
  ds.terms.find((t) => t.person === person && t.start.date.startsWith(start)) as Term;

describe("the dataset's text for a reader", () => {
  it("gives a Russian reader the record's Russian, the English only where there is none, an English reader the English", () => {
    const fact = { text: "Elected in 1953.", ru: "Избран в 1953 г.", sources: ["wp-gensec-text"] };
    expect(sourcedText("ru", fact)).toBe("Избран в 1953 г.");
    expect(sourcedText("en", fact)).toBe("Elected in 1953.");
    expect(sourcedText("ru", { text: "Elected in 1953." })).toBe("Elected in 1953.");
    expect(disputeTopic("ru", { topic: "When", topicRu: "Когда" })).toBe("Когда");
    expect(disputeTopic("en", { topic: "When", topicRu: "Когда" })).toBe("When");
  });

  it("names people by first name and surname, in Cyrillic for a Russian reader", () => {
    const molotov = ds.personById.get("vyacheslav-molotov");
    if (!molotov) throw new Error("no Molotov");
    expect(personName("ru", molotov)).toBe("Вячеслав Молотов");
    expect(personName("en", molotov)).toBe("Vyacheslav Molotov");
  });
});

describe("an office's Russian name, with the party's name of its time", () => {
  const gensec = office("general-secretary");

  it("follows the seeds' titles: ВКП(б) for Stalin's 1922–1952 term, КПСС from 1966, РКП(б) for the Responsible Secretary", () => {
    expect(officeNameFor("ru", gensec, holdingOf("joseph-stalin", "1922"))).toBe(
      "Генеральный секретарь ЦК ВКП(б)",
    );
    expect(officeNameFor("ru", gensec, holdingOf("leonid-brezhnev", "1966"))).toBe(
      "Генеральный секретарь ЦК КПСС",
    );
    expect(officeNameFor("ru", gensec, holdingOf("mikhail-gorbachev", "1985"))).toBe(
      "Генеральный секретарь ЦК КПСС",
    );
    expect(
      officeNameFor("ru", office("responsible-secretary"), holdingOf("nikolay-krestinsky", "1919")),
    ).toBe("Ответственный секретарь ЦК РКП(б)");
  });

  it("outside the office's own dates, names the party as it was called then (Stalin's de facto holding from October 1952)", () => {
    expect(officeNameFor("ru", gensec, holdingOf("joseph-stalin", "1952"))).toBe(
      "Генеральный секретарь ЦК КПСС",
    );
  });

  it("takes the party from a title's own Russian where it names one", () => {
    const edited: Office = {
      ...gensec,
      titles: gensec.titles.map((t, i) =>
        i === 0 ? { ...t, titleRu: "Генеральный секретарь ЦК РКП(б)" } : t,
      ),
    };
    expect(officeNameFor("ru", edited, holdingOf("joseph-stalin", "1922"))).toBe(
      "Генеральный секретарь ЦК РКП(б)",
    );
  });

  it("leaves English and names without a party as they are", () => {
    expect(officeNameFor("en", gensec, holdingOf("joseph-stalin", "1922"))).toBe("General Secretary");
    const stasova = ds.terms.find((t) => t.person === "elena-stasova") as Term;
    expect(officeNameFor("ru", office("technical-secretary"), stasova)).toBe("Технический секретарь");
  });
});
