import { createEngine, type Engine } from "../src/app.js";

let shared: Engine | undefined;

/** The real dataset and indexes, built once per test file. */
export function engine(): Engine {
  shared ??= createEngine();
  return shared;
}
