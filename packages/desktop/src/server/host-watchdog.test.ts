import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createInterface } from "node:readline";
import { setTimeout as delay } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { DesktopHostError } from "./errors.ts";
import { startHostWatchdog } from "./host-watchdog.ts";
import type { ChildProcessByStdio } from "node:child_process";
import type { Readable, Writable } from "node:stream";

// A stand-in for the host process: the real ProcessGroups and watchdog, a state folder, and two
// process groups like a VM service's (one with a child of its own that outlives its shell's
// command). It prints what it started, then waits to be stopped cleanly (a line on stdin) or killed.
const hostScript = `
import { mkdtemp, rm } from "node:fs/promises";
import { createInterface } from "node:readline";
import { ProcessGroups } from ${JSON.stringify(new URL("./process-group.ts", import.meta.url).pathname)};
import { startHostWatchdog } from ${JSON.stringify(new URL("./host-watchdog.ts", import.meta.url).pathname)};
const state = await mkdtemp("/tmp/dext-host-");
const watchdog = startHostWatchdog(state);
const groups = new ProcessGroups(watchdog);
const spec = (file, args) => ({ file, args, cwd: undefined, env: process.env });
const started = [groups.spawn(spec("/bin/sh", ["-c", "sleep 60 & wait"])), groups.spawn(spec("sleep", ["60"]))];
const ended = groups.spawn(spec("/bin/sh", ["-c", "exit 0"]));
await new Promise((resolve) => ended.once("exit", resolve));
console.log(JSON.stringify({ state, groups: started.map((child) => child.pid) }));
createInterface({ input: process.stdin }).once("line", async () => {
  await groups.endAll();
  await rm(state, { recursive: true, force: true });
  watchdog.close();
  process.stdout.write("stopped\\n", () => process.exit(0));
});
`;

interface StandIn {
  child: ChildProcessByStdio<Writable, Readable, null>;
  state: string;
  groups: number[];
  lines: AsyncIterator<string>;
}

const running: StandIn[] = [];

async function startStandIn(): Promise<StandIn> {
  const child = spawn(process.execPath, ["--input-type=module", "-e", hostScript], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const first = await lines.next();
  const { state, groups } = JSON.parse(String(first.value)) as { state: string; groups: number[] };
  const standIn = { child, state, groups, lines };
  running.push(standIn);
  return standIn;
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls every 20 ms until `check` holds, for at most 5 s; returns whether it did. */
async function eventually(check: () => boolean): Promise<boolean> {
  for (let waited = 0; waited < 5_000; waited += 20) {
    if (check()) return true;
    await delay(20);
  }
  return check();
}

afterEach(async () => {
  for (const { child, state, groups } of running.splice(0)) {
    child.kill("SIGKILL");
    for (const pgid of groups) if (groupAlive(pgid)) process.kill(-pgid, "SIGKILL");
    await rm(state, { recursive: true, force: true });
  }
});

describe("the host's watchdog", () => {
  it("ends the process groups a SIGKILLed host left, the children they started too, and removes its state folder", async () => {
    const host = await startStandIn();
    expect(host.groups.map(groupAlive)).toEqual([true, true]);
    expect(existsSync(host.state)).toBe(true);

    host.child.kill("SIGKILL");

    expect(await eventually(() => host.groups.every((pgid) => !groupAlive(pgid)))).toBe(true);
    expect(await eventually(() => !existsSync(host.state))).toBe(true);
  });

  it("does nothing after a clean stop: the host ended its groups itself", async () => {
    const host = await startStandIn();
    const exited = new Promise((resolve) => host.child.once("exit", resolve));
    host.child.stdin.write("stop\n");
    expect((await host.lines.next()).value).toBe("stopped");
    // Ended by the host (an orphaned child may take its new parent a moment to reap).
    expect(await eventually(() => host.groups.every((pgid) => !groupAlive(pgid)))).toBe(true);
    // The state folder is made again under the same name: a watchdog that had not heard `done`
    // would remove it once the host exits.
    await mkdir(host.state);
    await exited;
    await delay(300);
    expect(existsSync(host.state)).toBe(true);
  });

  it("refuses a state folder it did not make: it deletes what it is given", () => {
    for (const path of ["/", "/tmp", "/home/me/project", "/tmp/other-folder", "/tmp/dext-host-x/../../etc"]) {
      expect(() => startHostWatchdog(path), path).toThrow(DesktopHostError);
    }
  });

  it("takes no more lines once closed, and throws nothing when told more", async () => {
    const state = await mkdtemp("/tmp/dext-host-");
    try {
      const watchdog = startHostWatchdog(state);
      watchdog.close();
      expect(() => {
        watchdog.started(process.pid);
        watchdog.ended(process.pid);
        watchdog.close();
      }).not.toThrow();
      // It exited on `done` and removed nothing.
      await delay(300);
      expect(existsSync(state)).toBe(true);
    } finally {
      await rm(state, { recursive: true, force: true });
    }
  });
});
