import { readdir, utimes, writeFile } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lockSocketPath } from "./socket-lock.ts";
import { makeSocketDir } from "./testing/temp-dir.ts";

let temp: Awaited<ReturnType<typeof makeSocketDir>>;

beforeEach(async () => {
  temp = await makeSocketDir();
});
afterEach(async () => {
  await temp.remove();
});

/** A pid above Linux's and macOS's pid_max: no process has it. */
const deadPid = 2 ** 30;

async function leaveLock(pid: number, ageMs: number): Promise<void> {
  const lockPath = `${temp.socket()}.lock`;
  await writeFile(lockPath, `${pid} left-behind\n`);
  const then = (Date.now() - ageMs) / 1000;
  await utimes(lockPath, then, then);
}

describe("lockSocketPath", () => {
  it("leaves no lock file behind once released", async () => {
    const release = await lockSocketPath(temp.socket());
    expect(await readdir(temp.dir)).toEqual(["backend.sock.lock"]);
    await release();
    expect(await readdir(temp.dir)).toEqual([]);
  });

  it("makes a second taker in the same process wait until the first releases", async () => {
    const release = await lockSocketPath(temp.socket());
    let second = false;
    const taking = lockSocketPath(temp.socket()).then((releaseSecond) => {
      second = true;
      return releaseSecond;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(second).toBe(false);
    await release();
    await (
      await taking
    )();
    expect(second).toBe(true);
  });

  it("takes over a lock whose process is gone, once it is past the short grace", async () => {
    await leaveLock(deadPid, 3_000);
    const release = await lockSocketPath(temp.socket());
    await release();
    expect(await readdir(temp.dir)).toEqual([]);
  });

  it("takes over a lock naming this process that this process does not hold (a restart in a fresh pid namespace)", async () => {
    await leaveLock(process.pid, 3_000);
    await (
      await lockSocketPath(temp.socket())
    )();
  });

  it("honours a lock whose process lives, until it is too old to be a start in progress", async () => {
    await leaveLock(process.ppid, 9_800);
    const startedAt = Date.now();
    await (
      await lockSocketPath(temp.socket())
    )();
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(150);
    expect(await readdir(temp.dir)).toEqual([]);
  });

  it("honours a fresh lock even when its pid is unknown here: it may be another container's", async () => {
    await leaveLock(deadPid, 1_800);
    const startedAt = Date.now();
    await (
      await lockSocketPath(temp.socket())
    )();
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(150);
  });
});
