import { buildExtensionImage, engineAnswers } from "./build-extension.ts";
import { loadExtensionFolder } from "./extension-folder.ts";
import { DesktopHostError } from "./errors.ts";
import { folderModeShortfall } from "./folder-shortfall.ts";
import { installFromImage } from "./image-extension.ts";
import { installFromFolder } from "./installed-extension.ts";
import type { InstallOptions, InstalledExtension } from "./installed-extension.ts";

/**
 * When a folder is built into an image and run as one, instead of run from its files:
 * - `auto` (default): only when folder mode cannot serve it (see folderModeShortfall) and a Docker
 *   engine answers; without one, folder mode runs what it can and its problems say what is missing;
 * - `always` (`--build`): every folder with a Dockerfile, and an error without an engine;
 * - `never` (`--no-build`): folder mode only.
 */
export type BuildMode = "auto" | "always" | "never";

/**
 * What folder mode lacks goes with the extension's problems, which the dashboard shows above its tab
 * (and the log as a warning): a tab that shows a 404 must say why where the person looks at it.
 */
function withProblem(installed: InstalledExtension, problem: string): InstalledExtension {
  // A compose stack is already among them, in installFromFolder's words.
  const composeStack = installed.metadata.vm !== undefined && "composefile" in installed.metadata.vm;
  if (!composeStack) installed.problems.unshift(problem);
  return installed;
}

/** Installs a folder in folder mode, or builds its image and installs that, as `mode` says. */
export async function installFolder(
  folder: string,
  options: InstallOptions,
  mode: BuildMode,
): Promise<InstalledExtension> {
  if (mode === "never") return installFromFolder(folder, options);
  const loaded = await loadExtensionFolder(folder, options.context === undefined ? {} : { context: options.context });
  const reason = mode === "always" ? "--build asks for its image" : await folderModeShortfall(loaded);
  if (reason === undefined) return installFromFolder(folder, options);
  if (loaded.build === undefined) {
    if (mode === "always")
      throw new DesktopHostError("image_failed", `--build: ${loaded.dir} has no Dockerfile to build`);
    return withProblem(
      await installFromFolder(folder, options),
      `folder mode cannot run all of it (${reason}), and it has no Dockerfile to build`,
    );
  }
  if (!(await engineAnswers())) {
    if (mode === "always")
      throw new DesktopHostError(
        "image_failed",
        "--build needs a Docker engine: none answers at DOCKER_HOST or the default socket",
      );
    return withProblem(
      await installFromFolder(folder, options),
      `folder mode cannot run all of it: ${reason}. Start a Docker engine (DOCKER_HOST) and restart the host to build and run its image.`,
    );
  }
  options.logger.info(`${reason}: building its image, then running it as an installed image`);
  const tag = `dext-local/${options.id}:build`;
  await buildExtensionImage({ ...loaded.build, tag, groups: options.groups, logger: options.logger });
  const installed = await installFromImage(tag, options);
  return { ...installed, source: `${loaded.layoutSource}, built as ${tag}` };
}
