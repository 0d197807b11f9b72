import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { titleAt } from "./title-escape.ts";

/** The strings that make a sample itself, found in its own files. */
export interface Identity {
  /** Folder, package, socket and compose name, e.g. `minimal-backend`. */
  name: string;
  /** The tab title in metadata.json, also the image title label and the UI heading. */
  title: string;
  /** The image repository the Makefile builds, e.g. `dext/minimal-backend`. */
  image: string;
}

export async function readSampleIdentity(sampleDir: string, name: string): Promise<Identity> {
  const metadata = JSON.parse(await readFile(join(sampleDir, "metadata.json"), "utf8")) as {
    ui?: { "dashboard-tab"?: { title?: string } };
  };
  const makefile = await readFile(join(sampleDir, "Makefile"), "utf8").catch(() => "");
  const image = /^IMAGE \?= (\S+)$/m.exec(makefile)?.[1] ?? `dext/${name}`;
  return { name, title: metadata.ui?.["dashboard-tab"]?.title ?? name, image };
}

/**
 * Replaces every occurrence of the old identity with the new one in one pass, longest string
 * first (the image `dext/minimal-backend` before the name `minimal-backend`), so a new name that
 * contains the old one is never replaced twice. The name and image are plain by their rules; the
 * title is free text, so it is escaped for where it lands in `file` (JSON, markup, a Dockerfile's
 * quotes...), or refused there. Without `file` (a file name) only a plain title fits.
 */
export function rewriteIdentity(text: string, from: Identity, to: Identity, file?: string): string {
  const pairs: [string, string][] = [
    [from.image, to.image],
    [from.name, to.name],
    [from.title, to.title],
  ];
  pairs.sort((a, b) => b[0].length - a[0].length);
  const lookup = new Map(pairs);
  const pattern = new RegExp(pairs.map(([old]) => old.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|"), "g");
  return text.replace(pattern, (match: string, at: number) => {
    if (match === from.title && match !== from.name && match !== from.image)
      return titleAt(file ?? "a file name", text, at, to.title);
    return lookup.get(match) ?? match;
  });
}
