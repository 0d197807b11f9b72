import { CATEGORIES, DESKTOP_LABELS, LABELS, PLACEHOLDER, REQUIRED_LABELS, ALL_LABELS } from "./extension-labels.ts";
import { applyVerdict, error, findingAt, listing, warning } from "./finding.ts";
import type { FileLocation, Finding, Scope, Severity, VerdictOptions } from "./finding.ts";
import { editDistance, httpUrl, linkListProblem } from "./label-values.ts";
import { isSemverOrRange } from "./semver-range.ts";

/** Where a label is set: a Dockerfile line, or a JSON path into `docker image inspect` output. */
export type LabelLocation = FileLocation | { path: string };

export interface LabelValue {
  value: string;
  at: LabelLocation;
}

/** The labels of one image, as a Dockerfile's final stage or a built image's config sets them. */
export interface LabelSet {
  labels: ReadonlyMap<string, LabelValue>;
  /** Where to report missing labels: the final stage, or `$.Config.Labels`. */
  missingAt: LabelLocation;
  /** Labels that are set but whose value is unknown (an unresolved variable, reported elsewhere). */
  unknown?: ReadonlySet<string>;
}

const IMAGE_FILE = /\.(svg|png|jpe?g)$/i;
// api.version is a short expression; a cap keeps the range pattern fast on hostile input.
const MAX_RANGE_LENGTH = 200;

function locatedFinding(severity: Severity, at: LabelLocation, message: string, fix: string): Finding {
  if ("path" in at) return severity === "error" ? error(at.path, message, fix) : warning(at.path, message, fix);
  return findingAt(severity, at, message, fix);
}

/**
 * Checks the extension labels: what Desktop needs (title, description, vendor, api.version) and,
 * as Marketplace findings (errors with `marketplace`, warnings otherwise), what the listing needs.
 */
export function validateLabels(set: LabelSet, options: VerdictOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const isSet = (name: string): boolean => set.labels.has(name) || (set.unknown?.has(name) ?? false);

  for (const name of REQUIRED_LABELS) {
    if (isSet(name)) continue;
    const fix = `Add ${name}="…" to the LABEL instruction of the final stage (dext labels prints a block to paste).`;
    if (DESKTOP_LABELS.includes(name)) {
      findings.push(
        locatedFinding(
          "error",
          set.missingAt,
          `The required label ${name} is missing; Docker Desktop does not list an extension without it, and docker extension validate refuses the image`,
          fix,
        ),
      );
    } else {
      findings.push(
        listing(
          locatedFinding(
            "error",
            set.missingAt,
            `The label ${name} is missing; docker extension validate and the Marketplace require it (Docker Desktop installs the image without it)`,
            fix,
          ),
        ),
      );
    }
  }
  if (!isSet(LABELS.categories)) {
    findings.push(
      listing(
        locatedFinding(
          "error",
          set.missingAt,
          `The label ${LABELS.categories} is missing, so the Marketplace cannot list the extension under a category`,
          `Add ${LABELS.categories}="utility-tools" (comma list of: ${CATEGORIES.join(", ")}).`,
        ),
      ),
    );
  }

  for (const [name, { value, at }] of set.labels) {
    const problem = labelProblem(name, value);
    if (problem === undefined) continue;
    const finding = locatedFinding(problem.severity, at, problem.message, problem.fix);
    findings.push(problem.scope === "marketplace" ? listing(finding) : finding);
  }
  return applyVerdict(findings, options);
}

interface Problem {
  severity: Severity;
  scope: Scope;
  message: string;
  fix: string;
}

function labelProblem(name: string, value: string): Problem | undefined {
  // What Desktop itself reads is a Desktop error; the rest is the Marketplace's listing.
  const scope: Scope = DESKTOP_LABELS.includes(name) ? "desktop" : "marketplace";
  const bad = (message: string, fix: string): Problem => ({
    severity: "error",
    scope,
    message: `${name} ${message}`,
    fix,
  });
  const unlisted = (message: string, fix: string): Problem => ({ ...bad(message, fix), scope: "marketplace" });
  if (PLACEHOLDER.test(value) && name !== LABELS.apiVersion) {
    // Desktop shows the text as it is; only a listing would publish it.
    return unlisted("still holds a placeholder from dext labels", "Replace the <fill in: …> text with the real value.");
  }
  if (value.trim() === "") {
    if (name === LABELS.accountInfo) return undefined;
    // Desktop's four: an empty value reads as a missing label (inferred from the documented
    // "Desktop considers the extension invalid" for missing ones). Docker's own template leaves
    // the Marketplace labels empty, and Desktop installs it.
    if (scope === "desktop")
      return bad("is empty; Docker Desktop needs a value, as for a missing label", "Give it a value.");
    return bad(
      "is empty; the Marketplace refuses empty label values (Docker Desktop installs the image)",
      "Give it a value, or remove the label if it is optional.",
    );
  }

  switch (name) {
    case LABELS.title:
      return /extension/i.test(value)
        ? unlisted(
            `"${value}" contains the word "extension", which the Marketplace refuses in titles`,
            'Name the tool itself, e.g. "Disk usage" rather than "Disk usage extension".',
          )
        : undefined;
    case LABELS.apiVersion:
      return value.length <= MAX_RANGE_LENGTH && isSemverOrRange(value)
        ? undefined
        : bad(
            `"${short(value)}" is not a semantic version or range`,
            'Use a range such as ">= 0.3.4" (docker extension version prints the API version of your Desktop).',
          );
    case LABELS.icon:
      return iconProblem(value, bad);
    case LABELS.screenshots:
      return listProblem(
        value,
        bad,
        { textKey: "alt", nonEmpty: true },
        '[{"alt":"The main view","url":"https://example.com/screenshot.png"}]',
      );
    case LABELS.additionalUrls:
      return listProblem(
        value,
        bad,
        { textKey: "title", nonEmpty: false },
        '[{"title":"Documentation","url":"https://example.com/docs"}]',
      );
    case LABELS.publisherUrl:
      return httpUrl(value) === undefined
        ? bad(`"${short(value)}" is not an http(s) URL`, "Use the publisher's web page, e.g. https://example.com.")
        : undefined;
    case LABELS.categories:
      return categoriesProblem(value, bad);
    case LABELS.accountInfo:
      return value === "required"
        ? undefined
        : bad(
            `is "${short(value)}", but only "required" or an empty value mean something`,
            'Use "required" when users must sign in, or remove the label.',
          );
    case LABELS.description:
    case LABELS.vendor:
    case LABELS.detailedDescription:
    case LABELS.changelog:
      // Free text (HTML allowed in the last two); being non-empty is all that is checked.
      return undefined;
    default:
      return unknownLabelProblem(name);
  }
}

function iconProblem(value: string, bad: (message: string, fix: string) => Problem): Problem | undefined {
  const url = httpUrl(value);
  if (url === undefined) {
    return bad(
      `"${short(value)}" is not an http(s) URL; the Marketplace loads the icon from the web`,
      "Publish the icon (.svg or .png) and put its https URL here; metadata.json icon names the file inside the image.",
    );
  }
  return IMAGE_FILE.test(url.pathname)
    ? undefined
    : bad(`"${short(value)}" does not end in .svg, .png, .jpg or .jpeg`, "Point it at the .svg or .png file itself.");
}

function listProblem(
  value: string,
  bad: (message: string, fix: string) => Problem,
  rule: Parameters<typeof linkListProblem>[1],
  example: string,
): Problem | undefined {
  const problem = linkListProblem(value, rule);
  return problem === undefined
    ? undefined
    : bad(problem, `Write a JSON array such as '${example}', single-quoted in the Dockerfile.`);
}

function categoriesProblem(value: string, bad: (message: string, fix: string) => Problem): Problem | undefined {
  const items = value.split(",").map((item) => item.trim());
  const unknown = items.filter((item) => !(CATEGORIES as readonly string[]).includes(item));
  if (unknown.length === 0) return undefined;
  const names = unknown.map((item) => (item === "" ? "an empty item" : `"${short(item)}"`)).join(", ");
  return bad(`lists ${names}, not a Marketplace category`, `Use a comma list of: ${CATEGORIES.join(", ")}.`);
}

/** A label that looks like one of the extension labels but is not: Desktop silently ignores it. */
function unknownLabelProblem(name: string): Problem | undefined {
  // Only Docker's namespace: org.opencontainers.image.* has many other legitimate labels.
  if (!name.startsWith("com.docker.")) return undefined;
  const lastSegment = (label: string): string => label.slice(label.lastIndexOf(".") + 1);
  const near = ALL_LABELS.find(
    (known) => lastSegment(known) === lastSegment(name) || editDistance(name, known, 3) <= 3,
  );
  if (near === undefined) return undefined;
  return {
    severity: "warning",
    scope: "desktop",
    message: `${name} is not a label Docker Desktop reads`,
    fix: `Rename it to ${near}.`,
  };
}

function short(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}
