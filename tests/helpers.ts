import { createEngine, type Engine } from "../src/app.js";
import type { Clock } from "../src/trivia/game.js";

const shared: Engine = await createEngine();

/** The real dataset and indexes, built once per test file. */
export function engine(): Engine {
  return shared;
}

/** A clock whose timers fire only when the test advances time. */
export class FakeClock implements Clock {
  t = 1_800_000_000_000;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  now = () => this.t;
  setTimer = (ms: number, fn: () => void) => {
    const id = this.nextId++;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  };
  clearTimer = (handle: unknown) => {
    this.timers = this.timers.filter((x) => x.id !== handle);
  };
  async advance(ms: number) {
    this.t += ms;
    const due = this.timers.filter((x) => x.at <= this.t);
    this.timers = this.timers.filter((x) => x.at > this.t);
    for (const d of due) d.fn();
    // Let the closes (async) finish.
    for (let i = 0; i < 20; i++) await Promise.resolve();
    await new Promise((r) => setImmediate(r));
  }
}
