// A trivia round with 50 players under faults, the bot started as users start it (`npm start`) on
// SQLite, its database on a small disk of its own: Discord refusing every channel post for seconds
// around a reveal, a post applied and then answered 503, a post slower than the bot's REST timeout,
// the disk full at a deadline, and /trivia stop while the disk is full. Every question is revealed
// exactly once, the round ends with its standings, every acknowledged answer is counted once, and a
// new round can start in the channel afterwards. (PostgreSQL's outage is in shards.e2e.test.ts,
// which has a PostgreSQL server already.)
import { join } from "node:path";
import Database from "better-sqlite3";
import {
  type APIButtonComponentWithCustomId,
  type APIMessage,
  ComponentType,
  MessageFlags,
} from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildOnce, type NodeProcess, spawnNpmStart } from "../discord/bot-process.js";
import { FakeDiscord } from "../discord/fake-discord.js";
import { type SmallDisk, smallDisk } from "../support/small-disk.js";
import { deploy, textOf } from "./harness.js";

const describeLinux = describe.skipIf(process.env.APPARAT_E2E !== "1" || process.platform !== "linux");
const CHANNEL_POSTS = "POST /channels/:channel/messages";

const buttonsOf = (message: { components?: readonly unknown[] } | undefined) =>
  (message?.components ?? [])
    .flatMap((row) => (row as { components?: unknown[] }).components ?? [])
    .filter(
      (c): c is APIButtonComponentWithCustomId =>
        (c as { type?: number }).type === ComponentType.Button &&
        typeof (c as { custom_id?: unknown }).custom_id === "string",
    );

/** Checks `probe` every 50 ms for at most 5 s: for what the bot writes just after a post lands. */
async function eventually(probe: () => boolean): Promise<void> {
  for (const started = Date.now(); !probe(); ) {
    if (Date.now() - started > 5_000) throw new Error("not within 5 s");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the wall clock reaches `at` (a fault timed against a question's deadline). */
const until = (at: number) => new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));

describeLinux("a trivia round under faults, on SQLite, the bot started by npm start", () => {
  let fake: FakeDiscord;
  let npm: NodeProcess;
  let disk: SmallDisk;
  let databasePath = "";
  const players = Array.from({ length: 50 }, (_, i) => ({ id: i }));

  const query = <T>(sql: string): T[] => {
    const db = new Database(databasePath, { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  };
  /** The messages the bot posted to the channel by itself (not interaction answers), each once. */
  const posts = () =>
    fake.channelPosts
      .filter((p) => p.channelId === fake.channel.id && p.status === 200 && !p.deduplicated && p.message)
      .map((p) => p.message as APIMessage);
  const titleOf = (m: APIMessage | undefined) => m?.embeds?.[0]?.title ?? m?.content ?? "";
  const waitForPosts = (count: number, what: string, timeoutMs = 30_000) =>
    fake.waitFor(() => (posts().length >= count ? posts() : null), timeoutMs, what);

  /** Starts a round as its starter; the question's message and when it was asked. */
  const startRound = async (questions: number) => {
    const asked = Date.now();
    const start = await fake.dispatchInteraction(fake.chatInput("trivia start", { questions, seconds: 10 }));
    const original = fake.interactions.get(start.interactionId)?.original;
    if (!original || buttonsOf(original).length < 2) throw new Error(`no question: ${textOf(start.data)}`);
    return { message: original, asked };
  };
  /** Every player answers the question in `message`; how many were told "Locked in". */
  const everyoneAnswers = async (message: APIMessage) => {
    const buttons = buttonsOf(message);
    const users = players.map((p) => fake.makeUser(`player${p.id}`));
    const replies = await Promise.all(
      users.map((user, i) =>
        fake.dispatchInteraction(
          fake.button(message, (buttons[i % buttons.length] as APIButtonComponentWithCustomId).custom_id, {
            user,
          }),
        ),
      ),
    );
    return replies.filter((r) => /Locked in/.test(textOf(r.data))).length;
  };

  beforeAll(async () => {
    buildOnce();
    const made = smallDisk(16 * 1024);
    if ("missing" in made) throw new Error(made.missing);
    disk = made;
    databasePath = join(disk.dir, "apparat.sqlite");
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 2000 });
    const deployed = await deploy(fake);
    expect(deployed.exit.code, deployed.output).toBe(0);
    // A short REST timeout, so that a post slower than it is given up and retried within the test.
    npm = spawnNpmStart({
      env: fake.env({ DATABASE_PATH: databasePath, DISCORD_REST_TIMEOUT_MS: "1500" }),
    });
    await npm.waitForLine("connected to Discord", 60_000);
  }, 90_000);

  afterAll(async () => {
    if (npm && npm.child.exitCode === null) {
      npm.child.kill("SIGTERM");
      await npm.exited;
    }
    await fake?.stop();
    disk?.dispose();
  });

  test("Discord refuses every channel post for 8 s around a reveal, then applies it and answers 503, then is slower than the timeout: each post appears once", async () => {
    const before = posts().length;
    const { message, asked } = await startRound(1);
    expect(await everyoneAnswers(message)).toBe(50);
    // 503 to every channel post from 4 s into the question until 12 s (the reveal is due at 10 s);
    // then the next post is made and answered 503, and the one after is held past the timeout.
    // (The first fault that matches takes a request, so they come in this order.)
    await until(asked + 4_000);
    const storm = fake.injectRestFault({ route: CHANNEL_POSTS, mode: "refuse", status: 503, forMs: 8_000 });
    const applied = fake.injectRestFault({
      route: CHANNEL_POSTS,
      mode: "apply-then-5xx",
      status: 503,
      times: 1,
    });
    const slow = fake.injectRestFault({ route: CHANNEL_POSTS, mode: "slow", delayMs: 2_500, times: 1 });
    const all = await waitForPosts(before + 2, "the reveal and the standings");
    expect(storm.hits).toBeGreaterThan(1);
    expect(applied.hits).toBe(1);
    expect(slow.hits).toBe(1);
    expect(all.slice(before).map(titleOf)).toEqual([expect.stringMatching(/^Answer/), "Standings"]);
    expect(textOf(all.at(-1))).toContain("That was the last question.");
    expect(query<{ n: number }>("SELECT COUNT(*) AS n FROM answers")[0]?.n).toBe(50);
    expect(query<{ status: string }>("SELECT status FROM rounds ORDER BY id DESC LIMIT 1")).toEqual([
      { status: "finished" },
    ]);
    // Each post is marked delivered (a moment after Discord has it), and all were delivered.
    await eventually(() => query("SELECT kind FROM round_posts WHERE done_at IS NULL").length === 0);
    expect(query("SELECT kind, outcome FROM round_posts WHERE outcome <> 'posted'")).toEqual([]);
  }, 90_000);

  test("the disk is full at a deadline, then full again during /trivia stop: the round goes on, then closes with its standings", async () => {
    const before = posts().length;
    const { message, asked } = await startRound(2);
    expect(await everyoneAnswers(message)).toBe(50);
    await until(asked + 8_500);
    disk.fill();
    await until(asked + 11_000);
    expect(posts().length).toBe(before); // nothing could be claimed at the deadline
    disk.free();
    const [reveal1, question2] = (
      await waitForPosts(before + 2, "the reveal after the disk came back")
    ).slice(before);
    expect(titleOf(reveal1)).toMatch(/^Answer/);
    expect(textOf(reveal1)).toContain("<@"); // who got it right
    expect(titleOf(question2)).toBe("Question 2 of 2");
    disk.fill();
    const stop = await fake.dispatchInteraction(fake.chatInput("trivia stop"));
    expect(stop.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(textOf(stop.data)).toContain("will be closed as soon as it answers again");
    disk.free();
    const all = await waitForPosts(before + 4, "the stopped round's reveal and standings");
    expect(all.slice(before).map(titleOf)).toEqual([
      expect.stringMatching(/^Answer/),
      "Question 2 of 2",
      expect.stringMatching(/^Answer/),
      "Standings",
    ]);
    expect(textOf(all.at(-1))).toContain("The round was stopped.");
    expect(query<{ status: string }>("SELECT status FROM rounds ORDER BY id DESC LIMIT 1")).toEqual([
      { status: "stopped" },
    ]);
    // Every acknowledged answer is kept and counted once; the channel is free for a new round.
    const [scores] = query<{ answered: number }>("SELECT SUM(answered) AS answered FROM scores");
    expect(scores?.answered).toBe(100);
    const again = await fake.dispatchInteraction(
      fake.chatInput("trivia start", { questions: 1, seconds: 10 }),
    );
    expect(buttonsOf(again.data).length, textOf(again.data)).toBeGreaterThanOrEqual(2);
    await fake.dispatchInteraction(fake.chatInput("trivia stop"));
  }, 90_000);
});
