import { listing, warning } from "./finding.ts";
import type { Finding } from "./finding.ts";

/**
 * Root keys of the extension format before February 2022 ("plugin" in its first documents):
 * `desktop-plugin-version` gave the API version, `name` and `provider` what labels give today.
 */
export const LEGACY_KEYS = ["name", "provider", "desktop-plugin-version"] as const;

/**
 * Returns the single finding explaining the pre-2022 format, or undefined when the object does
 * not use it. Only `desktop-plugin-version` is evidence: no other format ever had that key
 * (Docker's SDK replaced it by the com.docker.desktop.extension.api.version label in January
 * 2022), while `name` and `provider` alone are extra keys that published extensions still ship.
 * Desktop reads icon, ui, vm and host and ignores the rest, so this is a Marketplace finding:
 * `docker extension validate` refuses the three keys as additional properties.
 */
export function legacyFormatFinding(root: Record<string, unknown>): Finding | undefined {
  if (!Object.hasOwn(root, "desktop-plugin-version")) return undefined;
  const present = LEGACY_KEYS.filter((key) => Object.hasOwn(root, key));
  return listing(
    warning(
      "$",
      `This metadata.json uses the extension format from before February 2022 (${present.join(", ")}); Docker Desktop ignores these keys, but docker extension validate and the Marketplace refuse them`,
      "Run dext migrate, which deletes name, provider and desktop-plugin-version so only icon, ui, vm and host remain at the root, " +
        "and prints the labels that replace them: org.opencontainers.image.title (the name), org.opencontainers.image.vendor " +
        'and com.docker.desktop.extension.api.version (e.g. ">= 0.3.4").',
    ),
  );
}
