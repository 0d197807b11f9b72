import { stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBackendClient } from "../client/create-backend-client.ts";
import { createSocketTransport } from "../socket-transport.ts";
import { greetingContract } from "./greeting-contract.ts";
import { BackendStartError, makeSocketDir, startBackend } from "./index.ts";
import type { RunningBackend, SocketDir } from "./index.ts";

const greetingEntry = fileURLToPath(new URL("greeting-backend.ts", import.meta.url));
const started: RunningBackend[] = [];
let temp: SocketDir;

beforeEach(async () => {
  temp = await makeSocketDir();
});
afterEach(async () => {
  for (const backend of started.splice(0)) await backend.stop({ signal: "SIGKILL" });
  await temp.remove();
});

/** A plain script, as a bundle is: listens with node:http, and ignores SIGTERM when told to. */
async function writeScript(body: string): Promise<string> {
  const path = join(temp.dir, "script.mjs");
  await writeFile(path, body);
  return path;
}

const listeningScript = (ignoreSigterm: boolean) => `
import { createServer } from "node:http";
const socket = process.argv[process.argv.indexOf("--socket") + 1];
${ignoreSigterm ? 'process.on("SIGTERM", () => console.log("ignoring SIGTERM"));' : ""}
createServer((req, res) => res.end("ok")).listen(socket, () => console.log('{"msg":"listening"}'));
`;

describe("startBackend", () => {
  it("starts a TypeScript entry on a socket in a short temp folder, serves, and stops it with SIGTERM", async () => {
    const backend = await startBackend({ entry: greetingEntry });
    started.push(backend);
    expect(backend.socket).toMatch(/^\/tmp\/dext-[^/]+\/backend\.sock$/);
    const client = createBackendClient(greetingContract, createSocketTransport(backend.socket));
    await expect(client.hello()).resolves.toEqual({ message: "Hello, world!" });
    expect(JSON.parse(backend.lines()[0] ?? "{}")).toMatchObject({ msg: "listening", address: backend.socket });

    expect(await backend.stop()).toEqual({ code: 0, signal: null });
    expect(backend.lines().at(-1)).toContain('"msg":"stopped"');
    // Its own folder is gone with it.
    await expect(stat(backend.socket)).rejects.toMatchObject({ code: "ENOENT" });
    await expect(stat(join(backend.socket, ".."))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("runs a plain JavaScript file (a bundle) with node, on the socket it is given", async () => {
    const entry = await writeScript(listeningScript(false));
    const backend = await startBackend({ entry, socket: temp.socket("given.sock") });
    started.push(backend);
    expect(backend.socket).toBe(temp.socket("given.sock"));
    expect((await stat(backend.socket)).isSocket()).toBe(true);
  });

  it("kills a backend that ignores SIGTERM once the grace is over", async () => {
    const entry = await writeScript(listeningScript(true));
    const backend = await startBackend({ entry });
    started.push(backend);
    const began = Date.now();
    expect(await backend.stop({ graceMs: 300 })).toEqual({ code: null, signal: "SIGKILL" });
    expect(Date.now() - began).toBeGreaterThanOrEqual(250);
    expect(backend.output()).toContain("ignoring SIGTERM");
  });

  it("rejects with backend_exited, its exit code and output, when the backend dies before listening", async () => {
    const entry = await writeScript('console.error("no config"); process.exit(3);');
    const error = await startBackend({ entry }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendStartError);
    expect(error).toMatchObject({ code: "backend_exited", exitCode: 3, output: "no config\n" });
  });

  it("rejects with backend_start_timeout and kills a backend that never says it is ready", async () => {
    const entry = await writeScript(listeningScript(false));
    const error = await startBackend({ entry, readyText: "never printed", startTimeoutMs: 500 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "backend_start_timeout", message: "the backend did not listen within 0.5 s" });
  });
});
