// The real bot survives what Discord does to long-running bots: dropped gateway connections,
// RECONNECT, INVALID_SESSION, missed heartbeat ACKs, REST 429s and 5xx, and it stops cleanly.
import { GatewayCloseCodes, InteractionResponseType } from "discord-api-types/v10";
import { expect, test } from "vitest";
import { ROUTES } from "../discord/fake-discord.js";
import { describeE2E, textOf, useBot } from "./harness.js";

describeE2E("the bot under faults", () => {
  const h = useBot();

  /** The bot is serving: a command gets its answer. */
  async function serves(name = "krushchev") {
    const cb = await h.fake.dispatchInteraction(h.fake.chatInput("who", { name }));
    expect(cb.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    return cb;
  }

  test("gateway closed with 4000 mid-session: the bot resumes on resume_gateway_url and serves again", async () => {
    await serves();
    const session = h.fake.gateway.sessionId;
    const resumes = h.fake.resumeCount;
    h.fake.closeGateway(GatewayCloseCodes.UnknownError);
    const resume = await h.fake.waitForResume(resumes + 1);
    expect(resume.sessionId).toBe(session);
    expect(resume.path).toBe("/resume");
    expect(h.fake.identifyCount).toBe(1);
    await serves();
  });

  test("socket dropped without a close frame: an interaction sent meanwhile is replayed on RESUME and answered", async () => {
    const resumes = h.fake.resumeCount;
    h.fake.terminateGateway();
    // Discord keeps the session's events while the bot is away and replays them on RESUME.
    const cb = await h.fake.dispatchInteraction(h.fake.chatInput("when", { date: "May 1983" }));
    expect(cb.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(textOf(cb.data)).toContain("Yuri Andropov");
    const resume = h.fake.gateway.resumes[resumes];
    expect(resume?.replayed).toBeGreaterThanOrEqual(1);
    expect(h.fake.identifyCount).toBe(1);
  });

  test("RECONNECT (op 7): the bot reconnects, resumes and serves", async () => {
    const resumes = h.fake.resumeCount;
    const closes = h.fake.gateway.closes.length;
    h.fake.sendReconnect();
    await h.fake.waitForResume(resumes + 1);
    // discord.js closes the old socket itself, with 4200 (resuming), which keeps the session.
    expect(h.fake.gateway.closes[closes]).toMatchObject({ by: "client", code: 4200 });
    await serves();
  });

  test("missed heartbeat ACKs: the bot drops the zombie connection and resumes", async () => {
    const resumes = h.fake.resumeCount;
    h.fake.gateway.ackHeartbeats = false;
    try {
      await h.fake.waitForResume(resumes + 1, 20_000);
    } finally {
      h.fake.gateway.ackHeartbeats = true;
    }
    await serves();
  });

  test("INVALID_SESSION (d: false): the bot identifies again with a new session and serves", async () => {
    const identifies = h.fake.identifyCount;
    const before = h.fake.gateway.sessionId;
    h.fake.sendInvalidSession(false);
    // discord.js waits out the 5 s identify window before it identifies again.
    const identify = await h.fake.waitForIdentify(identifies + 1, 20_000);
    expect(identify.sessionId).not.toBe(before);
    await serves();
  });

  test("a 429 on the callback: the reply still arrives, after retry_after", async () => {
    h.fake.rateLimitNext(ROUTES.callback, 1, { retryAfter: 1 });
    const cb = await serves("brezhnev");
    const record = h.fake.interactions.get(cb.interactionId)!;
    expect(record.attempts).toHaveLength(1);
    expect(record.attempts[0]?.status).toBe(429);
    expect(cb.ms - (record.attempts[0]?.ms ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(cb.ms).toBeLessThan(3000);
    expect(cb.data?.embeds?.[0]?.title).toContain("Brezhnev");
  });

  test("a 500 on the callback: the REST client retries and the reply arrives", async () => {
    h.fake.failNext(ROUTES.callback, 1, 500);
    const cb = await serves("andropov");
    const record = h.fake.interactions.get(cb.interactionId)!;
    expect(record.attempts.map((a) => a.status)).toEqual([500]);
  });

  test("500s on every try: that reply is lost, and the bot keeps serving the next interaction", async () => {
    // @discordjs/rest tries a 5xx request 1 + 3 times, then gives up.
    h.fake.failNext(ROUTES.callback, 4, 500);
    const from = h.bot.lines.length;
    const lost = h.fake.register(h.fake.chatInput("who", { name: "chernenko" }));
    await h.bot.waitForLine("could not answer the interaction", 15_000, from);
    expect(lost.callback).toBeNull();
    expect(lost.attempts.map((a) => a.status)).toEqual([500, 500, 500, 500]);
    await serves();
  });

  test("SIGTERM: the bot closes the gateway cleanly and exits within 5 s", async () => {
    const closes = h.fake.gateway.closes.length;
    const exit = await h.bot.stop("SIGTERM");
    expect(exit.ms).toBeLessThan(5000);
    expect(exit.code).toBe(0);
    expect(h.fake.gateway.closes[closes]).toMatchObject({ by: "client", code: 1000 });
    expect(h.bot.lines.some((l) => l.msg === "shutting down")).toBe(true);
  });
});
