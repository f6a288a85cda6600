import { clip, LIMITS } from "../cards/limits.js";
import type { Dataset } from "../data/build.js";
import { officeName, personName } from "../i18n/data-text.js";
import type { Lang } from "../i18n/index.js";
import type { SearchHit } from "../search/index.js";
import type { Choice } from "./types.js";

/**
 * A hit as a Russian reader reads it: the person's or office's Russian name (the search's own
 * label is English).
 */
export function hitName(ds: Dataset, hit: SearchHit, lang: Lang): string {
  if (lang !== "ru") return hit.label;
  const person = hit.kind === "person" ? ds.personById.get(hit.id) : undefined;
  const office = hit.kind === "office" ? ds.officeById.get(hit.id) : undefined;
  return person ? personName(lang, person) : office ? officeName(lang, office) : hit.label;
}

/** Autocomplete hits as Discord choices: at most 25, names at most 100 characters, value = id. */
export function toChoices(hits: readonly SearchHit[], ds?: Dataset, lang: Lang = "en"): Choice[] {
  return hits.slice(0, 25).map((h) => {
    const name = ds ? hitName(ds, h, lang) : h.label;
    const note = matchedNote(h, ds ? lang : "en");
    return { name: clip(note ? `${name} — ${note}` : name, LIMITS.choiceName), value: h.id };
  });
}

/** What the query matched, in the reader's language, when that was not the name itself. */
export function matchedNote(hit: SearchHit, lang: Lang): string | undefined {
  return lang === "ru" ? hit.matchedRu : hit.matched;
}
