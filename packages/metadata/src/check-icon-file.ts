import { stat } from "node:fs/promises";
import { composeSource } from "./extension-sources.ts";
import { warning } from "./finding.ts";
import type { Finding } from "./finding.ts";
import type { ImageLayout } from "./image-layout.ts";
import { formatBytes, MAX_ICON_BYTES } from "./input-limits.ts";
import type { MetadataRefs } from "./metadata-refs.ts";
import { fileKind } from "./read-regular-file.ts";

/**
 * The icon file the image gets, looked at (stat) but never opened: a FIFO or a device there
 * cannot block dext, and is still worth a warning, as is an icon too large for a Dashboard list.
 */
export async function checkIconFile(
  refs: MetadataRefs,
  dir: string,
  layout: ImageLayout | undefined,
): Promise<Finding[]> {
  const icon = refs.icon;
  if (icon === undefined || /^[a-z][a-z\d+.-]*:\/\//i.test(icon.value)) return [];
  const source = composeSource(icon.value, dir, layout);
  let stats;
  try {
    stats = await stat(source);
  } catch {
    // Missing: the image-files check says so, with the COPY to add.
    return [];
  }
  if (!stats.isFile()) {
    return [
      warning(
        icon.path,
        `The icon ${source} is ${fileKind(stats)}, not an image file`,
        "Point icon at an SVG or PNG file.",
      ),
    ];
  }
  if (stats.size > MAX_ICON_BYTES) {
    return [
      warning(
        icon.path,
        `The icon ${source} is ${formatBytes(stats.size)}, more than the ${formatBytes(MAX_ICON_BYTES)} an icon needs; the Dashboard loads it for every extension list`,
        "Use an SVG, or a PNG of a few hundred pixels.",
      ),
    ];
  }
  return [];
}
