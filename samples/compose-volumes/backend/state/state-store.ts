import { mkdir, readFile, rename, stat } from "node:fs/promises";
import { join } from "node:path";
// A namespace import lets the bundler keep only the zod in use (not every locale): see @dext/backend README, "Start-up".
import * as z from "zod";
import { silentLogger } from "@dext/backend";
import { emptyState, stateSchema } from "../../shared/state.ts";
import { removeTempFiles, writeFileAtomic } from "./atomic-write.ts";
import { StateFileError } from "./state-file-error.ts";
import type { Logger } from "@dext/backend";
import type { State } from "../../shared/state.ts";

export const stateFileName = "state.json";

const stateFileSchema = z.object({ version: z.literal(1), state: stateSchema });

export interface StateStore {
  readonly path: string;
  /** The state as last saved; throws a {@link StateFileError} while the file on disk is unusable. */
  current(): State;
  /** Like `current`, but an unusable file is looked at again first, so a repaired one is picked up without a restart. */
  read(): Promise<State>;
  /**
   * Applies `change` to the latest state and saves the result durably; resolves it once it is on
   * disk. Changes run one at a time, in call order, so none is lost to another's read-modify-write.
   * A change that throws, or a save that fails, leaves the state as it was. While the file is
   * unusable, rejects with a {@link StateFileError} and writes nothing.
   */
  update(change: (state: State) => State): Promise<State>;
  /**
   * Replaces the whole state (an import). An unusable file is the one case the store moves: the user
   * chose to replace it, so it is renamed `state.json.bad-<time>` beside the new one, never deleted.
   */
  replace(state: State): Promise<State>;
}

export interface OpenStateStoreOptions {
  logger?: Logger;
}

type Loaded = { ok: true; state: State } | { ok: false; error: StateFileError };

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "the document"}: ${issue.message}`).join("; ");
}

/** Reads the state file without ever blocking on, or changing, what it finds. */
async function loadState(path: string): Promise<Loaded> {
  const fail = (...args: ConstructorParameters<typeof StateFileError>): Loaded => ({
    ok: false,
    error: new StateFileError(...args),
  });
  let text: string;
  try {
    // stat first: reading a FIFO in the file's place would wait forever.
    const stats = await stat(path);
    if (!stats.isFile())
      return fail("not_a_file", stats.isDirectory() ? "is a folder, not a file" : "is not a regular file");
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { ok: true, state: emptyState };
    return fail("unreadable", `could not be read (${(error as NodeJS.ErrnoException).code ?? "error"})`, {
      cause: error,
    });
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    // Atomic writes never leave a half file: this is someone else's edit, or a damaged disk.
    return fail("not_json", text.trim() === "" ? "is empty" : "is not JSON (garbage, or cut short)", { cause: error });
  }
  const parsed = stateFileSchema.safeParse(document);
  if (!parsed.success)
    return fail("wrong_shape", `is not a version 1 state file (${describeIssues(parsed.error)})`, {
      cause: parsed.error,
    });
  return { ok: true, state: parsed.data.state };
}

function asideName(path: string): string {
  return `${path}.bad-${new Date().toISOString().replace(/[:.]/g, "-")}`;
}

/**
 * Opens (creating it if needed) the state kept in `dir`, e.g. the named volume mounted at /state.
 * An unusable state file does not stop it: the store opens refusing reads and saves, and every
 * state route answers why, so the backend starts and the UI can say what is wrong.
 */
export async function openStateStore(dir: string, options: OpenStateStoreOptions = {}): Promise<StateStore> {
  const logger = options.logger ?? silentLogger;
  const path = join(dir, stateFileName);
  await mkdir(dir, { recursive: true });
  const leftovers = await removeTempFiles(path);
  if (leftovers.length > 0) logger.warn("removed temporary files of an interrupted save", { files: leftovers });
  let loaded = await loadState(path);
  if (!loaded.ok)
    logger.error(
      "state file unusable; refusing reads and saves until it is repaired, removed or replaced by an import",
      { path, problem: loaded.error.problem, err: loaded.error.cause },
    );
  let queue: Promise<unknown> = Promise.resolve();

  const usable = (): State => {
    if (!loaded.ok) throw loaded.error;
    return loaded.state;
  };

  /** While the file is unusable, looks again: someone may have repaired or removed it. */
  const recheck = async (): Promise<void> => {
    if (loaded.ok) return;
    loaded = await loadState(path);
    if (loaded.ok) logger.info("state file usable again", { path });
  };

  const save = async (next: State): Promise<State> => {
    await writeFileAtomic(path, `${JSON.stringify({ version: 1, state: next }, null, 2)}\n`);
    loaded = { ok: true, state: next };
    return next;
  };

  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task);
    // The queue goes on after a failed task; the caller still gets the failure.
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    path,
    current: usable,
    read: () =>
      enqueue(async () => {
        await recheck();
        return usable();
      }),
    update: (change) =>
      enqueue(async () => {
        await recheck();
        return save(stateSchema.parse(change(usable())));
      }),
    replace: (state) =>
      enqueue(async () => {
        const checked = stateSchema.parse(state);
        await recheck();
        if (!loaded.ok) {
          const aside = asideName(path);
          await rename(path, aside);
          logger.warn("unusable state file replaced by an import; kept aside", {
            path,
            movedTo: aside,
            problem: loaded.error.problem,
          });
        }
        return save(checked);
      }),
  };
}
