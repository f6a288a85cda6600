// /sources through the router, as Discord delivers it: the first page with a button to the next,
// the buttons turning the asker's message in place and giving anyone else their own copy.
import { MessageFlags } from "discord.js";
import { describe, expect, it } from "vitest";
import { createRouter } from "../src/console/run.js";
import { CONSOLE_CALLER } from "../src/console/slash.js";
import { disputeTopic } from "../src/i18n/data-text.js";
import type { BotResponse, Caller, MessagePayload } from "../src/interactions/types.js";
import { engine } from "./helpers.js";
import { expectWithinDiscordLimits } from "./limits.js";

const router = createRouter(engine());
const ALICE: Caller = { ...CONSOLE_CALLER, userId: "200000000000000001" };
const BOB: Caller = { ...CONSOLE_CALLER, userId: "300000000000000001" };
const RU: Caller = { ...ALICE, locale: "ru" };

function payloadOf(r: BotResponse): MessagePayload {
  if (r.type === "choices" || r.type === "modal") throw new Error("expected a message");
  return r.payload;
}

const buttons = (p: MessagePayload) =>
  (p.components ?? []).flatMap((row) =>
    row.components.flatMap((b) =>
      "custom_id" in b && "label" in b ? [{ id: b.custom_id, label: b.label }] : [],
    ),
  );

const press = (customId: string, caller: Caller) =>
  router.handle({ type: "component", customId, values: [], caller });

describe("/sources pages", () => {
  it("turns every page for the asker, in place, and shows every disagreement once", async () => {
    for (const caller of [ALICE, RU]) {
      const first = await router.handle({ type: "command", command: "sources", options: {}, caller });
      expect(first.type).toBe("reply");
      let page = payloadOf(first);
      const topics: string[] = [];
      for (let n = 0; n < 10; n++) {
        expectWithinDiscordLimits(page, `page ${n + 1}`);
        for (const e of page.embeds ?? []) for (const f of e.fields ?? []) topics.push(f.name);
        const next = buttons(page).find((b) => b.label === (caller === RU ? "Далее" : "Next"));
        if (!next) break;
        const turned = await press(next.id, caller);
        expect(turned.type).toBe("update");
        page = payloadOf(turned);
        expect(buttons(page).map((b) => b.label)).toContain(caller === RU ? "Назад" : "Previous");
      }
      // A Russian caller's pages head each disagreement by its Russian topic.
      const disputes = engine().dataset.disputes.map((d) => disputeTopic(caller === RU ? "ru" : "en", d));
      expect(topics.filter((t) => disputes.includes(t))).toEqual(disputes);
    }
  });

  it("gives someone else a private copy of the page instead of turning the asker's", async () => {
    const first = payloadOf(
      await router.handle({ type: "command", command: "sources", options: {}, caller: ALICE }),
    );
    const next = buttons(first)[0];
    if (!next) throw new Error("no button");
    const theirs = await press(next.id, BOB);
    expect(theirs.type).toBe("reply");
    expect((payloadOf(theirs).flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(JSON.stringify(payloadOf(theirs).components)).toContain(BOB.userId);
  });

  it("answers a forged page button politely", async () => {
    for (const id of ["v1|sources|x|1", "v1|sources|1", "v1|sources|1|2|3"]) {
      const r = await press(id, ALICE);
      expect((payloadOf(r).flags ?? 0) & MessageFlags.Ephemeral, id).toBe(MessageFlags.Ephemeral);
    }
  });
});
