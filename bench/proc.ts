// /proc readings of a process and of the machine, for the end-to-end benchmarks (Linux only).
import { readFileSync } from "node:fs";

export const loadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

const CLK_TCK = 100; // Linux USER_HZ
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may contain spaces) start at state (field 3).
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / CLK_TCK;
}

/** CPU seconds the whole machine spent busy (all CPUs), from /proc/stat. */
export function machineBusySeconds(): number {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const v = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = v;
  return (user + nice + system + irq + softirq + steal) / CLK_TCK;
}

export function statusKb(pid: number, key: "VmHWM" | "VmRSS"): number {
  const m = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${key}:\\s+(\\d+) kB`, "m"));
  return m ? Number(m[1]) : Number.NaN;
}

/** CPU seconds and resident memory summed over several processes (a sharded bot's tree). */
export function treeCpuSeconds(pids: readonly number[]): number {
  return pids.reduce((n, pid) => n + cpuSeconds(pid), 0);
}

export function treeKb(pids: readonly number[], key: "VmHWM" | "VmRSS"): number {
  return pids.reduce((n, pid) => n + statusKb(pid, key), 0);
}
