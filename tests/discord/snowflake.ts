/** Discord's epoch (the first second of 2015), in milliseconds since the Unix epoch. */
export const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Generates Discord snowflakes: 42 bits of milliseconds since the Discord epoch, 5 bits of
 * worker id, 5 bits of process id and a 12-bit increment.
 * https://discord.com/developers/docs/reference#snowflakes
 */
export class SnowflakeGenerator {
  private increment = 0n;

  constructor(
    private readonly workerId = 1n,
    private readonly processId = BigInt(process.pid & 0x1f),
  ) {}

  next(at: number = Date.now()): string {
    const id =
      ((BigInt(at) - DISCORD_EPOCH) << 22n) |
      ((this.workerId & 0x1fn) << 17n) |
      ((this.processId & 0x1fn) << 12n) |
      (this.increment & 0xfffn);
    this.increment += 1n;
    return id.toString();
  }
}

/** When a snowflake was created, in milliseconds since the Unix epoch. */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

export const isSnowflake = (value: unknown): value is string =>
  typeof value === "string" && /^\d{17,20}$/.test(value);
