import type { Engine } from "../app.js";

/** Placeholder until the slash-command router lands (issue 4): says so plainly. */
export async function runCli(
  _engine: Engine,
  _command: string,
  _opts: { json: boolean; out?: string },
): Promise<number> {
  process.stderr.write("The run command needs the slash-command router, which is not built yet.\n");
  return 1;
}
