import { choice, stringOption } from "./define.js";

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

/** The optional `office:` option shared by /when and /timeline. */
export const officeOption = stringOption(
  {
    name: "office",
    ru: "должность",
    description: "Only this office (default: the Secretariat's top office, whatever its title)",
    descriptionRu: "Только эта должность (по умолчанию — высшая должность Секретариата)",
  },
  { choices: OFFICE_CHOICES.map((c) => choice(c.en, c.ru, c.value)) },
);
