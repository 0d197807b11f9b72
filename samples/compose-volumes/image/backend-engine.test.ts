// The backend's engine work against a real Docker engine: volumes listed with sizes and users,
// files browsed through helper containers of the built image, bad paths refused. The backend runs
// in this process from source, on the engine's socket and, as in the compose stack, behind the
// engine proxy.
import { join } from "node:path";
import { requestOverSocket, serveOnSocket } from "@dext/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startInProcessBackend } from "../backend/testing/in-process-backend.ts";
import { makeSocketDir } from "@dext/backend/testing";
import type { SocketDir } from "@dext/backend/testing";
import { createEngineProxy } from "../proxy/engine-proxy.ts";
import { docker, engineSocketPath, uniqueName } from "@dext/desktop/testing";
import { seedVolume } from "./docker.ts";
import { imageTestContext } from "./provided.ts";
import type { BackendClientError, RunningServer } from "@dext/backend";
import type { InProcessBackend } from "../backend/testing/in-process-backend.ts";

const { engine, image, skipReason } = imageTestContext();
const data = uniqueName("cvtest-data-");
const empty = uniqueName("cvtest-empty-");
const user = uniqueName("cvtest-user-");

async function helperCount(): Promise<number> {
  const { stdout } = await docker(["ps", "-aq", "--filter", "label=com.dext.compose-volumes.helper"]);
  return stdout.trim() === "" ? 0 : stdout.trim().split("\n").length;
}

function failure(call: Promise<unknown>): Promise<BackendClientError> {
  return call.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error as BackendClientError,
  );
}

describe.skipIf(engine === undefined)(
  `the backend on a real engine${engine === undefined ? `: skipped, ${skipReason}` : ""}`,
  () => {
    let dir: SocketDir;
    let backend: InProcessBackend;

    beforeAll(async () => {
      dir = await makeSocketDir();
      await docker(["volume", "create", "--label", "com.docker.compose.project=cvtest", data]);
      await docker(["volume", "create", empty]);
      // Files of known sizes, one readable by its owner only, and a link that points out of the volume.
      const seed = [
        "mkdir -p /data/app/logs",
        "printf 'line 1\\nline 2\\n' > /data/app/logs/today.log",
        "head -c 200000 /dev/zero > /data/app/big.bin",
        "printf 'hello volume\\n' > /data/README.txt",
        "chown 1000 /data/README.txt && chmod 600 /data/README.txt",
        "ln -s /etc /data/escape",
      ].join(" && ");
      await seedVolume(image, data, seed);
      await docker(["create", "--name", user, "--network", "none", "-v", `${data}:/srv/data:ro`, image]);
      backend = await startInProcessBackend(dir.dir, engineSocketPath(), image);
    });

    afterAll(async () => {
      await backend.close();
      await docker(["rm", "-f", user]).catch(() => undefined);
      await docker(["volume", "rm", "-f", data, empty]).catch(() => undefined);
      await dir.remove();
    });

    it("lists the engine's volumes with the containers that mount them", async () => {
      const { volumes, engineVersion } = await backend.client.listVolumes();
      expect(engineVersion).toBe(engine);
      const listed = volumes.find((volume) => volume.name === data);
      expect(listed).toMatchObject({ driver: "local", composeProject: "cvtest", scan: null });
      expect(listed?.usedBy).toEqual([
        { id: expect.any(String) as unknown, name: user, state: "created", destination: "/srv/data", readOnly: true },
      ]);
      expect(volumes.find((volume) => volume.name === empty)?.usedBy).toEqual([]);
    });

    it("sizes volumes in a job with progress: the engine's UsageData.Size and the helper's walk", async () => {
      const messages: string[] = [];
      const result = await backend.scans.run(
        { volumes: [data, empty] },
        { intervalMs: 100, onStatus: (status) => messages.push(status.message) },
      );
      expect(result).toMatchObject({ scanned: 2, failed: 0 });
      expect(messages).toContain(`Walking ${empty} (2 of 2)`);
      const { volumes } = await backend.client.listVolumes();
      const scan = volumes.find((volume) => volume.name === data)?.scan;
      // The engine adds up st_size of everything but folders: the files, and the link itself (4 bytes, "/etc").
      expect(scan?.bytes).toBe(14 + 200_000 + 13 + 4);
      // The helper counts regular files only; the link is a file of size 0 to it, never followed.
      expect(scan?.contents).toEqual({
        files: 4,
        directories: 2,
        bytes: 14 + 200_000 + 13,
        largest: [
          { path: "app/big.bin", bytes: 200_000 },
          { path: "app/logs/today.log", bytes: 14 },
          { path: "README.txt", bytes: 13 },
        ],
        complete: true,
      });
      expect(volumes.find((volume) => volume.name === empty)?.scan).toMatchObject({ bytes: 0, contents: { files: 0 } });
      expect(await helperCount()).toBe(0);
    });

    it("browses folders and reads a file only its owner may read, through helpers that are removed afterwards", async () => {
      const root = await backend.client.browseVolume({ params: { name: data } });
      expect(
        root.listing.kind === "directory" && root.listing.entries.map((entry) => `${entry.kind} ${entry.name}`),
      ).toEqual(["directory app", "file README.txt", "symlink escape"]);
      const logs = await backend.client.browseVolume({ params: { name: data }, query: { path: "app/logs" } });
      expect(logs.listing).toMatchObject({ kind: "directory", entries: [{ name: "today.log", bytes: 14 }] });
      const readme = await backend.client.browseVolume({ params: { name: data }, query: { path: "README.txt" } });
      expect(readme.listing).toMatchObject({ kind: "file", preview: "hello volume\n" });
      expect(await helperCount()).toBe(0);
    });

    it.each([
      ["a .. segment", "app/../../etc"],
      ["an absolute path", "/etc/shadow"],
      ["a NUL byte", "app\0"],
      ["an overlong path", "x/".repeat(700)],
    ])("refuses %s with a 400 before any helper runs", async (_label, path) => {
      const error = await failure(backend.client.browseVolume({ params: { name: data }, query: { path } }));
      expect(error).toMatchObject({ kind: "invalid_input", status: 400, issues: [{ path: "query.path" }] });
      expect(await helperCount()).toBe(0);
    });

    it("refuses a symbolic link that leads out of the volume, checked inside the helper", async () => {
      const error = await failure(backend.client.browseVolume({ params: { name: data }, query: { path: "escape" } }));
      expect(error).toMatchObject({
        kind: "invalid_input",
        status: 400,
        message: "/escape is a symbolic link that leads outside the volume; it is not followed",
      });
    });

    it("answers 404 for a volume that does not exist, and does not create it by mounting it", async () => {
      const ghost = uniqueName("cvtest-ghost-");
      expect(await failure(backend.client.browseVolume({ params: { name: ghost } }))).toMatchObject({
        kind: "not_found",
        message: `No volume named ${ghost}`,
      });
      await expect(docker(["volume", "inspect", ghost])).rejects.toThrow(/No such volume/);
    });

    describe("behind the engine proxy, as in the compose stack", () => {
      let proxy: RunningServer;
      let proxiedDir: SocketDir;
      let proxied: InProcessBackend;

      beforeAll(async () => {
        proxy = await serveOnSocket(
          createEngineProxy({ upstream: engineSocketPath(), image }),
          join(dir.dir, "proxy.sock"),
        );
        proxiedDir = await makeSocketDir();
        proxied = await startInProcessBackend(proxiedDir.dir, join(dir.dir, "proxy.sock"), image);
      });

      afterAll(async () => {
        await proxied.close();
        await proxy.close(1_000);
        await proxiedDir.remove();
      });

      it("lists and browses as well as on the engine's own socket", async () => {
        const { volumes } = await proxied.client.listVolumes();
        expect(volumes.map((volume) => volume.name)).toContain(data);
        const logs = await proxied.client.browseVolume({
          params: { name: data },
          query: { path: "app/logs/today.log" },
        });
        expect(logs.listing).toMatchObject({ kind: "file", preview: "line 1\nline 2\n" });
      });

      it("refuses to remove a user's container, which the engine would have done", async () => {
        const { status } = await requestOverSocket({
          socketPath: join(dir.dir, "proxy.sock"),
          method: "DELETE",
          path: `/v1.41/containers/${user}?force=true`,
        });
        expect(status).toBe(404);
        const { stdout } = await docker(["inspect", "--format", "{{.State.Status}}", user]);
        expect(stdout.trim()).toBe("created");
      });
    });
  },
);
