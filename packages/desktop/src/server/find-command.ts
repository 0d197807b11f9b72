import { constants } from "node:fs";
import { access } from "node:fs/promises";
import { posix } from "node:path";
import { containedHostPath } from "./dockerfile-layout.ts";
import { isRegularFile } from "./contained-path.ts";
import type { ImageLayout } from "./dockerfile-layout.ts";

// What a container gets when its image sets no PATH.
const defaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

async function isCopiedExecutable(layout: ImageLayout, imagePath: string): Promise<boolean> {
  const file = await containedHostPath(layout, imagePath);
  return (
    file !== undefined &&
    (await isRegularFile(file)) &&
    (await access(file, constants.X_OK).then(
      () => true,
      () => false,
    ))
  );
}

/**
 * The image path `vm.cli.exec` runs for `cmd`, as `docker exec` finds it (a path from WORKDIR, a
 * bare name on the image's PATH), among the files the Dockerfile copies into the image only. In
 * folder mode nothing else of the image exists, and this machine's programs are not the image's.
 */
export async function findCommand(
  layout: ImageLayout,
  cmd: string,
  exec: { cwd?: string | undefined; path?: string | undefined } = {},
): Promise<string | undefined> {
  // An exec's `cwd` and `env.PATH` change where docker exec looks, as `-w` and `-e PATH=` do.
  const path = exec.path ?? layout.env.PATH ?? defaultPath;
  if (cmd.includes("/")) {
    const imagePath = posix.resolve(exec.cwd ?? layout.workdir, cmd);
    return (await isCopiedExecutable(layout, imagePath)) ? imagePath : undefined;
  }
  for (const dir of path.split(":")) {
    if (!dir.startsWith("/")) continue;
    const imagePath = posix.join(dir, cmd);
    if (await isCopiedExecutable(layout, imagePath)) return imagePath;
  }
  return undefined;
}
