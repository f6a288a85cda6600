import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project folder (the one holding package.json). Found by walking up from this module rather
 * than by a fixed number of `..`, because the same code runs from `src/` (tsx, tests) and from the
 * compiled `dist/src/` (`npm start`).
 */
export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

/** `<project>/<parts…>` */
export const projectPath = (...parts: string[]): string => join(PROJECT_ROOT, ...parts);
