// Hand-written: one folder on one machine, held for minutes by a live process; an O_EXCL file with
// the holder's pid is all it takes, where a lock library would add its heartbeat and two catalog entries.
import { link, open, readFile, rename, unlink } from "node:fs/promises";
import { setTimeout as delay } from "node:timers/promises";

export class BuildLockTimeoutError extends Error {
  readonly code = "BUILD_LOCK_TIMEOUT" as const;
  constructor(lockPath: string, holder: string, waitedMs: number) {
    super(`${lockPath} is still held by ${holder} after ${Math.round(waitedMs / 1000)} s`);
    this.name = "BuildLockTimeoutError";
  }
}

const pollMs = 250;
/** A lock still empty this long after it was made belongs to a process that died writing it. */
const emptyGraceMs = 5_000;

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, another user's.
    return errorCode(error) === "EPERM";
  }
}

async function tryCreate(lockPath: string, token: string): Promise<boolean> {
  try {
    const handle = await open(lockPath, "wx");
    try {
      await handle.writeFile(token);
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if (errorCode(error) === "EEXIST") return false;
    throw error;
  }
}

/**
 * Moved aside before it is removed, so that a waiter never deletes the fresh lock another waiter
 * took after breaking the same stale one: what was moved is checked, and put back if it was not it.
 */
async function breakStale(lockPath: string, judged: string): Promise<void> {
  const aside = `${lockPath}.${process.pid}.stale`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return;
    throw error;
  }
  const moved = await readFile(aside, "utf8").catch(() => undefined);
  if (moved !== judged) await link(aside, lockPath).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

/**
 * Runs `work` while holding `lockPath`, so two builds into one folder (a sample's `test` and
 * `test:e2e`, which turbo runs side by side) never compile the same file at once: the second waits,
 * then finds the files current. A lock whose process is gone is taken over.
 */
export async function withBuildLock<T>(
  lockPath: string,
  work: () => Promise<T>,
  options: { timeoutMs?: number; onWait?: (holder: string) => void } = {},
): Promise<T> {
  const token = `${process.pid} ${Date.now()}`;
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 30 * 60_000;
  let told = false;
  let emptySince: number | undefined;
  while (!(await tryCreate(lockPath, token))) {
    const holder = await readFile(lockPath, "utf8").catch(() => undefined);
    if (holder === undefined) continue;
    const pid = Number(holder.split(" ")[0]);
    if (holder === "") emptySince ??= Date.now();
    else emptySince = undefined;
    const stale =
      holder === "" ? Date.now() - (emptySince ?? Date.now()) > emptyGraceMs : !Number.isInteger(pid) || !isAlive(pid);
    if (stale) {
      await breakStale(lockPath, holder);
      continue;
    }
    if (Date.now() - started > timeoutMs) throw new BuildLockTimeoutError(lockPath, holder, Date.now() - started);
    if (!told) options.onWait?.(`pid ${pid}`);
    told = true;
    await delay(pollMs);
  }
  try {
    return await work();
  } finally {
    await unlink(lockPath).catch(() => undefined);
  }
}
