import { describe, expect, it } from "vitest";
import { data as daily } from "../commands/daily.js";
import { en } from "../src/i18n/en.js";
import { ru } from "../src/i18n/ru.js";

describe("the text tables", () => {
  it("have the same keys, nested ones included (the type checker holds them to one shape too)", () => {
    const shape = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        v && typeof v === "object" && !Array.isArray(v) && k !== "sourceKinds" && k !== "precisionNames"
          ? shape(v).map((s) => `${k}.${s}`)
          : [k],
      );
    expect(shape(ru).sort()).toEqual(shape(en).sort());
  });

  it("count in words: one score, two scores; один, два, пять", () => {
    expect(en.resetDone({ removed: 1 })).toBe("The leaderboard was reset (1 score removed).");
    expect(en.resetDone({ removed: 2 })).toBe("The leaderboard was reset (2 scores removed).");
    expect(ru.resetDone({ removed: 1 })).toBe("Таблица лидеров сброшена (удалена 1 запись).");
    expect(ru.resetDone({ removed: 3 })).toBe("Таблица лидеров сброшена (удалены 3 записи).");
    expect(ru.resetDone({ removed: 11 })).toBe("Таблица лидеров сброшена (удалено 11 записей).");
  });

  it("never call the early secretaries the party's leaders where /help and /timeline speak of all of them", () => {
    // Stasova, Sverdlov, Krestinsky and Molotov held the Secretariat's top office, which the seeds
    // say was technical rather than political before Stalin: "leaders" is not what they were.
    for (const [lang, table, word] of [
      ["en", en, /\bleaders?\b/i],
      ["ru", ru, /руковод/i],
    ] as const) {
      const help = [
        table.help.title,
        table.help.description,
        ...table.help.fields.map((f) => `${f.name} ${f.value}`),
      ]
        .filter((x) => !x.includes("/leaderboard"))
        .join("\n");
      expect(help, lang).not.toMatch(word);
      expect(table.timelineAlt, lang).not.toMatch(word);
      expect(table.timelineTitle, lang).not.toMatch(word);
    }
  });

  it("/help shows /daily set, show and off by the names each language's Discord shows", () => {
    // The names come from the command's definition, so a renamed subcommand fails here.
    const named = (o: {
      name: string;
      name_localizations?: Partial<Record<string, string | null>> | null;
    }) => ({
      en: o.name,
      ru: o.name_localizations?.ru ?? o.name,
    });
    const command = named(daily);
    const subs = (daily.options ?? []).map((o) => named(o));
    expect(subs.map((s) => s.en).sort()).toEqual(["off", "set", "show"]);
    for (const [lang, table] of [
      ["en", en],
      ["ru", ru],
    ] as const) {
      const help = table.help.fields.map((f) => `${f.name} ${f.value}`).join("\n");
      for (const sub of subs) expect(help, lang).toContain(`/${command[lang]} ${sub[lang]}`);
    }
  });
});
