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

  it("completes options of a command without subcommands, and names from the search", () => {
    expect(complete("/who n")[0]).toEqual(["/who name:"]);
    expect(complete("/who name:krush")[0]).toContain("/who name:Nikita Khrushchev");
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
