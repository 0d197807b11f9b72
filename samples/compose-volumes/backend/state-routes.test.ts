import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportFormat } from "../shared/state.ts";
import { startInProcessBackend } from "./testing/in-process-backend.ts";
import { tempDir } from "./testing/temp-dir.ts";
import type { BackendClientError } from "@dext/backend";
import type { ExportDocument } from "../shared/state.ts";
import type { InProcessBackend } from "./testing/in-process-backend.ts";

// The state routes need no engine: the engine socket here leads nowhere.
let dir: Awaited<ReturnType<typeof tempDir>>;
let backend: InProcessBackend;

beforeAll(async () => {
  dir = await tempDir("state-routes");
  backend = await startInProcessBackend(dir.path, join(dir.path, "no-engine.sock"), undefined);
});

afterAll(async () => {
  await backend.close();
  await dir.remove();
});

function failure(call: Promise<unknown>): Promise<BackendClientError> {
  return call.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error as BackendClientError,
  );
}

describe("the state routes", () => {
  it("pin, note and unpin, each answered with the saved state", async () => {
    expect(await backend.client.setPinned({ params: { name: "pgdata" }, body: { pinned: true } })).toEqual({
      pinned: ["pgdata"],
      notes: {},
    });
    expect(await backend.client.setNote({ params: { name: "pgdata" }, body: { note: "prod snapshot" } })).toEqual({
      pinned: ["pgdata"],
      notes: { pgdata: "prod snapshot" },
    });
    expect(await backend.client.getState()).toEqual({ pinned: ["pgdata"], notes: { pgdata: "prod snapshot" } });
  });

  it("refuses a note over the limit with the field named", async () => {
    const error = await failure(
      backend.client.setNote({ params: { name: "pgdata" }, body: { note: "x".repeat(2_001) } }),
    );
    expect(error).toMatchObject({ kind: "invalid_input", issues: [{ path: "body.note" }] });
  });

  it("exports the whole state as one document that imports back unchanged", async () => {
    const exported = await backend.client.exportState();
    expect(exported).toMatchObject({
      format: exportFormat,
      version: 1,
      state: { pinned: ["pgdata"], notes: { pgdata: "prod snapshot" } },
    });
    expect(Number.isNaN(Date.parse(exported.exportedAt))).toBe(false);
    await backend.client.setPinned({ params: { name: "pgdata" }, body: { pinned: false } });
    expect(await backend.client.importState({ body: exported })).toEqual(exported.state);
    expect(await backend.client.getState()).toEqual(exported.state);
  });

  it("replaces the state wholesale on import, dropping what the file does not have", async () => {
    const document: ExportDocument = {
      format: exportFormat,
      version: 1,
      exportedAt: "2026-01-01T00:00:00.000Z",
      state: { pinned: ["cache"], notes: {} },
    };
    expect(await backend.client.importState({ body: document })).toEqual({ pinned: ["cache"], notes: {} });
  });

  it.each([
    [
      "another file format",
      { format: "something-else", version: 1, exportedAt: "x", state: { pinned: [], notes: {} } },
      "body.format",
    ],
    [
      "a future version",
      { format: exportFormat, version: 2, exportedAt: "x", state: { pinned: [], notes: {} } },
      "body.version",
    ],
    [
      "a bad volume name",
      { format: exportFormat, version: 1, exportedAt: "x", state: { pinned: ["../etc"], notes: {} } },
      "body.state.pinned.0",
    ],
    [
      "a volume pinned twice",
      { format: exportFormat, version: 1, exportedAt: "x", state: { pinned: ["aa", "aa"], notes: {} } },
      "body.state.pinned",
    ],
    [
      "an unknown key",
      { format: exportFormat, version: 1, exportedAt: "x", state: { pinned: [], notes: {}, extra: true } },
      "body.state",
    ],
  ])("refuses to import %s, naming the field, and keeps the state", async (_label, document, field) => {
    const before = await backend.client.getState();
    // Sent as the UI sends a file it read: untyped JSON.
    const error = await failure(backend.client.importState({ body: document as never }));
    expect(error).toMatchObject({ kind: "invalid_input", status: 400 });
    expect(error.issues.map((issue) => issue.path)).toContain(field);
    expect(await backend.client.getState()).toEqual(before);
  });

  it("answers 503 saying the engine is not reachable, in the one error shape, without the socket's path", async () => {
    const error = await failure(backend.client.listVolumes());
    expect(error).toMatchObject({ kind: "unavailable", status: 503 });
    expect(error.message).toBe(
      "The Docker engine is not reachable: its socket does not exist (is the engine, or the engine proxy, running?)",
    );
    expect(error.body?.error).toMatchObject({ code: "unavailable" });
    expect(JSON.stringify(error.body)).not.toMatch(/no-engine\.sock|\/tmp\//);
  });

  it("says why browsing cannot work without the extension image", async () => {
    const error = await failure(backend.client.browseVolume({ params: { name: "pgdata" } }));
    expect(error).toMatchObject({
      kind: "unavailable",
      message: expect.stringMatching(/^EXTENSION_IMAGE is not set/) as unknown,
    });
  });
});
