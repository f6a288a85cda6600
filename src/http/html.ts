// The page's HTML: one escaping function every text goes through, the shared layout, and its
// stylesheet (inline, allowed by its hash in the Content-Security-Policy: no request for it). On a
// phone the board leaves out its Answered and Right columns (each player's page has them).
import { createHash } from "node:crypto";
import type { Lang } from "../i18n/index.js";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text for HTML content and attribute values: a name like `<script>` shows as those characters. */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => ESCAPES[ch] as string);
}

/** Light and dark from the reader's system; wide tables scroll inside their box on a phone. */
const CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1f;--muted:#5b5b66;--line:#d9d9e0;--bar:#2f5fb3;--track:#e8e8ee;--link:#1d4fa8}
@media (prefers-color-scheme:dark){:root{--bg:#141418;--fg:#ececf1;--muted:#a9a9b6;--line:#3a3a44;--bar:#7aa7ff;--track:#2a2a33;--link:#9cc0ff}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:60rem;padding:1rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg)}
a{color:var(--link)}
header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:baseline;justify-content:space-between}
h1{font-size:1.5rem;margin:.25rem 0}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
.muted{color:var(--muted)}
.table{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{padding:.4rem .5rem;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap}
th:nth-child(2),td:nth-child(2){text-align:left;white-space:normal;overflow-wrap:anywhere;min-width:8rem}
@media (max-width:32rem){th,td{padding:.4rem .3rem}.wide{display:none}}
nav.pages{display:flex;gap:1rem;align-items:center;margin:.75rem 0;flex-wrap:wrap}
nav.pages a,nav.lang a{display:inline-block;padding:.5rem .25rem}
svg{width:100%;height:auto;max-width:32rem}
svg .track{fill:var(--track)}
svg .bar{fill:var(--bar)}
svg text{fill:var(--fg);font:15px system-ui,sans-serif}
`;

export const STYLE_HASH = `sha256-${createHash("sha256").update(CSS).digest("base64")}`;

/** No script, no request to any host: the stylesheet only by its hash, the picture inline. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src '${STYLE_HASH}'`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

export function layout(lang: Lang, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
