import { Label } from "dockerfile-ast";
import { inheritedSteps } from "./dockerfile-model.ts";
import { PLATFORM_ARG_NAMES } from "./build-platform.ts";
import type { DockerfileModel, Stage, Step } from "./dockerfile-model.ts";
import { expandWord } from "./dockerfile-words.ts";
import { findingAt } from "./finding.ts";
import type { FileLocation, Finding } from "./finding.ts";
import type { LabelSet, LabelValue } from "./validate-labels.ts";
import { validateLabels } from "./validate-labels.ts";

export interface DockerfileLabel extends LabelValue {
  name: string;
  /** The value as written, quotes and variables included, for reprinting. */
  raw: string;
  at: FileLocation;
}

export interface DockerfileLabels extends LabelSet {
  /** Labels in build order; a later LABEL of the same name replaces an earlier one. */
  all: DockerfileLabel[];
  /** Variables in label values that nothing defines. */
  findings: Finding[];
}

/** The labels the image built from the final stage carries, with substituted values. */
export function dockerfileLabels(model: DockerfileModel): DockerfileLabels {
  const final = model.stages.at(-1);
  if (final === undefined)
    return { labels: new Map(), all: [], findings: [], missingAt: { file: model.file, line: 1 } };

  const steps = inheritedSteps(final).filter((step) => step.keyword === "LABEL");
  const byName = new Map<string, DockerfileLabel>();
  const unknown = new Set<string>();
  const findings: Finding[] = [];
  for (const step of steps) {
    if (!(step.instruction instanceof Label)) continue;
    for (const property of step.instruction.getProperties()) {
      const name = property.getName();
      const raw = property.getUnescapedValue() ?? "";
      const at = { file: model.file, line: property.getNameRange().start.line + 1 };
      const { value, unresolved } = expandWord(raw, step.scope.lookup, model.escapeChar);
      byName.set(name, { name, value, raw, at });
      unknown.delete(name);
      if (unresolved.length > 0) {
        unknown.add(name);
        for (const variable of new Set(unresolved)) findings.push(unresolvedFinding(model, step, name, variable, at));
      }
    }
  }

  const labels = new Map([...byName].filter(([name]) => !unknown.has(name)));
  const lastLabel = steps.filter((step) => step.line >= final.line).at(-1);
  return {
    labels,
    unknown,
    all: [...byName.values()],
    findings,
    missingAt: { file: model.file, line: lastLabel?.line ?? final.line },
  };
}

function unresolvedFinding(
  model: DockerfileModel,
  step: Step,
  label: string,
  variable: string,
  at: FileLocation,
): Finding {
  if (step.scope.declares(variable)) {
    return findingAt(
      "warning",
      at,
      `${label} uses $${variable}, an ARG without a default, so its value depends on --build-arg; its format was not checked`,
      `Give it a default (ARG ${variable}=…) or pass --build-arg ${variable}=… to dext validate as to docker build.`,
    );
  }
  const stage = describeStage(model.stages.at(-1));
  const reason = model.globalArgs.has(variable)
    ? `$${variable} is declared before FROM, but not in ${stage}, so it is empty here`
    : PLATFORM_ARG_NAMES.has(variable)
      ? `BuildKit only sets $${variable} in stages that declare ARG ${variable}, so it is empty here`
      : `no ARG or ENV defines $${variable} in ${stage}, so it is empty`;
  return findingAt(
    "error",
    at,
    `${label} uses $${variable}: ${reason}`,
    `Add "ARG ${variable}" (with a default if needed) after the FROM of ${stage}.`,
  );
}

function describeStage(stage: Stage | undefined): string {
  if (stage === undefined) return "the final stage";
  return stage.name === undefined
    ? `the final stage (line ${stage.line})`
    : `stage "${stage.name}" (line ${stage.line})`;
}

/**
 * What Docker Desktop refuses in the labels a Dockerfile gives its image (a missing title, vendor,
 * api.version...), without the Marketplace's listing rules: the errors of `dext validate`'s
 * default verdict, for a host that runs the folder as its image.
 */
export function labelsDesktopRefuses(model: DockerfileModel): Finding[] {
  if (model.stages.length === 0) return [];
  return validateLabels(dockerfileLabels(model)).filter(
    (finding) => finding.severity === "error" && finding.scope === "desktop",
  );
}
