import { append } from "./append.ts";
import { join, resolve } from "node:path";
import { checkCompose } from "./check-compose.ts";
import { checkIconFile } from "./check-icon-file.ts";
import { checkDockerfileRules } from "./check-dockerfile-rules.ts";
import { checkImageFiles } from "./check-image-files.ts";
import { readComposeFile } from "./compose-file.ts";
import { dockerfileLabels } from "./dockerfile-labels.ts";
import { dockerfileLimitFindings } from "./dockerfile-limits.ts";
import { readDockerfile } from "./dockerfile-model.ts";
import { invalidJsonFinding } from "./check-metadata-text.ts";
import { InputError } from "./errors.ts";
import { shortPath } from "./display-path.ts";
import { readOptionalText, resolveContext } from "./extension-sources.ts";
import { applyVerdict, hasErrors, warning } from "./finding.ts";
import type { Finding, VerdictOptions } from "./finding.ts";
import { imageLayout } from "./image-layout.ts";
import type { ImageLayout } from "./image-layout.ts";
import { metadataRefs } from "./metadata-refs.ts";
import { MAX_DOCKERFILE_BYTES } from "./input-limits.ts";
import { readComposeSource } from "./read-compose-source.ts";
import { readExtensionDir } from "./read-extension-dir.ts";
import { validateLabels } from "./validate-labels.ts";
import type { LabelSet } from "./validate-labels.ts";
import { validateMetadata } from "./validate-metadata.ts";

export interface ExtensionDirOptions extends VerdictOptions {
  /** Default `<dir>/Dockerfile`; when given, it must exist. */
  dockerfile?: string;
  /** The docker build context; default: detected from the Dockerfile's COPY sources. */
  context?: string;
  /** `--build-arg` values, as passed to docker build. */
  buildArgs?: ReadonlyMap<string, string>;
  /** The target platform (`linux/arm64`), as `docker build --platform`; default this machine's. */
  platform?: string;
  /** Labels read from a built image, checked instead of the Dockerfile's LABEL instructions. */
  imageLabels?: LabelSet;
}

export interface ExtensionReport {
  dir: string;
  metadataPath: string;
  dockerfilePath: string | undefined;
  /** The build context used, relative to the current folder. */
  context: string | undefined;
  composePath: string | undefined;
  valid: boolean;
  findings: Finding[];
}

/**
 * Validates an extension folder as Docker Desktop and the Marketplace would see the image built
 * from it: metadata.json, the Dockerfile (labels, what it copies, how it builds) and the compose file.
 * Errors are what Desktop refuses or breaks on; Marketplace findings are warnings unless
 * `options.marketplace`.
 * @throws {MetadataReadError} when the folder or metadata.json is missing or unreadable
 * @throws {InputError} when an explicitly given Dockerfile or context does not exist, or the
 * Dockerfile is not a regular file or over MAX_DOCKERFILE_BYTES
 */
export async function validateExtensionDir(dir: string, options: ExtensionDirOptions = {}): Promise<ExtensionReport> {
  const metadataPath = join(dir, "metadata.json");
  const findings: Finding[] = [];
  let metadata: unknown;
  try {
    ({ metadata } = await readExtensionDir(dir));
    append(findings, validateMetadata(metadata).findings);
  } catch (thrown) {
    // A syntax error is a finding in the checked file, like any other; the other files still get checked.
    const finding = invalidJsonFinding(thrown, metadataPath);
    if (finding === undefined) throw thrown;
    findings.push(finding);
  }
  const refs = metadataRefs(metadata);

  const dockerfilePath = options.dockerfile ?? join(dir, "Dockerfile");
  const dockerfileText = await readOptionalText(dockerfilePath, MAX_DOCKERFILE_BYTES);
  if (dockerfileText === undefined && options.dockerfile !== undefined) {
    throw new InputError("dockerfile_not_found", `The Dockerfile ${dockerfilePath} does not exist`, {
      path: dockerfilePath,
    });
  }

  let layout: ImageLayout | undefined;
  let context: string | undefined;
  const located: Finding[] = [];
  let servicesNeedingCmd: string[] = [];
  const model =
    dockerfileText === undefined
      ? undefined
      : readDockerfile(dockerfileText, dockerfilePath, options.buildArgs, options.platform);
  if (model !== undefined) {
    append(located, dockerfileLimitFindings(model));
    context = resolveContext(model, dir, options.context);
    layout = imageLayout(model, context);
  } else {
    findings.push({
      ...warning(
        dockerfilePath,
        `There is no Dockerfile in ${dir}, so the image labels and the files metadata.json names were not checked`,
        "Add the Dockerfile that builds the extension, or pass --dockerfile <file> or --image <ref>.",
      ),
      file: dockerfilePath,
    });
  }

  append(findings, await checkIconFile(refs, dir, layout));
  let composePath: string | undefined;
  if (refs.composefile !== undefined) {
    const source = await readComposeSource(refs.composefile, dir, layout, context);
    if ("finding" in source) {
      findings.push(source.finding);
    } else {
      composePath = source.path;
      const compose = checkCompose(readComposeFile(source.text, composePath), refs);
      append(located, compose.findings);
      servicesNeedingCmd = compose.servicesNeedingCmd;
    }
  }

  if (model !== undefined && layout !== undefined && context !== undefined) {
    append(located, checkImageFiles({ model, layout, refs, dir: resolve(dir), context: resolve(context) }));
    append(located, checkDockerfileRules({ model, layout, refs, composeServicesNeedingCmd: servicesNeedingCmd }));
  }
  if (options.imageLabels !== undefined) {
    append(located, validateLabels(options.imageLabels));
  } else if (model !== undefined && model.stages.length > 0) {
    // Without a FROM there is no image, and "no FROM" already says so.
    const labels = dockerfileLabels(model);
    append(located, labels.findings, validateLabels(labels));
  }

  append(findings, sortByPlace(located));
  const settled = applyVerdict(findings, options);
  return {
    dir,
    metadataPath,
    dockerfilePath: model === undefined ? undefined : dockerfilePath,
    context: context === undefined ? undefined : shortPath(context),
    composePath,
    valid: !hasErrors(settled),
    findings: settled,
  };
}

/** File findings ordered by file, then line, so a reader can walk through each file once. */
function sortByPlace(findings: Finding[]): Finding[] {
  return findings
    .map((finding, order) => ({ finding, order }))
    .sort(
      (a, b) =>
        (a.finding.file ?? a.finding.path).localeCompare(b.finding.file ?? b.finding.path) ||
        (a.finding.line ?? 0) - (b.finding.line ?? 0) ||
        a.order - b.order,
    )
    .map(({ finding }) => finding);
}
