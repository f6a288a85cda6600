import type { APIEmbed } from "discord.js";
import { ComponentType } from "discord.js";
import { expect } from "vitest";
import { embedLength, LIMITS } from "../src/cards/limits.js";
import type { MessagePayload } from "../src/interactions/types.js";

/** Asserts a message obeys every documented Discord limit and pings nobody. */
export function expectWithinDiscordLimits(payload: MessagePayload, label = ""): void {
  expect(payload.allowed_mentions, label).toEqual({ parse: [] });
  const hasBody =
    Boolean(payload.content?.trim()) || (payload.embeds?.length ?? 0) > 0 || (payload.files?.length ?? 0) > 0;
  expect(hasBody, `${label}: an empty message`).toBe(true);
  expect(payload.content?.length ?? 0, label).toBeLessThanOrEqual(LIMITS.content);
  expect(payload.embeds?.length ?? 0, label).toBeLessThanOrEqual(10);
  let total = 0;
  for (const e of payload.embeds ?? []) {
    expectEmbed(e, label);
    total += embedLength(e);
  }
  expect(total, `${label}: all embeds together`).toBeLessThanOrEqual(LIMITS.total);
  expect(payload.components?.length ?? 0, label).toBeLessThanOrEqual(LIMITS.rows);
  const ids = new Set<string>();
  for (const row of payload.components ?? []) {
    expect(row.components.length, `${label}: buttons in a row`).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
    for (const c of row.components) {
      if ("custom_id" in c) {
        expect(c.custom_id.length, label).toBeLessThanOrEqual(LIMITS.customId);
        expect(ids.has(c.custom_id), `${label}: duplicate custom id ${c.custom_id}`).toBe(false);
        ids.add(c.custom_id);
      }
      if (c.type === ComponentType.Button && "label" in c)
        expect(c.label?.length ?? 0, label).toBeLessThanOrEqual(LIMITS.buttonLabel);
      if (c.type === ComponentType.StringSelect) {
        expect(c.options.length, label).toBeGreaterThan(0);
        expect(c.options.length, label).toBeLessThanOrEqual(LIMITS.selectOptions);
        for (const o of c.options) {
          expect(o.label.length, label).toBeLessThanOrEqual(LIMITS.selectLabel);
          expect(o.description?.length ?? 0, label).toBeLessThanOrEqual(LIMITS.selectDescription);
        }
      }
    }
  }
}

export function expectEmbed(e: APIEmbed, label = ""): void {
  expect(e.title?.length ?? 0, `${label}: title`).toBeLessThanOrEqual(LIMITS.title);
  expect(e.description?.length ?? 0, `${label}: description`).toBeLessThanOrEqual(LIMITS.description);
  expect(e.fields?.length ?? 0, `${label}: fields`).toBeLessThanOrEqual(LIMITS.fields);
  for (const f of e.fields ?? []) {
    expect(f.name.length, `${label}: field name`).toBeLessThanOrEqual(LIMITS.fieldName);
    expect(f.name.trim().length, `${label}: empty field name`).toBeGreaterThan(0);
    expect(f.value.length, `${label}: field value ${f.name}`).toBeLessThanOrEqual(LIMITS.fieldValue);
    expect(f.value.trim().length, `${label}: empty field value ${f.name}`).toBeGreaterThan(0);
  }
  expect(e.footer?.text.length ?? 0, `${label}: footer`).toBeLessThanOrEqual(LIMITS.footer);
  expect(embedLength(e), `${label}: embed total`).toBeLessThanOrEqual(LIMITS.total);
}
