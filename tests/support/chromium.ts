// The browser the page's tests drive: Debian's Chromium (package chromium, which .ci/run installs
// when it is missing), or the one APPARAT_CHROMIUM names, started headless by playwright-core with
// the flags that keep it from reaching for any host of its own (updates, sync, safe browsing).
// Without it a developer's run says so and skips those tests; under CI that is a failure.
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM_PATH = process.env.APPARAT_CHROMIUM ?? "/usr/bin/chromium";

export function chromiumMissing(): string {
  if (existsSync(CHROMIUM_PATH)) return "";
  const why = `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set APPARAT_CHROMIUM)`;
  if (process.env.CI) throw new Error(`The browser tests need Chromium under CI: ${why}`);
  process.stderr.write(`\n[apparat] browser tests will be skipped: ${why}\n\n`);
  return why;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}
