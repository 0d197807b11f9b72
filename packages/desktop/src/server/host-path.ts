import { accessSync, constants, statSync } from "node:fs";
import { delimiter, isAbsolute, join } from "node:path";

// Hand-written: a PATH walk is a few lines, and `which` would be a dependency for them.

/**
 * The program a bare name stands for on this machine's PATH, the host's own, or undefined. Node's
 * spawn would look a bare name up on the PATH of the environment it is given, which a page's
 * `env` can set: resolving it here first means a page can never choose which program runs.
 */
export function findOnHostPath(name: string, path: string = process.env.PATH ?? ""): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!isAbsolute(dir)) continue;
    const file = join(dir, name);
    try {
      if (!statSync(file).isFile()) continue;
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // Not here, or not executable: try the next folder.
    }
  }
  return undefined;
}
