import { link, open, rename, unlink } from "node:fs/promises";
import { setTimeout as delay } from "node:timers/promises";
import { SocketListenError } from "./errors.ts";

/**
 * Lock files this process holds. Its own pid in a lock it does not hold is a leftover: a
 * container restarted in a fresh pid namespace often gets the same pid as its predecessor.
 */
const heldHere = new Set<string>();

/** Any lock this young is honoured: its pid may belong to another container's pid namespace. */
const freshLockMs = 2_000;
/** No start holds the lock this long (the probe of a stale socket gives up after 1 s). */
const maxHoldMs = 10_000;
const pollMs = 15;

interface LockFile {
  /** The holder's `pid nonce`; empty while its holder is between creating and writing it. */
  readonly token: string;
  readonly pid: number | undefined;
  readonly ageMs: number;
  /** Tells this lock from a later one at the same path, even one that reuses its inode. */
  readonly identity: string;
}

let counter = 0;
/** Unique enough to tell lock holders apart; not secret, so no node:crypto at start-up. */
function nonce(): string {
  counter += 1;
  return `${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 10)}`;
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

function unusable(path: string, error: unknown): SocketListenError {
  return new SocketListenError("socket_dir_unusable", `Cannot use the lock file ${path}: ${String(error)}`, {
    cause: error,
  });
}

async function readLock(path: string): Promise<LockFile | undefined> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return undefined;
    throw unusable(path, error);
  }
  try {
    const stats = await handle.stat();
    const token = (await handle.readFile("utf8")).trim();
    const pid = /^(\d+) \S+$/.exec(token)?.[1];
    return {
      token,
      pid: pid === undefined ? undefined : Number(pid),
      ageMs: Date.now() - stats.mtimeMs,
      identity: `${stats.ino}:${stats.mtimeMs}:${token}`,
    };
  } catch (error) {
    throw unusable(path, error);
  } finally {
    await handle.close();
  }
}

function holderAlive(pid: number, lockPath: string): boolean {
  if (pid === process.pid) return heldHere.has(lockPath);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return errorCode(error) === "EPERM";
  }
}

function isStale(lock: LockFile, lockPath: string): boolean {
  if (lock.ageMs > maxHoldMs) return true;
  return lock.ageMs > freshLockMs && lock.pid !== undefined && !holderAlive(lock.pid, lockPath);
}

/**
 * Removes the stale lock judged, and only that one: another starter may have broken it already
 * and taken a lock of its own, which a plain unlink would delete. Moving the lock aside is atomic,
 * so what was moved can be checked, and put back if it was not the stale one.
 */
async function breakStaleLock(lockPath: string, judged: LockFile): Promise<void> {
  const aside = `${lockPath}.${nonce()}.stale`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return;
    throw unusable(lockPath, error);
  }
  const moved = await readLock(aside);
  if (moved !== undefined && moved.identity !== judged.identity) {
    await link(aside, lockPath).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}

async function tryCreate(lockPath: string, token: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(lockPath, "wx", 0o600);
  } catch (error) {
    if (errorCode(error) === "EEXIST") return false;
    throw unusable(lockPath, error);
  }
  try {
    await handle.writeFile(`${token}\n`);
  } catch (error) {
    await unlink(lockPath).catch(() => undefined);
    throw unusable(lockPath, error);
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Takes `<socket>.lock` (created with O_EXCL, holding `pid nonce`) for the moments a start
 * inspects, removes and recreates the socket, so that two backends starting at once cannot
 * both find the socket stale and the second unlink the first's fresh one. A lock left by a
 * start that died is taken over once its pid is gone (after a short grace) or it is too old to
 * be a start in progress. Resolves with the release; waits while another start holds the lock.
 */
export async function lockSocketPath(socketPath: string): Promise<() => Promise<void>> {
  const lockPath = `${socketPath}.lock`;
  const token = `${process.pid} ${nonce()}`;
  for (;;) {
    if (await tryCreate(lockPath, token)) break;
    const lock = await readLock(lockPath);
    if (lock === undefined) continue;
    if (isStale(lock, lockPath)) await breakStaleLock(lockPath, lock);
    else await delay(pollMs);
  }
  heldHere.add(lockPath);
  return async () => {
    // Forgotten first: once the file is gone another start here may take it and be remembered.
    heldHere.delete(lockPath);
    // Only our own: if ours was taken over as stale, the file now belongs to someone else.
    if ((await readLock(lockPath).catch(() => undefined))?.token === token)
      await unlink(lockPath).catch(() => undefined);
  };
}
