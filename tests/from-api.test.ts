// The one conversion the bot makes: an interaction's API JSON (as the gateway sends it) into the
// router's request. Real shapes from Discord's documentation, and random or broken JSON, which must
// never throw.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { requestFromApi } from "../src/interactions/from-api.js";

const noDownload = async () => new Uint8Array();
const user = { id: "300000000000000001", username: "comrade", global_name: "Comrade", discriminator: "0" };
const base = {
  id: "400000000000000001",
  application_id: "500000000000000001",
  token: "tok",
  version: 1,
  locale: "ru",
  app_permissions: "0",
  entitlements: [],
};
const inGuild = {
  ...base,
  guild_id: "600000000000000001",
  channel_id: "700000000000000001",
  member: { user, nick: "Секретарь", permissions: String(1n << 5n), roles: [], joined_at: "" },
  authorizing_integration_owners: { "0": "600000000000000001" },
  context: 0,
};

describe("an interaction's JSON as a request", () => {
  it("a slash command with a subcommand, in a server that installed the bot, by a manager", () => {
    const r = requestFromApi(
      {
        ...inGuild,
        type: 2,
        data: {
          id: "1",
          name: "trivia",
          type: 1,
          options: [{ name: "start", type: 1, options: [{ name: "questions", type: 4, value: 5 }] }],
        },
      },
      noDownload,
      1000,
    );
    expect(r).toEqual({
      type: "command",
      command: "trivia",
      subcommand: "start",
      options: { questions: 5 },
      caller: {
        userId: user.id,
        guildId: "600000000000000001",
        channelId: "700000000000000001",
        locale: "ru",
        canManageGuild: true,
        displayName: "Секретарь",
        context: "guild",
        botCanPost: true,
      },
      followUp: { applicationId: base.application_id, token: "tok", receivedAt: 1000 },
    });
  });

  it("a subcommand of a group: data.options[0] of type 2 holding its subcommand of type 1", () => {
    const r = requestFromApi(
      {
        ...inGuild,
        type: 2,
        data: {
          id: "1",
          name: "trivia",
          type: 1,
          options: [
            {
              name: "term",
              type: 2,
              options: [{ name: "start", type: 1, options: [{ name: "name", type: 3, value: "Autumn" }] }],
            },
          ],
        },
      },
      noDownload,
      0,
    );
    expect(r).toMatchObject({
      type: "command",
      command: "trivia",
      group: "term",
      subcommand: "start",
      options: { name: "Autumn" },
    });
    const end = requestFromApi(
      {
        ...inGuild,
        type: 2,
        data: {
          id: "1",
          name: "trivia",
          type: 1,
          options: [{ name: "term", type: 2, options: [{ name: "end", type: 1 }] }],
        },
      },
      noDownload,
      0,
    );
    expect(end).toMatchObject({ group: "term", subcommand: "end", options: {} });
    // Autocomplete inside a group's subcommand.
    const auto = requestFromApi(
      {
        ...inGuild,
        type: 4,
        data: {
          id: "1",
          name: "trivia",
          type: 1,
          options: [
            {
              name: "term",
              type: 2,
              options: [
                { name: "start", type: 1, options: [{ name: "name", type: 3, value: "Au", focused: true }] },
              ],
            },
          ],
        },
      },
      noDownload,
      0,
    );
    expect(auto).toMatchObject({
      group: "term",
      subcommand: "start",
      focused: { name: "name", value: "Au" },
    });
  });

  it("reads only Discord's nesting: a group without its subcommand has none, and nothing deeper is followed", () => {
    const read = (options: unknown[]) => {
      const r = requestFromApi(
        { ...inGuild, type: 2, data: { id: "1", name: "trivia", type: 1, options } },
        noDownload,
        0,
      );
      if (r?.type !== "command") throw new Error("not a command");
      return { group: r.group, subcommand: r.subcommand, options: r.options };
    };
    // A group with no subcommand, or with a value where its subcommand should be.
    expect(read([{ name: "term", type: 2 }])).toEqual({ group: "term", subcommand: undefined, options: {} });
    expect(read([{ name: "term", type: 2, options: [{ name: "name", type: 3, value: "x" }] }])).toEqual({
      group: "term",
      subcommand: undefined,
      options: {},
    });
    // A group inside a subcommand, or a group in a group: not Discord's shape, so no values from it.
    expect(
      read([
        { name: "start", type: 1, options: [{ name: "term", type: 2, options: [{ name: "end", type: 1 }] }] },
      ]),
    ).toEqual({ group: undefined, subcommand: "start", options: {} });
    expect(
      read([
        {
          name: "a",
          type: 2,
          options: [{ name: "b", type: 2, options: [{ name: "c", type: 3, value: "x" }] }],
        },
      ]),
    ).toEqual({ group: "a", subcommand: undefined, options: {} });
    // A nameless group or subcommand is no path at all.
    expect(read([{ type: 2, options: [{ name: "start", type: 1 }] }])).toEqual({
      group: undefined,
      subcommand: undefined,
      options: {},
    });
  });

  it("where only the user installed the app, or in a group DM, the bot does not post by itself", () => {
    const userInstall = requestFromApi(
      {
        ...inGuild,
        authorizing_integration_owners: { "1": user.id },
        type: 2,
        data: { id: "1", name: "who", type: 1, options: [{ name: "name", type: 3, value: "x" }] },
      },
      noDownload,
      0,
    );
    expect(userInstall?.caller).toMatchObject({ botCanPost: false, context: "guild", canManageGuild: true });
    const groupDm = requestFromApi(
      {
        ...base,
        user,
        channel: { id: "800000000000000001", type: 3 },
        context: 2,
        type: 2,
        data: { id: "1", name: "help", type: 1 },
      },
      noDownload,
      0,
    );
    expect(groupDm?.caller).toMatchObject({
      guildId: null,
      channelId: "800000000000000001",
      context: "private",
      botCanPost: false,
      canManageGuild: false,
      displayName: "Comrade",
    });
  });

  it("autocomplete gives the focused option; buttons, menus and forms their ids and values", () => {
    const auto = requestFromApi(
      {
        ...inGuild,
        type: 4,
        data: {
          id: "1",
          name: "who",
          type: 1,
          options: [{ name: "name", type: 3, value: "khr", focused: true }],
        },
      },
      noDownload,
      0,
    );
    expect(auto).toMatchObject({
      type: "autocomplete",
      command: "who",
      focused: { name: "name", value: "khr" },
    });
    const menu = requestFromApi(
      {
        ...inGuild,
        type: 3,
        message: {},
        data: { custom_id: "v1|pick|p|1", component_type: 3, values: ["a"] },
      },
      noDownload,
      0,
    );
    expect(menu).toMatchObject({ type: "component", customId: "v1|pick|p|1", values: ["a"] });
    const form = requestFromApi(
      {
        ...inGuild,
        type: 5,
        data: {
          custom_id: "v1|rpm|q",
          components: [
            { type: 1, components: [{ type: 4, custom_id: "what", value: "wrong date" }] },
            { type: 18, component: { type: 4, custom_id: "more", value: "see 003" } },
          ],
        },
      },
      noDownload,
      0,
    );
    expect(form).toMatchObject({ type: "component", fields: { what: "wrong date", more: "see 003" } });
  });

  it("a message command carries the message; an attachment option, a file read only when asked", async () => {
    const message = requestFromApi(
      {
        ...inGuild,
        type: 2,
        data: {
          id: "1",
          name: "Look up in Apparat",
          type: 3,
          target_id: "9",
          resolved: { messages: { "9": { id: "9", content: "Brezhnev in 1977" } } },
        },
      },
      noDownload,
      0,
    );
    expect(message).toMatchObject({ target: { messageId: "9", content: "Brezhnev in 1977" } });
    const asked: [string, number][] = [];
    const withFile = requestFromApi(
      {
        ...inGuild,
        type: 2,
        data: {
          id: "1",
          name: "trivia",
          type: 1,
          options: [{ name: "import", type: 1, options: [{ name: "file", type: 11, value: "77" }] }],
          resolved: {
            attachments: { "77": { id: "77", filename: "q.csv", size: 12, url: "https://cdn/q.csv" } },
          },
        },
      },
      async (url, size) => {
        asked.push([url, size]);
        return new Uint8Array([1, 2]);
      },
      0,
    );
    const file = withFile?.type === "command" ? withFile.attachments?.file : undefined;
    expect(file).toMatchObject({ name: "q.csv", size: 12 });
    expect(asked).toEqual([]);
    expect(await file?.read()).toEqual(new Uint8Array([1, 2]));
    expect(asked).toEqual([["https://cdn/q.csv", 12]]);
  });

  it("reads back any group, subcommand and values Discord could send (property)", () => {
    const name = fc.stringMatching(/^[-_\p{L}\p{N}]{1,32}$/u);
    const value = fc.oneof(fc.string({ maxLength: 100 }), fc.integer(), fc.boolean());
    fc.assert(
      fc.property(
        fc.option(name, { nil: undefined }),
        fc.option(name, { nil: undefined }),
        fc.dictionary(name, value, { maxKeys: 5 }),
        (group, subcommand, values) => {
          const leaf = Object.entries(values).map(([n, v]) => ({
            name: n,
            type: typeof v === "string" ? 3 : typeof v === "number" ? 4 : 5,
            value: v,
          }));
          const sub = subcommand !== undefined ? [{ name: subcommand, type: 1, options: leaf }] : leaf;
          // A group always holds a subcommand: without one there is no group either.
          const options =
            group !== undefined && subcommand !== undefined ? [{ name: group, type: 2, options: sub }] : sub;
          const r = requestFromApi(
            { ...inGuild, type: 2, data: { id: "1", name: "c", type: 1, options } },
            noDownload,
            0,
          );
          expect(r).toMatchObject({ type: "command", command: "c", options: values });
          if (r?.type !== "command") return;
          expect(r.group).toBe(subcommand !== undefined ? group : undefined);
          expect(r.subcommand).toBe(subcommand);
        },
      ),
      { numRuns: 500, seed: 26 },
    );
  });

  it("never throws on random or broken JSON: it gives a request or null", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = requestFromApi(v, noDownload, 0);
        expect(r === null || typeof r === "object").toBe(true);
      }),
      { numRuns: 2000 },
    );
    // Real shapes with any part replaced by anything.
    const shape = {
      ...inGuild,
      type: 2,
      data: { id: "1", name: "who", type: 1, options: [{ name: "name", type: 3, value: "x" }] },
    };
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(shape)), fc.anything(), (key, value) => {
        expect(() => requestFromApi({ ...shape, [key]: value }, noDownload, 0)).not.toThrow();
        expect(() =>
          requestFromApi({ ...shape, data: { ...shape.data, [key]: value } }, noDownload, 0),
        ).not.toThrow();
      }),
      { numRuns: 2000 },
    );
    // A group's shape with any part at any depth replaced by anything: a request or null.
    const leaf = { name: "name", type: 3, value: "Autumn" };
    const sub = { name: "start", type: 1, options: [leaf] };
    const group = { name: "term", type: 2, options: [sub] };
    const grouped = (o: unknown) => ({
      ...inGuild,
      type: 2,
      data: { id: "1", name: "trivia", type: 1, options: o },
    });
    fc.assert(
      fc.property(
        fc.constantFrom("group", "sub", "leaf"),
        fc.constantFrom("name", "type", "options", "value", "focused"),
        fc.anything(),
        fc.constantFrom(2, 4),
        (where, key, value, type) => {
          const options =
            where === "group"
              ? [{ ...group, [key]: value }]
              : where === "sub"
                ? [{ ...group, options: [{ ...sub, [key]: value }] }]
                : [{ ...group, options: [{ ...sub, options: [{ ...leaf, [key]: value }] }] }];
          const r = requestFromApi({ ...grouped(options), type }, noDownload, 0);
          expect(r === null || typeof r === "object").toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
