import { posix } from "node:path";
import { matchContext } from "./build-context.ts";
import { isRemoteSource, readCopy } from "./copy-instruction.ts";
import { inheritedSteps } from "./dockerfile-model.ts";
import type { DockerfileModel, Step } from "./dockerfile-model.ts";

/** COPY and ADD sources of every stage that the build context lacks: each fails the build. */
export function missingSources(model: DockerfileModel, context: string): { source: string; line: number }[] {
  return model.stages.flatMap((stage) =>
    stage.steps.flatMap((step) => {
      const copy = readCopy(step, model.escapeChar);
      if (copy === undefined || copy.from !== undefined) return [];
      return copy.sources
        .filter((source) => !isRemoteSource(source) && matchContext(context, source).length === 0)
        .map((source) => ({ source, line: copy.line }));
    }),
  );
}

/**
 * A RUN step of the final stage (or a stage it is built FROM) that seems to create `path`: it names
 * the path, or its folder and its file name.
 */
export function runStepFor(model: DockerfileModel, path: string): Step | undefined {
  const final = model.stages.at(-1);
  if (final === undefined) return undefined;
  const target = posix.resolve("/", path);
  const folder = posix.dirname(target);
  const name = posix.basename(target);
  return inheritedSteps(final).find((step) => {
    if (step.keyword !== "RUN") return false;
    const text = step.instruction.getArgumentsContent() ?? "";
    return text.includes(target) || (folder !== "/" && text.includes(folder) && text.includes(name));
  });
}
