// The stand-in itself keeps to Discord's documented protocol, so that the end-to-end tests mean
// something: a bare gateway client and plain HTTP requests, no bot.
import { REST } from "@discordjs/rest";
import {
  type APIInteraction,
  ButtonStyle,
  ComponentType,
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayOpcodes,
  InteractionResponseType,
  MessageFlags,
  Routes,
} from "discord-api-types/v10";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { WebSocket } from "ws";
import { FakeDiscord, ROUTES } from "../discord/fake-discord.js";
import { describeE2E } from "./harness.js";

interface Frame {
  op: number;
  t: string | null;
  s: number | null;
  d: unknown;
}

/** A bare gateway client: records every frame, answers nothing by itself. */
class GatewayClient {
  readonly frames: Frame[] = [];
  readonly ws: WebSocket;
  readonly closed: Promise<number>;
  private readonly waiters = new Set<() => void>();

  constructor(url: string) {
    this.ws = new WebSocket(url);
    this.ws.on("message", (data) => {
      this.frames.push(JSON.parse(String(data)) as Frame);
      for (const w of [...this.waiters]) w();
    });
    this.closed = new Promise((resolve) => this.ws.on("close", (code) => resolve(code)));
  }

  send(op: number, d: unknown): void {
    this.ws.send(JSON.stringify({ op, d }));
  }

  next(test: (f: Frame) => boolean, timeoutMs = 5000): Promise<Frame> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const f = this.frames.find(test);
        if (!f) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(f);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no matching frame; got ${JSON.stringify(this.frames.map((f) => [f.op, f.t]))}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  identify(token: string): void {
    this.send(GatewayOpcodes.Identify, {
      token,
      intents: 1,
      properties: { os: "linux", browser: "test", device: "test" },
      shard: [0, 1],
    });
  }
}

describeE2E("the Discord stand-in", () => {
  let fake: FakeDiscord;
  let client: GatewayClient | null = null;
  const api = () => `${fake.apiBase}/v10`;
  const json = (path: string, init: RequestInit = {}) =>
    fetch(`${api()}${path}`, {
      ...init,
      headers: { "Content-Type": "application/json", ...(init.headers ?? {}) },
    });
  const auth = () => ({ Authorization: `Bot ${fake.token}` });

  beforeAll(async () => {
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 1000, identifyRateLimit: false });
    const commands = [
      {
        name: "who",
        description: "A person",
        options: [{ type: 3, name: "name", description: "Name", required: true, autocomplete: true }],
      },
    ];
    const res = await json(`/applications/${fake.applicationId}/guilds/${fake.guild.id}/commands`, {
      method: "PUT",
      headers: auth(),
      body: JSON.stringify(commands),
    });
    expect(res.status).toBe(200);
  });
  afterEach(() => {
    client?.ws.terminate();
    client = null;
    fake.rest.clearHooks();
    // These tests send bodies Discord refuses on purpose, some of which break its OpenAPI spec.
    fake.takeSpecViolations();
  });
  afterAll(async () => {
    await fake?.stop();
  });

  /** A connected, identified bare client (READY and GUILD_CREATE received). */
  async function connect(): Promise<GatewayClient> {
    const c = new GatewayClient(`${fake.gateway.url}/?v=10&encoding=json`);
    client = c;
    await c.next((f) => f.op === GatewayOpcodes.Hello);
    c.identify(fake.token);
    await c.next((f) => f.t === GatewayDispatchEvents.GuildCreate);
    return c;
  }

  test("REST: bot token required, Discord's error bodies", async () => {
    const noAuth = await fetch(`${api()}/gateway/bot`);
    expect(noAuth.status).toBe(401);
    expect(await noAuth.json()).toEqual({ message: "401: Unauthorized", code: 0 });
    const wrong = await fetch(`${api()}/users/@me`, { headers: { Authorization: `Bot ${fake.token}x` } });
    expect(wrong.status).toBe(401);
    const me = await fetch(`${api()}/users/@me`, { headers: auth() });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: fake.applicationId, bot: true, username: "Apparat" });
    const gw = await fetch(`${api()}/gateway/bot`, { headers: auth() });
    expect(gw.headers.get("x-ratelimit-bucket")).toMatch(/^[0-9a-f]+$/);
    expect(await gw.json()).toMatchObject({
      url: fake.gateway.url,
      shards: 1,
      session_start_limit: { max_concurrency: 1 },
    });
    expect((await fetch(`${api()}/nope`)).status).toBe(404);
    const wrongMethod = await fetch(`${api()}/gateway/bot`, { method: "DELETE", headers: auth() });
    expect(wrongMethod.status).toBe(405);
    const badJson = await fetch(`${api()}/applications/${fake.applicationId}/commands`, {
      method: "PUT",
      headers: { ...auth(), "Content-Type": "application/json" },
      body: "{",
    });
    expect(await badJson.json()).toMatchObject({ code: 50109 });
  });

  test("REST: invalid commands answer 50035 with the field's path", async () => {
    const res = await json(`/applications/${fake.applicationId}/commands`, {
      method: "PUT",
      headers: auth(),
      body: JSON.stringify([{ name: "Who", description: "x".repeat(101) }]),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: number; errors: Record<string, unknown> };
    expect(body).toMatchObject({ code: 50035, message: "Invalid Form Body" });
    expect(body.errors).toMatchObject({
      0: {
        name: { _errors: [{ code: "APPLICATION_COMMAND_INVALID_NAME" }] },
        description: { _errors: [{ code: "BASE_TYPE_BAD_LENGTH" }] },
      },
    });
  });

  test("gateway: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeat ACK", async () => {
    const c = await connect();
    const hello = c.frames[0];
    expect(hello).toMatchObject({
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: 1000 },
      s: null,
      t: null,
    });
    const ready = await c.next((f) => f.t === GatewayDispatchEvents.Ready);
    expect(ready.s).toBe(1);
    expect(ready.d).toMatchObject({
      v: 10,
      user: { id: fake.applicationId, bot: true },
      guilds: [{ id: fake.guild.id, unavailable: true }],
      resume_gateway_url: fake.gateway.resumeUrl,
      shard: [0, 1],
      application: { id: fake.applicationId },
    });
    const guild = await c.next((f) => f.t === GatewayDispatchEvents.GuildCreate);
    expect(guild.s).toBe(2);
    expect(guild.d).toMatchObject({ id: fake.guild.id, unavailable: false, channels: [{ type: 0 }] });
    c.send(GatewayOpcodes.Heartbeat, 2);
    await c.next((f) => f.op === GatewayOpcodes.HeartbeatAck);
  });

  test("gateway: a wrong token closes 4004; privileged intents close 4014; unknown opcodes close 4001", async () => {
    const bad = new GatewayClient(`${fake.gateway.url}/?v=10&encoding=json`);
    await bad.next((f) => f.op === GatewayOpcodes.Hello);
    bad.identify("not-the-token");
    expect(await bad.closed).toBe(GatewayCloseCodes.AuthenticationFailed);

    const greedy = new GatewayClient(`${fake.gateway.url}/?v=10&encoding=json`);
    await greedy.next((f) => f.op === GatewayOpcodes.Hello);
    greedy.send(GatewayOpcodes.Identify, {
      token: fake.token,
      intents: 1 << 15,
      properties: { os: "linux", browser: "t", device: "t" },
    });
    expect(await greedy.closed).toBe(GatewayCloseCodes.DisallowedIntents);

    const odd = new GatewayClient(`${fake.gateway.url}/?v=10&encoding=json`);
    await odd.next((f) => f.op === GatewayOpcodes.Hello);
    odd.send(42, null);
    expect(await odd.closed).toBe(GatewayCloseCodes.UnknownOpcode);

    const old = new GatewayClient(`${fake.gateway.url}/?v=9&encoding=json`);
    expect(await old.closed).toBe(GatewayCloseCodes.InvalidAPIVersion);
  });

  test("gateway: RESUME replays what was missed, then RESUMED; a stale session gets INVALID_SESSION", async () => {
    const c = await connect();
    const sessionId = fake.gateway.sessionId;
    const lastSeq = fake.gateway.sequence;
    c.ws.terminate();
    await c.closed;
    const pending = fake.register(fake.chatInput("who", { name: "lenin" }));
    const r = new GatewayClient(`${fake.gateway.resumeUrl}?v=10&encoding=json`);
    client = r;
    await r.next((f) => f.op === GatewayOpcodes.Hello);
    r.send(GatewayOpcodes.Resume, { token: fake.token, session_id: sessionId, seq: lastSeq });
    const replayed = await r.next((f) => f.t === GatewayDispatchEvents.InteractionCreate);
    expect((replayed.d as APIInteraction).id).toBe(pending.interaction.id);
    expect(replayed.s).toBe(lastSeq + 1);
    const resumed = await r.next((f) => f.t === GatewayDispatchEvents.Resumed);
    expect(resumed.s).toBe(lastSeq + 2);

    const stale = new GatewayClient(`${fake.gateway.resumeUrl}?v=10&encoding=json`);
    await stale.next((f) => f.op === GatewayOpcodes.Hello);
    stale.send(GatewayOpcodes.Resume, { token: fake.token, session_id: "nope", seq: 1 });
    expect((await stale.next((f) => f.op === GatewayOpcodes.InvalidSession)).d).toBe(false);
    stale.ws.close(1000);
  });

  test("interactions: one response within 3 s; 10062 for unknown, 40060 for a second", async () => {
    await connect();
    const rec = fake.register(fake.chatInput("who", { name: "lenin" }));
    const url = `/interactions/${rec.interaction.id}/${rec.interaction.token}/callback`;
    const unknown = await json(`/interactions/${rec.interaction.id}/wrong-token/callback`, {
      method: "POST",
      body: JSON.stringify({ type: 4, data: { content: "x" } }),
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ message: "Unknown interaction", code: 10062 });
    const ok = await json(`${url}?with_response=false`, {
      method: "POST",
      body: JSON.stringify({ type: 4, data: { content: "hello", flags: MessageFlags.Ephemeral } }),
    });
    expect(ok.status).toBe(204);
    const again = await json(url, {
      method: "POST",
      body: JSON.stringify({ type: 4, data: { content: "x" } }),
    });
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({
      message: "Interaction has already been acknowledged.",
      code: 40060,
    });
    // The original response is now a webhook message; discord.js asks for %40original.
    const original = await fetch(
      `${api()}/webhooks/${fake.applicationId}/${rec.interaction.token}/messages/%40original`,
    );
    expect(original.status).toBe(200);
    expect(await original.json()).toMatchObject({
      content: "hello",
      flags: MessageFlags.Ephemeral,
      author: { id: fake.applicationId, bot: true },
      webhook_id: fake.applicationId,
      application_id: fake.applicationId,
      interaction_metadata: { id: rec.interaction.id, user: { id: fake.asker.id } },
    });
  });

  test("interactions: too late is 10062", async () => {
    const late = await FakeDiscord.start({ callbackWindowMs: 50, identifyRateLimit: false });
    try {
      const c = new GatewayClient(`${late.gateway.url}/?v=10&encoding=json`);
      await c.next((f) => f.op === GatewayOpcodes.Hello);
      c.identify(late.token);
      await c.next((f) => f.t === GatewayDispatchEvents.GuildCreate);
      await fetch(`${late.apiBase}/v10/applications/${late.applicationId}/commands`, {
        method: "PUT",
        headers: { Authorization: `Bot ${late.token}`, "Content-Type": "application/json" },
        body: JSON.stringify([{ name: "help", description: "Help" }]),
      });
      const rec = late.register(late.chatInput("help"));
      await c.next((f) => f.t === GatewayDispatchEvents.InteractionCreate);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const res = await fetch(
        `${late.apiBase}/v10/interactions/${rec.interaction.id}/${rec.interaction.token}/callback`,
        {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ type: 4, data: { content: "too late" } }),
        },
      );
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ code: 10062 });
      c.ws.terminate();
    } finally {
      await late.stop();
    }
  });

  test.each([
    ["content over 2000", { content: "x".repeat(2001) }, ["content"], "BASE_TYPE_MAX_LENGTH"],
    [
      "11 embeds",
      { embeds: Array.from({ length: 11 }, () => ({ title: "t" })) },
      ["embeds"],
      "BASE_TYPE_MAX_LENGTH",
    ],
    [
      "title over 256",
      { embeds: [{ title: "x".repeat(257) }] },
      ["embeds", "0", "title"],
      "BASE_TYPE_MAX_LENGTH",
    ],
    [
      "description over 4096",
      { embeds: [{ description: "x".repeat(4097) }] },
      ["embeds", "0", "description"],
      "BASE_TYPE_MAX_LENGTH",
    ],
    [
      "26 fields",
      { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: "n", value: "v" })) }] },
      ["embeds", "0", "fields"],
      "BASE_TYPE_MAX_LENGTH",
    ],
    [
      "field name over 256",
      { embeds: [{ fields: [{ name: "x".repeat(257), value: "v" }] }] },
      ["embeds", "0", "fields", "0", "name"],
      "BASE_TYPE_BAD_LENGTH",
    ],
    [
      "field value over 1024",
      { embeds: [{ fields: [{ name: "n", value: "x".repeat(1025) }] }] },
      ["embeds", "0", "fields", "0", "value"],
      "BASE_TYPE_BAD_LENGTH",
    ],
    [
      "footer over 2048",
      { embeds: [{ footer: { text: "x".repeat(2049) } }] },
      ["embeds", "0", "footer", "text"],
      "BASE_TYPE_BAD_LENGTH",
    ],
    [
      "6000 in all",
      { embeds: [0, 1].map(() => ({ description: "x".repeat(3500) })) },
      ["embeds"],
      "MAX_EMBED_SIZE_EXCEEDED",
    ],
    [
      "6 action rows",
      {
        content: "x",
        components: Array.from({ length: 6 }, (_, r) => ({
          type: 1,
          components: [{ type: 2, style: 1, label: "b", custom_id: `b${r}` }],
        })),
      },
      ["components"],
      "BASE_TYPE_MAX_LENGTH",
    ],
    [
      "6 buttons in a row",
      {
        content: "x",
        components: [
          {
            type: 1,
            components: Array.from({ length: 6 }, (_, i) => ({
              type: 2,
              style: 1,
              label: "b",
              custom_id: `b${i}`,
            })),
          },
        ],
      },
      ["components", "0", "components"],
      "BASE_TYPE_BAD_LENGTH",
    ],
    [
      "custom_id over 100",
      {
        content: "x",
        components: [
          {
            type: 1,
            components: [{ type: 2, style: ButtonStyle.Primary, label: "b", custom_id: "x".repeat(101) }],
          },
        ],
      },
      ["components", "0", "components", "0", "custom_id"],
      "BASE_TYPE_BAD_LENGTH",
    ],
    [
      "duplicate custom ids",
      {
        content: "x",
        components: [
          {
            type: 1,
            components: [0, 1].map(() => ({
              type: ComponentType.Button,
              style: 1,
              label: "b",
              custom_id: "same",
            })),
          },
        ],
      },
      ["components", "0", "components", "1", "custom_id"],
      "COMPONENT_CUSTOM_ID_DUPLICATED",
    ],
  ] as [string, unknown, string[], string][])(
    "messages: %s answers 50035",
    async (_label, data, path, code) => {
      await connect();
      const rec = fake.register(fake.chatInput("who", { name: "lenin" }));
      const res = await json(`/interactions/${rec.interaction.id}/${rec.interaction.token}/callback`, {
        method: "POST",
        body: JSON.stringify({ type: InteractionResponseType.ChannelMessageWithSource, data }),
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { code: number; errors: Record<string, unknown> };
      expect(body.code).toBe(50035);
      let node: unknown = body.errors;
      for (const key of ["data", ...path]) node = (node as Record<string, unknown>)[key];
      expect((node as { _errors: { code: string }[] })._errors.map((e) => e.code)).toContain(code);
      expect(rec.callback).toBeNull();
    },
  );

  test("messages: an empty reply is 50006", async () => {
    await connect();
    const rec = fake.register(fake.chatInput("who", { name: "lenin" }));
    const res = await json(`/interactions/${rec.interaction.id}/${rec.interaction.token}/callback`, {
      method: "POST",
      body: JSON.stringify({ type: 4, data: { content: "  " } }),
    });
    expect(await res.json()).toEqual({ message: "Cannot send an empty message", code: 50006 });
  });

  test("autocomplete: more than 25 choices or a name over 100 is refused; a command response is the wrong type", async () => {
    await connect();
    for (const [data, path] of [
      [{ choices: Array.from({ length: 26 }, (_, i) => ({ name: `n${i}`, value: `v${i}` })) }, ["choices"]],
      [{ choices: [{ name: "x".repeat(101), value: "v" }] }, ["choices", "0", "name"]],
    ] as const) {
      const rec = fake.register(fake.autocomplete("who", "name", "le"));
      const res = await json(`/interactions/${rec.interaction.id}/${rec.interaction.token}/callback`, {
        method: "POST",
        body: JSON.stringify({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data }),
      });
      const body = (await res.json()) as { code: number; errors: Record<string, unknown> };
      expect(body.code).toBe(50035);
      let node: unknown = body.errors;
      for (const key of ["data", ...path]) node = (node as Record<string, unknown>)[key];
      expect(node).toHaveProperty("_errors");
    }
    const rec = fake.register(fake.autocomplete("who", "name", "le"));
    const wrongType = await json(`/interactions/${rec.interaction.id}/${rec.interaction.token}/callback`, {
      method: "POST",
      body: JSON.stringify({ type: 4, data: { content: "x" } }),
    });
    expect(((await wrongType.json()) as { code: number }).code).toBe(50035);
  });

  test("files: a multipart reply becomes attachments, and attachment:// images resolve", async () => {
    await connect();
    const rec = fake.register(fake.chatInput("who", { name: "lenin" }));
    const form = new FormData();
    form.append(
      "payload_json",
      JSON.stringify({
        type: 4,
        data: {
          embeds: [{ title: "t", image: { url: "attachment://t.png" } }],
          attachments: [{ id: "0", description: "a picture" }],
        },
      }),
    );
    form.append("files[0]", new Blob([new Uint8Array([137, 80, 78, 71])], { type: "image/png" }), "t.png");
    const res = await fetch(
      `${api()}/interactions/${rec.interaction.id}/${rec.interaction.token}/callback?with_response=true`,
      {
        method: "POST",
        body: form,
      },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      resource: { message: { attachments: unknown[]; embeds: { image: { url: string } }[] } };
    };
    expect(body.resource.message.attachments).toEqual([
      expect.objectContaining({
        filename: "t.png",
        size: 4,
        content_type: "image/png",
        description: "a picture",
      }),
    ]);
    expect(body.resource.message.embeds[0]?.image.url).toMatch(
      /^https:\/\/cdn\.discordapp\.com\/attachments\/.+\/t\.png$/,
    );
    expect(rec.callback?.files).toEqual([expect.objectContaining({ name: "t.png", size: 4 })]);
  });

  test("webhooks: deferral, edit of @original, follow-up with wait=true, delete", async () => {
    await connect();
    const rec = fake.register(fake.chatInput("who", { name: "lenin" }));
    const hook = `${api()}/webhooks/${fake.applicationId}/${rec.interaction.token}`;
    expect((await fetch(`${hook}?wait=true`, { method: "POST" })).status).toBe(404); // not acknowledged yet
    await json(`/interactions/${rec.interaction.id}/${rec.interaction.token}/callback`, {
      method: "POST",
      body: JSON.stringify({ type: InteractionResponseType.DeferredChannelMessageWithSource }),
    });
    const loading = (await (await fetch(`${hook}/messages/%40original`)).json()) as { flags: number };
    expect(loading.flags & MessageFlags.Loading).toBe(MessageFlags.Loading);
    const edited = await fetch(`${hook}/messages/%40original`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ content: "done" }),
    });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ content: "done", flags: 0 });
    const follow = await fetch(`${hook}?wait=true`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ content: "more", flags: MessageFlags.Ephemeral }),
    });
    const message = (await follow.json()) as { id: string; flags: number; content: string };
    expect(message).toMatchObject({ content: "more", flags: MessageFlags.Ephemeral });
    expect((await fetch(`${hook}/messages/${message.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await fetch(`${hook}/messages/${message.id}`)).status).toBe(404);
    const tooLong = await fetch(`${hook}/messages/%40original`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ content: "x".repeat(2001) }),
    });
    expect(await tooLong.json()).toMatchObject({
      code: 50035,
      errors: { content: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH" }] } },
    });
    const badToken = await fetch(`${api()}/webhooks/${fake.applicationId}/nope/messages/%40original`);
    expect(await badToken.json()).toEqual({ message: "Invalid Webhook Token", code: 50027 });
  });

  test("rate limits: 429 with Discord's body and headers, which @discordjs/rest waits out", async () => {
    fake.rateLimitNext(ROUTES.currentUser, 1, { retryAfter: 0.5 });
    const limited = await fetch(`${api()}/users/@me`, { headers: auth() });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({
      message: "You are being rate limited.",
      retry_after: 0.5,
      global: false,
    });
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(limited.headers.get("x-ratelimit-scope")).toBe("user");
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(limited.headers.get("x-ratelimit-reset-after")).toBe("0.500");
    expect(limited.headers.get("x-ratelimit-bucket")).toMatch(/^[0-9a-f]+$/);

    const rest = new REST({ api: fake.apiBase }).setToken(fake.token);
    fake.rateLimitNext(ROUTES.currentUser, 1, { retryAfter: 0.2 });
    const started = performance.now();
    const me = (await rest.get(Routes.user())) as { id: string };
    expect(me.id).toBe(fake.applicationId);
    // For per-route buckets @discordjs/rest waits for X-RateLimit-Reset-After (0.2 s here).
    expect(performance.now() - started).toBeGreaterThanOrEqual(200);
    const injected = fake.requestsOn(ROUTES.currentUser).filter((r) => r.injected === "rate-limit");
    expect(injected.length).toBeGreaterThanOrEqual(2);

    fake.failNext(ROUTES.currentUser, 1, 502);
    const failed = await fetch(`${api()}/users/@me`, { headers: auth() });
    expect(failed.status).toBe(502);
    expect(await failed.json()).toEqual({ message: "502: Bad Gateway", code: 0 });
  });
});
