import { stat } from "node:fs/promises";
import { RouteError } from "@dext/backend";

/**
 * What an exec's program gets as its environment and working folder, per target, with the
 * `ExecOptions` a page passed. Desktop documents only that `cwd` and `env` exist and apply to all
 * three targets (docker/extensions-sdk#124, #130); what each target starts from is inferred below.
 */

/** The variables that configure the dext host itself (DEXT_DOCKER_CLI, DEXT_PORT, ...): the host's own, never a program's. */
function isHostSetting(name: string): boolean {
  return name.startsWith("DEXT_");
}

/**
 * host.cli.exec and docker.cli.exec run on this machine, as Desktop runs them on the user's, with
 * the user's environment (a host binary like kubectl needs HOME, KUBECONFIG), less the host's own
 * settings; the page's `env` is added on top. Which program runs never depends on it: the host
 * resolves the program before it starts (host-path.ts, host-binaries.ts).
 */
export function machineEnvironment(requested: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!isHostSetting(name)) env[name] = value;
  return { ...env, ...requested };
}

/** What a container's process needs from this machine to run here: its interpreters (PATH), home, locale, time zone, temp folder. */
const keptForContainer = new Set(["PATH", "HOME", "LANG", "LANGUAGE", "TZ", "TMPDIR", "TERM"]);

/**
 * Folder mode's stand-in for a container's environment: what a container has (the image's ENV,
 * the page's `env` for an exec) plus only what a program needs to run on this machine, never the
 * rest of the host's environment (tokens, DOCKER_HOST, the host's settings), which no container
 * sees. PATH stays this machine's, standing for the base image's (its image-path entries would
 * mean nothing here); a requested PATH is used to find the command among the image's files.
 */
export function containerEnvironment(
  imageEnv: Record<string, string>,
  requested: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env))
    if (keptForContainer.has(name) || name.startsWith("LC_")) env[name] = value;
  for (const [name, value] of Object.entries({ ...imageEnv, ...requested })) if (name !== "PATH") env[name] = value;
  return env;
}

/**
 * A `cwd` on this machine (host, docker targets). Desktop passes it to the program as it is and
 * does not document what happens when it is not a folder; the host runs only in an existing
 * folder and refuses anything else as the caller's error (400), rather than starting nowhere.
 */
export async function machineWorkingFolder(cwd: string | undefined): Promise<string | undefined> {
  if (cwd === undefined) return undefined;
  const info = await stat(cwd).catch(() => undefined);
  if (info?.isDirectory() !== true)
    throw new RouteError("invalid_input", `cwd ${JSON.stringify(cwd)} is not an existing folder on this machine`);
  return cwd;
}
