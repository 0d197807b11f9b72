import { mkdir, readFile, rename } from "node:fs/promises";
import { join } from "node:path";
// A namespace import lets the bundler keep only the zod in use (not every locale): see @dext/backend README, "Start-up".
import * as z from "zod";
import { silentLogger } from "@dext/backend";
import { emptyState, stateSchema } from "../../shared/state.js";
import { removeTempFiles, writeFileAtomic } from "./atomic-write.js";
import type { Logger } from "@dext/backend";
import type { State } from "../../shared/state.js";

export const stateFileName = "state.json";

const stateFileSchema = z.object({ version: z.literal(1), state: stateSchema });

export interface StateStore {
  readonly path: string;
  /** The state as last saved. */
  current(): State;
  /**
   * Applies `change` to the latest state and saves the result durably; resolves it once it is on
   * disk. Changes run one at a time, in call order, so none is lost to another's read-modify-write.
   * A change that throws, or a save that fails, leaves the state as it was.
   */
  update(change: (state: State) => State): Promise<State>;
}

export interface OpenStateStoreOptions {
  logger?: Logger;
}

async function readState(path: string, logger: Logger): Promise<State> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return emptyState;
    throw error;
  }
  try {
    return stateFileSchema.parse(JSON.parse(text)).state;
  } catch (error) {
    // Atomic writes never leave a half file, so this is someone else's edit. Keep it for the user
    // to look at rather than overwrite it with the next save.
    const aside = `${path}.unreadable-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    await rename(path, aside);
    logger.error("state file unreadable; moved aside, starting empty", { path, movedTo: aside, err: error });
    return emptyState;
  }
}

/** Opens (creating it if needed) the state kept in `dir`, e.g. the named volume mounted at /state. */
export async function openStateStore(dir: string, options: OpenStateStoreOptions = {}): Promise<StateStore> {
  const logger = options.logger ?? silentLogger;
  const path = join(dir, stateFileName);
  await mkdir(dir, { recursive: true });
  const leftovers = await removeTempFiles(path);
  if (leftovers.length > 0) logger.warn("removed temporary files of an interrupted save", { files: leftovers });
  let state = await readState(path, logger);
  let queue: Promise<unknown> = Promise.resolve();

  const update = (change: (state: State) => State): Promise<State> => {
    const next = queue.then(async () => {
      const changed = stateSchema.parse(change(state));
      await writeFileAtomic(path, `${JSON.stringify({ version: 1, state: changed }, null, 2)}\n`);
      state = changed;
      return changed;
    });
    // The queue goes on after a failed change; the caller still gets the failure.
    queue = next.catch(() => undefined);
    return next;
  };

  return { path, current: () => state, update };
}
