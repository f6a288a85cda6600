// The real bot process, connected to the Discord stand-in, answers every command, autocomplete,
// button and menu the way Discord expects.
import {
  type APIButtonComponentWithCustomId,
  type APIStringSelectComponent,
  ComponentType,
  GatewayIntentBits,
  InteractionResponseType,
  Locale,
  MessageFlags,
  PermissionFlagsBits,
} from "discord-api-types/v10";
import { expect, test } from "vitest";
import type { CallbackRecord } from "../discord/fake-discord.js";
import { MEMBER_PERMISSIONS } from "../discord/fixtures.js";
import { describeE2E, textOf, useBot } from "./harness.js";

const buttonsOf = (cb: CallbackRecord) =>
  (cb.data?.components ?? [])
    .flatMap((row) => row.components)
    .filter((c): c is APIButtonComponentWithCustomId => c.type === ComponentType.Button && "custom_id" in c);

describeE2E("the bot against the Discord stand-in", () => {
  const h = useBot();

  test("identifies with only the Guilds intent, on shard 0 of 1, and keeps heartbeating", async () => {
    const identify = h.fake.gateway.identifies[0];
    expect(identify?.intents).toBe(GatewayIntentBits.Guilds);
    expect(identify?.shard).toEqual([0, 1]);
    expect(identify?.path).toBe("/");
    const ready = h.bot.lines.find((l) => l.msg === "connected to Discord");
    expect(ready?.user).toBe("Apparat");
    expect(ready?.guilds).toBe(1);
    // heartbeat_interval is 2 s here: the first beat comes within 2 s, then one every 2 s.
    await h.fake.waitForHeartbeats(2, 10_000);
    expect(h.fake.gateway.heartbeatAcks).toBeGreaterThanOrEqual(2);
  });

  test("/who name:krushchev answers with Khrushchev's card", async () => {
    const cb = await h.fake.dispatchInteraction(h.fake.chatInput("who", { name: "krushchev" }));
    expect(cb.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(cb.ms).toBeLessThan(3000);
    expect(cb.data?.embeds?.[0]?.title).toContain("Nikita Khrushchev");
    expect(cb.data?.allowed_mentions).toEqual({ parse: [] });
    expect((cb.data?.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
    expect(buttonsOf(cb).length).toBeGreaterThan(0);
    const message = h.fake.interactions.get(cb.interactionId)?.original;
    expect(message?.interaction_metadata?.user.id).toBe(h.fake.asker.id);
  });

  test("/when date:May 1983 names Yuri Andropov", async () => {
    const cb = await h.fake.dispatchInteraction(h.fake.chatInput("when", { date: "May 1983" }));
    expect(cb.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(textOf(cb.data)).toContain("Yuri Andropov");
  });

  test("/when with an office choice narrows the answer", async () => {
    const cb = await h.fake.dispatchInteraction(
      h.fake.chatInput("when", { date: "1960", office: "first-secretary" }),
    );
    expect(cb.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(textOf(cb.data)).toContain("Khrushchev");
  });

  test("/office title:gensec answers with the General Secretary's card", async () => {
    const cb = await h.fake.dispatchInteraction(h.fake.chatInput("office", { title: "gensec" }));
    expect(cb.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(cb.data?.embeds?.[0]?.title).toContain("General Secretary");
  });

  test("/timeline lists the leaders in order; a picture, when attached, is shown in the embed", async () => {
    const cb = await h.fake.dispatchInteraction(h.fake.chatInput("timeline"));
    expect(cb.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const text = textOf(cb.data);
    expect(text.indexOf("Stalin")).toBeGreaterThan(-1);
    expect(text.indexOf("Stalin")).toBeLessThan(text.indexOf("Gorbachev"));
    const message = h.fake.interactions.get(cb.interactionId)?.original;
    for (const file of cb.files) {
      expect(file.size).toBeGreaterThan(0);
      const attachment = message?.attachments.find((a) => a.filename === file.name);
      expect(attachment, file.name).toBeDefined();
      if (cb.data?.embeds?.some((e) => e.image?.url === `attachment://${file.name}`))
        expect(message?.embeds.some((e) => e.image?.url === attachment?.url)).toBe(true);
    }
  });

  test("/sources lists the documents", async () => {
    const cb = await h.fake.dispatchInteraction(h.fake.chatInput("sources"));
    expect(cb.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(textOf(cb.data)).toContain("Wikipedia");
  });

  test("/help answers privately", async () => {
    const cb = await h.fake.dispatchInteraction(h.fake.chatInput("help"));
    expect(cb.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect((cb.data?.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(textOf(cb.data)).toContain("/who");
  });

  test("a Russian-speaking user gets Russian labels", async () => {
    const cb = await h.fake.dispatchInteraction(h.fake.chatInput("help", {}, { locale: Locale.Russian }));
    expect(cb.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(textOf(cb.data)).toMatch(/[а-яё]/i);
  });

  test("autocomplete answers (type 8) within 500 ms with at most 25 choices", async () => {
    const cases: [string, string, string, string | undefined][] = [
      ["who", "name", "khru", "nikita-khrushchev"],
      ["who", "name", "Хрущ", "nikita-khrushchev"],
      ["who", "name", "", undefined],
      ["office", "title", "gen", "general-secretary"],
    ];
    for (const [command, option, typed, expected] of cases) {
      const cb = await h.fake.dispatchInteraction(h.fake.autocomplete(command, option, typed));
      expect(cb.type, `${command} ${typed}`).toBe(
        InteractionResponseType.ApplicationCommandAutocompleteResult,
      );
      expect(cb.ms, `${command} ${typed}`).toBeLessThan(500);
      const choices = cb.data?.choices ?? [];
      expect(choices.length, `${command} ${typed}`).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
      if (expected) expect(choices.map((c) => c.value)).toContain(expected);
    }
  });

  test("a button on a card takes the asker to the next card in place (type 7)", async () => {
    const first = await h.fake.dispatchInteraction(h.fake.chatInput("who", { name: "krushchev" }));
    const card = h.fake.interactions.get(first.interactionId)?.original;
    expect(card).toBeTruthy();
    const button = buttonsOf(first)[0];
    expect(button).toBeDefined();
    const cb = await h.fake.dispatchInteraction(h.fake.button(card!, button!.custom_id));
    expect(cb.type).toBe(InteractionResponseType.UpdateMessage);
    const title = cb.data?.embeds?.[0]?.title ?? "";
    expect(title).not.toBe("");
    expect(title).not.toContain("Nikita Khrushchev");
    // The stand-in applied the update to the message, as Discord does.
    expect(h.fake.message(card!.id).embeds[0]?.title).toBe(title);
    // And the updated card's own buttons work too.
    const next = buttonsOf(cb)[0];
    if (next) {
      const again = await h.fake.dispatchInteraction(h.fake.button(card!.id, next.custom_id));
      expect(again.type).toBe(InteractionResponseType.UpdateMessage);
    }
  });

  test("someone else's button press opens a private copy instead of changing the card", async () => {
    const first = await h.fake.dispatchInteraction(h.fake.chatInput("who", { name: "brezhnev" }));
    const card = h.fake.interactions.get(first.interactionId)?.original;
    const button = buttonsOf(first)[0];
    const other = h.fake.makeUser("another_comrade");
    const cb = await h.fake.dispatchInteraction(h.fake.button(card!, button!.custom_id, { user: other }));
    expect(cb.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect((cb.data?.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(h.fake.message(card!.id).embeds[0]?.title).toContain("Brezhnev");
  });

  test("an unsure name gets a private menu, and picking from it opens the card", async () => {
    const cb = await h.fake.dispatchInteraction(h.fake.chatInput("who", { name: "mikhail" }));
    expect(cb.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect((cb.data?.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const menu = (cb.data?.components ?? [])
      .flatMap((r) => r.components)
      .find((c): c is APIStringSelectComponent => c.type === ComponentType.StringSelect);
    expect(menu).toBeDefined();
    const value =
      menu!.options.find((o) => o.value === "mikhail-gorbachev")?.value ?? menu!.options[0]!.value;
    const message = h.fake.interactions.get(cb.interactionId)!.original!;
    const picked = await h.fake.dispatchInteraction(h.fake.stringSelect(message, menu!.custom_id, [value]));
    expect(picked.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(picked.data?.embeds?.[0]?.title).toContain("Gorbachev");
  });

  test("a bad option gets a polite private reply that pings nobody", async () => {
    for (const [command, values] of [
      ["who", { name: "@everyone" }],
      ["who", { name: "<@&123456789012345678> **bold**" }],
      ["when", { date: "gibberish blah" }],
      ["office", { title: "@here" }],
    ] as const) {
      const cb = await h.fake.dispatchInteraction(h.fake.chatInput(command, values));
      const label = `/${command} ${JSON.stringify(values)}`;
      expect(cb.type, label).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect((cb.data?.flags ?? 0) & MessageFlags.Ephemeral, label).toBe(MessageFlags.Ephemeral);
      expect(cb.data?.allowed_mentions, label).toEqual({ parse: [] });
      const content = cb.data?.content ?? "";
      expect(content.length, label).toBeGreaterThan(0);
      expect(content, label).not.toMatch(/@everyone|@here|<@&\d+>/);
    }
  });

  test("/trivia term start name:Autumn and /trivia term end, nested as Discord nests a group, start and end a term", async () => {
    const admin = { permissions: MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild };
    const start = h.fake.chatInput("trivia term start", { name: "Autumn" }, admin);
    expect(start.data.options).toEqual([
      {
        name: "term",
        type: 2,
        options: [{ name: "start", type: 1, options: [{ name: "name", type: 3, value: "Autumn" }] }],
      },
    ]);
    const started = await h.fake.dispatchInteraction(start);
    expect(textOf(started.data)).toMatch(/The term “Autumn” has started\./);
    const ended = await h.fake.dispatchInteraction(h.fake.chatInput("trivia term end", {}, admin));
    expect(textOf(ended.data)).toMatch(/The term “Autumn” \(since .*\) has ended\./);
  });

  test("every answer so far was accepted on the first try, and the bot logged no problems", () => {
    const rejected = [...h.fake.interactions.values()].flatMap((r) => r.attempts);
    expect(rejected).toEqual([]);
    expect(h.bot.problems().map((l) => l.raw)).toEqual([]);
  });
});
