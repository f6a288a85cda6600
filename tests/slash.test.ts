// The console's and `cli run`'s command line: taken or refused exactly as Discord's client would
// take or refuse it, against the definitions the bot registers (choices, ranges, lengths, booleans,
// ids, required options, each option once), and never a crash, whatever is typed.
import type { APIApplicationCommandBasicOption } from "discord-api-types/v10";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRouter } from "../src/console/run.js";
import { CONSOLE_CALLER, parseSlash } from "../src/console/slash.js";
import { ApplicationCommandOptionType as Type } from "../src/interactions/api.js";
import type { OptionValue } from "../src/interactions/types.js";
import { engine } from "./helpers.js";

const router = createRouter(engine());
const definitions = router.slashDefinitions;
const MESSAGE = ["Look up in Apparat"];
const parse = (line: string, caller = CONSOLE_CALLER) => parseSlash(line, definitions, caller, MESSAGE);
const RU = { ...CONSOLE_CALLER, locale: "ru" };

const optionsOf = (line: string) => {
  const r = parse(line);
  if (!r.ok) throw new Error(r.error);
  return r.request.options;
};
const errorOf = (line: string, caller = CONSOLE_CALLER) => {
  const r = parse(line, caller);
  if (r.ok) throw new Error(`taken: ${line}`);
  return r.error;
};

describe("a typed command line, as Discord would send it", () => {
  it("sends a choice's value, picked by its value or its name in either language, in any case", () => {
    expect(optionsOf("/trivia start questions:5 difficulty:Hard hints:TRUE")).toEqual({
      questions: 5,
      difficulty: "hard",
      hints: true,
    });
    expect(optionsOf("/leaderboard scope:everywhere")).toEqual({ scope: "global" });
    expect(optionsOf("/leaderboard scope:global")).toEqual({ scope: "global" });
    expect(optionsOf("/trivia export scope:везде")).toEqual({ scope: "global" });
    expect(optionsOf("/settings trivia difficulty:any")).toEqual({ difficulty: "any" });
  });

  it("sends a channel or a user as its id, from the id or its mention", () => {
    expect(optionsOf("/settings trivia channel:<#100000000000000077> allow:false")).toEqual({
      channel: "100000000000000077",
      allow: false,
    });
    expect(optionsOf("/trivia stats user:<@!300000000000000001>")).toEqual({ user: "300000000000000001" });
    expect(optionsOf("/trivia stats user:300000000000000001")).toEqual({ user: "300000000000000001" });
  });

  it("keeps a value's own words and spaces, up to the next option", () => {
    expect(optionsOf("/when date:10th November 1982 office:First Secretary")).toEqual({
      date: "10th November 1982",
      office: "First Secretary",
    });
  });

  it("refuses what Discord's client would not send, saying why", () => {
    expect(errorOf("/trivia start difficulty:any")).toBe(
      "difficulty: “any” is not one of its choices: easy, medium, hard.",
    );
    expect(errorOf("/trivia start questions:0")).toBe("questions: 0 is out of range; it takes 1 to 20.");
    expect(errorOf("/trivia start seconds:121")).toBe("seconds: 121 is out of range; it takes 10 to 120.");
    expect(errorOf("/trivia start questions:5.0")).toBe("questions: takes a whole number, not “5.0”.");
    expect(errorOf("/study export:yes")).toBe("export: takes true or false, not “yes”.");
    expect(errorOf(`/who name:${"x".repeat(101)}`)).toBe("name: takes at most 100 characters; this is 101.");
    expect(errorOf("/settings trivia channel:#quiz")).toBe(
      "channel: give a channel: its id (17 to 20 digits) or <#id>, not “#quiz”.",
    );
    expect(errorOf("/who")).toBe(
      "/who needs name: (Any spelling: Khrushchev, Хрущёв, Chruschtschow, K. Chernenko).",
    );
    expect(errorOf("/when date:")).toBe("date: needs a value.");
    expect(errorOf("/when date:1953 date:1954")).toBe("date: is given twice; give each option once.");
    expect(errorOf("/who krushchev")).toBe("Give options as name:value; /who takes name:.");
    expect(errorOf("/who stalin name:krushchev")).toBe("Give options as name:value; /who takes name:.");
    expect(errorOf("/sources all")).toBe("/sources takes no options.");
    expect(errorOf("/trivia")).toBe(
      "/trivia needs one of: start, stop, question, stats, import, sets, reports, export, term, reset.",
    );
    expect(errorOf("/look up in apparat")).toMatch(
      /^There is no command \/look\. The commands: \/who \/office .* and the message command Look up in Apparat: <the message's text>\.$/,
    );
    expect(errorOf("   ")).toMatch(/^Type a slash command/);
  });

  it("says so in Russian to a Russian caller, naming commands and options as a Russian Discord does", () => {
    expect(errorOf("/trivia start questions:30", RU)).toBe(
      "вопросы: 30 — вне допустимых значений; можно от 1 до 20.",
    );
    expect(errorOf("/trivia start difficulty:any", RU)).toBe(
      "сложность: «any» — не один из вариантов: лёгкая, средняя, сложная.",
    );
    expect(errorOf(`/who name:${"x".repeat(101)}`, RU)).toBe("имя: не больше 100 символов, а здесь 101.");
    expect(errorOf("/who", RU)).toBe(
      "/кто: нужен параметр имя: (Любое написание: Хрущёв, Khrushchev, К. Черненко).",
    );
    expect(errorOf("/викторина", RU)).toBe(
      "После /викторина нужна одна из подкоманд: начать, стоп, вопрос, статистика, импорт, наборы, жалобы, выгрузка, семестр, сброс.",
    );
    expect(errorOf("/викторина семестр", RU)).toBe(
      "После /викторина семестр нужна одна из подкоманд: начать, завершить.",
    );
  });

  it("takes the Russian names a Russian Discord shows, and the English ones, sending the same request", () => {
    const request = (line: string) => {
      const r = parse(line, RU);
      if (!r.ok) throw new Error(r.error);
      return { command: r.request.command, subcommand: r.request.subcommand, options: r.request.options };
    };
    expect(request("/кто имя:Хрущёв")).toEqual({
      command: "who",
      subcommand: undefined,
      options: { name: "Хрущёв" },
    });
    expect(request("/хронология с:1950 по:1970")).toEqual(request("/timeline from:1950 to:1970"));
    expect(request("/викторина начать вопросы:5 сложность:лёгкая")).toEqual({
      command: "trivia",
      subcommand: "start",
      options: { questions: 5, difficulty: "easy" },
    });
    // An English Discord shows only the English names.
    expect(errorOf("/кто имя:Хрущёв")).toMatch(/^There is no command \/кто\./);
  });
});

describe("subcommand groups, typed as Discord shows them", () => {
  const request = (line: string, caller = CONSOLE_CALLER) => {
    const r = parse(line, caller);
    if (!r.ok) throw new Error(r.error);
    const { command, group, subcommand, options } = r.request;
    return { command, group, subcommand, options };
  };

  it("reads /trivia term start name:Autumn as the group's subcommand, its option after it", () => {
    expect(request("/trivia term start name:Autumn")).toEqual({
      command: "trivia",
      group: "term",
      subcommand: "start",
      options: { name: "Autumn" },
    });
    expect(request("trivia   term   end")).toEqual({
      command: "trivia",
      group: "term",
      subcommand: "end",
      options: {},
    });
    expect(request("/settings page enable")).toMatchObject({ group: "page", subcommand: "enable" });
    expect(request("/settings page revoke")).toMatchObject({ group: "page", subcommand: "revoke" });
    // A subcommand beside the group is as before.
    expect(request("/settings trivia seconds:30")).toEqual({
      command: "settings",
      group: undefined,
      subcommand: "trivia",
      options: { seconds: 30 },
    });
    // In Russian, by the names a Russian Discord shows, or the English ones.
    expect(request("/викторина семестр начать название:Осень 2027", RU)).toEqual({
      command: "trivia",
      group: "term",
      subcommand: "start",
      options: { name: "Осень 2027" },
    });
    expect(request("/настройки страница отключить", RU)).toEqual(request("/settings page revoke"));
  });

  it("refuses a missing or unknown subcommand of a group, a missing name, and the old action: form", () => {
    expect(errorOf("/trivia term")).toBe("/trivia term needs one of: start, end.");
    expect(errorOf("/trivia term finish")).toBe("/trivia term needs one of: start, end.");
    expect(errorOf("/trivia term action:start name:Autumn")).toBe("/trivia term needs one of: start, end.");
    expect(errorOf("/trivia term start")).toBe(
      "/trivia term start needs name: (The new term's name, e.g. Spring 2027 (at most 100 characters)).",
    );
    expect(errorOf("/trivia term end name:Autumn")).toBe("/trivia term end takes no options.");
    expect(errorOf(`/trivia term start name:${"x".repeat(101)}`)).toBe(
      "name: takes at most 100 characters; this is 101.",
    );
    expect(errorOf("/settings page")).toBe("/settings page needs one of: enable, revoke.");
    expect(errorOf("/settings page action:enable")).toBe("/settings page needs one of: enable, revoke.");
    expect(errorOf("/settings")).toBe("/settings needs one of: trivia, page.");
    expect(errorOf("/настройки страница", RU)).toBe(
      "После /настройки страница нужна одна из подкоманд: включить, отключить.",
    );
  });
});

// — properties —

/** Text that holds no option marker of its own ("x name:"), as a person types a value. */
const plainText = fc
  .stringMatching(/^[A-Za-zА-Яа-яЁё0-9][A-Za-zА-Яа-яЁё0-9 .,'()-]{0,40}$/)
  .map((s) => s.trim())
  .filter((s) => s !== "");
const snowflake = fc.bigInt({ min: 10n ** 16n, max: 10n ** 19n - 1n }).map(String);
const randomCase = (s: string) =>
  fc
    .array(fc.boolean(), { minLength: s.length, maxLength: s.length })
    .map((ups) => [...s].map((c, i) => (ups[i] ? c.toUpperCase() : c.toLowerCase())).join(""));

type Typed = { raw: string; valid: boolean; sent?: OptionValue };

/** What a person might type into an option, and whether (and as what) Discord would send it. */
function typedValue(spec: APIApplicationCommandBasicOption): fc.Arbitrary<Typed> {
  const bad = (raw: fc.Arbitrary<string>) => raw.map((r): Typed => ({ raw: r, valid: false }));
  if ("choices" in spec && spec.choices?.length) {
    const choices = spec.choices;
    const names = new Set(
      choices
        .flatMap((c) => [String(c.value), c.name, c.name_localizations?.ru ?? c.name])
        .map((n) => n.toLowerCase()),
    );
    return fc.oneof(
      fc.constantFrom(...choices).chain((c) =>
        fc
          .constantFrom(String(c.value), c.name, c.name_localizations?.ru ?? c.name)
          .chain(randomCase)
          .map((raw): Typed => ({ raw, valid: true, sent: c.value })),
      ),
      bad(plainText.filter((t) => !names.has(t.toLowerCase()))),
    );
  }
  switch (spec.type) {
    case Type.Integer: {
      const min = spec.min_value ?? -1000;
      const max = spec.max_value ?? 1000;
      return fc.oneof(
        fc.integer({ min, max }).map((n): Typed => ({ raw: String(n), valid: true, sent: n })),
        bad(fc.integer({ min: max + 1, max: max + 1000 }).map(String)),
        bad(fc.integer({ min: min - 1000, max: min - 1 }).map(String)),
        bad(fc.constantFrom("1.5", "five", "1e3", "0x10", "+-1")),
      );
    }
    case Type.Boolean:
      return fc.oneof(
        fc.boolean().chain((b) => randomCase(String(b)).map((raw): Typed => ({ raw, valid: true, sent: b }))),
        bad(fc.constantFrom("yes", "no", "1", "0", "on", "да")),
      );
    case Type.Channel:
    case Type.User: {
      const mention = spec.type === Type.Channel ? (id: string) => `<#${id}>` : (id: string) => `<@${id}>`;
      return fc.oneof(
        snowflake.map((id): Typed => ({ raw: id, valid: true, sent: id })),
        snowflake.map((id): Typed => ({ raw: mention(id), valid: true, sent: id })),
        bad(plainText.filter((t) => !/^\d{17,20}$/.test(t))),
      );
    }
    case Type.Attachment:
      return fc.oneof(
        fc.constant<Typed>({
          raw: "examples/question-set.csv",
          valid: true,
          sent: "examples/question-set.csv",
        }),
        bad(fc.constant("examples/no-such-file.csv")),
      );
    default: {
      const max = spec.type === Type.String ? (spec.max_length ?? 6000) : 6000;
      return fc.oneof(
        plainText.filter((t) => [...t].length <= max).map((raw): Typed => ({ raw, valid: true, sent: raw })),
        bad(fc.integer({ min: max + 1, max: max + 50 }).map((n) => "ж".repeat(n))),
      );
    }
  }
}

type NamedOption = { name: string; name_localizations?: { ru?: string | null } | null };

/**
 * Every command as Discord lets it be sent, with the options it takes there: the command alone, a
 * subcommand, or a subcommand of a group (`/trivia term start`).
 */
const leaves = definitions.flatMap((def) => {
  const top = def.options ?? [];
  const branches = top.filter((o) => o.type === Type.Subcommand || o.type === Type.SubcommandGroup);
  if (branches.length === 0)
    return [{ def, path: [] as NamedOption[], specs: top as APIApplicationCommandBasicOption[] }];
  return branches.flatMap((b) =>
    b.type === Type.SubcommandGroup
      ? (b.options ?? []).map((sub) => ({
          def,
          path: [b, sub] as NamedOption[],
          specs: (sub.options ?? []) as APIApplicationCommandBasicOption[],
        }))
      : [
          {
            def,
            path: [b] as NamedOption[],
            specs: ("options" in b ? (b.options ?? []) : []) as APIApplicationCommandBasicOption[],
          },
        ],
  );
});

/** A command line built from a registered definition, with what Discord would make of it. */
const commandLine = fc.constantFrom(...leaves).chain(({ def, path, specs }) => {
  const given = specs.map((spec) =>
    fc.option(
      typedValue(spec).map((t) => ({ spec, ...t })),
      { nil: undefined, freq: 2 },
    ),
  );
  return fc.tuple(fc.tuple(...given), fc.boolean(), fc.boolean()).chain(([values, slash, spaces]) =>
    fc
      .shuffledSubarray(
        values.filter((v) => v !== undefined),
        { minLength: values.filter((v) => v !== undefined).length },
      )
      .map((ordered) => ({ def, path, specs, ordered, slash, spaces })),
  );
});

describe("the command line parser (properties)", () => {
  it("never throws, whatever line is typed: it takes it or says why not", () => {
    const names = definitions.flatMap((d) => [
      d.name,
      ...(d.options ?? []).flatMap((o) => [
        o.name,
        ...("options" in o ? (o.options ?? []).map((x) => x.name) : []),
      ]),
    ]);
    const fragment = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 20 }),
      fc.string({ unit: "binary", maxLength: 20 }),
      fc.constantFrom(...names).map((n) => `${n}:`),
      fc.constantFrom(...names),
      fc.constantFrom("/", ":", " ", "\t", "<#", "<@!", ">", "-", "1e9", "9".repeat(30), "\u202e", "\x1b[2J"),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 12 }), fc.boolean(), (parts, slash) => {
        const line = `${slash ? "/" : ""}${parts.join(" ")}`;
        const r = parse(line);
        if (r.ok) expect(definitions.map((d) => d.name)).toContain(r.request.command);
        else {
          expect(typeof r.error).toBe("string");
          expect(r.error.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000, seed: 2323 },
    );
  });

  it("takes a line exactly when Discord would send it, and sends what Discord would", () => {
    // Every command, subcommand and group's subcommand is among them.
    expect(leaves.map((l) => [l.def.name, ...l.path.map((p) => p.name)].join(" "))).toEqual(
      expect.arrayContaining([
        "trivia term start",
        "trivia term end",
        "settings page enable",
        "settings trivia",
      ]),
    );
    fc.assert(
      fc.property(commandLine, ({ def, path, specs, ordered, slash, spaces }) => {
        const gap = spaces ? "   " : " ";
        const line = `${slash ? "/" : ""}${def.name}${path.map((p) => `${gap}${p.name}`).join("")}${ordered
          .map((o) => `${gap}${o.spec.name}:${o.raw}`)
          .join("")}`;
        const required = specs.filter((s) => s.required).map((s) => s.name);
        const given = new Set(ordered.map((o) => o.spec.name));
        const sendable = ordered.every((o) => o.valid) && required.every((n) => given.has(n));
        const r = parse(line);
        expect(r.ok, `${line} → ${r.ok ? "taken" : r.error}`).toBe(sendable);
        if (r.ok) {
          expect(r.request.command).toBe(def.name);
          expect(r.request.group).toBe(path.length === 2 ? path[0]?.name : undefined);
          expect(r.request.subcommand).toBe(path.at(-1)?.name);
          expect(r.request.options).toEqual(Object.fromEntries(ordered.map((o) => [o.spec.name, o.sent])));
        }
      }),
      { numRuns: 2000, seed: 23 },
    );
  });

  it("takes a line in a Russian Discord's names (or English ones, mixed) exactly as the English line", () => {
    const ruName = (o: { name: string; name_localizations?: { ru?: string | null } | null }, ru: boolean) =>
      (ru && o.name_localizations?.ru) || o.name;
    fc.assert(
      fc.property(
        commandLine,
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        ({ def, path, ordered, slash }, ru) => {
          const english = `${slash ? "/" : ""}${def.name}${path.map((p) => ` ${p.name}`).join("")}${ordered
            .map((o) => ` ${o.spec.name}:${o.raw}`)
            .join("")}`;
          const russian = `${slash ? "/" : ""}${ruName(def, ru[0] ?? true)}${path
            .map((p, i) => ` ${ruName(p, ru[i + 1] ?? true)}`)
            .join("")}${ordered.map((o, i) => ` ${ruName(o.spec, ru[i + 3] ?? true)}:${o.raw}`).join("")}`;
          const a = parse(english);
          const b = parse(russian, RU);
          expect(b.ok, `${russian} → ${b.ok ? "taken" : b.error}`).toBe(a.ok);
          if (a.ok && b.ok) {
            expect(b.request.command).toBe(a.request.command);
            expect(b.request.group).toBe(a.request.group);
            expect(b.request.subcommand).toBe(a.request.subcommand);
            expect(b.request.options).toEqual(a.request.options);
          }
        },
      ),
      { numRuns: 1000, seed: 24 },
    );
  });
});
