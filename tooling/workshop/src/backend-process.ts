import { join } from "node:path";
import { requestOverSocket } from "@dext/backend";
import { BackendStartError, startBackend } from "@dext/backend/testing";
import { bundle } from "./bundle.ts";
import { LabStepError } from "./problems.ts";
import type { RunningBackend } from "@dext/backend/testing";

export interface JsonAnswer {
  status: number;
  body: unknown;
}

/** The attendee's backend/main.ts, bundled and started on a real Unix socket, as Desktop starts the image's CMD. */
export class BackendProcess {
  private readonly running: RunningBackend;

  constructor(running: RunningBackend) {
    this.running = running;
  }

  /** Bundles once per work folder; `env` adds to this process's environment (STATE_DIR, say). */
  static async start(dir: string, workDir: string, env: Record<string, string> = {}): Promise<BackendProcess> {
    const bundled = join(workDir, "backend.mjs");
    await bundle(dir, "backend/main.ts", bundled);
    try {
      // Under /tmp with a short name: a socket path may not exceed 103 bytes.
      const running = await startBackend({
        entry: bundled,
        socket: join(workDir, "lab.sock"),
        cwd: dir,
        env,
        startTimeoutMs: 20_000,
      });
      return new BackendProcess(running);
    } catch (error) {
      if (!(error instanceof BackendStartError)) throw error;
      throw new LabStepError("backend/main.ts", `${error.message}:\n${error.output.trim()}`);
    }
  }

  /** One JSON request over the socket, the way Desktop's vm.service proxy sends it. */
  async call(method: string, path: string, body?: unknown): Promise<JsonAnswer> {
    const answer = await requestOverSocket({
      socketPath: this.running.socket,
      method,
      path,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = answer.body.toString("utf8");
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text) as unknown;
    } catch {
      // Not JSON: the caller reports the text as it came.
    }
    return { status: answer.status, body: parsed };
  }

  /** SIGTERM, as `docker stop` sends, SIGKILL after 10 s; resolves with the exit code. */
  async stop(): Promise<number | null> {
    return (await this.running.stop()).code;
  }

  get log(): string {
    return this.running.output();
  }
}
