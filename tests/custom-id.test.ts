import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRouter } from "../src/console/run.js";
import { langOf } from "../src/i18n/index.js";
import {
  cardId,
  cardTargetOf,
  decodeId,
  encodeId,
  MAX_ID_LENGTH,
  pickId,
  pickOf,
} from "../src/interactions/custom-id.js";
import { engine } from "./helpers.js";

const prefix = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/);
const args = fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 });

describe("the custom-id codec", () => {
  it("round-trips every id that fits Discord's 100 characters, and refuses the rest", () => {
    fc.assert(
      fc.property(prefix, args, (p, a) => {
        let id: string;
        try {
          id = encodeId(p, a);
        } catch (err) {
          expect(err).toBeInstanceOf(RangeError);
          return;
        }
        expect(id.length).toBeLessThanOrEqual(MAX_ID_LENGTH);
        expect(decodeId(id)).toEqual({ prefix: p, args: a });
      }),
      { numRuns: 2000 },
    );
  });

  it("decodes any string to an id or to null, never throwing", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (s) => {
        const decoded = decodeId(s);
        if (decoded) expect(encodeId(decoded.prefix, decoded.args)).toBe(s);
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps card targets and menus intact", () => {
    const target = { kind: "person" as const, id: "nikita-khrushchev", asker: "123456789012345678", slot: 1 };
    expect(cardTargetOf(decodeId(cardId(target))?.args ?? [])).toEqual({
      kind: "person",
      id: "nikita-khrushchev",
      asker: "123456789012345678",
    });
    expect(pickOf(decodeId(pickId("office", "42"))?.args ?? [])).toEqual({ kind: "office", asker: "42" });
    // Ids from before the codec (v1|open|p1|…) still decode the same way.
    expect(decodeId("v1|open|p1|joseph-stalin|42")).toEqual({
      prefix: "open",
      args: ["p1", "joseph-stalin", "42"],
    });
  });
});

describe("forged, outdated and random ids reach the user as a polite private answer", () => {
  const router = createRouter(engine());
  it("never throws and never answers publicly", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 100 }),
          fc.tuple(fc.constantFrom("open", "pick", "ta", "tr", "ts", "zz"), args).map(([p, a]) => {
            try {
              return encodeId(p, a);
            } catch {
              return "v1|open";
            }
          }),
        ),
        fc.constantFrom("en-US", "ru"),
        async (customId, locale) => {
          const response = await router.handle({
            type: "component",
            customId,
            values: ["nobody"],
            caller: { userId: "1", guildId: "2", channelId: "3", locale },
          });
          if (response.type === "choices") throw new Error("a component got choices");
          // A valid report button opens a form: no message to check.
          if (response.type === "modal") return;
          const payload = response.payload;
          expect(payload.allowed_mentions).toEqual({ parse: [] });
          // Either a private note, or (a valid card id) the card itself.
          if (payload.content) expect(payload.flags).toBe(64);
          if (langOf(locale) === "ru" && payload.content) expect(payload.content).toMatch(/[а-яё]/i);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("says so for an id of another version", async () => {
    const r = await router.handle({
      type: "component",
      customId: "v0|open|p|x|y",
      values: [],
      caller: { userId: "1", guildId: null, channelId: null, locale: "en-US" },
    });
    expect(r.type === "reply" && r.payload.content).toMatch(/older version of the bot/);
  });
});
