import { watch } from "node:fs";
import type { FSWatcher } from "node:fs";

/**
 * Watches each extension's UI folder and reports changes, debounced, so the dashboard reloads
 * the tab when a file changes: `vite build --watch` rewriting dist/, or an author editing files
 * that sit as they will in the image. Only what the extension's layout names is watched.
 */
export function watchUiFolders(folders: ReadonlyMap<string, string>, onChange: (extensionId: string) => void, debounceMs = 150): () => void {
  const watchers: FSWatcher[] = [];
  const timers = new Map<string, NodeJS.Timeout>();
  for (const [extensionId, folder] of folders) {
    try {
      const watcher = watch(folder, { recursive: true }, () => {
        clearTimeout(timers.get(extensionId));
        timers.set(extensionId, setTimeout(() => onChange(extensionId), debounceMs));
      });
      // A folder removed and recreated by a rebuild ends the watch; the host keeps serving regardless.
      watcher.on("error", () => watcher.close());
      watchers.push(watcher);
    } catch {
      // Nothing to watch (not built yet): reloads are a convenience, not a requirement.
    }
  }
  return () => {
    for (const watcher of watchers) watcher.close();
    for (const timer of timers.values()) clearTimeout(timer);
  };
}
