import { writeFileSync } from "node:fs";
import type { Engine } from "../app.js";
import { createRouter, payloadJson, runSlash } from "../console/run.js";
import { payloadToText } from "../console/text.js";

/** `cli run "/who name:krushchev" [--json] [--out file]`: one command, exactly as the bot answers it. */
export async function runCli(
  engine: Engine,
  command: string,
  opts: { json: boolean; out?: string },
): Promise<number> {
  if (!command.trim()) {
    process.stderr.write('Give a slash command, e.g. run "/who name:krushchev"\n');
    return 2;
  }
  const result = await runSlash(createRouter(engine), command);
  if (!result.ok) {
    process.stderr.write(`${result.error}\n`);
    return 2;
  }
  const { response } = result;
  if (response.type === "choices") {
    process.stdout.write(`${JSON.stringify(response.choices, null, 2)}\n`);
    return 0;
  }
  const { payload } = response;
  if (opts.out) {
    const file = payload.files?.[0];
    if (!file) {
      process.stderr.write("This command sends no attachment to write.\n");
      return 1;
    }
    writeFileSync(opts.out, file.data);
  }
  process.stdout.write(
    `${opts.json ? JSON.stringify(payloadJson(payload), null, 2) : payloadToText(payload)}\n`,
  );
  return 0;
}
