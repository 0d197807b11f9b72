import { append } from "./append.ts";
import { applyVerdict, error, listing, warning } from "./finding.ts";
import type { Finding, VerdictOptions } from "./finding.ts";
import { childPath } from "./json-path.ts";
import { isRecord } from "./json-value.ts";
import { isFullSemver } from "./semver-range.ts";
import { validateLabels } from "./validate-labels.ts";
import type { LabelSet, LabelValue } from "./validate-labels.ts";

export interface ImageCheck {
  labels: LabelSet;
  /** Problems with the image itself (its tag, an unreadable inspect document). */
  findings: Finding[];
}

/**
 * Reads the labels out of `docker image inspect` output; findings point into that
 * document with JSON paths such as `$[0].Config.Labels["com.docker.extension.changelog"]`.
 */
export function imageLabelSet(inspect: unknown, ref: string): ImageCheck {
  const image: unknown = Array.isArray(inspect) ? inspect[0] : undefined;
  const config = isRecord(image) ? image.Config : undefined;
  const labelsPath = "$[0].Config.Labels";
  const labels = new Map<string, LabelValue>();
  const findings: Finding[] = [];
  if (!isRecord(config)) {
    findings.push(
      error(
        "$[0].Config",
        `docker image inspect ${ref} returned no image config`,
        "Inspect the image by its name:tag, as built or pulled.",
      ),
    );
  } else if (isRecord(config.Labels)) {
    for (const [name, value] of Object.entries(config.Labels)) {
      if (typeof value === "string") labels.set(name, { value, at: { path: childPath(labelsPath, name) } });
    }
  }
  append(findings, applyVerdict(tagFindings(ref)));
  return { labels: { labels, missingAt: { path: labelsPath } }, findings };
}

/** The Marketplace publishes semver tags only, and `latest` is what an untagged reference means. */
function tagFindings(ref: string): Finding[] {
  if (ref.includes("@") || /^(sha256:)?[0-9a-f]{12,64}$/.test(ref)) return [];
  const tag = /:([\w][\w.-]*)$/.exec(ref)?.[1];
  if (tag !== undefined && isFullSemver(tag)) return [];
  const shown = tag ?? "latest (no tag)";
  return [
    listing(
      warning(
        "$[0].RepoTags",
        `The image is tagged ${shown}; the Marketplace only publishes semantic-version tags`,
        `Tag it like ${ref.replace(/:[\w][\w.-]*$/, "")}:0.1.0 and push both linux/amd64 and linux/arm64.`,
      ),
    ),
  ];
}

/** All label and tag findings for an inspected image; `marketplace` makes the listing rules errors. */
export function checkImage(inspect: unknown, ref: string, options: VerdictOptions = {}): Finding[] {
  const { labels, findings } = imageLabelSet(inspect, ref);
  return applyVerdict([...findings, ...validateLabels(labels)], options);
}
