// Every English text of the dataset that has its Russian beside it, as pairs for ./compare.ts:
// people (facts, roles), offices (titles, periods, purposes, facts, infobox), terms, disputes,
// events, characterisations and source descriptions. A record without Russian is the loader's
// business (src/data/schema.ts); here only what is there is compared.
import type { Dataset } from "../../src/data/load.js";
import type { Context, Pair } from "./compare.js";

export function russianPairs(ds: Dataset): Pair[] {
  const out: Pair[] = [];
  const add = (where: string, en: string | undefined, ru: string | undefined, readsOn = false) => {
    if (en !== undefined && ru !== undefined)
      out.push(readsOn ? { where, en, ru, readsOn } : { where, en, ru });
  };
  for (const p of ds.people) {
    p.facts.forEach((f, i) => add(`people.json ${p.id} facts[${i}]`, f.text, f.ru, true));
    p.roles.forEach((r, i) => {
      add(`people.json ${p.id} roles[${i}].title`, r.title, r.titleRu);
      add(`people.json ${p.id} roles[${i}].note`, r.note, r.noteRu, true);
    });
  }
  for (const o of ds.offices) {
    o.titles.forEach((t, i) => add(`offices.json ${o.id} titles[${i}]`, t.title, t.titleRu));
    o.periods.forEach((p, i) => add(`offices.json ${o.id} periods[${i}].note`, p.note, p.noteRu, true));
    o.purpose.forEach((f, i) => add(`offices.json ${o.id} purpose[${i}]`, f.text, f.ru, true));
    o.facts.forEach((f, i) => add(`offices.json ${o.id} facts[${i}]`, f.text, f.ru, true));
    for (const [key, v] of Object.entries(o.infobox))
      add(`offices.json ${o.id} infobox.${key}`, v.value, v.valueRu);
  }
  for (const t of ds.terms) {
    t.statedDurations.forEach((d, i) => add(`terms.json ${t.id} statedDurations[${i}]`, d.text, d.ru));
    t.notes.forEach((n, i) => add(`terms.json ${t.id} notes[${i}]`, n.text, n.ru, true));
  }
  for (const d of ds.disputes) {
    add(`disputes.json ${d.id} topic`, d.topic, d.topicRu);
    add(`disputes.json ${d.id} why`, d.why, d.whyRu);
    d.claims.forEach((c, i) => add(`disputes.json ${d.id} claims[${i}]`, c.value, c.valueRu));
  }
  for (const e of ds.events) add(`events.json ${e.id}`, e.title, e.titleRu, true);
  for (const c of ds.claims) add(`claims.json ${c.id}`, c.text, c.ru, true);
  for (const s of ds.sources) add(`sources.json ${s.id}`, s.summary, s.summaryRu);
  return out;
}

/** The people, the glossary and the sources' names, as the rules need them. */
export function russianContext(ds: Dataset): Context {
  // "Wikipedia (English)" and "ProleWiki"; the editors' own forms name no source.
  const sourceNames = new Set(
    ds.sources.filter((s) => s.kind !== "editorial").map((s) => s.publisher.split(" ")[0] as string),
  );
  return { people: ds.people, glossary: ds.glossary, sourceNames };
}
