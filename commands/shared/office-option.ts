// The `office:` option of /when and /timeline: one title of the Secretariat's top office. Typed
// text resolves exactly as /office title: does (an id picked from the list, or the office search:
// "gensec", "first secretary", "генсек"), so one office name works in every option that takes one.
import type { Engine } from "../../src/app.js";
import { type Lang, text } from "../../src/i18n/index.js";
import { quoteUserText } from "../../src/interactions/payload.js";
import type { BotResponse, Choice } from "../../src/interactions/types.js";
import { stringOption } from "./define.js";
import { refuse } from "./refusal.js";

/** Offices a /when or /timeline can be narrowed to, with their names in both languages. */
export const OFFICE_CHOICES = [
  { value: "technical-secretary", en: "Technical Secretary", ru: "Технический секретарь" },
  {
    value: "chairman-of-the-secretariat",
    en: "Chairman of the Secretariat",
    ru: "Председатель Секретариата",
  },
  { value: "responsible-secretary", en: "Responsible Secretary", ru: "Ответственный секретарь" },
  { value: "general-secretary", en: "General Secretary", ru: "Генеральный секретарь" },
  { value: "first-secretary", en: "First Secretary", ru: "Первый секретарь" },
  { value: "acting-general-secretary", en: "Acting General Secretary", ru: "И. о. генерального секретаря" },
] as const;

type OfficeChoice = (typeof OFFICE_CHOICES)[number];

const byId: ReadonlyMap<string, OfficeChoice> = new Map(OFFICE_CHOICES.map((c) => [c.value, c]));

/**
 * The optional `office:` option shared by /when and /timeline. It autocompletes rather than lists
 * fixed choices, so that whatever a person types is resolved by the office search, as in /office.
 */
export const officeOption = stringOption(
  {
    name: "office",
    ru: "должность",
    description: "Only this office (default: the Secretariat's top office, whatever its title)",
    descriptionRu: "Только эта должность (по умолчанию — высшая должность Секретариата)",
  },
  { autocomplete: true, maxLength: 100 },
);

const nameOf = (lang: Lang, c: OfficeChoice) => (lang === "ru" ? c.ru : c.en);
const allNames = (lang: Lang) => OFFICE_CHOICES.map((c) => nameOf(lang, c)).join(", ");

export type ResolvedOffice = { ok: true; office?: string } | { ok: false; response: BotResponse };

/** The office an `office:` value names, or a polite refusal naming the offices it may be. */
export function resolveOffice(engine: Engine, raw: unknown, lang: Lang): ResolvedOffice {
  if (raw === undefined) return { ok: true };
  const typed = String(raw).trim();
  if (typed === "") return { ok: true };
  if (byId.has(typed)) return { ok: true, office: typed };
  const best = engine.search.search(typed, { kind: "office" }).best;
  if (best && byId.has(best)) return { ok: true, office: best };
  const words = text(lang);
  const found = best ? engine.dataset.officeById.get(best) : undefined;
  if (found) {
    const name = lang === "ru" ? found.nameRu : found.name;
    return {
      ok: false,
      response: refuse(words.officeNotNarrowing({ office: name, offices: allNames(lang) })),
    };
  }
  return {
    ok: false,
    response: refuse(words.unknownOffice({ office: quoteUserText(typed, 60), offices: allNames(lang) })),
  };
}

/** Autocomplete for `office:`: every title in order for an empty box, else what the search finds. */
export function officeChoices(engine: Engine, typed: string, lang: Lang): Choice[] {
  const ids = typed.trim()
    ? engine.search.autocomplete(typed, { kind: "office" }).map((h) => h.id)
    : OFFICE_CHOICES.map((c) => c.value);
  return ids.flatMap((id) => {
    const c = byId.get(id);
    return c ? [{ name: nameOf(lang, c), value: c.value }] : [];
  });
}
