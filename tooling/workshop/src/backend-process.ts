import { spawn } from "node:child_process";
import { request } from "node:http";
import { join } from "node:path";
import { bundle } from "./bundle.ts";
import { LabStepError } from "./problems.ts";
import type { ChildProcessWithoutNullStreams } from "node:child_process";

export interface JsonAnswer {
  status: number;
  body: unknown;
}

/** The attendee's backend/main.ts, bundled and started on a real Unix socket, as Desktop starts the image's CMD. */
export class BackendProcess {
  private output = "";

  private readonly socket: string;
  private readonly child: ChildProcessWithoutNullStreams;

  constructor(socket: string, child: ChildProcessWithoutNullStreams) {
    this.socket = socket;
    this.child = child;
    child.stdout.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
  }

  /** Bundles once per work folder; `env` adds to this process's environment (STATE_DIR, say). */
  static async start(dir: string, workDir: string, env: Record<string, string> = {}): Promise<BackendProcess> {
    const bundled = join(workDir, "backend.mjs");
    await bundle(dir, "backend/main.ts", bundled);
    // Under /tmp with a short name: a socket path may not exceed 103 bytes.
    const socket = join(workDir, "lab.sock");
    const child = spawn(process.execPath, [bundled, "--socket", socket], { cwd: dir, env: { ...process.env, ...env } });
    const backend = new BackendProcess(socket, child);
    await backend.waitFor('"msg":"listening"', 20_000);
    return backend;
  }

  private async waitFor(text: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.includes(text)) {
      if (this.child.exitCode !== null)
        throw new LabStepError(
          "backend/main.ts",
          `the backend exited with code ${String(this.child.exitCode)} before it listened:\n${this.output.trim()}`,
        );
      if (Date.now() > deadline)
        throw new LabStepError(
          "backend/main.ts",
          `the backend did not listen within ${String(timeoutMs / 1000)} s:\n${this.output.trim()}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** One JSON request over the socket, the way Desktop's vm.service proxy sends it. */
  call(method: string, path: string, body?: unknown): Promise<JsonAnswer> {
    return new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = request(
        {
          socketPath: this.socket,
          method,
          path,
          headers: payload === undefined ? {} : { "content-type": "application/json" },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (text += chunk));
          res.on("end", () => {
            let parsed: unknown = text;
            try {
              parsed = JSON.parse(text) as unknown;
            } catch {
              // Not JSON: the caller reports the text as it came.
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
        },
      );
      req.on("error", reject);
      req.end(payload);
    });
  }

  /** SIGTERM, as `docker stop` sends; resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    const exited = new Promise<number | null>((resolve) => this.child.once("exit", resolve));
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 10_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  }

  get log(): string {
    return this.output;
  }
}
