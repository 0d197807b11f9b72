import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createLogger } from "@dext/backend";
import type { Logger } from "@dext/backend";
import { startDesktopHost } from "../server/desktop-host.ts";
import { launchChromium } from "../testing/launch-chromium.ts";
import { captureTab, screenshotFileNames } from "./capture-tab.ts";
import { checkReplaceable, prepareOutputFolder, writeOutputFile } from "./output-folder.ts";
import { ScreenshotError } from "./screenshot-error.ts";
import { parseStateOption, STATE_SYNTAX, uniqueStates } from "./screenshot-states.ts";
import type { ScreenshotState } from "./screenshot-states.ts";
import { readScreenshotsLabel, screenshotsLabelProblems } from "./screenshots-label.ts";
import type { LabelSource } from "./screenshots-label.ts";

const usage = `Usage: dext-desktop screenshots <extension-folder> --out <dir> [--state <state>]...
       dext-desktop screenshots --image <ref> --out <dir> [--state <state>]...
       dext-desktop screenshots <extension-folder> | --image <ref> --out <dir> --check-label

Opens the extension's tab in the local Desktop host in headless Chromium and writes the tab alone,
2400x1600 px (the Marketplace's size), in light and dark: <state>-light.png and <state>-dark.png,
first-view-*.png for the tab as it opens. Only PNG files in --out are ever replaced.

Options:
  --out <dir>         Folder to write into (required): an existing folder, or a new one in an existing parent
  --state <state>     A view after some steps, from a freshly opened tab (repeatable):
                      ${STATE_SYNTAX}
  --timeout <s>       How long the first view and each step's target may take to appear (default 10)
  --context <dir>     Build context of the folder's Dockerfile (default: found automatically)
  --check-label       Capture nothing: check that com.docker.extension.screenshots names PNG files of
                      --out that are 2400x1600 (each URL's last path segment is the file name)
  --build-arg <N=v>   With --check-label on a folder: a build argument the label's value uses (repeatable)
  -h, --help          Show this help

Exit: 0 done; 1 a capture failed or the label check found problems; 2 bad usage or refused input.
`;

interface ScreenshotsRequest {
  source: LabelSource;
  out: string;
  states: ScreenshotState[];
  timeoutMs: number;
  context: string | undefined;
  checkLabel: boolean;
}

/** `dext-desktop screenshots`: resolves to the exit code; errors are one line on stderr. */
export async function screenshotsMain(argv: readonly string[]): Promise<number> {
  try {
    const request = await readRequest(argv);
    if (request === undefined) {
      process.stdout.write(usage);
      return 0;
    }
    return request.checkLabel ? await checkLabel(request) : await capture(request);
  } catch (error) {
    if (!(error instanceof ScreenshotError)) throw error;
    const hint = error.code === "usage" ? `\n\n${usage}` : "\n";
    process.stderr.write(`dext-desktop screenshots: ${error.message}${hint}`);
    return ["usage", "state_syntax", "output_refused", "label_unreadable"].includes(error.code) ? 2 : 1;
  }
}

async function readRequest(argv: readonly string[]): Promise<ScreenshotsRequest | undefined> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: "string" },
        image: { type: "string" },
        state: { type: "string", multiple: true },
        timeout: { type: "string" },
        context: { type: "string" },
        "check-label": { type: "boolean" },
        "build-arg": { type: "string", multiple: true },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new ScreenshotError("usage", error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true) return undefined;
  if (positionals.length + (values.image === undefined ? 0 : 1) !== 1)
    throw new ScreenshotError("usage", "name one extension folder or one --image");
  if (values.out === undefined) throw new ScreenshotError("usage", "--out <dir> is required: the folder to write into");
  const timeout = Number(values.timeout ?? 10);
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw new ScreenshotError("usage", `--timeout must be a positive number of seconds, got ${values.timeout ?? ""}`);
  const buildArgs = Object.fromEntries((values["build-arg"] ?? []).map(buildArg));
  const folder = positionals[0];
  if (folder !== undefined) await requireFolder(folder);
  const checkLabel = values["check-label"] === true;
  if (checkLabel && values.state !== undefined)
    throw new ScreenshotError("usage", "--check-label captures nothing, so it takes no --state");
  if (!checkLabel && values["build-arg"] !== undefined)
    throw new ScreenshotError("usage", "--build-arg is read only with --check-label");
  return {
    source:
      folder === undefined
        ? { kind: "image", ref: values.image ?? "" }
        : { kind: "folder", folder: resolve(folder), buildArgs },
    out: values.out,
    states: uniqueStates((values.state ?? []).map(parseStateOption)),
    timeoutMs: timeout * 1000,
    context: values.context,
    checkLabel,
  };
}

function buildArg(text: string): [string, string] {
  const equals = text.indexOf("=");
  if (equals <= 0) throw new ScreenshotError("usage", `--build-arg ${text} is not NAME=value`);
  return [text.slice(0, equals), text.slice(equals + 1)];
}

async function requireFolder(folder: string): Promise<void> {
  const found = await stat(folder).catch(() => undefined);
  if (found === undefined) throw new ScreenshotError("usage", `the extension folder ${folder} does not exist`);
  if (!found.isDirectory()) throw new ScreenshotError("usage", `${folder} is not a folder`);
}

async function capture(request: ScreenshotsRequest): Promise<number> {
  const out = await prepareOutputFolder(request.out);
  await checkReplaceable(out, screenshotFileNames(request.states));
  // The host's own log is for a person debugging an extension: only its warnings and errors, on stderr.
  const logger: Logger = createLogger({ name: "dext-desktop", level: "warn", stream: process.stderr });
  const host = await startDesktopHost({
    logger,
    port: 0,
    folders: request.source.kind === "folder" ? [request.source.folder] : [],
    images: request.source.kind === "image" ? [request.source.ref] : [],
    ...(request.context === undefined ? {} : { context: request.context }),
  });
  try {
    const extension = host.extensions[0];
    const origin = extension === undefined ? undefined : host.origins.get(extension.id);
    if (extension === undefined || origin === undefined)
      throw new ScreenshotError(
        "extension_not_installed",
        "the extension could not be installed (the host's log above says why)",
      );
    const browser = await launchChromium();
    try {
      const written = await captureTab({
        browser,
        hostUrl: host.url,
        extensionId: extension.id,
        origin,
        states: request.states,
        timeoutMs: request.timeoutMs,
        write: (fileName, png) => writeOutputFile(out, fileName, png),
        note: (message) => process.stderr.write(`dext-desktop screenshots: ${message}\n`),
      });
      for (const path of written) process.stdout.write(`${path}\n`);
    } finally {
      await browser.close();
    }
  } finally {
    await host.stop();
  }
  return 0;
}

async function checkLabel(request: ScreenshotsRequest): Promise<number> {
  const out = resolve(request.out);
  const found = await stat(out).catch(() => undefined);
  if (found?.isDirectory() !== true)
    throw new ScreenshotError("usage", `--out ${request.out} is not an existing folder`);
  let label;
  try {
    label = await readScreenshotsLabel(request.source);
  } catch (cause) {
    throw new ScreenshotError("label_unreadable", cause instanceof Error ? cause.message : String(cause), { cause });
  }
  const problems = await screenshotsLabelProblems(label, out);
  for (const problem of problems) process.stderr.write(`${problem}\n`);
  if (problems.length > 0) return 1;
  process.stdout.write(
    `${label.where}: every screenshot com.docker.extension.screenshots names is in ${out}, 2400x1600\n`,
  );
  return 0;
}
