import { dirname, join, normalize } from "node:path";
import type { ExtensionFiles } from "./extension-files.ts";

export interface UiSource {
  file: string;
  text: string;
}

/**
 * The UI files the page really loads: ui/src/main.tsx and what it imports, followed through
 * relative imports. Code in a file nothing imports never reaches the tab, so a check that only
 * searched every file would pass a panel that is never shown.
 */
export async function reachableUiSources(files: ExtensionFiles, entry = "ui/src/main.tsx"): Promise<UiSource[]> {
  const seen = new Map<string, string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    const text = await files.text(file);
    if (text === undefined) continue;
    seen.set(file, text);
    for (const match of text.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      const target = normalize(join(dirname(file), match[1] as string));
      // Sources import "./x.ts" or "./x.tsx"; "./x.js" for either also resolves, as TypeScript allows.
      const base = target.replace(/\.(js|jsx|ts|tsx)$/, "");
      for (const candidate of [`${base}.tsx`, `${base}.ts`]) {
        if (await files.exists(candidate)) {
          queue.push(candidate);
          break;
        }
      }
    }
  }
  return [...seen].map(([file, text]) => ({ file, text }));
}

/** The first reachable UI file whose text matches, or undefined. */
export function findInUi(sources: UiSource[], pattern: RegExp): UiSource | undefined {
  return sources.find((source) => pattern.test(source.text));
}
