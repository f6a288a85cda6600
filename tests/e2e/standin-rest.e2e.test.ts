// The stand-in's REST faults, nonces and OpenAPI check, exercised over plain HTTP on loopback with
// the bot token: what the bot must survive has to behave as described before the bot is tested
// against it. No bot process here.
import { GatewayDispatchEvents, GatewayOpcodes, InteractionResponseType } from "discord-api-types/v10";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { WebSocket } from "ws";
import { FakeDiscord, ROUTES } from "../discord/fake-discord.js";
import { NONCE_WINDOW_MS } from "../discord/routes/channels.js";
import { describeE2E } from "./harness.js";

interface Message {
  id: string;
  content: string;
  nonce?: string | number;
  attachments: { id: string; filename: string }[];
}

interface ErrorBody {
  code: number;
  message: string;
  errors?: Record<string, unknown>;
}

/** The `_errors` codes at `path` of a 50035 tree. */
function codesAt(body: ErrorBody, path: (string | number)[]): string[] {
  let node: unknown = body.errors;
  for (const key of path) node = (node as Record<string, unknown> | undefined)?.[String(key)];
  return ((node as { _errors?: { code: string }[] } | undefined)?._errors ?? []).map((e) => e.code);
}

describeE2E("the stand-in's REST faults, nonces and spec check", () => {
  let fake: FakeDiscord;
  /** The stand-in's clock: tests move it to pass fault windows and the nonce window. */
  let now = 1_000_000;
  let gateway: WebSocket | null = null;
  const api = () => `${fake.apiBase}/v10`;
  const auth = () => ({ Authorization: `Bot ${fake.token}` });
  /**
   * A channel per test: a channel's posts share one bucket of 5 per 5 s (wall time), as on
   * Discord, and each test stays within it.
   */
  const channel = (n: number) => {
    const id = fake.guilds[n]?.channels[0]?.id;
    if (!id) throw new Error(`no server ${n}`);
    return id;
  };
  const post = (channelId: string, body: unknown, init: RequestInit = {}) =>
    fetch(`${api()}/channels/${channelId}/messages`, {
      method: "POST",
      headers: { ...auth(), "Content-Type": "application/json" },
      body: JSON.stringify(body),
      ...init,
    });

  beforeAll(async () => {
    fake = await FakeDiscord.start({ guildCount: 8, identifyRateLimit: false, clock: () => now });
  });
  afterEach(() => {
    fake.rest.clearHooks();
  });
  afterAll(async () => {
    gateway?.terminate();
    await fake?.stop();
  });

  describe("faults", () => {
    test("refuse: 503 to every channel post for 8 s creates nothing; other routes and later posts go through", async () => {
      const ch = channel(0);
      const fault = fake.injectRestFault({ route: ROUTES.channelMessage, mode: "refuse", forMs: 8000 });
      for (let i = 0; i < 3; i++) {
        const res = await post(ch, { content: `try ${i}` });
        expect(res.status).toBe(503);
        expect(await res.json()).toEqual({ message: "503: Service Unavailable", code: 0 });
      }
      expect((await fetch(`${api()}/channels/${ch}`, { headers: auth() })).status).toBe(200);
      expect(fake.channelMessages(ch)).toEqual([]);
      expect(fault.hits).toBe(3);
      expect(fault.active).toBe(true);
      expect(fake.requestsOn(ROUTES.channelMessage).filter((r) => r.injected === "failure")).toHaveLength(3);

      now += 8000;
      expect(fault.active).toBe(false);
      const res = await post(ch, { content: "after the outage" });
      expect(res.status).toBe(200);
      expect(fake.channelMessages(ch).map((m) => m.content)).toEqual(["after the outage"]);
      expect(fault.hits).toBe(3);
    });

    test("refuse for the next `times` requests with a status; a handle clears it; failNext is refuse", async () => {
      const ch = channel(1);
      const twice = fake.injectRestFault({
        route: "/channels/:channel/messages",
        method: "POST",
        mode: "refuse",
        status: 502,
        times: 2,
      });
      expect((await post(ch, { content: "a" })).status).toBe(502);
      expect((await post(ch, { content: "b" })).status).toBe(502);
      expect(twice).toMatchObject({ hits: 2, active: false });
      expect((await post(ch, { content: "c" })).status).toBe(200);

      const long = fake.injectRestFault({ route: ROUTES.channelMessage, mode: "refuse", forMs: 60_000 });
      long.clear();
      expect((await post(ch, { content: "d" })).status).toBe(200);
      expect(long).toMatchObject({ hits: 0, active: false });

      fake.failNext(ROUTES.channelMessage, 1);
      const failed = await post(ch, { content: "e" });
      expect(failed.status).toBe(500);
      expect((await post(ch, { content: "f" })).status).toBe(200);
      expect(fake.channelMessages(ch).map((m) => m.content)).toEqual(["c", "d", "f"]);
    });

    test("apply-then-5xx once: the message is created and the answer is 503; a plain retry posts it twice, an enforced nonce once", async () => {
      const ch = channel(2);
      const fault = fake.injectRestFault({ route: ROUTES.channelMessage, mode: "apply-then-5xx" });
      const lost = await post(ch, { content: "reveal" });
      expect(lost.status).toBe(503);
      expect(fake.channelMessages(ch).map((m) => m.content)).toEqual(["reveal"]);
      expect(fault).toMatchObject({ hits: 1, active: false });
      expect(fake.requestsOn(ROUTES.channelMessage).at(-1)).toMatchObject({
        status: 503,
        injected: "apply-then-5xx",
      });
      expect((await post(ch, { content: "reveal" })).status).toBe(200);
      expect(fake.channelMessages(ch)).toHaveLength(2);

      fake.injectRestFault({ route: ROUTES.channelMessage, mode: "apply-then-5xx", status: 500 });
      const body = { content: "next reveal", nonce: "round-7-reveal", enforce_nonce: true };
      expect((await post(ch, body)).status).toBe(500);
      const created = fake.channelMessages(ch).at(-1);
      const retry = await post(ch, body);
      expect(retry.status).toBe(200);
      expect(((await retry.json()) as Message).id).toBe(created?.id);
      expect(fake.channelMessages(ch).map((m) => m.content)).toEqual(["reveal", "reveal", "next reveal"]);
    });

    test("slow: the request is applied at once and its answer held; a client that gives up leaves the message made", async () => {
      const ch = channel(3);
      fake.injectRestFault({ route: ROUTES.channelMessage, mode: "slow", delayMs: 150 });
      const started = performance.now();
      const res = await post(ch, { content: "late answer" });
      expect(res.status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(145);
      expect(fake.requestsOn(ROUTES.channelMessage).at(-1)).toMatchObject({ status: 200, injected: "slow" });

      const fault = fake.injectRestFault({ route: ROUTES.channelMessage, mode: "slow", delayMs: 60_000 });
      const client = new AbortController();
      const pending = post(ch, { content: "given up" }, { signal: client.signal });
      await fake.waitFor(() => fake.channelMessages(ch).length === 2, 5000, "the held post's message");
      client.abort();
      await expect(pending).rejects.toThrow();
      const record = await fake.waitFor(
        () => fake.requestsOn(ROUTES.channelMessage).find((r) => r.abandoned),
        5000,
        "the held answer abandoned",
      );
      expect(record).toMatchObject({ status: 200, injected: "slow", abandoned: true });
      expect(fault.hits).toBe(1);
      expect(fake.channelMessages(ch).map((m) => m.content)).toEqual(["late answer", "given up"]);
    });

    test("a fault names a route the stand-in serves, a 5xx status, and a delay for slow", () => {
      expect(() => fake.injectRestFault({ route: "POST /channels/:channel/pins", mode: "refuse" })).toThrow(
        /No such route/,
      );
      expect(() =>
        fake.injectRestFault({ route: ROUTES.channelMessage, method: "GET", mode: "refuse" }),
      ).toThrow(/not a GET route/);
      expect(() =>
        fake.injectRestFault({ route: ROUTES.channelMessage, mode: "refuse", status: 404 }),
      ).toThrow(/5xx/);
      expect(() => fake.injectRestFault({ route: ROUTES.channelMessage, mode: "slow" })).toThrow(/delayMs/);
      expect(() => fake.injectRestFault({ route: ROUTES.channelMessage, mode: "refuse", times: 0 })).toThrow(
        /times/,
      );
    });
  });

  describe("nonce and enforce_nonce on channel posts", () => {
    test("a nonce is echoed and deduplicates nothing by itself; with enforce_nonce the earlier message comes back for 5 minutes", async () => {
      const ch = channel(4);
      const first = (await (await post(ch, { content: "one", nonce: "abc" })).json()) as Message;
      expect(first.nonce).toBe("abc");
      const second = (await (await post(ch, { content: "two", nonce: "abc" })).json()) as Message;
      expect(second.id).not.toBe(first.id);

      const again = await post(ch, { content: "three", nonce: "abc", enforce_nonce: true });
      expect(again.status).toBe(200);
      const returned = (await again.json()) as Message;
      expect(returned).toMatchObject({ id: second.id, content: "two", nonce: "abc" });
      expect(fake.channelPosts.at(-1)).toMatchObject({ channelId: ch, status: 200, deduplicated: true });
      expect(fake.channelMessages(ch).map((m) => m.content)).toEqual(["one", "two"]);

      now += NONCE_WINDOW_MS;
      const later = (await (
        await post(ch, { content: "four", nonce: "abc", enforce_nonce: true })
      ).json()) as Message;
      expect(later.id).not.toBe(second.id);
      expect(fake.channelMessages(ch).map((m) => m.content)).toEqual(["one", "two", "four"]);
    });

    test("an integer nonce is echoed as an integer; a deduplicated message that was deleted answers 10008", async () => {
      const ch = channel(5);
      const body = { content: "int", nonce: 1234567890123, enforce_nonce: true };
      const first = (await (await post(ch, body)).json()) as Message;
      expect(first.nonce).toBe(1234567890123);
      expect(((await (await post(ch, body)).json()) as Message).id).toBe(first.id);

      const deleted = await fetch(`${api()}/channels/${ch}/messages/${first.id}`, {
        method: "DELETE",
        headers: auth(),
      });
      expect(deleted.status).toBe(204);
      const gone = await post(ch, body);
      expect(gone.status).toBe(404);
      expect(await gone.json()).toEqual({ message: "Unknown Message", code: 10008 });
      expect(fake.channelMessages(ch)).toEqual([]);
    });

    test.each([
      ["a string over 25 characters", { nonce: "x".repeat(26) }, "nonce", "BASE_TYPE_MAX_LENGTH"],
      ["a fraction", { nonce: 1.5 }, "nonce", "NONCE_TYPE_INVALID"],
      ["a boolean", { nonce: true }, "nonce", "NONCE_TYPE_INVALID"],
      [
        "enforce_nonce not a boolean",
        { nonce: "n", enforce_nonce: "yes" },
        "enforce_nonce",
        "BASE_TYPE_BOOLEAN",
      ],
    ])("%s is refused with 50035 and creates nothing", async (_label, extra, field, code) => {
      const ch = channel(6);
      const res = await post(ch, { content: "x", ...extra });
      expect(res.status).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(body.code).toBe(50035);
      expect(codesAt(body, [field])).toEqual([code]);
      expect(fake.channelMessages(ch)).toEqual([]);
      // Each of these also breaks Discord's OpenAPI spec, which records it.
      expect(fake.takeSpecViolations()).toMatchObject([{ route: ROUTES.channelMessage }]);
    });
  });

  describe("Discord's OpenAPI spec", () => {
    /** A bare gateway session, so that interactions can be dispatched; commands registered. */
    async function connect(): Promise<void> {
      if (gateway) return;
      const ws = new WebSocket(`${fake.gateway.url}/?v=10&encoding=json`);
      gateway = ws;
      await new Promise<void>((resolve, reject) => {
        ws.on("error", reject);
        ws.on("message", (data) => {
          const frame = JSON.parse(String(data)) as { op: number; t: string | null };
          if (frame.op === GatewayOpcodes.Hello)
            ws.send(
              JSON.stringify({
                op: GatewayOpcodes.Identify,
                d: { token: fake.token, intents: 1, properties: { os: "linux", browser: "t", device: "t" } },
              }),
            );
          if (frame.t === GatewayDispatchEvents.GuildCreate) resolve();
        });
      });
      const res = await fetch(
        `${api()}/applications/${fake.applicationId}/guilds/${fake.guild.id}/commands`,
        {
          method: "PUT",
          headers: { ...auth(), "Content-Type": "application/json" },
          body: JSON.stringify([{ name: "help", description: "Help" }]),
        },
      );
      expect(res.status).toBe(200);
    }

    const callback = (id: string, token: string, body: unknown) =>
      fetch(`${api()}/interactions/${id}/${token}/callback`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });

    test("a callback whose attachment id is a number is refused with 50035 and recorded; the same with a string passes", async () => {
      await connect();
      const rec = fake.register(fake.chatInput("help"));
      const data = { content: "a picture", attachments: [{ id: 0, description: "none uploaded" }] };
      const wrong = await callback(rec.interaction.id, rec.interaction.token, { type: 4, data });
      expect(wrong.status).toBe(400);
      const body = (await wrong.json()) as ErrorBody;
      expect(body).toMatchObject({ code: 50035, message: "Invalid Form Body" });
      expect(codesAt(body, ["data", "attachments", 0, "id"])).toEqual(["NUMBER_TYPE_COERCE"]);
      expect(rec.callback).toBeNull();
      expect(fake.takeSpecViolations()).toEqual([
        {
          method: "POST",
          path: `/interactions/${rec.interaction.id}/${rec.interaction.token}/callback`,
          route: ROUTES.callback,
          operation: "POST /interactions/{interaction_id}/{interaction_token}/callback",
          errors: [
            {
              path: ["data", "attachments", "0", "id"],
              code: "NUMBER_TYPE_COERCE",
              message: 'Value "0" is not snowflake.',
            },
          ],
          body: { type: 4, data },
        },
      ]);

      const right = await callback(rec.interaction.id, rec.interaction.token, {
        type: 4,
        data: { ...data, attachments: [{ id: "0", description: "none uploaded" }] },
      });
      expect(right.status).toBe(204);
      expect(rec.callback?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(fake.specViolations).toEqual([]);
    });

    test("what only the spec forbids (an embed URL that is not a URL) is refused too", async () => {
      await connect();
      const rec = fake.register(fake.chatInput("help"));
      const res = await callback(rec.interaction.id, rec.interaction.token, {
        type: 4,
        data: { embeds: [{ title: "t", url: "not a url" }] },
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(codesAt(body, ["data", "embeds", 0, "url"])).toEqual(["URL_TYPE_INVALID_URL"]);
      expect(rec.callback).toBeNull();
      expect(fake.takeSpecViolations()).toHaveLength(1);
    });

    test("a multipart channel post is checked on its payload_json: a numeric attachment id is refused, a string one makes the attachment", async () => {
      const ch = channel(7);
      const form = (id: string | number) => {
        const f = new FormData();
        f.append(
          "payload_json",
          JSON.stringify({ content: "file", attachments: [{ id, filename: "a.csv" }] }),
        );
        f.append("files[0]", new Blob(["a;b\n"], { type: "text/csv" }), "a.csv");
        return f;
      };
      const send = (id: string | number) =>
        fetch(`${api()}/channels/${ch}/messages`, { method: "POST", headers: auth(), body: form(id) });
      const wrong = await send(0);
      expect(wrong.status).toBe(400);
      expect(codesAt((await wrong.json()) as ErrorBody, ["attachments", 0, "id"])).toEqual([
        "NUMBER_TYPE_COERCE",
      ]);
      expect(fake.channelMessages(ch)).toEqual([]);
      expect(fake.takeSpecViolations()).toMatchObject([
        { operation: "POST /channels/{channel_id}/messages", route: ROUTES.channelMessage },
      ]);

      const right = await send("0");
      expect(right.status).toBe(200);
      expect(((await right.json()) as Message).attachments).toEqual([
        expect.objectContaining({ filename: "a.csv" }),
      ]);
    });

    test("follow-ups take no nonce: unknown to the webhook's schema, it is neither checked, echoed nor deduplicated", async () => {
      await connect();
      const rec = fake.register(fake.chatInput("help"));
      expect(
        (await callback(rec.interaction.id, rec.interaction.token, { type: 4, data: { content: "hi" } }))
          .status,
      ).toBe(204);
      const hook = `${api()}/webhooks/${fake.applicationId}/${rec.interaction.token}?wait=true`;
      const followUp = async () => {
        const res = await fetch(hook, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ content: "more", nonce: "once", enforce_nonce: true }),
        });
        expect(res.status).toBe(200);
        return (await res.json()) as Message;
      };
      const a = await followUp();
      const b = await followUp();
      expect(b.id).not.toBe(a.id);
      expect(a).not.toHaveProperty("nonce");
      expect(rec.followUps).toHaveLength(2);
      expect(fake.specViolations).toEqual([]);
    });
  });
});
