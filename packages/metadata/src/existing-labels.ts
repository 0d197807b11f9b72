import { join } from "node:path";
import { dockerfileLabels } from "./dockerfile-labels.js";
import type { DockerfileLabel } from "./dockerfile-labels.js";
import { readDockerfile } from "./dockerfile-model.js";
import { readOptionalText } from "./extension-sources.js";
import { MAX_DOCKERFILE_BYTES } from "./input-limits.js";

/** The labels `<dir>/Dockerfile` (or `dockerfile`) already sets, as written; none without a Dockerfile. */
export async function existingLabels(dir: string, dockerfile?: string): Promise<DockerfileLabel[]> {
  const path = dockerfile ?? join(dir, "Dockerfile");
  const text = await readOptionalText(path, MAX_DOCKERFILE_BYTES);
  return text === undefined ? [] : dockerfileLabels(readDockerfile(text, path)).all;
}
