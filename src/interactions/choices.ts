import { clip, LIMITS } from "../cards/limits.js";
import type { SearchHit } from "../search/index.js";
import type { Choice } from "./types.js";

/** Autocomplete hits as Discord choices: at most 25, names at most 100 characters, value = id. */
export function toChoices(hits: readonly SearchHit[]): Choice[] {
  return hits.slice(0, 25).map((h) => ({
    name: clip(h.matched ? `${h.label} — ${h.matched}` : h.label, LIMITS.choiceName),
    value: h.id,
  }));
}
