// Where the stand-in finds Discord's OpenAPI spec, what happens without it, and how its checks
// read (tests/discord/spec.ts). Under CI the spec must be there, so these tests need it too.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, test, vi } from "vitest";
import { COMMANDS } from "../commands/index.js";
import { data as settings } from "../commands/settings.js";
import { data as trivia } from "../commands/trivia.js";
import { FormErrors } from "./discord/errors.js";
import { DEFAULT_SPEC_PATH, loadDiscordSpec, specPath } from "./discord/spec.js";
import { validateCommands } from "./discord/validate.js";

const missing = resolve("no-such-dir/openapi.json");
const haveSpec = existsSync(specPath()) || Boolean(process.env.CI);

describe("finding Discord's OpenAPI spec", () => {
  test("../shared/discord-api-spec/openapi.json beside the project, unless APPARAT_DISCORD_SPEC names another", () => {
    expect(specPath({})).toBe(DEFAULT_SPEC_PATH);
    expect(DEFAULT_SPEC_PATH).toBe(
      resolve(import.meta.dirname, "../../shared/discord-api-spec/openapi.json"),
    );
    expect(specPath({ APPARAT_DISCORD_SPEC: "spec/openapi.json" })).toBe(resolve("spec/openapi.json"));
  });

  test("missing under CI: an error that says where it looked and how to point elsewhere", () => {
    expect(() => loadDiscordSpec({ CI: "1", APPARAT_DISCORD_SPEC: missing })).toThrow(
      /not at .*no-such-dir.*APPARAT_DISCORD_SPEC.*Under CI/s,
    );
  });

  test("missing elsewhere: the check is off, with one warning", () => {
    const warn = vi.fn();
    expect(loadDiscordSpec({ APPARAT_DISCORD_SPEC: missing }, warn)).toBeNull();
    expect(loadDiscordSpec({ CI: "false", APPARAT_DISCORD_SPEC: missing }, warn)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/does not check request bodies/);
  });
});

describe.skipIf(!haveSpec)("checking bodies against it", () => {
  const spec = () => {
    const checker = loadDiscordSpec();
    if (!checker) throw new Error("no spec");
    return checker;
  };

  test("operations are found by method and path template, literal segments first", () => {
    const s = spec();
    expect(s.pathTemplate("POST", "/channels/1/messages")).toBe("/channels/{channel_id}/messages");
    expect(s.pathTemplate("PATCH", "/webhooks/1/tok/messages/%40original")).toBe(
      "/webhooks/{webhook_id}/{webhook_token}/messages/@original",
    );
    expect(s.pathTemplate("PATCH", "/webhooks/1/tok/messages/2")).toBe(
      "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}",
    );
    expect(s.pathTemplate("POST", "/no/such/route")).toBeNull();
    expect(s.check("GET", "/channels/1", false, undefined)).toBeNull();
  });

  test("a body that fits is fine; one that does not gets Discord's 50035 errors, one per field", () => {
    const s = spec();
    const cb = "/interactions/1/tok/callback";
    expect(
      s.check("POST", cb, false, { type: 4, data: { content: "hi", attachments: [{ id: "0" }] } }),
    ).toBeNull();
    expect(s.check("POST", cb, false, { type: 5 })).toBeNull();
    expect(s.check("POST", cb, false, { type: 4, data: { content: "x".repeat(2001) } })).toEqual({
      operation: "POST /interactions/{interaction_id}/{interaction_token}/callback",
      errors: [
        {
          path: ["data", "content"],
          code: "BASE_TYPE_MAX_LENGTH",
          message: "Must be 2000 or fewer in length.",
        },
      ],
    });
    // A discriminated union: the branch whose `type` fits speaks, not the others.
    const row = { type: 1, components: [{ type: 2, style: 1, label: "b", custom_id: "x".repeat(101) }] };
    expect(s.check("POST", cb, false, { type: 4, data: { components: [row] } })?.errors).toEqual([
      {
        path: ["data", "components", "0", "components", "0", "custom_id"],
        code: "BASE_TYPE_BAD_LENGTH",
        message: "Must be between 1 and 100 in length.",
      },
    ]);
    expect(s.check("POST", cb, false, { type: 99 })?.errors).toEqual([
      expect.objectContaining({ path: ["type"], code: "BASE_TYPE_CHOICES" }),
    ]);
    expect(s.check("PUT", "/applications/1/commands", false, { name: "who" })?.errors).toEqual([
      { path: [], code: "BASE_TYPE_ARRAY", message: "Must be an array." },
    ]);
  });

  test("where the documentation and the spec differ, the documentation wins: default_member_permissions as a string", () => {
    const s = spec();
    const command = { name: "admin", description: "d", default_member_permissions: "8" };
    expect(s.check("PUT", "/applications/1/commands", false, [command])).toBeNull();
    expect(
      s.check("PUT", "/applications/1/commands", false, [{ ...command, default_member_permissions: 8 }]),
    ).toBeNull();
  });
});

describe("the bot's command definitions, subcommand groups included", () => {
  const body = COMMANDS.map((c) => c.data);
  const standIn = (commands: unknown) => {
    const errors = new FormErrors();
    validateCommands(errors, commands);
    return errors;
  };
  const group = (options: unknown[]) => ({
    name: "term",
    description: "d",
    type: 2,
    options,
  });
  const sub = (options: unknown[] = []) => ({ name: "start", description: "d", type: 1, options });
  const value = { name: "name", description: "d", type: 3 };
  const command = (options: unknown[]) => [{ name: "trivia", description: "d", type: 1, options }];

  test("fit the stand-in's checks: a group at the top holding subcommands, beside a subcommand", () => {
    expect(standIn(body).size).toBe(0);
    const term = trivia.options?.find((o) => o.name === "term");
    expect(term).toMatchObject({ type: 2, name_localizations: { ru: "семестр" } });
    expect(term && "options" in term ? term.options?.map((o) => [o.type, o.name]) : []).toEqual([
      [1, "start"],
      [1, "end"],
    ]);
    const page = settings.options?.map((o) => [o.type, o.name]);
    expect(page).toEqual([
      [1, "trivia"],
      [2, "page"],
    ]);
  });

  test("the stand-in refuses what Discord refuses: a group in a subcommand or a group, values in a group, subcommands mixed with values", () => {
    expect(standIn(command([group([sub([value])])])).size).toBe(0);
    expect(standIn(command([sub([group([sub()])])])).size).toBeGreaterThan(0);
    expect(standIn(command([group([group([sub()])])])).size).toBeGreaterThan(0);
    expect(standIn(command([group([value])])).size).toBeGreaterThan(0);
    expect(standIn(command([sub(), value])).size).toBeGreaterThan(0);
    expect(standIn(command([sub([sub()])])).size).toBeGreaterThan(0);
  });

  test.skipIf(!haveSpec)("fit Discord's OpenAPI spec, which refuses a group in a group", () => {
    const s = loadDiscordSpec();
    if (!s) throw new Error("no spec");
    expect(s.check("PUT", "/applications/1/commands", false, body)).toBeNull();
    expect(s.check("PUT", "/applications/1/guilds/2/commands", false, body)).toBeNull();
    expect(
      s.check("PUT", "/applications/1/commands", false, command([group([group([sub()])])])),
    ).not.toBeNull();
    expect(s.check("PUT", "/applications/1/commands", false, command([group([value])]))).not.toBeNull();
  });
});
