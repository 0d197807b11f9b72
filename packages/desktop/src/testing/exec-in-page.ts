import type { v1 } from "@docker/extension-api-client-types";
import type { Frame, Page } from "playwright-core";
import type { ExecTarget } from "../protocol/index.ts";

/** What an extension's page saw of one exec: its code and output, or the Error it was refused with. */
export interface ExecSeen {
  code: number | undefined;
  stdout: string;
  stderr: string;
  /** The message of an Error (a refusal by the host, a bad option), instead of a result. */
  error?: string;
}

/**
 * Runs `exec(cmd, args, options)` for a target from an extension's page, buffered or streamed, and
 * reports it in one shape, so a test can ask that both calls give the same answer.
 */
export function execInPage(
  where: Page | Frame,
  target: ExecTarget,
  cmd: string,
  args: string[],
  options: v1.ExecOptions | undefined,
  streamed: boolean,
): Promise<ExecSeen> {
  return where.evaluate(
    async ([target, cmd, args, options, streamed]) => {
      const dd = (globalThis as unknown as { ddClient: v1.DockerDesktopClient }).ddClient;
      const exec =
        target === "docker"
          ? dd.docker.cli.exec
          : target === "vm"
            ? dd.extension.vm?.cli.exec
            : dd.extension.host?.cli.exec;
      if (exec === undefined) throw new Error(`no ${target} exec`);
      const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
      if (!streamed) {
        try {
          const result = await exec(cmd, args, options);
          return { code: 0, stdout: result.stdout, stderr: result.stderr };
        } catch (error) {
          if (error instanceof Error) return { code: undefined, stdout: "", stderr: "", error: error.message };
          const failed = error as v1.RawExecResult;
          return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
        }
      }
      return new Promise<ExecSeen>((resolve) => {
        let stdout = "";
        let stderr = "";
        try {
          // A literal with `stream`, so the call types as the streaming overload (SpawnOptions also fits ExecOptions).
          exec(cmd, args, {
            ...options,
            stream: {
              onOutput: (data: { stdout?: string; stderr?: string }) => {
                stdout += data.stdout ?? "";
                stderr += data.stderr ?? "";
              },
              onError: (error: unknown) => resolve({ code: undefined, stdout, stderr, error: message(error) }),
              onClose: (code: number) => resolve({ code, stdout, stderr }),
            },
          });
        } catch (error) {
          resolve({ code: undefined, stdout, stderr, error: message(error) });
        }
      });
    },
    [target, cmd, args, options, streamed] as const,
  );
}
