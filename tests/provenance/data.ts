// Every sentence in data/ a user can read, with the sources it cites and the person it is about.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DATA_DIR, type Named } from "./seeds.js";

export interface SourcedText {
  where: string;
  text: string;
  /** Its Russian, where the record has one (data/README.md, "Russian"). */
  ru?: string;
  sources: string[];
  /** The person the sentence is about when it does not name them (a fact on their card). */
  owners: string[];
  /** Attributed to its source by the renderer ("ProleWiki calls …"): claims.json. */
  attributed?: true;
  /** Shown as "According to ProleWiki, …" when only the partisan source gives it. */
  voiced?: true;
}

type Rec = Record<string, unknown> & { id: string };
const read = (file: string) => JSON.parse(readFileSync(join(DATA_DIR, file), "utf8")) as Rec[];
type Cited = {
  text?: string;
  title?: string;
  note?: string;
  value?: string;
  ru?: string;
  titleRu?: string;
  noteRu?: string;
  valueRu?: string;
  sources: string[];
};
/** An object without its undefined keys (`ru` only where the record has Russian). */
const withRu = <T extends object>(t: T, ru: string | undefined): T & { ru?: string } =>
  ru === undefined ? t : { ...t, ru };

/** The people of data/people.json by surname. */
export function namedPeople(): Named[] {
  return read("people.json").map((p) => ({ id: p.id, surname: String(p.name).split(" ").at(-1) as string }));
}

export function sourcedTexts(): SourcedText[] {
  const out: SourcedText[] = [];
  const people = new Set(read("people.json").map((p) => p.id));
  const personSubjects = (subjects: unknown) => {
    const ids = (subjects as string[]).filter((s) => people.has(s));
    return ids.length === 1 ? ids : [];
  };
  for (const p of read("people.json")) {
    (p.facts as Cited[]).forEach((f, i) =>
      out.push(
        withRu(
          {
            where: `people.json ${p.id} facts[${i}]`,
            text: f.text as string,
            sources: f.sources,
            owners: [p.id],
            voiced: true,
          },
          f.ru,
        ),
      ),
    );
    (p.roles as Cited[]).forEach((r, i) => {
      out.push(
        withRu(
          {
            where: `people.json ${p.id} roles[${i}]`,
            text: r.title as string,
            sources: r.sources,
            owners: [p.id],
          },
          r.titleRu,
        ),
      );
      if (r.note)
        out.push(
          withRu(
            {
              where: `people.json ${p.id} roles[${i}].note`,
              text: r.note,
              sources: r.sources,
              owners: [p.id],
            },
            r.noteRu,
          ),
        );
    });
  }
  for (const t of read("terms.json"))
    (t.notes as Cited[]).forEach((n, i) =>
      out.push(
        withRu(
          {
            where: `terms.json ${t.id} notes[${i}]`,
            text: n.text as string,
            sources: n.sources,
            owners: [t.person as string],
            voiced: true,
          },
          n.ru,
        ),
      ),
    );
  for (const e of read("events.json"))
    out.push(
      withRu(
        {
          where: `events.json ${e.id}`,
          text: e.title as string,
          sources: e.sources as string[],
          owners: [],
          voiced: true,
        },
        e.titleRu as string | undefined,
      ),
    );
  for (const o of read("offices.json")) {
    for (const key of ["purpose", "facts"] as const)
      (o[key] as Cited[]).forEach((f, i) =>
        out.push(
          withRu(
            {
              where: `offices.json ${o.id} ${key}[${i}]`,
              text: f.text as string,
              sources: f.sources,
              owners: [],
              voiced: true,
            },
            f.ru,
          ),
        ),
      );
    (o.titles as Cited[]).forEach((x, i) =>
      out.push(
        withRu(
          {
            where: `offices.json ${o.id} titles[${i}]`,
            text: x.title as string,
            sources: x.sources,
            owners: [],
          },
          x.titleRu,
        ),
      ),
    );
    (o.periods as { note?: string; noteRu?: string; noteSources?: string[] }[]).forEach((p, i) => {
      if (p.note)
        out.push(
          withRu(
            {
              where: `offices.json ${o.id} periods[${i}].note`,
              text: p.note,
              sources: p.noteSources ?? [],
              owners: [],
              voiced: true,
            },
            p.noteRu,
          ),
        );
    });
    for (const [key, v] of Object.entries(o.infobox as Record<string, Cited>))
      out.push(
        withRu(
          {
            where: `offices.json ${o.id} infobox.${key}`,
            text: v.value as string,
            sources: v.sources,
            owners: [],
          },
          v.valueRu,
        ),
      );
  }
  for (const d of read("disputes.json"))
    (d.claims as Cited[]).forEach((c, i) =>
      out.push(
        withRu(
          {
            where: `disputes.json ${d.id} claims[${i}]`,
            text: c.value as string,
            sources: c.sources,
            owners: personSubjects(d.subjects),
          },
          c.valueRu,
        ),
      ),
    );
  for (const c of read("claims.json"))
    out.push(
      withRu(
        {
          where: `claims.json ${c.id}`,
          text: c.text as string,
          sources: [c.source as string],
          owners: personSubjects(c.subjects),
          attributed: true,
        },
        c.ru as string | undefined,
      ),
    );
  return out;
}
