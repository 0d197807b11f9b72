import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { exportFormat } from "../shared/state.ts";
import { startInProcessBackend } from "./testing/in-process-backend.ts";
import { makeSocketDir } from "@dext/backend/testing";
import type { SocketDir } from "@dext/backend/testing";
import type { BackendClientError } from "@dext/backend";
import type { InProcessBackend } from "./testing/in-process-backend.ts";

// The state routes over a state.json that cannot be used: the backend serves, and says why.
let dir: SocketDir | undefined;
let backend: InProcessBackend | undefined;

afterEach(async () => {
  await backend?.close();
  await dir?.remove();
  backend = undefined;
  dir = undefined;
});

/** A backend whose state folder holds `prepare`'s state.json. */
async function startOver(
  prepare: (stateFile: string) => Promise<void>,
): Promise<{ backend: InProcessBackend; stateDir: string }> {
  dir = await makeSocketDir();
  const stateDir = join(dir.dir, "state");
  await mkdir(stateDir);
  await prepare(join(stateDir, "state.json"));
  backend = await startInProcessBackend(dir.dir, join(dir.dir, "no-engine.sock"), undefined);
  return { backend, stateDir };
}

function failure(call: Promise<unknown>): Promise<BackendClientError> {
  return call.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error as BackendClientError,
  );
}

describe("the state routes over an unusable state.json", () => {
  it.each([
    ["a folder", (path: string) => mkdir(path), /is a folder, not a file/],
    ["garbage", (path: string) => writeFile(path, "\u0000\u0001 garbage"), /is not JSON/],
    ["truncated JSON", (path: string) => writeFile(path, '{"version": 1, "state": {"pinn'), /is not JSON/],
    [
      "the wrong shape",
      (path: string) => writeFile(path, '{"version": 1, "state": {"pinned": {}, "notes": []}}'),
      /is not a version 1 state file \(state\.pinned: /,
    ],
  ])(
    "start over %s and answer every state route with a 409 conflict saying what is wrong",
    async (_label, prepare, why) => {
      const { backend } = await startOver(prepare);
      const calls = [
        () => backend.client.getState(),
        () => backend.client.setPinned({ params: { name: "pgdata" }, body: { pinned: true } }),
        () => backend.client.exportState(),
      ];
      for (const call of calls) {
        const error = await failure(call());
        expect(error).toMatchObject({ kind: "rejected", status: 409 });
        expect(error.body?.error.code).toBe("conflict");
        expect(error.message).toMatch(
          /^The saved pins and notes cannot be read: state\.json in the extension's state volume /,
        );
        expect(error.message).toMatch(why);
        expect(error.message).not.toContain(dir?.dir ?? "never");
      }
    },
  );

  it("writes nothing over the file, and lets an import replace it while keeping it aside", async () => {
    const { backend, stateDir } = await startOver((path) => writeFile(path, "{ hand-edited"));
    await failure(backend.client.setNote({ params: { name: "pgdata" }, body: { note: "lost?" } }));
    expect(await readFile(join(stateDir, "state.json"), "utf8")).toBe("{ hand-edited");
    const state = { pinned: ["pgdata"], notes: {} };
    expect(
      await backend.client.importState({
        body: { format: exportFormat, version: 1, exportedAt: "2026-01-01T00:00:00.000Z", state },
      }),
    ).toEqual(state);
    expect(await backend.client.getState()).toEqual(state);
    const aside = (await readdir(stateDir)).find((name) => name.startsWith("state.json.bad-"));
    expect(await readFile(join(stateDir, aside ?? "missing"), "utf8")).toBe("{ hand-edited");
  });
});
