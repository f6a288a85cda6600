import { z } from "zod";

/** Source ids are checked against sources.json after parsing; here they are plain slugs. */
const sourceIds = z.array(z.string().min(1)).min(1, "every fact needs at least one source");

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;
const YEAR = /^\d{4}$/;

/** A date as a source states it: "1953-03-14" (day), "1919-03" (month) or "1918" (year). */
export const DateClaimSchema = z
  .object({
    date: z.string(),
    precision: z.enum(["day", "month", "year"]),
    sources: sourceIds,
  })
  .superRefine((value, ctx) => {
    const pattern = value.precision === "day" ? DAY : value.precision === "month" ? MONTH : YEAR;
    if (!pattern.test(value.date)) {
      ctx.addIssue({
        code: "custom",
        path: ["date"],
        message: `"${value.date}" does not match precision "${value.precision}"`,
      });
    }
  });

/**
 * Russian beside English: every text a user reads has its Russian form in the same record
 * (`ru`, `titleRu`, `noteRu`, …). Required wherever the dataset has been translated (offices,
 * terms, disputes, events, claims, sources); still optional for people.json and for the titles'
 * and names' case forms, which are being written (#24).
 */
const Russian = z.string().regex(/[А-Яа-яЁё]/, "a Russian text must be in Cyrillic");

/** A Russian text that must be there: a record with English and no Russian is refused, saying so. */
const requiredRussian = (english: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `no Russian beside the English ${english}: every text a user reads needs its Russian (data/README.md, "Russian")`
          : "a Russian text must be a string",
    })
    .regex(/[А-Яа-яЁё]/, "a Russian text must be in Cyrillic");

/** The case forms of a Russian name or title (the nominative is the name itself). */
export const RussianFormsSchema = z.object({
  gen: Russian,
  dat: Russian,
  acc: Russian,
  ins: Russian,
  prep: Russian,
});

/** A sourced sentence with its Russian. */
const TranslatedText = z.object({
  text: z.string().min(1),
  ru: requiredRussian("`text`"),
  sources: sourceIds,
});
const SourcedValue = z.object({
  value: z.string().min(1),
  valueRu: requiredRussian("`value`"),
  sources: sourceIds,
});

export const SourceSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  file: z.string().nullable(),
  title: z.string().min(1),
  publisher: z.string().min(1),
  kind: z.enum(["current encyclopedia article", "old encyclopedia revision", "partisan wiki", "editorial"]),
  summary: z.string().min(1),
  summaryRu: requiredRussian("`summary`"),
});

export const VariantSchema = z.object({
  text: z.string().min(1),
  kind: z.enum(["spelling", "birth-name", "nickname", "exonym", "native-name"]),
  lang: z.string().optional(),
  sources: sourceIds,
});

export const RoleSchema = z
  .object({
    office: z.string().nullable(),
    title: z.string().min(1),
    titleRu: requiredRussian("`title`"),
    note: z.string().optional(),
    noteRu: Russian.optional(),
    sources: sourceIds,
  })
  .superRefine((role, ctx) => {
    if (role.note !== undefined && role.noteRu === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["noteRu"],
        message: `no Russian beside the English \`note\`: every text a user reads needs its Russian (data/README.md, "Russian")`,
      });
  });

export const PersonSchema = z.object({
  id: z.string().regex(/^[a-z]+(-[a-z]+)*$/, "person ids are lowercase ASCII slugs"),
  name: z.string().min(1),
  nameRu: z.string().regex(/[А-Яа-яЁё]/, "nameRu must be Cyrillic"),
  /** The case forms of the short Russian name ("Иосиф Сталин": gen "Иосифа Сталина", …). */
  nameRuForms: RussianFormsSchema,
  /** Grammatical gender, for Russian verbs and adjectives ("стал" / "стала"). */
  gender: z.enum(["m", "f"]),
  fullName: z.string().min(1),
  namesSources: sourceIds,
  variants: z.array(VariantSchema),
  facts: z.array(TranslatedText),
  died: DateClaimSchema.nullable(),
  roles: z.array(RoleSchema),
  prominence: z.number().int().min(1).max(3),
  sources: sourceIds,
});

export const OfficePeriodSchema = z
  .object({
    from: DateClaimSchema,
    to: DateClaimSchema.nullable(),
    note: z.string().optional(),
    noteRu: Russian.optional(),
    /** The seeds that say what `note` says (a note is a sentence users read: it is cited like one). */
    noteSources: sourceIds.optional(),
  })
  .superRefine((period, ctx) => {
    if (period.note !== undefined && period.noteRu === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["noteRu"],
        message: `no Russian beside the English \`note\`: every text a user reads needs its Russian (data/README.md, "Russian")`,
      });
  });

export const OfficeSchema = z.object({
  id: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
  kind: z.enum(["body", "office", "title"]),
  partOf: z.string().optional(),
  name: z.string().min(1),
  nameRu: z.string().min(1),
  nameRuForms: RussianFormsSchema,
  aliases: z.array(z.string().min(1)),
  titles: z.array(
    z.object({
      title: z.string().min(1),
      titleRu: requiredRussian("`title`"),
      titleRuForms: RussianFormsSchema,
      from: z.string().optional(),
      to: z.string().optional(),
      sources: sourceIds,
    }),
  ),
  leading: z.boolean(),
  periods: z.array(OfficePeriodSchema),
  purpose: z.array(TranslatedText),
  facts: z.array(TranslatedText),
  infobox: z.record(z.string(), SourcedValue),
  predecessor: z.string().nullable(),
  successor: z.string().nullable(),
  /**
   * A dispute (naming this office among its subjects) over which office came before or after this
   * one: that side is shown as disputed, not as a plain "Preceding office" or "Next office".
   */
  predecessorDisputed: z.string().optional(),
  successorDisputed: z.string().optional(),
  sources: sourceIds,
});

export const TermSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  person: z.string(),
  office: z.string(),
  basis: z.enum(["de jure", "de facto", "acting"]),
  start: DateClaimSchema,
  end: DateClaimSchema.nullable(),
  endedByDeath: z.boolean(),
  listRow: z.number().int().min(1).nullable(),
  statedDurations: z.array(TranslatedText),
  notes: z.array(TranslatedText),
  disputes: z.array(z.string()),
  /**
   * A dispute (one of `disputes`) over where this holding stands in the order of the office's
   * holders. Such a holding is shown, attributed, but not linked to a predecessor or successor.
   */
  orderDisputed: z.string().optional(),
  /**
   * From this date on the sources disagree on the holder's title (a dispute, one of `disputes`):
   * wherever the holding is named, the title carries that word (Stalin's, from 1934).
   */
  titleDisputed: z.object({ dispute: z.string(), from: DateClaimSchema }).optional(),
  sources: sourceIds,
});

export const DisputeSchema = z.object({
  id: z.string(),
  topic: z.string().min(1),
  topicRu: requiredRussian("`topic`"),
  subjects: z.array(z.string()).min(1),
  claims: z
    .array(
      z.object({
        value: z.string().min(1),
        valueRu: requiredRussian("`value`"),
        sources: sourceIds,
        default: z.boolean(),
      }),
    )
    .min(2),
  why: z.string().min(1),
  whyRu: requiredRussian("`why`"),
});

export const ClaimSchema = z.object({
  id: z.string(),
  source: z.string(),
  subjects: z.array(z.string()).min(1),
  text: z.string().min(1),
  ru: requiredRussian("`text`"),
});

export const EventSchema = z.object({
  id: z.string(),
  date: DateClaimSchema,
  /** For an event that lasted: its last month or day ("March–April 1922": 1922-03 until 1922-04). */
  until: DateClaimSchema.optional(),
  title: z.string().min(1),
  titleRu: requiredRussian("`title`"),
  people: z.array(z.string()),
  offices: z.array(z.string()),
  /** Disputes over what the title says or when (data/disputes.json ids): trivia leaves it out. */
  disputes: z.array(z.string()).optional(),
  sources: sourceIds,
});

/**
 * A term of the glossary (data/glossary.json): how an office, body, congress, plenum or party name
 * is put in Russian, so every text translates it the same way. `ruForms` are the case forms a
 * Russian text may use (tests/data-russian.test.ts checks that a text whose English uses one of
 * `en` uses one of them). A party's name has the months it was in use (`from`, `to`: "1925-12").
 */
export const GlossaryTermSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  kind: z.enum(["party", "body", "office", "congress", "plenum", "event", "concept"]),
  en: z.array(z.string().min(1)).min(1),
  ru: Russian,
  ruForms: z.array(Russian).min(1),
  abbrRu: Russian.optional(),
  from: z.string().regex(MONTH).optional(),
  to: z.string().regex(MONTH).optional(),
});

export type DateClaim = z.infer<typeof DateClaimSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Variant = z.infer<typeof VariantSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Office = z.infer<typeof OfficeSchema>;
export type Term = z.infer<typeof TermSchema>;
export type Dispute = z.infer<typeof DisputeSchema>;
export type Claim = z.infer<typeof ClaimSchema>;
export type HistoricalEvent = z.infer<typeof EventSchema>;
export type Basis = Term["basis"];
export type RussianForms = z.infer<typeof RussianFormsSchema>;
export type GlossaryTerm = z.infer<typeof GlossaryTermSchema>;
