import { execFile } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createBackendClient, createSocketTransport } from "@dext/backend";
import { bundleBackend } from "@dext/backend/build";
import { startBackend } from "@dext/backend/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contract } from "../shared/contract.ts";
import type { RunningBackend } from "@dext/backend/testing";

const sampleDir = fileURLToPath(new URL("..", import.meta.url));
let dir: string;
let socket: string;
let backend: RunningBackend;

beforeAll(async () => {
  dir = await mkdtemp("/tmp/dext-mb-");
  socket = join(dir, "minimal-backend.sock");
  // The same entry the image's CMD runs, bundled from source the way `build` bundles it: a plain
  // `node` start is quick even on a busy machine, where a TypeScript loader can take seconds.
  const bundle = join(dir, "main.mjs");
  await bundleBackend({ entryPoints: [join(sampleDir, "backend/main.ts")], outfile: bundle, logLevel: "silent" });
  backend = await startBackend({ entry: bundle, socket, cwd: sampleDir });
});

afterAll(async () => {
  await backend.stop({ signal: "SIGKILL" });
  await rm(dir, { recursive: true, force: true });
});

describe("minimal-backend's backend process", () => {
  it("greets over its Unix socket through the typed client", async () => {
    const client = createBackendClient(contract, createSocketTransport(socket));
    const result = await client.hello({ query: { name: "Moby" } });
    expect(result.message).toBe("Hello, Moby! (from the backend)");
    expect(new Date(result.servedAt).getTime()).not.toBeNaN();
  });

  it("reports where it listens and how many requests it served", async () => {
    const client = createBackendClient(contract, createSocketTransport(socket));
    const info = await client.info();
    expect(info).toMatchObject({ listeningOn: socket, node: process.version });
    expect(info.requestsServed).toBeGreaterThanOrEqual(2);
  });

  it("refuses an empty name with the field named", async () => {
    const client = createBackendClient(contract, createSocketTransport(socket));
    const error = await client.hello({ query: { name: "  " } }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: "invalid_input",
      issues: [{ path: "query.name", message: "must not be empty" }],
    });
  });

  it("exits 0 on SIGTERM and removes its socket", async () => {
    expect(await backend.stop()).toEqual({ code: 0, signal: null });
    await expect(stat(socket)).rejects.toMatchObject({ code: "ENOENT" });
  });
});

describe("hello.sh", () => {
  const run = promisify(execFile);
  it.each([
    ["plain", "Moby"],
    ["spaces and quotes", `it's "quoted" text`],
    ["shell characters", "$(rm -rf /); `id` && echo *"],
    ["unicode", "Grüße, 世界 🐳"],
    ["backslashes", String.raw`a\nb\tc`],
  ])("prints %s arguments exactly as given", async (_label, text) => {
    const { stdout } = await run(join(sampleDir, "hello.sh"), [text]);
    expect(stdout).toMatch(
      new RegExp(`^Hello, ${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}! \\(hello\\.sh in .+\\)\\n$`),
    );
  });

  it("greets the world without an argument", async () => {
    const { stdout } = await run(join(sampleDir, "hello.sh"), []);
    expect(stdout).toMatch(/^Hello, world!/);
  });
});
