import { join } from "node:path";
import { dockerfileLabels, dockerImageInspect, imageLabelSet, LABELS } from "@dext/metadata";
import { readDockerfileModel } from "../server/dockerfile-layout.ts";
import { pngSize, readPngHead } from "./png-size.ts";
import { SCREENSHOT_SIZE } from "./capture-tab.ts";

/** Where the labels come from: a folder's Dockerfile (its final stage, as `dext validate` reads it) or a built image. */
export type LabelSource =
  { kind: "folder"; folder: string; buildArgs: Record<string, string> } | { kind: "image"; ref: string };

export interface ScreenshotsLabel {
  /** The label's value; undefined when the image would not carry it. */
  value: string | undefined;
  /** Set when the value depends on a variable nothing defines. */
  unresolved: boolean;
  /** The Dockerfile or image, for messages. */
  where: string;
}

/** Reads `com.docker.extension.screenshots` with @dext/metadata's readers of a Dockerfile or an image. */
export async function readScreenshotsLabel(source: LabelSource): Promise<ScreenshotsLabel> {
  if (source.kind === "image") {
    const { labels } = imageLabelSet(await dockerImageInspect(source.ref), source.ref);
    return { value: labels.labels.get(LABELS.screenshots)?.value, unresolved: false, where: source.ref };
  }
  const dockerfile = join(source.folder, "Dockerfile");
  const labels = dockerfileLabels(await readDockerfileModel(dockerfile, source.buildArgs));
  return {
    value: labels.labels.get(LABELS.screenshots)?.value,
    unresolved: labels.unknown?.has(LABELS.screenshots) === true,
    where: dockerfile,
  };
}

/**
 * What is wrong between the screenshots label and a folder of screenshots: each URL's last path
 * segment must be a PNG of that name in the folder, exactly 2400x1600. Empty when nothing is.
 */
export async function screenshotsLabelProblems(label: ScreenshotsLabel, dir: string): Promise<string[]> {
  const name = LABELS.screenshots;
  if (label.unresolved) return [`${label.where}: ${name} depends on a variable that no ARG or ENV defines`];
  if (label.value === undefined || label.value.trim() === "")
    return [`${label.where}: ${name} is missing; the Marketplace lists an extension's screenshots from it`];
  let entries: unknown;
  try {
    entries = JSON.parse(label.value);
  } catch {
    return [`${label.where}: ${name} is not JSON (a JSON array of {"alt", "url"} objects)`];
  }
  if (!Array.isArray(entries) || entries.length === 0)
    return [`${label.where}: ${name} is not a non-empty JSON array of {"alt", "url"} objects`];
  const problems: string[] = [];
  for (const [index, entry] of entries.entries()) {
    const at = `${label.where}: ${name}[${String(index)}]`;
    const url = typeof entry === "object" && entry !== null ? (entry as Record<string, unknown>).url : undefined;
    const alt = typeof entry === "object" && entry !== null ? (entry as Record<string, unknown>).alt : undefined;
    if (typeof url !== "string" || typeof alt !== "string") {
      problems.push(`${at} is not an object with a string "alt" and "url"`);
      continue;
    }
    const fileName = urlFileName(url);
    if (fileName === undefined) {
      problems.push(`${at}: the URL ${url} names no file`);
      continue;
    }
    const problem = await pngProblem(join(dir, fileName));
    if (problem !== undefined) problems.push(`${at}: ${url} → ${problem}`);
  }
  return problems;
}

function urlFileName(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url, "file:///").pathname;
  } catch {
    return undefined;
  }
  const last = path.split("/").at(-1) ?? "";
  const decoded = decodeURIComponent(last);
  return decoded === "" || decoded === "." || decoded === ".." || decoded.includes("/") ? undefined : decoded;
}

async function pngProblem(path: string): Promise<string | undefined> {
  const head = await readPngHead(path).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  });
  if (head === null) return `${path} does not exist`;
  if (head === undefined) return `${path} is not a regular file`;
  const size = pngSize(head);
  if (size === undefined) return `${path} is not a PNG`;
  if (size.width !== SCREENSHOT_SIZE.width || size.height !== SCREENSHOT_SIZE.height)
    return `${path} is ${String(size.width)}x${String(size.height)}, not 2400x1600`;
  return undefined;
}
