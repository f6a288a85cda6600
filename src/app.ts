import type { Dataset } from "./data/build.js";
import { loadShippedDataset } from "./data/shipped.js";
import { buildSearchIndex } from "./search/entries.js";
import type { SearchIndex } from "./search/index.js";
import type { TriviaGame } from "./trivia/game.js";

/** Everything the handlers need, built once at start-up and shared read-only. */
export interface Engine {
  dataset: Dataset;
  search: SearchIndex;
  /** Trivia needs storage and a way to post to channels (see src/interactions/trivia.ts). */
  trivia?: TriviaGame;
}

/** The engine over the shipped dataset, or over the one in `dataDir` (always fully checked). */
export async function createEngine(dataDir?: string): Promise<Engine> {
  const dataset = dataDir
    ? (await import("./data/load.js")).loadDataset(dataDir)
    : await loadShippedDataset();
  return { dataset, search: buildSearchIndex(dataset) };
}
