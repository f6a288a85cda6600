import { describe, expect, it } from "vitest";
import { ConsoleSession, completer } from "../src/console/repl.js";
import { createRouter } from "../src/console/run.js";
import { createTrivia, showingMessenger } from "../src/interactions/trivia.js";
import { openSqlite } from "../src/storage/sqlite.js";
import { engine, FakeClock } from "./helpers.js";

const complete = completer(engine(), createRouter(engine()));

describe("console tab completion", () => {
  it("completes command names", () => {
    expect(complete("/tri")[0]).toEqual(["/trivia "]);
  });

  it("completes a subcommand as a word of its own, without a colon", () => {
    expect(complete("/trivia st")[0]).toEqual(["/trivia start ", "/trivia stop ", "/trivia stats "]);
  });

  it("then offers that subcommand's options, with a colon", () => {
    expect(complete("/trivia start q")[0]).toEqual(["/trivia start questions:"]);
    expect(complete("/trivia start ")[0]).toEqual([
      "/trivia start questions:",
      "/trivia start seconds:",
      "/trivia start difficulty:",
      "/trivia start hints:",
      "/trivia start category:",
      "/trivia start set:",
    ]);
  });

  it("completes a group's subcommands, then their options", () => {
    expect(complete("/trivia te")[0]).toEqual(["/trivia term "]);
    expect(complete("/trivia term ")[0]).toEqual(["/trivia term start ", "/trivia term end "]);
    expect(complete("/trivia term s")[0]).toEqual(["/trivia term start "]);
    expect(complete("/trivia term start ")[0]).toEqual(["/trivia term start name:"]);
    expect(complete("/trivia term end ")[0]).toEqual([]);
    expect(complete("/settings ")[0]).toEqual(["/settings trivia ", "/settings page "]);
    expect(complete("/settings page ")[0]).toEqual(["/settings page enable ", "/settings page revoke "]);
    expect(complete("/trivia nope ")[0]).toEqual([]);
  });

  it("completes options of a command without subcommands, and names from the search", () => {
    expect(complete("/who n")[0]).toEqual(["/who name:"]);
    expect(complete("/who name:krush")[0]).toContain("/who name:Nikita Khrushchev");
  });
});

describe("console tab completion in Russian", () => {
  const russian = completer(engine(), createRouter(engine()), () => "ru");

  it("completes the names a Russian Discord shows, and Russian names from the search", () => {
    expect(russian("/кт")[0]).toEqual(["/кто "]);
    expect(russian("/викторина на")[0]).toEqual(["/викторина начать ", "/викторина наборы "]);
    expect(russian("/викторина начать сл")[0]).toEqual(["/викторина начать сложность:"]);
    expect(russian("/хронология ")[0]).toEqual([
      "/хронология с:",
      "/хронология по:",
      "/хронология должность:",
    ]);
    expect(russian("/кто имя:хрущ")[0]).toContain("/кто имя:Никита Хрущёв");
    expect(russian("/викторина семестр ")[0]).toEqual([
      "/викторина семестр начать ",
      "/викторина семестр завершить ",
    ]);
    expect(russian("/викторина семестр начать ")[0]).toEqual(["/викторина семестр начать название:"]);
    expect(russian("/настройки страница о")[0]).toEqual(["/настройки страница отключить "]);
  });
});

describe("the console session", () => {
  it("a number presses the newest message's buttons, a round's later questions included", async () => {
    const shown: string[] = [];
    const clock = new FakeClock();
    let session: ConsoleSession | undefined;
    const trivia = createTrivia(
      engine().dataset,
      openSqlite(":memory:").sql,
      showingMessenger((payload) => session?.show(payload)),
      { clock, seedFor: () => 7 },
    );
    session = new ConsoleSession(createRouter({ ...engine(), trivia }), (text) => shown.push(text));

    await session.line("/trivia start questions:2 seconds:10");
    expect(shown.at(-1)).toMatch(/Question 1 of 2/);
    await session.line("1");
    expect(shown.at(-1)).toMatch(/Locked in/);
    await clock.advance(10_000);
    expect(shown.at(-2)).toMatch(/Answer: /);
    expect(shown.at(-1)).toMatch(/Question 2 of 2/);
    // The second question, posted by the round itself, is what "2" presses now.
    await session.line("2");
    expect(shown.at(-1)).toMatch(/Locked in: \*\*B\*\*|Locked in/);
    expect(shown.at(-1)).not.toMatch(/Too late|no longer/);
    await clock.advance(10_000);
    expect(shown.at(-1)).toMatch(/Standings/);
    trivia.shutdown();
  });

  it("says so when there is no such button", async () => {
    const shown: string[] = [];
    const session = new ConsoleSession(createRouter(engine()), (text) => shown.push(text));
    await session.line("3");
    expect(shown).toEqual(["There is no such button or entry in the newest message."]);
  });
});

describe("the console's language", () => {
  it("answers as for a Russian Discord from the start or after `lang ru`, and as before after `lang en`", async () => {
    const shown: string[] = [];
    const english = new ConsoleSession(createRouter(engine()), (text) => shown.push(text));
    await english.line("/who name:Хрущёв");
    expect(shown.at(-1)).toMatch(/▌ Nikita Khrushchev · Никита Хрущёв/);
    await english.line("lang ru");
    expect(shown.at(-1)).toBe("Теперь ответы приходят как в Discord на русском языке.");
    await english.line("/кто имя:Хрущёв");
    expect(shown.at(-1)).toMatch(/▌ Никита Хрущёв\n[\s\S]*Предшественник: Иосиф Сталин/);
    await english.line("9");
    expect(shown.at(-1)).toBe("В последнем сообщении нет такой кнопки или пункта.");
    await english.line("lang");
    expect(shown.at(-1)).toBe("Введите lang ru или lang en.");
    await english.line("lang en");
    expect(shown.at(-1)).toBe("Answers now come as for a Discord set to English.");
    await english.line("/кто имя:Хрущёв");
    expect(shown.at(-1)).toMatch(/^There is no command \/кто\./);

    const russian = new ConsoleSession(createRouter(engine()), (text) => shown.push(text), "ru");
    await russian.line("/когда дата:10 марта 1953");
    expect(shown.at(-1)).toMatch(/Понято как: 10 марта 1953 г\. \(с точностью до дня\)/);
  });
});

describe("the console takes what Discord would send, and only that", () => {
  const session = () => {
    const shown: string[] = [];
    const trivia = createTrivia(
      engine().dataset,
      openSqlite(":memory:").sql,
      showingMessenger(() => {}),
      { clock: new FakeClock(), seedFor: () => 7 },
    );
    const s = new ConsoleSession(createRouter({ ...engine(), trivia }), (text) => shown.push(text));
    return { s, shown, trivia };
  };

  it("runs the message command typed as its name and the message's text, as `cli run` does", async () => {
    const { s, shown, trivia } = session();
    await s.line("Look up in Apparat: was it krushchev or malenkov after stalin?");
    expect(shown.at(-1)).toMatch(/In this message[\s\S]*Nikita Khrushchev[\s\S]*Georgy Malenkov/);
    // The entries of its menu are pressed like any other.
    await s.line("1");
    expect(shown.at(-1)).toMatch(/Nikita Khrushchev · Никита Хрущёв/);
    trivia.shutdown();
  });

  it("refuses a choice, a number or a value Discord's client would not send, politely, and starts nothing", async () => {
    const { s, shown, trivia } = session();
    await s.line("/trivia start difficulty:any");
    expect(shown).toEqual(["difficulty: “any” is not one of its choices: easy, medium, hard."]);
    await s.line("/trivia start questions:30");
    expect(shown.at(-1)).toBe("questions: 30 is out of range; it takes 1 to 20.");
    await s.line("/trivia start hints:yes");
    expect(shown.at(-1)).toBe("hints: takes true or false, not “yes”.");
    await s.line("/trivia stop");
    expect(shown.at(-1)).toMatch(/No trivia round is running in this channel/);
    // What Discord would send is taken: the same names, in range.
    await s.line("/trivia start questions:20 seconds:10 difficulty:Hard hints:true");
    expect(shown.at(-1)).toMatch(/Question 1 of 20/);
    trivia.shutdown();
  });

  it("starts and ends a term typed as in Discord, /trivia term start name:Autumn, and says what a group takes", async () => {
    const { s, shown, trivia } = session();
    await s.line("/trivia term start name:Autumn");
    expect(shown.at(-1)).toMatch(/^The term “Autumn” has started\./);
    await s.line("/trivia term start name:Spring");
    expect(shown.at(-1)).toMatch(/^\(only you can see this\)\nThe term “Autumn” is running/);
    await s.line("/trivia term end");
    expect(shown.at(-1)).toMatch(/^The term “Autumn” \(since .*\) has ended\./);
    await s.line("/trivia term stop");
    expect(shown.at(-1)).toBe("/trivia term needs one of: start, end.");
    await s.line("lang ru");
    await s.line("/викторина семестр начать название:Осень");
    expect(shown.at(-1)).toMatch(/^Семестр «Осень» начался\./);
    await s.line("/настройки страница включить");
    expect(shown.at(-1)).toMatch(/HTTP_PORT/);
    trivia.shutdown();
  });

  it("runs /settings with the console's own database", async () => {
    const { s, shown, trivia } = session();
    await s.line("/settings trivia difficulty:any seconds:45");
    expect(shown.at(-1)).toMatch(/Trivia settings for this server[\s\S]*Seconds per question: 45/);
    await s.line("/settings trivia difficulty:impossible");
    expect(shown.at(-1)).toBe("difficulty: “impossible” is not one of its choices: any, easy, medium, hard.");
    trivia.shutdown();
  });
});
