import { realpath } from "node:fs/promises";
import { isAbsolute, join, posix, relative, resolve, sep } from "node:path";
import { InputError } from "./errors.ts";
import { composeSource, readOptionalText } from "./extension-sources.ts";
import { error, warning } from "./finding.ts";
import type { Finding } from "./finding.ts";
import type { ImageLayout } from "./image-layout.ts";
import { MAX_COMPOSE_BYTES } from "./input-limits.ts";
import type { NamedValue } from "./metadata-refs.ts";

export type ComposeSource = { path: string; text: string } | { finding: Finding };

/**
 * Finds and reads the compose file `vm.composefile` names. It must stay inside the extension
 * folder, or inside the build context when the Dockerfile copies it from there: `..`, absolute
 * paths and symlinks that lead out are refused, so that validating a folder never reads files
 * elsewhere on the machine. Every refusal is a finding at `$.vm.composefile`.
 */
export async function readComposeSource(
  ref: NamedValue,
  dir: string,
  layout: ImageLayout | undefined,
  context: string | undefined,
): Promise<ComposeSource> {
  const name = ref.value;
  if (isAbsolute(name) || posix.isAbsolute(name) || /^[A-Za-z]:/.test(name) || name.split(/[\\/]/).includes("..")) {
    return {
      finding: error(
        ref.path,
        `vm.composefile "${name}" leaves the extension folder; Desktop looks it up inside the image, next to metadata.json`,
        'Name a file in the extension folder, e.g. "docker-compose.yaml".',
      ),
    };
  }
  const found = composeSource(name, dir, layout);
  const fromContext =
    context !== undefined && isInside(resolve(found), resolve(context)) && !isInside(resolve(found), resolve(dir));
  const source = displayPath(found, dir);
  const root = fromContext ? context : dir;
  const escape = await leavesFolder(source, root);
  if (escape === "missing") {
    return {
      finding: warning(
        ref.path,
        `The compose file ${source} does not exist, so its services were not checked`,
        "Create it next to metadata.json, or fix vm.composefile.",
      ),
    };
  }
  if (escape !== undefined) {
    return {
      finding: error(
        ref.path,
        `The compose file ${source} ${escape}, so dext did not read it`,
        "Keep the compose file itself in the extension folder, not a link to a file elsewhere.",
      ),
    };
  }
  try {
    const text = await readOptionalText(source, MAX_COMPOSE_BYTES);
    if (text === undefined)
      return {
        finding: warning(
          ref.path,
          `The compose file ${source} does not exist, so its services were not checked`,
          "Create it next to metadata.json, or fix vm.composefile.",
        ),
      };
    return { path: source, text };
  } catch (thrown) {
    if (!(thrown instanceof InputError)) throw thrown;
    return {
      finding: error(
        ref.path,
        `${thrown.message}, so its services were not checked`,
        "Make the compose file a regular YAML file of a reasonable size.",
      ),
    };
  }
}

/** Why `path`, with its symlinks followed, is not inside `folder`; "missing" when there is nothing there. */
async function leavesFolder(path: string, folder: string): Promise<string | undefined> {
  let real: string;
  let realFolder: string;
  try {
    [real, realFolder] = await Promise.all([realpath(path), realpath(folder)]);
  } catch (cause) {
    const code = cause instanceof Error && "code" in cause ? cause.code : undefined;
    if (code === "ENOENT" || code === "ENOTDIR") return "missing";
    if (code === "ELOOP") return "is a symbolic link loop";
    return `cannot be resolved (${cause instanceof Error ? cause.message : String(cause)})`;
  }
  return isInside(real, realFolder) ? undefined : `is a link to ${real}, outside ${folder}`;
}

function isInside(path: string, folder: string): boolean {
  const inside = relative(folder, path);
  return inside === "" || (!inside.startsWith(`..${sep}`) && inside !== ".." && !isAbsolute(inside));
}

/** Keeps the compose path as the user would type it: under the folder they named when it is there. */
function displayPath(path: string, dir: string): string {
  const inside = relative(resolve(dir), resolve(path));
  return inside.startsWith("..") ? relative(process.cwd(), path) : join(dir, inside);
}
