import { stageChain } from "./dockerfile-model.ts";
import { PLATFORM_ARG_NAMES } from "./build-platform.ts";
import type { DockerfileModel, Stage } from "./dockerfile-model.ts";
import { findingAt } from "./finding.ts";
import type { Finding } from "./finding.ts";
import { landingAt } from "./image-layout.ts";
import type { ImageLayout } from "./image-layout.ts";
import type { MetadataRefs } from "./metadata-refs.ts";
import { EXTENSION_IMAGE_VARIABLE } from "./validate-vm.ts";

export interface DockerfileRulesInput {
  model: DockerfileModel;
  layout: ImageLayout;
  refs: MetadataRefs;
  /** Compose services that run the extension image without their own command. */
  composeServicesNeedingCmd: readonly string[];
}

const BUILD_PLATFORM = /\$\{?BUILDPLATFORM\}?/;
const TARGET_PLATFORM = /^\$\{?TARGETPLATFORM\}?$/;

/** The rules about how the Dockerfile builds the extension image, beyond what it copies. */
export function checkDockerfileRules(input: DockerfileRulesInput): Finding[] {
  const { model } = input;
  const final = model.stages.at(-1);
  if (final === undefined) {
    return [
      findingAt(
        "error",
        { file: model.file, line: 1 },
        "The Dockerfile has no FROM instruction, so it builds nothing",
        "Start the final stage with FROM, e.g. FROM alpine:3.20.",
      ),
    ];
  }
  return [
    ...cmdFindings(input, final),
    ...platformFindings(input, final),
    ...targetArchFindings(input, final),
    ...undeclaredPlatformArgs(model),
  ];
}

function cmdFindings(input: DockerfileRulesInput, final: Stage): Finding[] {
  const runsOwnImage = input.refs.vmImage?.value === EXTENSION_IMAGE_VARIABLE;
  const services = input.composeServicesNeedingCmd;
  if (!runsOwnImage && services.length === 0) return [];
  const hasCommand = stageChain(final).some((stage) =>
    stage.steps.some((step) => step.keyword === "CMD" || step.keyword === "ENTRYPOINT"),
  );
  if (hasCommand) return [];
  const why = runsOwnImage
    ? `vm.image is ${EXTENSION_IMAGE_VARIABLE}, so Desktop runs this image as the backend`
    : `the compose service${services.length > 1 ? "s" : ""} ${services.join(", ")} run${services.length > 1 ? "" : "s"} this image without a command`;
  return [
    findingAt(
      "error",
      { file: input.model.file, line: final.line },
      `${why}, but the final stage has no CMD, so the container exits at once`,
      'Add CMD ["node", "/backend/main.js"] (your server), or CMD ["sleep", "infinity"] when there is no server.',
    ),
  ];
}

function platformFindings(input: DockerfileRulesInput, final: Stage): Finding[] {
  const findings: Finding[] = [];
  const pinned = stageChain(final).find(
    (stage) => stage.platform !== undefined && !TARGET_PLATFORM.test(stage.platform),
  );
  if (pinned?.platform !== undefined) {
    const buildMachine = BUILD_PLATFORM.test(pinned.platform);
    findings.push(
      findingAt(
        "error",
        { file: input.model.file, line: pinned.line },
        buildMachine
          ? `The final image is built FROM --platform=${pinned.platform}, so every platform's image holds the build machine's binaries`
          : `The final image is pinned to --platform=${pinned.platform}, so the linux/amd64 and linux/arm64 images cannot both be right`,
        "Remove --platform from the final stage; keep --platform=$BUILDPLATFORM for stages that only produce JavaScript or assets.",
      ),
    );
  }

  const uiTarget =
    input.refs.uiRoot !== undefined
      ? `${input.refs.uiRoot.value}/${input.refs.uiSrc?.value ?? "index.html"}`
      : undefined;
  const uiStage = uiTarget === undefined ? undefined : landingAt(input.layout.entries, uiTarget)?.entry.fromStage;
  if (
    uiStage !== undefined &&
    uiStage !== final &&
    !stageChain(uiStage).some((stage) => stage.platform !== undefined && BUILD_PLATFORM.test(stage.platform))
  ) {
    const root = stageChain(uiStage).at(-1) ?? uiStage;
    findings.push(
      findingAt(
        "warning",
        { file: input.model.file, line: root.line },
        `The UI is built in stage "${uiStage.name ?? String(uiStage.index)}", which runs once per target platform, under emulation for the other CPU (slow, and flaky for Node builds)`,
        `Build it once on the build machine: FROM --platform=$BUILDPLATFORM ${root.base}${root.name === undefined ? "" : ` AS ${root.name}`}.`,
      ),
    );
  }
  return findings;
}

function targetArchFindings(input: DockerfileRulesInput, final: Stage): Finding[] {
  if (input.refs.binaries.length === 0) return [];
  const names = input.model.referencedVariables;
  if (names.has("TARGETARCH") || names.has("TARGETPLATFORM")) return [];
  return [
    findingAt(
      "warning",
      { file: input.model.file, line: final.line },
      "metadata.json installs host binaries, but the Dockerfile never uses TARGETARCH, so the arm64 and amd64 images carry the same binaries (an x86_64 binary fails on Apple silicon with exit 126)",
      "Declare ARG TARGETARCH in the stage that fetches the binaries and pick each file by it, e.g. COPY bin/darwin-${TARGETARCH}/tool /darwin/tool.",
    ),
  ];
}

/** BuildKit's platform ARGs are only visible in a stage that declares them; elsewhere they are empty. */
function undeclaredPlatformArgs(model: DockerfileModel): Finding[] {
  const findings: Finding[] = [];
  for (const stage of model.stages) {
    const reported = new Set<string>();
    for (const step of stage.steps) {
      for (const variable of step.variables) {
        const name = variable.name;
        if (!PLATFORM_ARG_NAMES.has(name) || reported.has(name) || step.scope.declares(name)) continue;
        reported.add(name);
        findings.push(
          findingAt(
            "error",
            { file: model.file, line: variable.line },
            `$${name} is empty here: BuildKit only sets it in stages that declare ARG ${name}`,
            `Add "ARG ${name}" after the FROM on line ${stage.line}.`,
          ),
        );
      }
    }
  }
  return findings;
}
