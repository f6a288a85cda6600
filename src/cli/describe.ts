import type { Dataset } from "../data/load.js";
import type { Office, Person, Term } from "../data/schema.js";
import { describeTermLength } from "../dates/duration.js";
import { formatDay } from "../query/format.js";

export function personSummary(p: Person) {
  return { id: p.id, name: p.name, nameRu: p.nameRu, fullName: p.fullName };
}

const cite = (sources: readonly string[]) => `[${sources.join(", ")}]`;

export function termLine(ds: Dataset, t: Term): string {
  const office = ds.officeById.get(t.office)?.name ?? t.office;
  const basis = t.basis === "de jure" ? "" : ` (${t.basis})`;
  const end = t.end ? formatDay(t.end) : "end unknown";
  const length = t.end ? `, ${describeTermLength(t.start, t.end)}` : "";
  return `${office}${basis}: ${formatDay(t.start)} – ${end}${t.endedByDeath ? " (died in office)" : ""}${length}`;
}

/** A readable plain-text record of a person, every fact with its sources. */
export function describePerson(ds: Dataset, p: Person): string {
  const lines = [`${p.name} — ${p.nameRu}`, `Full name: ${p.fullName}`, `Id: ${p.id}`];
  const terms = ds.termsByPerson.get(p.id) ?? [];
  if (terms.length) {
    lines.push("", "Terms:");
    for (const t of terms) lines.push(`  ${termLine(ds, t)} ${cite(t.sources)}`);
  }
  if (p.roles.length) {
    lines.push("", "Roles:");
    for (const r of p.roles) lines.push(`  ${r.title}${r.note ? ` — ${r.note}` : ""} ${cite(r.sources)}`);
  }
  if (p.facts.length) {
    lines.push("", "Facts:");
    for (const f of p.facts) lines.push(`  ${f.text} ${cite(f.sources)}`);
  }
  const disputes = ds.disputesBySubject.get(p.id) ?? [];
  if (disputes.length) {
    lines.push("", "Where the sources disagree:");
    for (const d of disputes) {
      lines.push(`  ${d.topic}:`);
      for (const c of d.claims)
        lines.push(`    - ${c.value} ${cite(c.sources)}${c.default ? " (used)" : ""}`);
    }
  }
  if (p.variants.length) lines.push("", `Also written: ${p.variants.map((v) => v.text).join(", ")}`);
  return lines.join("\n");
}

/** A readable plain-text record of an office with its holders in order. */
export function describeOffice(ds: Dataset, o: Office): string {
  const lines = [`${o.name} — ${o.nameRu}`, `Id: ${o.id} (${o.kind})`];
  for (const t of o.titles) lines.push(`Title: ${t.title} ${cite(t.sources)}`);
  for (const p of o.periods) {
    lines.push(
      `Existed: ${formatDay(p.from)} – ${p.to ? formatDay(p.to) : "end not given"}${p.note ? ` — ${p.note}` : ""}`,
    );
  }
  for (const p of o.purpose) lines.push(`Purpose: ${p.text} ${cite(p.sources)}`);
  for (const [key, v] of Object.entries(o.infobox)) lines.push(`${key}: ${v.value} ${cite(v.sources)}`);
  const terms = ds.termsByOffice.get(o.id) ?? [];
  if (terms.length) {
    lines.push("", "Holders:");
    for (const t of terms) lines.push(`  ${ds.personById.get(t.person)?.name}: ${termLine(ds, t)}`);
  }
  if (o.predecessor) lines.push(`Preceded by: ${ds.officeById.get(o.predecessor)?.name}`);
  if (o.successor) lines.push(`Followed by: ${ds.officeById.get(o.successor)?.name}`);
  return lines.join("\n");
}
