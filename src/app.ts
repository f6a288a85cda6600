import { type Dataset, loadDataset } from "./data/load.js";
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

export function createEngine(dataDir?: string): Engine {
  const dataset = loadDataset(dataDir);
  return { dataset, search: buildSearchIndex(dataset) };
}
