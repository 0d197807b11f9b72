import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maxNoteLength, maxStateEntries } from "../shared/limits.ts";
import { exportFormat } from "../shared/state.ts";
import { importBodyLimitBytes } from "./express-app.ts";
import { startInProcessBackend } from "./testing/in-process-backend.ts";
import { makeSocketDir } from "@dext/backend/testing";
import type { SocketDir } from "@dext/backend/testing";
import type { BackendClientError } from "@dext/backend";
import type { ExportDocument } from "../shared/state.ts";
import type { InProcessBackend } from "./testing/in-process-backend.ts";

// The state routes need no engine: the engine socket here leads nowhere.
let dir: SocketDir;
let backend: InProcessBackend;

beforeAll(async () => {
  dir = await makeSocketDir();
  backend = await startInProcessBackend(dir.dir, join(dir.dir, "no-engine.sock"), undefined);
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

  it("imports back the largest state an export can hold, far over the 1 MB the other routes take", async () => {
    const name = (index: number) => `v${String(index).padStart(254, "0")}`;
    const names = Array.from({ length: maxStateEntries }, (_, index) => name(index));
    // Each note in JSON's longest spelling: a control character is six bytes (\u0007).
    const state = { pinned: names, notes: Object.fromEntries(names.map((n) => [n, "\u0007".repeat(maxNoteLength)])) };
    const document: ExportDocument = { format: exportFormat, version: 1, exportedAt: new Date().toISOString(), state };
    expect(JSON.stringify(document).length).toBeGreaterThan(12_000_000);
    expect(JSON.stringify(document).length).toBeLessThanOrEqual(importBodyLimitBytes);
    expect(await backend.client.importState({ body: document })).toEqual(state);
    await backend.client.importState({ body: { ...document, state: { pinned: [], notes: {} } } });
  });

  it("refuses an import over its limit as 413 payload_too_large, in the one error shape, keeping the state", async () => {
    const before = await backend.client.getState();
    const document: ExportDocument = {
      format: exportFormat,
      version: 1,
      exportedAt: "x".repeat(importBodyLimitBytes),
      state: { pinned: [], notes: {} },
    };
    const error = await failure(backend.client.importState({ body: document }));
    expect(error).toMatchObject({ kind: "rejected", status: 413 });
    expect(error.body?.error).toMatchObject({
      code: "payload_too_large",
      message: `Request body is too large (at most ${importBodyLimitBytes} bytes)`,
      requestId: expect.any(String) as unknown,
    });
    expect(await backend.client.getState()).toEqual(before);
  });

  it("keeps the router's 1 MB limit on the other routes", async () => {
    const error = await failure(
      backend.client.setNote({ params: { name: "pgdata" }, body: { note: "x".repeat(1_100_000) } }),
    );
    expect(error).toMatchObject({ kind: "rejected", status: 413, body: { error: { code: "payload_too_large" } } });
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
