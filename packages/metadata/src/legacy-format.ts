import { error } from "./finding.js";
import type { Finding } from "./finding.js";

/** Root keys that only the 2021 "Docker Desktop plugin" metadata format had. */
export const LEGACY_KEYS = ["name", "provider", "desktop-plugin-version"] as const;

/**
 * Returns the single error explaining the 2021 plugin format, or undefined when the
 * object does not look like one. A lone `name` is not enough: it is a common plain mistake.
 */
export function legacyFormatFinding(root: Record<string, unknown>): Finding | undefined {
  const present = LEGACY_KEYS.filter((key) => Object.hasOwn(root, key));
  const isLegacy = present.includes("desktop-plugin-version") || present.length >= 2;
  if (!isLegacy) return undefined;
  return error(
    "$",
    `This metadata.json uses the 2021 Docker Desktop plugin format (${present.join(", ")}), which Docker Desktop no longer accepts`,
    "Run dext migrate, which deletes name, provider and desktop-plugin-version so only icon, ui, vm and host remain at the root, " +
      "and prints the labels that replace them: org.opencontainers.image.title (the name), org.opencontainers.image.vendor " +
      'and com.docker.desktop.extension.api.version (e.g. ">= 0.3.4").',
  );
}
