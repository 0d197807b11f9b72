import { append } from "./append.ts";
import { applyVerdict, error, hasErrors, warning } from "./finding.ts";
import type { Finding, ValidationResult, VerdictOptions } from "./finding.ts";
import { describeValue, isRecord } from "./json-value.ts";
import { LEGACY_KEYS, legacyFormatFinding } from "./legacy-format.ts";
import { unknownKeyFindings } from "./object-keys.ts";
import type { ExtensionMetadata } from "./types.ts";
import { validateHost } from "./validate-host.ts";
import { validateIcon } from "./validate-icon.ts";
import { validateUi } from "./validate-ui.ts";
import { validateVm } from "./validate-vm.ts";

const ROOT_KEYS = ["icon", "ui", "vm", "host"] as const;

// Keys that belong on the image as labels, where authors often try to put them in metadata.
const ROOT_HINTS: Readonly<Record<string, string>> = {
  name: 'Remove "name"; the extension name is the image label org.opencontainers.image.title.',
  title:
    'Remove "title"; the extension name is the image label org.opencontainers.image.title, ' +
    'the tab title is ui["dashboard-tab"].title.',
  description: 'Remove "description"; use the image label org.opencontainers.image.description.',
  provider: 'Remove "provider"; use the image label org.opencontainers.image.vendor.',
  vendor: 'Remove "vendor"; use the image label org.opencontainers.image.vendor.',
  version: 'Remove "version"; version the extension by its image tag.',
  // Editors honour "$schema", but docker extension validate refuses every unknown root key.
  // (Desktop ignores them: joycelin79/newman-extension shipped name and provider and installed;
  // docker extension validate refused it for the Marketplace, "Additional property name is not allowed".)
  $schema:
    'Remove "$schema" and map @dext/metadata/schema.json to metadata.json in your editor settings (json.schemas in VS Code).',
};

/**
 * Checks a parsed metadata.json against the rules Docker Desktop applies, plus warnings for
 * things Desktop accepts but that rarely do what the author meant. With `marketplace`, the rules
 * of `docker extension validate` (no root key but icon, ui, vm, host) are errors too.
 */
export function validateMetadata(value: unknown, options: VerdictOptions = {}): ValidationResult {
  const findings = applyVerdict(rootFindings(value), options);
  if (hasErrors(findings)) return { valid: false, findings };
  // Every rule above holds, so the object has the declared shape (plus ignorable extra keys).
  return { valid: true, metadata: value as ExtensionMetadata, findings };
}

function rootFindings(value: unknown): Finding[] {
  if (!isRecord(value)) {
    return [
      error(
        "$",
        `metadata.json must hold a JSON object, found ${describeValue(value)}`,
        'Write an object such as {"ui": {…}, "vm": {…}}.',
      ),
    ];
  }

  const findings: Finding[] = [];
  const legacy = legacyFormatFinding(value);
  if (legacy !== undefined) findings.push(legacy);
  findings.push(
    ...unknownKeyFindings(value, "$", {
      where: "the root",
      allowed: ROOT_KEYS,
      severity: "marketplace",
      hints: ROOT_HINTS,
      // The legacy finding already explains these; repeating them would bury it.
      skip: legacy === undefined ? [] : LEGACY_KEYS,
    }),
  );

  if (Object.hasOwn(value, "icon")) append(findings, validateIcon(value.icon, "$.icon"));
  if (Object.hasOwn(value, "ui")) append(findings, validateUi(value.ui, "$.ui"));
  if (Object.hasOwn(value, "vm")) append(findings, validateVm(value.vm, "$.vm"));
  if (Object.hasOwn(value, "host")) append(findings, validateHost(value.host, "$.host"));

  if (legacy === undefined && !["ui", "vm", "host"].some((key) => Object.hasOwn(value, key))) {
    findings.push(
      warning(
        "$",
        "metadata.json declares no ui, vm or host, so the extension installs nothing",
        'Add at least "ui": {"dashboard-tab": {…}}.',
      ),
    );
  }
  return findings;
}
