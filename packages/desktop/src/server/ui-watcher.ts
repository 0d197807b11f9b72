import { watch } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";
import type { FSWatcher } from "node:fs";

/** More folders than any UI build has; a link farm or a huge tree stops being watched here. */
const maxWatchedFolders = 2_000;
const maxDepth = 32;

/**
 * Watches a folder and the folders inside it, one non-recursive watch each, and calls `onEvent`
 * for any change in them. Symbolic links are never followed: Node's recursive watch follows them,
 * so a link out of the UI folder reloaded the tab whenever something elsewhere changed, and a link
 * to `/` would have watched the whole machine. A folder created later is watched as it appears.
 */
function watchTree(root: string, onEvent: () => void): () => void {
  const watchers = new Map<string, FSWatcher>();
  let closed = false;

  const add = async (folder: string, depth: number): Promise<void> => {
    if (closed || watchers.has(folder) || watchers.size >= maxWatchedFolders || depth > maxDepth) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, (_event, name) => {
        onEvent();
        if (name !== null) void addIfFolder(join(folder, name), depth + 1);
      });
    } catch {
      return; // Gone or unreadable: nothing to watch there.
    }
    // A folder removed (a rebuild emptying dist/) ends its watch; the host keeps serving regardless.
    watcher.on("error", () => {
      watcher.close();
      watchers.delete(folder);
    });
    watchers.set(folder, watcher);
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      // A Dirent of a symbolic link is never a directory: links are not walked into.
      if (entry.isDirectory()) await add(join(folder, entry.name), depth + 1);
    }
  };

  const addIfFolder = async (path: string, depth: number): Promise<void> => {
    if (watchers.has(path)) return;
    const stats = await lstat(path).catch(() => undefined);
    if (stats?.isDirectory() === true) await add(path, depth);
  };

  void add(root, 0);
  return () => {
    closed = true;
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
  };
}

/**
 * Watches each extension's UI folder and reports changes, debounced, so the dashboard reloads
 * the tab when a file changes: `vite build --watch` rewriting dist/, or an author editing files
 * that sit as they will in the image. Only what the extension's layout names is watched.
 */
export function watchUiFolders(
  folders: ReadonlyMap<string, string>,
  onChange: (extensionId: string) => void,
  debounceMs = 150,
): () => void {
  const stops: (() => void)[] = [];
  const timers = new Map<string, NodeJS.Timeout>();
  for (const [extensionId, folder] of folders) {
    stops.push(
      watchTree(folder, () => {
        clearTimeout(timers.get(extensionId));
        timers.set(
          extensionId,
          setTimeout(() => onChange(extensionId), debounceMs),
        );
      }),
    );
  }
  return () => {
    for (const stop of stops) stop();
    for (const timer of timers.values()) clearTimeout(timer);
  };
}
