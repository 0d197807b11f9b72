import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { setTimeout as delay } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { BackendClientError } from "./client/backend-client-error.ts";
import { defineContract } from "./client/contract.ts";
import { createJobClient } from "./client/job-client.ts";
import { createBackendApp } from "./create-backend-app.ts";
import { createJobRegistry } from "./job-registry.ts";
import { createLogger } from "./logger.ts";
import { serveOnSocket } from "./serve-on-socket.ts";
import { createSocketTransport } from "./socket-transport.ts";
import { countJob, countRunner } from "./testing/count-job.ts";
import { makeSocketDir } from "./testing/temp-dir.ts";
import type { JobStatus } from "./client/job.ts";
import type { RunningServer } from "./serve-on-socket.ts";
import type { CountJobProbe } from "./testing/count-job.ts";

const ttlMs = 400;
const probe: CountJobProbe = { counted: new Map(), aborted: new Set() };
const logLines: string[] = [];
const registry = createJobRegistry(countJob, { run: countRunner(probe), maxConcurrent: 2, ttlMs });
let temp: Awaited<ReturnType<typeof makeSocketDir>>;
let server: RunningServer;
let jobs: ReturnType<typeof createJobClient<typeof countJob>>;

beforeAll(async () => {
  temp = await makeSocketDir();
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString().trim().split("\n"));
      done();
    },
  });
  const app = createBackendApp({
    contract: defineContract({ ...countJob.routes }),
    handlers: registry.handlers,
    logger: createLogger({ name: "jobs", stream: logStream }),
  });
  server = await serveOnSocket(app, temp.socket());
  jobs = createJobClient(countJob, createSocketTransport(temp.socket()), { retry: { attempts: 1 } });
});
afterAll(async () => {
  registry.cancelAll();
  await server.close(100);
  await temp.remove();
});

async function failureOf(promise: Promise<unknown>): Promise<BackendClientError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackendClientError);
  return error as BackendClientError;
}

async function waitUntilRunning(id: string): Promise<void> {
  while ((await jobs.poll(id)).state !== "running") await delay(5);
}

async function waitForFreeSlot(): Promise<void> {
  while (registry.activeCount >= 2) await delay(5);
}

describe("jobs over a real socket", () => {
  it("answers a start at once with a queued job and its id", async () => {
    const first = await jobs.start({ steps: 1, stepMs: 0 });
    expect(first).toMatchObject({ state: "queued", progress: 0, message: "" });
    expect(first.id).toMatch(/^[\w-]+$/);
    await jobs.wait(first.id, { intervalMs: 5 });
  });

  it("reports progress while running, then resolves the typed result", async () => {
    const seen: JobStatus<typeof countJob>[] = [];
    const result = await jobs.run(
      { steps: 5, stepMs: 40 },
      { intervalMs: 10, onStatus: (status) => seen.push(status) },
    );

    expectTypeOf(result).toEqualTypeOf<{ counted: number }>();
    expect(result).toEqual({ counted: 5 });
    const running = seen.filter((status) => status.state === "running" && status.progress > 0 && status.progress < 1);
    expect(running.length).toBeGreaterThan(0);
    expect(running.map((status) => status.message)).toContain("step 2 of 5");
    expect(seen.at(-1)).toMatchObject({ state: "succeeded", progress: 1, result: { counted: 5 } });
  });

  it("surfaces a job's chosen error in the one error shape, with the start request's id", async () => {
    const started = await jobs.start({ steps: 3, stepMs: 5, refuseAt: 2 });
    const error = await failureOf(jobs.wait(started.id, { intervalMs: 5 }));

    expect(error).toMatchObject({ kind: "rejected", message: "Refused at step 2" });
    const status = await jobs.poll(started.id);
    expect(status).toMatchObject({ state: "failed", error: { code: "conflict", message: "Refused at step 2" } });
    expect(status.state === "failed" ? status.error.requestId : undefined).toMatch(/^[\w-]+$/);
  });

  it("hides a crashed job's internals from the UI and logs them with the job id", async () => {
    const started = await jobs.start({ steps: 2, stepMs: 0, crashAt: 1 });
    const error = await failureOf(jobs.wait(started.id, { intervalMs: 5 }));

    expect(error.kind).toBe("server_fault");
    expect(error.message).toBe(`Internal error (job ${started.id})`);
    expect(JSON.stringify(await jobs.poll(started.id))).not.toMatch(/hunter2/);
    const logged = logLines.find((line) => line.includes(started.id));
    expect(logged).toMatch(/"msg":"job failed"/);
    expect(logged).toMatch(/hunter2/);
  });

  it("cancels a running job: its signal is aborted, its work stops, its state is cancelled", async () => {
    const started = await jobs.start({ steps: 200, stepMs: 10 });
    await waitUntilRunning(started.id);

    const cancelled = await jobs.cancel(started.id);
    expect(cancelled.state).toBe("cancelled");
    expect(probe.aborted.has(started.id)).toBe(true);
    const countAtCancel = probe.counted.get(started.id) ?? 0;
    await delay(80);
    expect(probe.counted.get(started.id) ?? 0).toBe(countAtCancel);
    expect(countAtCancel).toBeLessThan(200);
    expect((await jobs.poll(started.id)).state).toBe("cancelled");
    expect(await failureOf(jobs.wait(started.id))).toMatchObject({ kind: "cancelled" });
  });

  it("cancels the job on the backend when the caller of run() aborts", async () => {
    const controller = new AbortController();
    let id = "";
    const running = jobs.run(
      { steps: 200, stepMs: 10 },
      {
        intervalMs: 5,
        signal: controller.signal,
        onStatus: (status) => {
          id = status.id;
          if (status.state === "running") controller.abort(new Error("user left"));
        },
      },
    );
    await expect(running).rejects.toThrow("user left");
    await expect.poll(async () => (await jobs.poll(id)).state).toBe("cancelled");
    expect(probe.aborted.has(id)).toBe(true);
  });

  it("leaves a finished job as it was when asked to cancel it", async () => {
    const started = await jobs.start({ steps: 1, stepMs: 0 });
    await jobs.wait(started.id, { intervalMs: 5 });
    expect(await jobs.cancel(started.id)).toMatchObject({ state: "succeeded", result: { counted: 1 } });
  });

  it("answers an unknown job id with not_found, and a malformed one with invalid_input", async () => {
    const unknown = await failureOf(jobs.poll(randomUUID()));
    expect(unknown).toMatchObject({ kind: "not_found", status: 404 });
    expect(unknown.message).toMatch(/^No count job .*expired/);
    expect(await failureOf(jobs.cancel(randomUUID()))).toMatchObject({ kind: "not_found" });
    expect(await failureOf(jobs.poll("../etc"))).toMatchObject({
      kind: "invalid_input",
      issues: [{ path: "params.id", message: "must be a job id" }],
    });
  });

  it("refuses invalid start input with 400 naming the fields", async () => {
    const error = await failureOf(jobs.start({ steps: 0, stepMs: -1 }));
    expect(error.kind).toBe("invalid_input");
    expect(error.issues.map((issue) => issue.path)).toEqual(["body.steps", "body.stepMs"]);
  });

  it("refuses a start beyond the concurrency limit with 429 too_many_requests, and accepts once a slot frees", async () => {
    await waitForFreeSlot();
    const a = await jobs.start({ steps: 200, stepMs: 10 });
    const b = await jobs.start({ steps: 200, stepMs: 10 });
    const refused = await failureOf(jobs.start({ steps: 1, stepMs: 0 }));
    expect(refused).toMatchObject({ kind: "rejected", status: 429, body: { error: { code: "too_many_requests" } } });
    expect(refused.message).toMatch(/already running/);

    await jobs.cancel(a.id);
    await waitForFreeSlot();
    const c = await jobs.start({ steps: 1, stepMs: 0 });
    expect(c.state).toBe("queued");
    await jobs.cancel(b.id);
  });

  it("forgets a finished job once its TTL has passed", async () => {
    const started = await jobs.start({ steps: 1, stepMs: 0 });
    await jobs.wait(started.id, { intervalMs: 5 });
    expect((await jobs.poll(started.id)).state).toBe("succeeded");
    await delay(ttlMs + 50);
    expect(await failureOf(jobs.poll(started.id))).toMatchObject({ kind: "not_found" });
  });
});

describe("createJobRegistry bounds", () => {
  it("keeps at most maxFinished finished jobs, dropping the oldest", async () => {
    const small = createJobRegistry(countJob, { run: countRunner(), maxFinished: 2 });
    const start = small.handlers.countStart;
    const context = {
      requestId: "r",
      logger: createLogger({ name: "t", stream: new Writable({ write: (_c, _e, done) => done() }) }),
      signal: new AbortController().signal,
    };
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const status = await start({ body: { steps: 1, stepMs: 0 }, params: {}, query: {} }, context);
      ids.push(status.id);
      await expect.poll(() => small.status(status.id)?.state).toBe("succeeded");
    }
    expect(ids.map((id) => small.status(id)?.state)).toEqual([undefined, "succeeded", "succeeded"]);
  });
});
