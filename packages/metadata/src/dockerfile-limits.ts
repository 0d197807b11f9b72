import type { DockerfileModel } from "./dockerfile-model.ts";
import { findingAt } from "./finding.ts";
import type { Finding } from "./finding.ts";
import { MAX_DOCKERFILE_INSTRUCTIONS, MAX_EXPANDED_LENGTH, MAX_EXPANDED_TOTAL } from "./input-limits.ts";

/** Where the model stopped following the Dockerfile, so that checks built on it are known to be partial. */
export function dockerfileLimitFindings(model: DockerfileModel): Finding[] {
  const findings = model.truncated.map(({ name, line, emptied }) =>
    findingAt(
      "error",
      { file: model.file, line },
      emptied
        ? `${name} is set after the Dockerfile's ARG and ENV values passed ${MAX_EXPANDED_TOTAL} characters in all; dext left it empty, so what uses it was not checked`
        : `${name} expands to more than ${MAX_EXPANDED_LENGTH} characters here; dext cut it there, so what uses it was checked against a shortened value`,
      "A variable that grows on every line (ARG A=$A$A) is a mistake; give it a plain value.",
    ),
  );
  if (model.unchecked !== undefined) {
    findings.push(
      findingAt(
        "error",
        { file: model.file, line: model.unchecked.line },
        `The Dockerfile has ${model.unchecked.count} more instructions from here on than the ${MAX_DOCKERFILE_INSTRUCTIONS} dext follows; they were not checked`,
        "An extension's Dockerfile needs tens of instructions; generate less, or split the build.",
      ),
    );
  }
  return findings;
}
