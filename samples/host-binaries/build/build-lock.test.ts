import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BuildLockTimeoutError, withBuildLock } from "./build-lock.ts";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "build-lock-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A pid that was alive a moment ago and is gone now. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid ?? 0;
}

describe("withBuildLock", () => {
  it("runs two builds into one folder one after the other, never at once", async () => {
    const lock = join(dir, "host.lock");
    const events: string[] = [];
    const build = (name: string) =>
      withBuildLock(lock, async () => {
        events.push(`${name} start`);
        await delay(300);
        events.push(`${name} end`);
      });
    await Promise.all([build("a"), build("b")]);
    expect(events).toEqual(["a start", "a end", "b start", "b end"]);
  });

  it("tells the waiter whose build it waits for", async () => {
    const lock = join(dir, "host.lock");
    const waitedFor: string[] = [];
    // The first build holds the lock until the second has said whom it waits for: no timing guess
    // (a 50 ms head start was not always enough on a loaded machine for the first to take it).
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = (): void => undefined;
    const isHeld = new Promise<void>((resolve) => (holding = resolve));
    const first = withBuildLock(lock, () => {
      holding();
      return held;
    });
    await isHeld;
    await withBuildLock(lock, () => Promise.resolve(), {
      onWait: (holder) => {
        waitedFor.push(holder);
        release();
      },
    });
    await first;
    expect(waitedFor).toEqual([`pid ${process.pid}`]);
  });

  it("takes over a lock whose process is gone", async () => {
    const lock = join(dir, "host.lock");
    await writeFile(lock, `${await deadPid()} 1`);
    await expect(withBuildLock(lock, () => readFile(lock, "utf8"))).resolves.toMatch(new RegExp(`^${process.pid} `));
  });

  it("gives up on a live holder after its timeout, with a named error", async () => {
    const lock = join(dir, "host.lock");
    await writeFile(lock, `${process.pid} 1`);
    const error = await withBuildLock(lock, () => Promise.resolve(), { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BuildLockTimeoutError);
    expect(error).toMatchObject({ code: "BUILD_LOCK_TIMEOUT" });
  });

  it("removes the lock when the build fails", async () => {
    const lock = join(dir, "host.lock");
    await expect(withBuildLock(lock, () => Promise.reject(new Error("compile failed")))).rejects.toThrow(
      "compile failed",
    );
    await expect(readFile(lock)).rejects.toMatchObject({ code: "ENOENT" });
  });
});
