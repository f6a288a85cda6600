import type { DateClaim } from "../data/schema.js";
import { MONTHS_EN } from "../dates/parse.js";

/** "10 November 1982", "March 1919", "1918": a sourced date at its own precision. */
export function formatDay(claim: Pick<DateClaim, "date" | "precision">): string {
  const [y, m, d] = claim.date.split("-").map(Number);
  if (claim.precision === "year" || m === undefined) return String(y);
  const month = MONTHS_EN[m - 1];
  if (claim.precision === "month" || d === undefined) return `${month} ${y}`;
  return `${d} ${month} ${y}`;
}
