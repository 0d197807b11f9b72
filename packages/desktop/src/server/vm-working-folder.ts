import { realpath, stat } from "node:fs/promises";
import { posix } from "node:path";
import { containedHostPath } from "./dockerfile-layout.ts";
import { isWithin } from "./contained-path.ts";
import { RouteError } from "@dext/backend";
import { inVirtualRoot } from "./virtual-root.ts";
import type { ImageLayout } from "./dockerfile-layout.ts";
import type { ExecStartFailure } from "./vm-runtime.ts";

/**
 * The folder on this machine a folder-mode `vm.cli.exec` runs in for `cwd`, a container path
 * (absolute, no `..`: api-requests.ts). It must stay inside the virtual root: a folder of the root
 * itself, or inside what a COPY put at that path. A symlink in the extension that leads anywhere
 * else (`data -> /etc`) points into the container in Desktop, never at this machine's files, so it
 * is refused (403). A path the image does not have fails as `docker exec -w` fails: the runtime's
 * reason on stderr, code 127 (moby maps "no such file or directory" to 127).
 */
export async function vmWorkingFolder(
  root: string,
  layout: ImageLayout,
  cwd: string,
): Promise<string | ExecStartFailure> {
  const imagePath = posix.normalize(cwd);
  const here = inVirtualRoot(root, imagePath);
  const [real, realRoot] = await Promise.all([realpath(here).catch(() => undefined), realpath(root)]);
  if (real === undefined)
    return { stderr: `exec: chdir to cwd ("${imagePath}") failed: no such file or directory\n`, code: 127 };
  // A folder the virtual root made (/, WORKDIRs, parents of copies), or a path through the root's own links into a COPY source.
  const folder = isWithin(real, realRoot) ? real : await containedHostPath(layout, imagePath);
  if (folder === undefined)
    throw new RouteError(
      "forbidden",
      `cwd ${JSON.stringify(cwd)} leaves the extension's image: a link there points outside what its Dockerfile copies`,
    );
  if (!(await stat(folder)).isDirectory())
    return { stderr: `exec: chdir to cwd ("${imagePath}") failed: not a directory\n`, code: 126 };
  return folder;
}
