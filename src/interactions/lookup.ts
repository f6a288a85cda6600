import type { Engine } from "../app.js";
import { langOf, text } from "../i18n/index.js";
import { matchedNote } from "./choices.js";
import { cardPayload, quoteUserText } from "./payload.js";
import { didYouMean, entryCard } from "./render.js";
import type { BotResponse, CommandRequest } from "./types.js";

type Kind = "person" | "office";

/**
 * /who and /office: an id picked from autocomplete opens its card; typed text is searched, and
 * either a confident match opens its card (saying what the text matched) or the user gets a
 * private "did you mean" menu.
 */
export function lookupCard(engine: Engine, request: CommandRequest, kind: Kind, option: string): BotResponse {
  const query = String(request.options[option] ?? "");
  const lang = langOf(request.caller.locale);
  const asker = request.caller.userId;
  const direct = entryCard(engine, kind, query, { lang, asker });
  if (direct) return { type: "reply", payload: cardPayload(direct) };
  const result = engine.search.search(query, { kind });
  const top = result.results[0];
  // The user's own words go into a public card: escaped, so `||x||`, `**x**`, headings and
  // direction overrides show as typed.
  const note = top && matchedNote(top, lang);
  const matched = note ? text(lang).matchedQuery({ query: quoteUserText(query, 60), note }) : undefined;
  const card = result.best
    ? entryCard(engine, kind, result.best, { lang, asker, ...(matched ? { matched } : {}) })
    : null;
  if (!card) {
    // Nothing scored as a whole name ("Nik"): offer the names it starts instead of "no one like that".
    const hits = result.results.length > 0 ? result.results : engine.search.startsOfNames(query, { kind });
    return {
      type: "reply",
      payload: didYouMean(engine.dataset, kind, query, hits, lang, asker),
      refused: true,
    };
  }
  return { type: "reply", payload: cardPayload(card) };
}
