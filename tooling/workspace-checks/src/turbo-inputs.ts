// A turbo task's input that names a place in the repository ($TURBO_ROOT$/...) and matches no file
// hashes nothing: the task stays cached when what it meant to watch changes. Package-relative
// globs of a shared task (validate's `compose.yaml`, say) are kinds of file a package may have,
// not places, and are not checked.
import { globSync, readFileSync } from "node:fs";
import { join } from "node:path";

const rootPrefix = "$TURBO_ROOT$/";

interface EmptyInput {
  task: string;
  input: string;
}

/** Every `$TURBO_ROOT$/` input of `<root>/turbo.json` that matches no file (node_modules aside). */
export function findEmptyRootInputs(root: string): EmptyInput[] {
  const turbo = JSON.parse(readFileSync(join(root, "turbo.json"), "utf8")) as {
    tasks: Record<string, { inputs?: string[] }>;
  };
  const found: EmptyInput[] = [];
  for (const [task, definition] of Object.entries(turbo.tasks)) {
    for (const input of definition.inputs ?? []) {
      if (!input.startsWith(rootPrefix)) continue;
      const matches = globSync(input.slice(rootPrefix.length), {
        cwd: root,
        exclude: (path) => path.split(/[\\/]/).includes("node_modules"),
      });
      if (matches.length === 0) found.push({ task, input });
    }
  }
  return found;
}
