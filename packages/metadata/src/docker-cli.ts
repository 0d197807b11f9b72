import { execFile } from "node:child_process";
import { dockerCliPath } from "@dext/desktop-facts/node";
import { DockerError } from "./errors.ts";

export interface CommandResult {
  stdout: string;
  stderr: string;
  /** The exit code; 0 on success. */
  code: number;
}

/** Runs a program with an argument array (no shell); tests pass a fake. */
export type CommandRunner = (file: string, args: readonly string[]) => Promise<CommandResult>;

export const runCommand: CommandRunner = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (failure, stdout, stderr) => {
        if (failure === null) {
          resolve({ stdout, stderr, code: 0 });
        } else if (failure.code === "ENOENT") {
          reject(
            new DockerError(
              "docker_missing",
              `${file} is not installed or not on PATH; --image needs the Docker CLI and a running engine`,
              { cause: failure },
            ),
          );
        } else {
          resolve({ stdout, stderr, code: typeof failure.code === "number" ? failure.code : 1 });
        }
      },
    );
  });

/** `docker image inspect <ref>`, parsed; throws DockerError when Docker cannot answer. */
export async function dockerImageInspect(ref: string, run: CommandRunner = runCommand): Promise<unknown> {
  // "--" keeps a reference that starts with "-" from being read as an option.
  const result = await run(dockerCliPath(), ["image", "inspect", "--", ref]);
  if (result.code !== 0) {
    const detail = result.stderr.trim() || `exit code ${result.code}`;
    if (
      /cannot connect to the docker daemon|error during connect|is the docker daemon running|permission denied while trying to connect/i.test(
        detail,
      )
    ) {
      throw new DockerError(
        "daemon_unreachable",
        `The Docker engine is not reachable, so ${ref} cannot be inspected: ${detail}`,
      );
    }
    if (/no such (image|object)/i.test(detail)) {
      throw new DockerError(
        "image_not_found",
        `There is no image ${ref} in the local engine; build it or docker pull it first (${detail})`,
      );
    }
    throw new DockerError("inspect_failed", `docker image inspect ${ref} failed: ${detail}`);
  }
  try {
    return JSON.parse(result.stdout) as unknown;
  } catch (cause) {
    throw new DockerError("inspect_failed", `docker image inspect ${ref} printed something other than JSON`, { cause });
  }
}
