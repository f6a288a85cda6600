// The page's language: `?lang=` when the reader chose with the switch, otherwise the browser's
// Accept-Language, whichever of Russian and English it prefers first; English by default.
import type { Lang } from "../i18n/index.js";

export function pageLang(choice: string | undefined, acceptLanguage: string | undefined): Lang {
  if (choice === "ru" || choice === "en") return choice;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag, weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((r) => r.weight > 0 && (r.tag.startsWith("ru") || r.tag.startsWith("en")))
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  return ranked[0]?.tag.startsWith("ru") ? "ru" : "en";
}
