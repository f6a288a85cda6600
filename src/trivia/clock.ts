// Time for trivia rounds, injectable: the system's for the bot and the console, a manual one for
// the CLI (which plays a round out at once) and for tests (which move time on by hand).
export interface Clock {
  now(): number;
  /** `fn` may return a promise: a manual clock waits for it, so a test sees what the timer did. */
  setTimer(ms: number, fn: () => unknown): unknown;
  clearTimer(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer: (ms, fn) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A clock whose timers fire only when it is moved on. */
export class ManualClock implements Clock {
  private timers: { at: number; fn: () => unknown; id: number }[] = [];
  private nextId = 1;

  constructor(private t: number = Date.now()) {}

  now = () => this.t;
  setTimer = (ms: number, fn: () => unknown) => {
    const id = this.nextId++;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  };
  clearTimer = (handle: unknown) => {
    this.timers = this.timers.filter((x) => x.id !== handle);
  };

  /** Moves on by `ms`, firing the timers that fall due, and lets what they started finish. */
  async advance(ms: number): Promise<void> {
    this.t += ms;
    const due = this.timers.filter((x) => x.at <= this.t).sort((a, b) => a.at - b.at || a.id - b.id);
    this.timers = this.timers.filter((x) => x.at > this.t);
    // In order; each one's work (a reveal, the next question) finishes before the next fires.
    for (const d of due) await d.fn();
    await settle();
  }

  /** When the next timer falls due; undefined when none is set. */
  nextAt(): number | undefined {
    return this.timers.reduce<number | undefined>(
      (a, b) => (a === undefined || b.at < a ? b.at : a),
      undefined,
    );
  }

  /** Moves on to the next timer and fires it; false when none is left. `moving` hears how far, in ms. */
  async next(moving: (ms: number) => void = () => undefined): Promise<boolean> {
    const first = this.timers.reduce<{ at: number } | undefined>(
      (a, b) => (!a || b.at < a.at ? b : a),
      undefined,
    );
    if (!first) return false;
    moving(first.at - this.t);
    await this.advance(first.at - this.t);
    return true;
  }
}
