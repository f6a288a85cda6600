// Wherever a study group talks: the real bot process, user-installed, answering in a DM between
// people and in a group DM (where it is not a member and cannot post by itself), and the server
// install posting a round's messages to its channel as before.

import { readFileSync } from "node:fs";
import {
  type APIButtonComponentWithCustomId,
  type APIStringSelectComponent,
  ComponentType,
  InteractionResponseType,
  MessageFlags,
  PermissionFlagsBits,
} from "discord-api-types/v10";
import { expect, test } from "vitest";
import type { CallbackRecord } from "../discord/fake-discord.js";
import { MEMBER_PERMISSIONS } from "../discord/fixtures.js";
import { describeE2E, textOf, useBot } from "./harness.js";

const buttonsOf = (data: CallbackRecord["data"]) =>
  (data?.components ?? [])
    .flatMap((row) => row.components)
    .filter((c): c is APIButtonComponentWithCustomId => c.type === ComponentType.Button && "custom_id" in c);

describeE2E("user installs, DMs and group DMs", () => {
  const h = useBot();

  test("a lookup in a DM between two people, with the app installed to the user", async () => {
    const interaction = h.fake.chatInput("who", { name: "krushchev" }, { where: "dm" });
    expect(interaction.context).toBe(2);
    expect(interaction.authorizing_integration_owners).toEqual({ "1": h.fake.asker.id });
    const cb = await h.fake.dispatchInteraction(interaction);
    expect(cb.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(cb.data?.embeds?.[0]?.title).toContain("Nikita Khrushchev");
    expect(cb.data?.allowed_mentions).toEqual({ parse: [] });
  });

  test("'Look up in Apparat' on a message in a group DM: a summary and a menu of full cards", async () => {
    const message = h.fake.userMessage("was it krushchev or malenkov after stalin? march '53 i think", {
      where: "group-dm",
    });
    const cb = await h.fake.dispatchInteraction(
      h.fake.messageCommand("Look up in Apparat", message, { where: "group-dm" }),
    );
    expect(cb.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect((cb.data?.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
    const text = textOf(cb.data);
    for (const name of ["Nikita Khrushchev", "Georgy Malenkov", "Joseph Stalin", "march '53"])
      expect(text).toContain(name);
    const menu = cb.data?.components?.[0]?.components[0] as APIStringSelectComponent | undefined;
    expect(menu?.type).toBe(ComponentType.StringSelect);
    const original = h.fake.interactions.get(cb.interactionId)?.original;
    if (!original || !menu) throw new Error("no menu on the answer");
    // The asker opens Malenkov's card from the menu.
    const opened = await h.fake.dispatchInteraction(
      h.fake.stringSelect(original, menu.custom_id, ["p:georgy-malenkov"], { where: "group-dm" }),
    );
    expect(opened.data?.embeds?.[0]?.title).toContain("Georgy Malenkov");
  });

  test("a message that names nothing gets a private answer with a hint", async () => {
    const message = h.fake.userMessage("our general meeting is at 5pm", { where: "group-dm" });
    const cb = await h.fake.dispatchInteraction(
      h.fake.messageCommand("Look up in Apparat", message, { where: "group-dm" }),
    );
    expect((cb.data?.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(cb.data?.content).toMatch(/\/who/);
  });

  test("a whole trivia round in a group DM, delivered through the interaction only", async () => {
    const postsBefore = h.fake.channelPosts.length;
    const start = await h.fake.dispatchInteraction(
      h.fake.chatInput("trivia start", { questions: 2, seconds: 10 }, { where: "group-dm" }),
    );
    expect(start.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const answers = buttonsOf(start.data);
    expect(answers.length).toBeGreaterThanOrEqual(2);
    const original = h.fake.interactions.get(start.interactionId)?.original;
    if (!original) throw new Error("no question message");
    const pressed = await h.fake.dispatchInteraction(
      h.fake.button(original, answers[0]?.custom_id ?? "", { where: "group-dm" }),
    );
    expect((pressed.data?.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    // Reveal, second question, reveal, standings: four follow-ups on the starting interaction.
    const record = await h.fake.waitFor(
      () => {
        const r = h.fake.interactions.get(start.interactionId);
        return r && r.followUps.length >= 4 ? r : null;
      },
      40_000,
      "the round's four follow-ups",
    );
    expect(textOf(record.followUps[3])).toContain("That was the last question.");
    expect(buttonsOf(record.followUps[1] as never).length).toBeGreaterThanOrEqual(2);
    // Nothing was posted to the group DM by the bot itself (Discord would refuse: 403, 50001).
    expect(h.fake.channelPosts.slice(postsBefore)).toEqual([]);
  }, 60_000);

  test("a round that would outlast the interaction's 15 minutes is refused up front", async () => {
    const cb = await h.fake.dispatchInteraction(
      h.fake.chatInput("trivia start", { questions: 20, seconds: 120 }, { where: "group-dm" }),
    );
    expect((cb.data?.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(cb.data?.content).toMatch(/15 minutes/);
  });

  test("in the server that installed it, a round's messages are posted to the channel as before", async () => {
    const postsBefore = h.fake.channelPosts.length;
    // A round of one short question (a quick question would take 30 s to reveal).
    const start = await h.fake.dispatchInteraction(
      h.fake.chatInput("trivia start", { questions: 1, seconds: 10 }),
    );
    expect(buttonsOf(start.data).length).toBeGreaterThanOrEqual(2);
    const posts = await h.fake.waitFor(
      () => {
        const p = h.fake.channelPosts.slice(postsBefore);
        return p.length >= 2 ? p : null;
      },
      45_000,
      "the reveal and standings in the channel",
    );
    expect(posts.map((p) => [p.channelId, p.status])).toEqual([
      [h.fake.channel.id, 200],
      [h.fake.channel.id, 200],
    ]);
    expect(h.fake.interactions.get(start.interactionId)?.followUps).toEqual([]);
  }, 60_000);

  test("the stand-in refuses a channel post where the bot is not a member, as Discord does", async () => {
    const r = await fetch(`${h.fake.apiBase}/v10/channels/${h.fake.privateChannels.groupDm.id}/messages`, {
      method: "POST",
      headers: { authorization: `Bot ${h.fake.token}`, "content-type": "application/json" },
      body: JSON.stringify({ content: "hello" }),
    });
    expect(r.status).toBe(403);
    expect(await r.json()).toEqual({ message: "Missing Access", code: 50001 });
  });

  test("a handler slower than 2 s is deferred, and its private answer replaces the deferral", async () => {
    const admin = { permissions: MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild };
    const file = h.fake.upload("slow.csv", new Uint8Array(readFileSync("examples/question-set.csv")));
    h.fake.attachmentDelayMs = 2600;
    try {
      const interaction = h.fake.chatInput("trivia import", { file, name: "Slow week" }, admin);
      const deferred = await h.fake.dispatchInteraction(interaction);
      expect(deferred.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
      const answer = await h.fake.waitForFollowUp(interaction.id, 1, 15_000);
      expect((answer.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
      expect(answer.content).toBe(
        "Imported the set “Slow week”: 4 questions. Play it with `/trivia start set:Slow week`.",
      );
      // The public "thinking…" reply is gone, so the answer stays private.
      await h.fake.waitFor(
        () => h.fake.interactions.get(interaction.id)?.originalDeleted || null,
        5000,
        "the deferred reply deleted",
      );
    } finally {
      h.fake.attachmentDelayMs = 0;
    }
  }, 30_000);

  test("/trivia import with a real attachment: fetched from the CDN, checked, imported, listed", async () => {
    const admin = { permissions: MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild };
    const good = h.fake.upload("week3.csv", new Uint8Array(readFileSync("examples/question-set.csv")));
    const done = await h.fake.dispatchInteraction(
      h.fake.chatInput("trivia import", { file: good, name: "Week 3" }, admin),
    );
    expect((done.data?.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(done.data?.content).toBe(
      "Imported the set “Week 3”: 4 questions. Play it with `/trivia start set:Week 3`.",
    );
    const bad = h.fake.upload("bad.csv", new TextEncoder().encode("question,correct,wrong1\nWho?,A,A\n"));
    const report = await h.fake.dispatchInteraction(h.fake.chatInput("trivia import", { file: bad }, admin));
    expect(report.data?.content).toContain(
      "• line 2 · correct: The correct answer is also among the wrong ones.",
    );
    const list = await h.fake.dispatchInteraction(h.fake.chatInput("trivia sets"));
    expect(list.data?.content).toMatch(/\*\*Week 3\*\* — 4 questions/);
  });

  test("a hint halfway through takes one wrong answer away by editing the question in place", async () => {
    const start = await h.fake.dispatchInteraction(
      h.fake.chatInput("trivia start", {
        questions: 1,
        seconds: 10,
        hints: true,
        category: "kind:successor",
      }),
    );
    expect(buttonsOf(start.data)).toHaveLength(4);
    const record = await h.fake.waitFor(
      () => {
        const r = h.fake.interactions.get(start.interactionId);
        return r && r.edits.length > 0 ? r : null;
      },
      15_000,
      "the hint's edit of the question",
    );
    // The edited message's buttons, as the edit sent them.
    const edit = record.edits.at(-1)?.data;
    const buttons = (edit?.components ?? []).flatMap((row) => row.components);
    expect(buttons.filter((b) => "disabled" in b && b.disabled)).toHaveLength(1);
    expect(textOf(edit)).toMatch(/Hint: it is not [A-D]/);
  }, 30_000);
});
