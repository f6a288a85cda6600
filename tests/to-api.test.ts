// Message bodies as the bot sends them to Discord: attachment ids are snowflakes (strings), as
// Discord's OpenAPI spec types them, both from the bot and from the CLI's --json.
import { describe, expect, test } from "vitest";
import { payloadJson } from "../src/console/run.js";
import { callbackOf, messageBody } from "../src/interactions/to-api.js";
import type { MessagePayload } from "../src/interactions/types.js";

const payload: MessagePayload = {
  content: "two pictures",
  allowed_mentions: { parse: [] },
  files: [
    { name: "a.png", data: new Uint8Array([1]), description: "first" },
    { name: "b.png", data: new Uint8Array([2]) },
  ],
};

describe("attachments in message bodies", () => {
  test("messageBody lists files by index, ids as strings", () => {
    expect(messageBody(payload).attachments).toEqual([
      { id: "0", filename: "a.png", description: "first" },
      { id: "1", filename: "b.png" },
    ]);
  });

  test("a reply's callback carries the same attachments and the files beside them", () => {
    const { body, files } = callbackOf({ type: "reply", payload }, false);
    expect((body.data as { attachments: unknown[] }).attachments).toEqual([
      { id: "0", filename: "a.png", description: "first" },
      { id: "1", filename: "b.png" },
    ]);
    expect(files?.map((f) => f.name)).toEqual(["a.png", "b.png"]);
  });

  test("the CLI's payload_json does too", () => {
    expect(payloadJson(payload).attachments).toEqual([
      { id: "0", filename: "a.png", description: "first" },
      { id: "1", filename: "b.png" },
    ]);
  });

  test("no files, no attachments field", () => {
    const { files: _files, ...plain } = payload;
    expect(messageBody(plain)).not.toHaveProperty("attachments");
    expect(payloadJson(plain)).not.toHaveProperty("attachments");
  });
});
