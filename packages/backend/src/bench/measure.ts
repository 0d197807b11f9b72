import { spawn } from "node:child_process";
import { readFile, readdir, rm } from "node:fs/promises";
import { connect } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import autocannon from "autocannon";
import type { ChildProcess } from "node:child_process";

export interface Target {
  readonly name: string;
  readonly command: string;
  readonly args: (socket: string) => string[];
  /** Variables added to the bench's own environment, e.g. NODE_COMPILE_CACHE. */
  readonly env?: Readonly<Record<string, string>>;
}

export interface Running {
  readonly child: ChildProcess;
  /** Spawn to the first connection the socket accepts. */
  readonly readyMs: number;
  /**
   * CPU time all the process's threads had used by then. Other jobs on a shared machine stretch
   * the wall time above; they stretch this much less, so it shows where a start's time goes.
   */
  readonly readyCpuMs: number;
}

export interface LoadFigures {
  readonly connections: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly mismatches: number;
}

/** The same JSON from every target; compared parsed, since Go's encoder ends it with a newline. */
function isHelloWorld(body: string): boolean {
  try {
    return (JSON.parse(body) as { hello?: unknown }).hello === "world";
  } catch {
    return false;
  }
}

function accepts(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** CPU time of every thread of a process, in ms, from the scheduler's own count (Linux). */
async function cpuMs(pid: number): Promise<number> {
  const tasks = await readdir(`/proc/${String(pid)}/task`).catch(() => [] as string[]);
  let nanoseconds = 0;
  for (const task of tasks) {
    const schedstat = await readFile(`/proc/${String(pid)}/task/${task}/schedstat`, "utf8").catch(() => "");
    nanoseconds += Number(schedstat.split(" ")[0] ?? 0) || 0;
  }
  return nanoseconds / 1e6;
}

/** Starts a target and resolves once its socket accepts a connection (polled every millisecond). */
export async function start(target: Target, socket: string): Promise<Running> {
  await rm(socket, { force: true });
  const startedAt = performance.now();
  const env = target.env === undefined ? process.env : { ...process.env, ...target.env };
  const child = spawn(target.command, target.args(socket), { stdio: ["ignore", "ignore", "inherit"], env });
  const deadline = startedAt + 15_000;
  while (!(await accepts(socket))) {
    if (child.exitCode !== null)
      throw new Error(`${target.name} exited with ${String(child.exitCode)} before listening`);
    if (performance.now() > deadline) throw new Error(`${target.name} did not listen within 15 s`);
    await delay(1);
  }
  const readyMs = performance.now() - startedAt;
  return { child, readyMs, readyCpuMs: await cpuMs(child.pid ?? 0) };
}

export async function stop(running: Running): Promise<void> {
  if (running.child.exitCode !== null) return;
  const exited = new Promise((resolve) => running.child.once("exit", resolve));
  running.child.kill("SIGTERM");
  const timer = setTimeout(() => running.child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Resident and peak resident memory in MB, from /proc (Linux). */
export async function memory(pid: number): Promise<{ rssMb: number; peakMb: number }> {
  const status = await readFile(`/proc/${String(pid)}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}

export async function load(socket: string, connections: number, durationS: number): Promise<LoadFigures> {
  const result = await autocannon({
    url: "http://localhost/hello",
    socketPath: socket,
    connections,
    duration: durationS,
    verifyBody: isHelloWorld,
  });
  return {
    connections,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
  };
}

/** The q-quantile (0..1), interpolated between the two nearest values. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const below = sorted[Math.floor(at)] ?? Number.NaN;
  const above = sorted[Math.ceil(at)] ?? Number.NaN;
  return below + (above - below) * (at - Math.floor(at));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
