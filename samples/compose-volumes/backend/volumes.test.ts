import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeEngine, volumeDir } from "./testing/fake-engine.ts";
import { startInProcessBackend } from "./testing/in-process-backend.ts";
import { makeSocketDir } from "@dext/backend/testing";
import type { SocketDir } from "@dext/backend/testing";
import type { BackendClientError } from "@dext/backend";
import type { FakeEngine } from "./testing/fake-engine.ts";
import type { InProcessBackend } from "./testing/in-process-backend.ts";

// The volume routes against a fake engine whose "helper containers" run the helper's code on
// folders of this machine. The same routes against a real engine are in image/backend-engine.test.ts.
let dir: SocketDir;
let engine: FakeEngine;
let backend: InProcessBackend;

beforeAll(async () => {
  dir = await makeSocketDir();
  const pgdata = volumeDir(dir.dir, "pgdata");
  await mkdir(join(pgdata, "base"), { recursive: true });
  await writeFile(join(pgdata, "base", "1.dat"), "x".repeat(1_000));
  await writeFile(join(pgdata, "PG_VERSION"), "16\n");
  await symlink("/etc", join(pgdata, "escape"));
  await mkdir(volumeDir(dir.dir, "cache"), { recursive: true });
  engine = await startFakeEngine(join(dir.dir, "engine.sock"), {
    volumes: [
      { name: "pgdata", dir: pgdata, size: 1_003, labels: { "com.docker.compose.project": "shop" } },
      { name: "cache", dir: volumeDir(dir.dir, "cache"), size: -1 },
    ],
    containers: [
      {
        id: "c1",
        name: "shop-db-1",
        state: "running",
        mounts: [{ volume: "pgdata", destination: "/var/lib/postgresql/data", readOnly: false }],
      },
      {
        id: "c2",
        name: "backup",
        state: "exited",
        mounts: [{ volume: "pgdata", destination: "/backup", readOnly: true }],
      },
      {
        id: "h1",
        name: "helper",
        state: "running",
        labels: { "com.dext.compose-volumes.helper": "true" },
        mounts: [{ volume: "cache", destination: "/volume", readOnly: true }],
      },
    ],
  });
  backend = await startInProcessBackend(dir.dir, engine.socketPath, "dext/compose-volumes:fake");
});

afterAll(async () => {
  await backend.close();
  await engine.close();
  await dir.remove();
});

async function failure(call: Promise<unknown>): Promise<BackendClientError> {
  return (await call.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error,
  )) as BackendClientError;
}

describe("listing volumes", () => {
  it("lists every volume with the containers that mount it, leaving out its own helpers", async () => {
    const { volumes, engineVersion } = await backend.client.listVolumes();
    expect(engineVersion).toBe("fake-20.10");
    expect(
      volumes.map((volume) => [
        volume.name,
        volume.composeProject,
        volume.usedBy.map((use) => `${use.name}:${use.destination}:${use.readOnly ? "ro" : "rw"}`),
      ]),
    ).toEqual([
      ["cache", null, []],
      ["pgdata", "shop", ["shop-db-1:/var/lib/postgresql/data:rw", "backup:/backup:ro"]],
    ]);
    expect(volumes.every((volume) => volume.scan === null)).toBe(true);
  });
});

describe("the size scan job", () => {
  it("reports progress to the end and leaves each volume's engine size and contents in the list", async () => {
    const seen: string[] = [];
    const result = await backend.scans.run(
      {},
      { intervalMs: 5, onStatus: (status) => seen.push(`${status.state} ${status.message}`) },
    );
    expect(result).toMatchObject({ scanned: 2, failed: 0 });
    expect(seen.at(-1)).toBe("succeeded 2 volumes scanned");
    const { volumes } = await backend.client.listVolumes();
    const pgdata = volumes.find((volume) => volume.name === "pgdata");
    expect(pgdata?.scan).toMatchObject({
      bytes: 1_003,
      problem: null,
      contents: { files: 3, directories: 1, complete: true },
    });
    expect(pgdata?.scan?.contents?.largest[0]).toEqual({ path: "base/1.dat", bytes: 1_000 });
    // -1 from the engine means it cannot tell: no size rather than a negative one.
    expect(volumes.find((volume) => volume.name === "cache")?.scan?.bytes).toBeNull();
    expect(engine.live.size).toBe(0);
  });

  it("creates helpers only as read-only, network-less, capability-less containers of the extension image", () => {
    expect(engine.created.length).toBeGreaterThan(0);
    for (const body of engine.created) {
      expect(body).toMatchObject({
        Image: "dext/compose-volumes:fake",
        NetworkDisabled: true,
        HostConfig: {
          NetworkMode: "none",
          ReadonlyRootfs: true,
          CapDrop: ["ALL"],
          CapAdd: ["DAC_READ_SEARCH"],
          Mounts: [{ ReadOnly: true, Target: "/volume" }],
        },
      });
    }
  });
});

describe("browsing a volume", () => {
  it("lists a folder and shows a file's text through a helper container, removed afterwards", async () => {
    const root = await backend.client.browseVolume({ params: { name: "pgdata" } });
    expect(root.listing.kind === "directory" && root.listing.entries.map((entry) => entry.name)).toEqual([
      "base",
      "PG_VERSION",
      "escape",
    ]);
    const file = await backend.client.browseVolume({ params: { name: "pgdata" }, query: { path: "./PG_VERSION" } });
    expect(file).toEqual({
      volume: "pgdata",
      listing: expect.objectContaining({ kind: "file", path: "PG_VERSION", preview: "16\n" }) as unknown,
    });
    expect(engine.live.size).toBe(0);
  });

  it.each([
    ["..", "../../etc", "must not contain .. segments"],
    ["an absolute path", "/etc/passwd", "must be relative to the volume's root, without a leading /"],
    ["a NUL byte", "base\0x", "must not contain NUL bytes"],
    ["an overlong path", "a/".repeat(600), "must be at most 1024 bytes"],
  ])("refuses %s with a 400 naming query.path, before any container runs", async (_label, path, message) => {
    const before = engine.created.length;
    const error = await failure(backend.client.browseVolume({ params: { name: "pgdata" }, query: { path } }));
    expect(error).toMatchObject({ kind: "invalid_input", status: 400, issues: [{ path: "query.path", message }] });
    expect(error.body?.error.code).toBe("invalid_input");
    expect(engine.created.length).toBe(before);
  });

  it("refuses a symbolic link out of the volume with a 400 in the helper's words", async () => {
    const error = await failure(backend.client.browseVolume({ params: { name: "pgdata" }, query: { path: "escape" } }));
    expect(error).toMatchObject({
      kind: "invalid_input",
      status: 400,
      message: "/escape is a symbolic link that leads outside the volume; it is not followed",
    });
  });

  it("answers 404 for a missing path and for a volume that does not exist, without creating one", async () => {
    expect(
      await failure(backend.client.browseVolume({ params: { name: "pgdata" }, query: { path: "nope" } })),
    ).toMatchObject({ kind: "not_found", message: "Nothing at /nope in this volume" });
    const before = engine.created.length;
    expect(await failure(backend.client.browseVolume({ params: { name: "ghost" } }))).toMatchObject({
      kind: "not_found",
      message: "No volume named ghost",
    });
    expect(engine.created.length).toBe(before);
  });

  it("refuses a volume name Docker would not accept", async () => {
    expect(await failure(backend.client.browseVolume({ params: { name: "../x" } }))).toMatchObject({
      kind: "invalid_input",
      issues: [{ path: "params.name" }],
    });
  });
});
