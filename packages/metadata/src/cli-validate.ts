import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildArgMap, folderArgument, platformArgument, usageErrors } from "./cli-args.ts";
import { EXIT } from "./cli-io.ts";
import type { CliIo } from "./cli-io.ts";
import { dockerImageInspect, runCommand } from "./docker-cli.ts";
import { DockerError, InputError, MetadataReadError } from "./errors.ts";
import { applyVerdict, hasErrors } from "./finding.ts";
import type { Finding } from "./finding.ts";
import { formatJsonFailure, formatJsonReport, formatTextReport } from "./format-report.ts";
import { imageLabelSet } from "./image-labels.ts";
import type { ImageCheck } from "./image-labels.ts";
import { validateLabels } from "./validate-labels.ts";
import { validateExtensionDir } from "./validate-extension-dir.ts";

const OPTIONS = {
  json: { type: "boolean" },
  context: { type: "string" },
  dockerfile: { type: "string" },
  "build-arg": { type: "string", multiple: true },
  platform: { type: "string" },
  image: { type: "string" },
  marketplace: { type: "boolean" },
} as const;

/**
 * `dext validate [dir] [--image ref] [--marketplace] [--json] [--context dir] [--dockerfile file] [--build-arg N=v] [--platform os/arch]`.
 * Errors are what Docker Desktop refuses; `--marketplace` makes the Marketplace listing rules errors too.
 */
export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = usageErrors("validate", () =>
    parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true }),
  );
  const json = values.json === true;
  const verdict = { marketplace: values.marketplace === true };
  const image = values.image;
  const dir = positionals.length === 0 && image !== undefined ? undefined : folderArgument("validate", positionals);
  const about: Record<string, string> = dir === undefined ? {} : { file: join(dir, "metadata.json") };
  if (image !== undefined) about.image = image;
  about.verdict = verdict.marketplace ? "marketplace" : "desktop";

  try {
    const { findings, checked, subject } = await check(dir, image, { ...values, ...verdict }, about, io);
    io.stdout.write(json ? formatJsonReport(about, findings) : formatTextReport(subject, findings, checked, verdict));
    return hasErrors(findings) ? EXIT.findings : EXIT.ok;
  } catch (thrown) {
    if (!(thrown instanceof MetadataReadError || thrown instanceof InputError || thrown instanceof DockerError))
      throw thrown;
    const position = thrown instanceof MetadataReadError ? thrown.position : undefined;
    if (json) io.stdout.write(formatJsonFailure(about, { code: thrown.code, message: thrown.message, position }));
    else io.stderr.write(`dext: ${thrown.message}\n`);
    return EXIT.failed;
  }
}

interface CheckResult {
  findings: Finding[];
  /** What was read, for the summary line. */
  checked: string[];
  subject: string;
}

type Values = {
  context?: string;
  dockerfile?: string;
  "build-arg"?: string[];
  platform?: string;
  marketplace: boolean;
};

/** The folder, the image, or the folder with the image's labels. */
async function check(
  dir: string | undefined,
  image: string | undefined,
  values: Values,
  about: Record<string, string>,
  io: CliIo,
): Promise<CheckResult> {
  if (image === undefined) return validateDir(dir ?? ".", values, undefined, about);
  const inspected = imageLabelSet(await dockerImageInspect(image, io.run ?? runCommand), image);
  if (dir !== undefined) return validateDir(dir, values, inspected, about);
  const findings = applyVerdict([...inspected.findings, ...validateLabels(inspected.labels)], values);
  return { findings, checked: ["labels"], subject: `image ${image}` };
}

async function validateDir(
  dir: string,
  values: Values,
  inspected: ImageCheck | undefined,
  about: Record<string, string>,
): Promise<CheckResult> {
  const report = await validateExtensionDir(dir, {
    ...(values.context === undefined ? {} : { context: values.context }),
    ...(values.dockerfile === undefined ? {} : { dockerfile: values.dockerfile }),
    buildArgs: buildArgMap(values["build-arg"]),
    ...(values.platform === undefined ? {} : { platform: platformArgument(values.platform) }),
    marketplace: values.marketplace,
    ...(inspected === undefined ? {} : { imageLabels: inspected.labels }),
  });
  const checked = ["metadata.json"];
  if (report.dockerfilePath !== undefined) {
    checked.push(`Dockerfile with context ${report.context ?? "."}`);
    about.dockerfile = report.dockerfilePath;
    if (report.context !== undefined) about.context = report.context;
  }
  if (report.composePath !== undefined) {
    checked.push("compose file");
    about.compose = report.composePath;
  }
  if (inspected !== undefined) checked.push("image labels");
  return {
    findings: applyVerdict([...(inspected?.findings ?? []), ...report.findings], values),
    checked,
    subject: dir,
  };
}
