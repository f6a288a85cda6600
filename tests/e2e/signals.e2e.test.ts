// `npm start` under a supervisor: the supervisor signals only the process it started (npm), and
// every process of the tree must be gone within 5 s, after the bot's own clean shutdown. Started
// through npm itself, never node directly: that shortcut once hid an orphaned bot.
import { InteractionResponseType } from "discord-api-types/v10";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import {
  anyAlive,
  buildOnce,
  type NodeProcess,
  type ProcessInfo,
  processTree,
  spawnNpmStart,
} from "../discord/bot-process.js";
import { FakeDiscord, ROUTES } from "../discord/fake-discord.js";
import { deploy, textOf } from "./harness.js";

// The process tree is followed through /proc.
const describeLinux = describe.skipIf(process.env.APPARAT_E2E !== "1" || process.platform !== "linux");

function show(tree: ProcessInfo[]): string {
  return tree.map((p) => `${p.pid} (parent ${p.ppid}) ${p.command}`).join("\n");
}

async function gone(pids: number[], withinMs: number): Promise<number> {
  const start = performance.now();
  while (anyAlive(pids)) {
    if (performance.now() - start > withinMs) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return performance.now() - start;
}

describeLinux("npm start under a supervisor's signal", () => {
  let fake: FakeDiscord;
  let npm: NodeProcess | undefined;
  let tree: ProcessInfo[] = [];

  beforeEach(async () => {
    buildOnce();
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 2000 });
    const deployed = await deploy(fake);
    expect(deployed.exit.code, deployed.output).toBe(0);
  });

  afterEach(async () => {
    // Whatever a failed test left behind, by pid: an orphan is no longer npm's child.
    for (const p of tree) {
      try {
        process.kill(p.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    npm?.kill();
    await fake.stop();
  });

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    test(`${signal} to npm's process alone stops the whole tree within 5 s, gateway closed cleanly, the answer in flight delivered`, async () => {
      npm = spawnNpmStart({ env: fake.env() });
      await npm.waitForLine("connected to Discord", 45_000);

      tree = processTree(npm.pid);
      console.log(`process tree of npm start before ${signal}:\n${show(tree)}`);
      expect(tree[0]?.command).toMatch(/npm-cli\.js start|npm start/);
      const bots = tree.filter((p) => p.command.includes("scripts/launch.mjs bot"));
      expect(bots, show(tree)).toHaveLength(1);
      // No shell between npm and the bot: a shell would die of the signal and orphan the bot.
      expect(
        tree.some((p) => /^(\/bin\/)?(sh|dash|bash)\b/.test(p.command)),
        show(tree),
      ).toBe(false);

      // An interaction whose answer is still on its way when the signal comes: Discord's 429 on
      // the callback makes the bot wait 1 s and retry; the signal arrives during that wait.
      fake.rateLimitNext(ROUTES.callback, 1, { retryAfter: 1 });
      const record = fake.register(fake.chatInput("who", { name: "brezhnev" }));
      await fake.waitFor(() => record.attempts.length > 0, 10_000, "the first callback attempt");

      const closes = fake.gateway.closes.length;
      process.kill(npm.pid, signal);
      const ms = await gone(
        tree.map((p) => p.pid),
        5000,
      );
      const left = tree.filter((p) => anyAlive([p.pid]));
      console.log(`process tree ${ms.toFixed(0)} ms after ${signal}:\n${show(left) || "(none left)"}`);
      expect(left, show(left)).toEqual([]);
      expect(ms).toBeLessThan(5000);

      const exit = await npm.exited;
      expect(exit.code, npm.output()).toBe(0);
      expect(fake.gateway.closes[closes]).toMatchObject({ by: "client", code: 1000 });
      expect(npm.lines.some((l) => l.msg === "shutting down" && l.signal === signal)).toBe(true);
      expect(npm.lines.some((l) => l.msg === "disconnected from Discord; database closed")).toBe(true);
      // The answer was delivered, not dropped by the shutdown.
      expect(record.callback?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(textOf(record.callback?.data)).toContain("Brezhnev");
      tree = [];
    });
  }
});
