import { access } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { validateMetadata } from "@dext/metadata";
import { containedHostPath, layoutIn, readDockerfileModel } from "./dockerfile-layout.ts";
import { DesktopHostError } from "./errors.ts";
import { readRegularFile } from "./read-regular-file.ts";
import type { DockerfileModel, ExtensionMetadata } from "@dext/metadata";
import type { ImageLayout } from "./dockerfile-layout.ts";

export interface ExtensionFolder {
  /** URL-safe name, unique within one host. */
  id: string;
  dir: string;
  metadata: ExtensionMetadata;
  /** Where each image path comes from on this machine. */
  layout: ImageLayout;
  /** How the layout was found, for the dashboard: the Dockerfile and its build context, or the folder itself. */
  layoutSource: string;
  /** The Dockerfile and the build context it was read with; undefined for a folder without one. */
  build: { dockerfile: string; context: string; model: DockerfileModel } | undefined;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * Finds the build context: the nearest folder, from the extension's own up to the filesystem
 * root, from which the Dockerfile's copies put a metadata.json at the image root. dext's samples
 * build from the repository root; Docker's samples from their own folder. Both are found.
 */
async function findContext(
  model: DockerfileModel,
  start: string,
): Promise<{ context: string; layout: ImageLayout } | undefined> {
  for (let dir = start; ; dir = dirname(dir)) {
    const layout = layoutIn(model, dir);
    if ((await containedHostPath(layout, "/metadata.json")) !== undefined) return { context: dir, layout };
    if (dirname(dir) === dir) return undefined;
  }
}

/** The identity layout for a folder that holds the files as they sit in the image. */
function folderAsImage(dir: string): ImageLayout {
  return {
    entries: [{ imagePath: "/", kind: "dir", origin: "context", source: ".", hostPath: dir, line: 0 }],
    workdir: "/",
    env: {},
    command: undefined,
  };
}

/** Reads an extension folder as Desktop would read the image built from it (for this machine's platform). */
export async function loadExtensionFolder(
  folder: string,
  options: { context?: string } = {},
): Promise<Omit<ExtensionFolder, "id">> {
  const dir = resolve(folder);
  if (!(await exists(dir))) throw new DesktopHostError("extension_not_found", `No extension folder at ${dir}`);
  const dockerfile = join(dir, "Dockerfile");
  let layout: ImageLayout;
  let layoutSource: string;
  let build: ExtensionFolder["build"];
  if (await exists(dockerfile)) {
    const model = await readDockerfileModel(dockerfile);
    const found =
      options.context === undefined
        ? await findContext(model, dir)
        : { context: resolve(options.context), layout: layoutIn(model, resolve(options.context)) };
    if (found === undefined) {
      throw new DesktopHostError(
        "context_not_found",
        `${dockerfile} copies no metadata.json to / from ${dir} or any folder above it. Pass --context <dir>, or check the COPY of metadata.json.`,
      );
    }
    layout = found.layout;
    layoutSource = `${dockerfile} (context ${found.context})`;
    build = { dockerfile, context: found.context, model };
  } else {
    layout = folderAsImage(dir);
    layoutSource = `${dir} (no Dockerfile: files as they sit)`;
  }
  // Only a metadata.json inside what its COPY named: a symlink out of the context is not read.
  const metadataPath = await containedHostPath(layout, "/metadata.json");
  if (metadataPath === undefined) {
    throw new DesktopHostError(
      "metadata_invalid",
      `No metadata.json at the image root of ${dir} (or it is a link that leaves the extension)`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await readRegularFile(metadataPath));
  } catch (cause) {
    throw new DesktopHostError(
      "metadata_invalid",
      `Cannot read ${metadataPath}: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
  const result = validateMetadata(raw);
  if (!result.valid) {
    const errors = result.findings
      .filter((finding) => finding.severity === "error")
      .map((finding) => `${finding.path}: ${finding.message}`);
    throw new DesktopHostError(
      "metadata_invalid",
      `${metadataPath} is not valid extension metadata:\n  ${errors.join("\n  ")}`,
    );
  }
  return { dir, metadata: result.metadata, layout, layoutSource, build };
}

export function slugFor(dir: string): string {
  return (
    basename(dir)
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .replace(/^-+|-+$/g, "") || "extension"
  );
}
