import { stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBackendClient } from "./client/create-backend-client.ts";
import { createJobClient } from "./client/job-client.ts";
import { createSocketTransport } from "./socket-transport.ts";
import { startBackendProcess, waitForListening } from "./testing/backend-process.ts";
import { countJob } from "./testing/count-job.ts";
import { greetingContract } from "./testing/greeting-contract.ts";
import { startBackend } from "./testing/start-backend.ts";
import { makeSocketDir } from "./testing/temp-dir.ts";
import type { BackendClientError } from "./client/backend-client-error.ts";
import type { BackendProcess } from "./testing/backend-process.ts";

let temp: Awaited<ReturnType<typeof makeSocketDir>>;
const started: BackendProcess[] = [];
beforeEach(async () => {
  temp = await makeSocketDir();
});
afterEach(async () => {
  for (const backend of started.splice(0)) if (backend.child.exitCode === null) backend.child.kill("SIGKILL");
  await temp.remove();
});

function launch(args: string[], env?: Record<string, string>): BackendProcess {
  const backend = startBackendProcess(args, env);
  started.push(backend);
  return backend;
}

describe("runBackend as a process", () => {
  it("takes its socket from DEXT_SOCKET and logs JSON lines to stdout", async () => {
    const backend = launch([], { DEXT_SOCKET: temp.socket() });
    await waitForListening(backend);
    const line = JSON.parse(backend.stdout().split("\n")[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: "info", name: "greeting", msg: "listening", address: temp.socket() });
  });

  it.each(["SIGTERM", "SIGINT"] as const)(
    'exits 0 on %s, removes its socket and logs "stopped" as its last line',
    async (signal) => {
      const backend = launch(["--socket", temp.socket()]);
      await waitForListening(backend);
      backend.child.kill(signal);
      expect(await backend.exit).toEqual({ code: 0, signal: null });
      await expect(stat(temp.socket())).rejects.toMatchObject({ code: "ENOENT" });
      // Written just before process.exit: a buffered logger would lose it.
      const last = JSON.parse(backend.stdout().trim().split("\n").at(-1) ?? "{}") as Record<string, unknown>;
      expect(last).toMatchObject({ level: "info", name: "greeting", msg: "stopped", signal });
    },
  );

  it("finishes an in-flight request after SIGTERM before exiting", async () => {
    const backend = launch(["--socket", temp.socket()]);
    await waitForListening(backend);
    const client = createBackendClient(greetingContract, createSocketTransport(temp.socket()));
    const pending = client.slow({ query: { ms: 500 } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    backend.child.kill("SIGTERM");
    await expect(pending).resolves.toEqual({ waitedMs: 500 });
    expect((await backend.exit).code).toBe(0);
  });

  it("drops a request that outlives the grace period and still exits 0 in time", async () => {
    const backend = launch(["--socket", temp.socket()], { GRACE_MS: "200" });
    await waitForListening(backend);
    const client = createBackendClient(greetingContract, createSocketTransport(temp.socket()));
    const pending = client.slow({ query: { ms: 4_000 } }).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stoppedAt = Date.now();
    backend.child.kill("SIGTERM");
    expect((await backend.exit).code).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(2_000);
    expect(await pending).toMatchObject({ kind: "unavailable" });
  });

  it("refuses to start on a socket another backend serves, exiting 1 with the reason", async () => {
    const first = launch(["--socket", temp.socket()]);
    await waitForListening(first);
    const second = launch(["--socket", temp.socket()]);
    expect((await second.exit).code).toBe(1);
    expect(second.stderr()).toMatch(/Another server is already listening on/);
    const client = createBackendClient(greetingContract, createSocketTransport(temp.socket()));
    await expect(client.hello()).resolves.toEqual({ message: "Hello, world!" });
  });

  it("exits 1 with usage on an unknown flag", async () => {
    const backend = launch(["--sock", temp.socket()]);
    expect((await backend.exit).code).toBe(1);
    expect(backend.stderr()).toMatch(/Unknown option '--sock'.*Usage/);
  });

  it("after kill -9 leaves its socket behind, calls fail as unavailable and a new backend starts over it", async () => {
    const first = launch(["--socket", temp.socket()]);
    await waitForListening(first);
    first.child.kill("SIGKILL");
    expect(await first.exit).toEqual({ code: null, signal: "SIGKILL" });
    expect((await stat(temp.socket())).isSocket()).toBe(true);

    const client = createBackendClient(greetingContract, createSocketTransport(temp.socket()), {
      retry: { attempts: 1 },
    });
    const refused = (await client.hello().catch((e: unknown) => e)) as BackendClientError;
    expect(refused).toMatchObject({ kind: "unavailable" });
    expect((refused.cause as NodeJS.ErrnoException).code).toBe("ECONNREFUSED");

    const second = launch(["--socket", temp.socket()]);
    await waitForListening(second);
    await expect(client.hello()).resolves.toEqual({ message: "Hello, world!" });
  });

  it("lets a GET retried with backoff ride out a backend restart", async () => {
    const first = launch(["--socket", temp.socket()]);
    await waitForListening(first);
    first.child.kill("SIGKILL");
    await first.exit;

    const client = createBackendClient(greetingContract, createSocketTransport(temp.socket()), {
      retry: { attempts: 7, initialDelayMs: 100 },
    });
    const pending = client.hello({ query: { name: "again" } });
    launch(["--socket", temp.socket()]);
    await expect(pending).resolves.toEqual({ message: "Hello, again!" });
  });

  it("cancels running jobs on SIGTERM, so their runners can stop their work, and still exits 0", async () => {
    const backend = launch(["--socket", temp.socket()]);
    await waitForListening(backend);
    const jobs = createJobClient(countJob, createSocketTransport(temp.socket()));
    const started = await jobs.start({ steps: 1_000, stepMs: 10 });
    while ((await jobs.poll(started.id)).state !== "running") await new Promise((resolve) => setTimeout(resolve, 10));

    backend.child.kill("SIGTERM");
    expect((await backend.exit).code).toBe(0);
    expect(backend.stdout()).toContain(`"msg":"count job aborted","jobId":"${started.id}"`);
  });
});

describe("runBackend serving an Express app", () => {
  const expressEntry = fileURLToPath(new URL("testing/express-greeting-backend.ts", import.meta.url));

  it("serves it on the socket, its middleware's work in the handlers' context, and stops on SIGTERM", async () => {
    const backend = await startBackend({ entry: expressEntry, socket: temp.socket() });
    try {
      const transport = createSocketTransport(temp.socket(), { headers: { "x-caller": "ada" } });
      await expect(transport({ method: "GET", url: "/me" })).resolves.toEqual({ caller: "ada" });
      const client = createBackendClient(greetingContract, createSocketTransport(temp.socket()));
      await expect(client.echo({ body: { text: "ab", times: 2 } })).resolves.toEqual({ text: "abab" });
      await expect(client.echo({ body: { text: "x".repeat(2_000), times: 1 } })).rejects.toMatchObject({
        status: 413,
        body: { error: { code: "payload_too_large" } },
      });
      const pending = client.slow({ query: { ms: 300 } });
      await new Promise((resolve) => setTimeout(resolve, 100));
      backend.child.kill("SIGTERM");
      await expect(pending).resolves.toEqual({ waitedMs: 300 });
      expect(await backend.exit).toEqual({ code: 0, signal: null });
      await expect(stat(temp.socket())).rejects.toMatchObject({ code: "ENOENT" });
      expect(backend.lines().at(-1)).toContain('"msg":"stopped"');
    } finally {
      await backend.stop({ signal: "SIGKILL" });
    }
  });
});
