import { join } from "node:path";
import { dockerfileLabels } from "./dockerfile-labels.ts";
import type { DockerfileLabel } from "./dockerfile-labels.ts";
import { readDockerfile } from "./dockerfile-model.ts";
import { readOptionalText } from "./extension-sources.ts";
import { MAX_DOCKERFILE_BYTES } from "./input-limits.ts";

/** The labels `<dir>/Dockerfile` (or `dockerfile`) already sets, as written; none without a Dockerfile. */
export async function existingLabels(dir: string, dockerfile?: string): Promise<DockerfileLabel[]> {
  const path = dockerfile ?? join(dir, "Dockerfile");
  const text = await readOptionalText(path, MAX_DOCKERFILE_BYTES);
  return text === undefined ? [] : dockerfileLabels(readDockerfile(text, path)).all;
}
