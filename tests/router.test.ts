import { MessageFlags } from "discord.js";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { createRouter, runSlash } from "../src/console/run.js";
import { CONSOLE_CALLER } from "../src/console/slash.js";
import { Router } from "../src/interactions/router.js";
import type { BotResponse, Caller, CommandModule, MessagePayload } from "../src/interactions/types.js";
import { engine } from "./helpers.js";
import { expectWithinDiscordLimits } from "./limits.js";

const router = createRouter(engine());
const ALICE: Caller = { ...CONSOLE_CALLER, userId: "200000000000000001" };
const BOB: Caller = { ...CONSOLE_CALLER, userId: "300000000000000001" };

async function run(line: string): Promise<BotResponse> {
  const r = await runSlash(router, line);
  if (!r.ok) throw new Error(r.error);
  return r.response;
}

async function command(command: string, options: Record<string, string>, caller: Caller = ALICE) {
  return router.handle({ type: "command", command, options, caller });
}

function payloadOf(r: BotResponse): MessagePayload {
  if (r.type === "choices" || r.type === "modal") throw new Error("expected a message");
  return r.payload;
}

const isEphemeral = (p: MessagePayload) => ((p.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

describe("/who", () => {
  it("answers a variant spelling with the card and says what matched", async () => {
    const p = payloadOf(await command("who", { name: "Chruschtschow" }));
    expectWithinDiscordLimits(p);
    expect(isEphemeral(p)).toBe(false);
    expect(p.embeds?.[0]?.title).toBe("Nikita Khrushchev · Никита Хрущёв");
    expect(p.embeds?.[0]?.description).toMatch(/German spelling of Khrushchev/);
    const offices = p.embeds?.[0]?.fields?.find((f) => f.name === "Offices held")?.value;
    expect(offices).toMatch(/14 September 1953 – 14 October 1964 · 11 years, 30 days/);
    expect(p.embeds?.[0]?.footer?.text).toMatch(/^Sources: /);
    // A Russian caller is told in Russian what their Latin spelling matched.
    const ru = payloadOf(await command("who", { name: "Chruschtschow" }, { ...ALICE, locale: "ru" }));
    expect(ru.embeds?.[0]?.description).toContain(
      "Найдено по: «Chruschtschow» — немецкое написание фамилии Никиты Хрущёва",
    );
    // Their own name for him is the card's name: nothing to explain.
    const own = payloadOf(await command("who", { name: "Хрущёв" }, { ...ALICE, locale: "ru" }));
    expect(own.embeds?.[0]?.title).toBe("Никита Хрущёв");
    expect(own.embeds?.[0]?.description).not.toContain("Найдено по");
  });

  it("offers the names a short query starts (Nik) in a private menu rather than 'no one like that'", async () => {
    const p = payloadOf(await command("who", { name: "Nik" }));
    expect(isEphemeral(p)).toBe(true);
    expect(p.content).toMatch(/Did you mean/);
    const menu = p.components?.[0]?.components?.[0];
    const labels = menu && "options" in menu ? menu.options.map((o) => o.label) : [];
    expect(labels).toEqual(expect.arrayContaining(["Nikita Khrushchev", "Nikolai Podgorny"]));
  });

  it("escapes the user's words quoted in a public card (spoilers, bold, headings, direction overrides)", async () => {
    const p = payloadOf(await command("who", { name: "||**Chruschtschow**||\u202e" }));
    expect(isEphemeral(p)).toBe(false);
    const description = p.embeds?.[0]?.description ?? "";
    expect(description).toContain("“\\|\\|\\*\\*Chruschtschow\\*\\*\\|\\|”");
    expect(description).not.toContain("\u202e");
  });

  it("opens a card directly from an autocomplete id", async () => {
    const p = payloadOf(await command("who", { name: "leonid-brezhnev" }));
    expect(p.embeds?.[0]?.fields?.find((f) => f.name === "Offices held")?.value).toMatch(
      /16 years, 216 days/,
    );
  });

  it("shows the stated duration that disagrees with the dates", async () => {
    const p = payloadOf(await command("who", { name: "Molotov" }));
    expect(JSON.stringify(p.embeds)).toMatch(/Stated as \\"291 days\\".*does not match the dates/);
  });

  it("answers a miss privately with a did-you-mean menu that opens the chosen card", async () => {
    const p = payloadOf(await command("who", { name: "Mikhail" }));
    expectWithinDiscordLimits(p);
    expect(isEphemeral(p)).toBe(true);
    expect(p.content).toMatch(/couldn't find “Mikhail”. Did you mean/);
    const select = p.components?.[0]?.components[0];
    expect(
      select && "options" in select
        ? select.options
            .map((o) => o.value)
            .slice(0, 2)
            .sort()
        : [],
    ).toEqual(["mikhail-gorbachev", "mikhail-suslov"]);
    const customId = select && "custom_id" in select ? select.custom_id : "";
    const picked = await router.handle({
      type: "component",
      customId,
      values: ["mikhail-suslov"],
      caller: ALICE,
    });
    expect(picked.type).toBe("reply");
    expect(payloadOf(picked).embeds?.[0]?.title).toMatch(/^Mikhail Suslov/);
  });

  it("says plainly when nobody like that is in the sources", async () => {
    const p = payloadOf(await command("who", { name: "Putin" }));
    expect(isEphemeral(p)).toBe(true);
    expect(p.content).toMatch(/couldn't find “Putin”/);
    expect(p.embeds ?? []).toEqual([]);
  });

  it.each([
    ["empty", ""],
    ["6,000 characters", "x".repeat(6000)],
    ["markup", "**bold** `code` ||spoiler||"],
    ["mentions", "@everyone <@123456789012345678> @here"],
    ["emoji", "🚩☭🔥"],
    ["right-to-left text", "‏מִיכָאֵל גּוֹרְבָּצ'וֹב‏"],
  ])("answers bad input (%s) politely, privately and without pinging", async (_label, value) => {
    const p = payloadOf(await command("who", { name: value }));
    expectWithinDiscordLimits(p, _label);
    expect(isEphemeral(p)).toBe(true);
    expect(p.content).not.toMatch(/@everyone|@here|<@\d/);
    expect(p.content?.length ?? 0).toBeLessThan(400);
  });
});

describe("/office, /when, /timeline, /sources, /help", () => {
  it("shows an office with its holders in order", async () => {
    const p = payloadOf(await run("/office title:gensec"));
    expectWithinDiscordLimits(p);
    const holders = p.embeds?.[0]?.fields?.find((f) => f.name === "Holders in order")?.value ?? "";
    expect(holders.indexOf("Joseph Stalin")).toBeLessThan(holders.indexOf("Vladimir Ivashko"));
    expect(holders).toMatch(/Vladimir Ivashko\*\* \(acting\)/);
  });

  it("names Andropov for May 1983", async () => {
    const p = payloadOf(await run("/when date:May 1983"));
    expectWithinDiscordLimits(p);
    expect(p.embeds?.[0]?.description).toBe("Read as: May 1983 (month precision)");
    expect(p.embeds?.[0]?.fields?.[0]?.value).toMatch(/Yuri Andropov/);
  });

  it("reports the vacancy and the events around a date", async () => {
    const p = payloadOf(await run("/when date:11 November 1982"));
    const text = JSON.stringify(p.embeds);
    expect(text).toMatch(/Vacant: 11 November 1982/);
    expect(text).toMatch(/Brezhnev dies in office/);
  });

  it("narrows to one office when asked", async () => {
    const p = payloadOf(await run("/when date:1960 office:General Secretary"));
    expect(p.embeds?.[0]?.fields?.[0]?.value).toMatch(/No one held the office/);
  });

  it("rejects an impossible date privately with the forms that work", async () => {
    const p = payloadOf(await run("/when date:31 February 1953"));
    expect(isEphemeral(p)).toBe(true);
    expect(p.content).toMatch(/February 1953 has 28 days/);
    expect(p.content).toMatch(/Forms that work/);
  });

  it("lists every term in the timeline and every source with the disagreements", async () => {
    const timeline = payloadOf(await run("/timeline"));
    expectWithinDiscordLimits(timeline);
    expect(timeline.embeds?.[0]?.description?.split("\n")).toHaveLength(engine().dataset.leadership.length);
    const sources = payloadOf(await run("/sources"));
    expectWithinDiscordLimits(sources);
    expect(JSON.stringify(sources.embeds)).toMatch(/partisan wiki/);
    expect(JSON.stringify(sources.embeds)).toMatch(/291 days/);
    const help = payloadOf(await run("/help"));
    expect(isEphemeral(help)).toBe(true);
  });
});

describe("buttons", () => {
  it("walk the succession in place for the asker, and give others their own copy", async () => {
    const card = payloadOf(await command("who", { name: "Andropov" }, ALICE));
    const next = card.components?.[0]?.components.find(
      (c) => "label" in c && c.label === "Konstantin Chernenko",
    );
    const customId = next && "custom_id" in next ? next.custom_id : "";
    const mine = await router.handle({ type: "component", customId, values: [], caller: ALICE });
    expect(mine.type).toBe("update");
    expect(payloadOf(mine).embeds?.[0]?.title).toMatch(/^Konstantin Chernenko/);
    const theirs = await router.handle({ type: "component", customId, values: [], caller: BOB });
    expect(theirs.type).toBe("reply");
    expect(isEphemeral(payloadOf(theirs))).toBe(true);
  });

  it("answers an unknown or stale button politely", async () => {
    const r = await router.handle({
      type: "component",
      customId: "something-old",
      values: [],
      caller: ALICE,
    });
    expect(isEphemeral(payloadOf(r))).toBe(true);
    const gone = await router.handle({
      type: "component",
      customId: "v1|open|p0|no-such-person|1",
      values: [],
      caller: ALICE,
    });
    expect(payloadOf(gone).content).toMatch(/no longer exists/);
  });
});

describe("office names: the same in every option that takes one", () => {
  const ALL =
    "Technical Secretary, Chairman of the Secretariat, Responsible Secretary, General Secretary, First Secretary, Acting General Secretary";

  it("/when and /timeline take every name /office knows, as /office resolves it", async () => {
    for (const [name, id] of [
      ["gensec", "general-secretary"],
      ["генсек", "general-secretary"],
      ["General Secretary", "general-secretary"],
      ["first secretary", "first-secretary"],
      ["Первый секретарь", "first-secretary"],
      ["acting general secretary", "acting-general-secretary"],
      ["Chairman of the Secretariat", "chairman-of-the-secretariat"],
      ["technical-secretary", "technical-secretary"],
    ] as const) {
      const office = payloadOf(await run(`/office title:${name}`)).embeds?.[0]?.title ?? "";
      const english = engine().dataset.officeById.get(id)?.name ?? "";
      expect(office.startsWith(`${english} · `), name).toBe(true);
      const when = payloadOf(await run(`/when date:1960 office:${name}`));
      expect(when.embeds?.[0]?.title, name).toBe(`${english} — 1960`);
      const byName = payloadOf(await run(`/timeline from:1950 to:1970 office:${name}`));
      const byId = payloadOf(await run(`/timeline from:1950 to:1970 office:${id}`));
      expect(byName.embeds, name).toEqual(byId.embeds);
    }
  });

  it("refuses an office that is not a title of the top office, and one it does not know, naming the titles", async () => {
    const second = await run("/when date:1960 office:second secretary");
    expect(second.type === "reply" && second.refused).toBe(true);
    expect(payloadOf(second).content).toBe(
      `Second Secretary is not one of the titles of the Secretariat's top office, which this command follows. Pick one of: ${ALL}.`,
    );
    const unknown = await run("/timeline office:zzz");
    expect(unknown.type === "reply" && unknown.refused).toBe(true);
    expect(isEphemeral(payloadOf(unknown))).toBe(true);
    expect(payloadOf(unknown).content).toBe(`I don't know the office “zzz”. Pick one from the list: ${ALL}.`);
  });

  it("autocompletes office: with the titles, in the caller's language", async () => {
    const choices = async (command: string, value: string, locale = "en-US") => {
      const r = await router.handle({
        type: "autocomplete",
        command,
        focused: { name: "office", value },
        options: {},
        caller: { ...ALICE, locale },
      });
      return r.type === "choices" ? r.choices : [];
    };
    expect((await choices("when", "")).map((c) => c.value)).toEqual([
      "technical-secretary",
      "chairman-of-the-secretariat",
      "responsible-secretary",
      "general-secretary",
      "first-secretary",
      "acting-general-secretary",
    ]);
    expect((await choices("timeline", "gensec"))[0]).toEqual({
      name: "General Secretary",
      value: "general-secretary",
    });
    expect((await choices("when", "перв", "ru"))[0]).toEqual({
      name: "Первый секретарь",
      value: "first-secretary",
    });
    // Offices outside the top office's titles are never offered.
    expect((await choices("when", "second secretary")).map((c) => c.value)).not.toContain("second-secretary");
  });
});

describe("refusals are marked, so that `cli run` exits with 1 for them", () => {
  it("marks what turns a request down, and nothing that answers it", async () => {
    const refused = async (line: string) => {
      const r = await run(line);
      return r.type === "reply" || r.type === "update" ? r.refused === true : false;
    };
    expect(await refused("/when date:yesterday")).toBe(true);
    expect(await refused("/who name:xyzzy")).toBe(true);
    expect(await refused("/who name:Nik")).toBe(true);
    expect(await refused("/timeline from:1985 to:1982")).toBe(true);
    expect(await refused("/trivia question")).toBe(true); // no database here
    expect(await refused("/when date:May 1983")).toBe(false);
    expect(await refused("/who name:krushchev")).toBe(false);
    expect(await refused("/office title:gensec")).toBe(false);
    expect(await refused("/sources")).toBe(false);
    expect(await refused("/help")).toBe(false);
  });
});

describe("autocomplete", () => {
  it("offers at most 25 choices of at most 100 characters", async () => {
    for (const value of ["", "k", "sta", "Бре", "x".repeat(500)]) {
      const r = await router.handle({
        type: "autocomplete",
        command: "who",
        focused: { name: "name", value },
        options: {},
        caller: ALICE,
      });
      expect(r.type).toBe("choices");
      if (r.type === "choices") {
        expect(r.choices.length).toBeLessThanOrEqual(25);
        for (const c of r.choices) expect(c.name.length).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe("Russian", () => {
  it("labels cards in Russian and formats dates with the ru locale", async () => {
    const r = await router.handle({
      type: "command",
      command: "who",
      options: { name: "Брежнев" },
      caller: { ...ALICE, locale: "ru" },
    });
    const embed = payloadOf(r).embeds?.[0];
    expect(embed?.fields?.[0]?.name).toBe("Должности");
    expect(embed?.fields?.[0]?.value).toMatch(/8 апреля 1966 г\. – 10 ноября 1982 г\. † · 16 лет, 216 дней/);
    expect(embed?.title).toBe("Леонид Брежнев");
  });

  it("answers errors, trivia and study in Russian too", async () => {
    const ru = { ...ALICE, locale: "ru" };
    const date = payloadOf(
      await router.handle({ type: "command", command: "when", options: { date: "blah" }, caller: ru }),
    );
    expect(date.content).toMatch(/Не могу прочитать «blah» как дату\. Подходят такие формы/);
    const trivia = payloadOf(
      await router.handle({
        type: "command",
        command: "trivia",
        subcommand: "start",
        options: {},
        caller: ru,
      }),
    );
    expect(trivia.content).toMatch(/Викторина здесь недоступна/);
    const old = payloadOf(
      await router.handle({ type: "component", customId: "v0|x", values: [], caller: ru }),
    );
    expect(old.content).toBe("Эта кнопка устарела. Повторите команду.");
    const unknown = payloadOf(
      await router.handle({ type: "command", command: "nope", options: {}, caller: ru }),
    );
    expect(unknown.content).toMatch(/Я не знаю команды \/nope/);
  });

  it("localises every command and option name", () => {
    for (const def of router.definitions) expect(def.name_localizations?.ru, def.name).toBeTruthy();
    for (const def of router.slashDefinitions) {
      expect(def.description_localizations?.ru, def.name).toBeTruthy();
      for (const o of def.options ?? []) {
        expect(o.name_localizations?.ru, `${def.name}.${o.name}`).toBeTruthy();
        expect(o.description_localizations?.ru, `${def.name}.${o.name}`).toBeTruthy();
      }
    }
  });
});

describe("error boundary", () => {
  it("logs a failing handler with context and answers politely", async () => {
    const lines: string[] = [];
    const log = pino({ level: "error" }, { write: (s: string) => lines.push(s) });
    const broken: CommandModule = {
      data: { name: "broken", description: "x" },
      execute: () => {
        throw new Error("kaboom");
      },
    };
    const r = await new Router(engine(), [broken], [], log).handle({
      type: "command",
      command: "broken",
      options: {},
      caller: ALICE,
    });
    const p = payloadOf(r);
    expect(isEphemeral(p)).toBe(true);
    expect(p.content).toMatch(/Sorry — something went wrong/);
    expect(p.content).not.toMatch(/kaboom|Error|at /);
    expect(lines.join("")).toMatch(/"command":"broken".*kaboom|kaboom.*"command":"broken"/);
  });
});

describe("timeline pictures", () => {
  const isPng = (data: Uint8Array | undefined) =>
    data !== undefined &&
    Buffer.from(data.subarray(0, 8)).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

  it("/timeline attaches the picture and shows it in the card, with a text summary", async () => {
    const p = payloadOf(await run("/timeline"));
    expectWithinDiscordLimits(p);
    expect(p.files?.[0]?.name).toBe("timeline.png");
    expect(isPng(p.files?.[0]?.data)).toBe(true);
    expect(p.embeds?.[0]?.image?.url).toBe("attachment://timeline.png");
    expect(p.embeds?.[0]?.description).toMatch(/Mikhail Gorbachev/);
  });

  it("/timeline narrows to a range and an office, and rejects a backwards range politely", async () => {
    const p = payloadOf(await run("/timeline from:1950 to:1970 office:First Secretary"));
    const lines = p.embeds?.[0]?.description?.split("\n") ?? [];
    expect(lines.every((l) => /First Secretary/.test(l))).toBe(true);
    expect(lines.some((l) => /Brezhnev/.test(l))).toBe(true);
    const bad = payloadOf(await run("/timeline from:1985 to:1982"));
    expect(isEphemeral(bad)).toBe(true);
    expect(bad.content).toMatch(/ends before it starts/);
  });

  it("/when attaches the timeline around the date", async () => {
    const p = payloadOf(await run("/when date:5 March 1953"));
    expect(isPng(p.files?.[0]?.data)).toBe(true);
    expect(p.files?.[0]?.description).toBe("Timeline around 5 March 1953");
  });
});

describe("Look up in Apparat (the message command)", () => {
  const lookUp = async (content: string, caller: Caller = ALICE) =>
    payloadOf(
      await router.handle({
        type: "command",
        command: "Look up in Apparat",
        options: {},
        caller,
        target: { messageId: "500000000000000001", content },
      }),
    );

  it("answers with each person, office and date the message mentions, and a menu of full cards", async () => {
    const p = await lookUp("was it krushchev or malenkov after stalin? gensec in march '53");
    expectWithinDiscordLimits(p);
    expect(isEphemeral(p)).toBe(false);
    expect(p.allowed_mentions).toEqual({ parse: [] });
    const fields = Object.fromEntries((p.embeds?.[0]?.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields.People).toMatch(/\*\*Nikita Khrushchev\*\* — First Secretary/);
    expect(fields.People).toMatch(/\*\*Georgy Malenkov\*\* — Head of the Secretariat \(de facto\)/);
    expect(fields.People).toMatch(
      /\*\*Joseph Stalin\*\* — General Secretary \(title disputed from 1934\), 3 Apr 1922 – 16 Oct 1952/,
    );
    expect(fields.Offices).toMatch(/\*\*General Secretary\*\* — 1922–1952, 1966–1991/);
    expect(fields.Dates).toMatch(
      /^\*\*march '53\*\* — Joseph Stalin, General Secretary \(de facto\); Georgy Malenkov, Head of the Secretariat \(de facto\); Nikita Khrushchev, .*$/,
    );
    const menu = p.components?.[0]?.components[0];
    expect(menu && "options" in menu ? menu.options.map((o) => o.value) : []).toEqual([
      "p:nikita-khrushchev",
      "p:georgy-malenkov",
      "p:joseph-stalin",
      "o:general-secretary",
      "w:march '53",
    ]);
  });

  it("opens a chosen card: in the channel for the asker, privately for anyone else", async () => {
    const p = await lookUp("Brezhnev in the 60s");
    const menu = p.components?.[0]?.components[0];
    const customId = menu && "custom_id" in menu ? menu.custom_id : "";
    const pick = (caller: Caller, value: string) =>
      router.handle({ type: "component", customId, values: [value], caller });
    const mine = payloadOf(await pick(ALICE, "p:leonid-brezhnev"));
    expect(isEphemeral(mine)).toBe(false);
    expect(mine.embeds?.[0]?.title).toMatch(/^Leonid Brezhnev/);
    const theirs = payloadOf(await pick(BOB, "w:the 60s"));
    expect(isEphemeral(theirs)).toBe(true);
    expect(theirs.embeds?.[0]?.title).toMatch(/the 1960s/);
    const forged = payloadOf(await pick(BOB, "x:whatever"));
    expect(isEphemeral(forged)).toBe(true);
  });

  it("says so privately, with a hint, when a message names nothing it knows, or has no text", async () => {
    const none = await lookUp("our general meeting is at 5pm in stalingrad street");
    expect(isEphemeral(none)).toBe(true);
    expect(none.content).toMatch(/I found no person, office or date I know.*\/who/);
    const empty = await lookUp("   ");
    expect(isEphemeral(empty)).toBe(true);
    const ru = await lookUp("ничего такого", { ...ALICE, locale: "ru" });
    expect(ru.content).toMatch(/не нашёл/);
  });

  it("escapes what it echoes from the message", async () => {
    const p = await lookUp("**1956** and @everyone");
    expect(JSON.stringify(p.embeds)).not.toContain("@everyone");
    expect(p.embeds?.[0]?.fields?.find((f) => f.name === "Dates")?.value).toMatch(/^\*\*1956\*\*/);
  });
});

describe("installs and contexts", () => {
  it("declares every command installable to servers and users, usable in servers, the bot's DM and group DMs", () => {
    for (const def of router.definitions) {
      expect(def.integration_types, def.name).toEqual([0, 1]);
      expect(def.contexts, def.name).toEqual([0, 1, 2]);
    }
    const message = router.definitions.find((d) => d.type === 3);
    expect(message?.name).toBe("Look up in Apparat");
    expect(message?.name_localizations?.ru).toBe("Найти в Apparat");
  });
});
