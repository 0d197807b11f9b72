// The built image as Docker Desktop reads it: labels, /metadata.json, the compose file it names,
// the UI and icon it copies out, and the three Node programs the services and helpers run.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { docker } from "@dext/desktop/testing";
import { sampleDir, seedVolume } from "./docker.ts";
import { imageTestContext } from "./provided.ts";

const { engine, image, skipReason } = imageTestContext();

/** `docker run --rm --network none <image> ...args`: a one-off command in the image, offline. */
async function runInImage(...args: string[]): Promise<string> {
  return (await docker(["run", "--rm", "--network", "none", "--entrypoint", "", image, ...args])).stdout;
}

describe.skipIf(engine === undefined)(
  `the compose-volumes image (${image})${engine === undefined ? `: skipped, ${skipReason}` : ""}`,
  () => {
    it("carries every label Desktop and the Marketplace require, none of them empty", async () => {
      const { stdout } = await docker(["image", "inspect", "--format", "{{json .Config.Labels}}", image]);
      const labels = JSON.parse(stdout) as Record<string, string>;
      const required = [
        "org.opencontainers.image.title",
        "org.opencontainers.image.description",
        "org.opencontainers.image.vendor",
        "com.docker.desktop.extension.api.version",
        "com.docker.desktop.extension.icon",
        "com.docker.extension.screenshots",
        "com.docker.extension.detailed-description",
        "com.docker.extension.publisher-url",
        "com.docker.extension.changelog",
      ];
      expect(required.filter((name) => (labels[name] ?? "").trim() === "")).toEqual([]);
      expect(labels["org.opencontainers.image.title"]).not.toMatch(/extension/i);
      expect(labels["com.docker.extension.categories"]).toBe("volumes,utility-tools");
      expect(JSON.parse(labels["com.docker.extension.screenshots"]!)).toEqual([
        { alt: expect.any(String) as unknown, url: "https://example.com/dext/compose-volumes/screenshot.png" },
      ]);
    });

    it("has metadata.json and the compose file it names, byte for byte, at the image root", async () => {
      expect(await runInImage("cat", "/metadata.json")).toBe(await readFile(join(sampleDir, "metadata.json"), "utf8"));
      const metadata = JSON.parse(await readFile(join(sampleDir, "metadata.json"), "utf8")) as {
        vm: { composefile: string };
      };
      expect(await runInImage("cat", `/${metadata.vm.composefile}`)).toBe(
        await readFile(join(sampleDir, "docker-compose.yaml"), "utf8"),
      );
    });

    it("holds the icon, the UI with relative asset URLs, and the programs the compose services run", async () => {
      const html = await runInImage("cat", "/ui/index.html");
      const references = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
      expect(references.length).toBeGreaterThan(0);
      // Desktop serves the copied /ui folder from its own origin and path: absolute URLs break there.
      expect(references.filter((url) => url.startsWith("/"))).toEqual([]);
      const files = [
        "/volumes.svg",
        "/backend/main.js",
        "/backend/engine-proxy.js",
        "/backend/list-dir.js",
        ...references.map((url) => `/ui/${url}`),
      ];
      const missing = await runInImage("sh", "-c", 'for f; do [ -f "$f" ] || echo "$f"; done', "sh", ...files);
      expect(missing).toBe("");
    });

    it("runs the helper with no network, a read-only root and only DAC_READ_SEARCH, reading a root-only file", async () => {
      const volume = `cvtest-img-${Date.now().toString(36)}`;
      await docker(["volume", "create", volume]);
      try {
        await seedVolume(image, volume, "echo secret > /data/s.txt && chmod 600 /data/s.txt && chown 1000 /data/s.txt");
        const { stdout } = await docker([
          "run",
          "--rm",
          "--network",
          "none",
          "--read-only",
          "--cap-drop",
          "ALL",
          "--cap-add",
          "DAC_READ_SEARCH",
          "--security-opt",
          "no-new-privileges",
          "--mount",
          `type=volume,source=${volume},target=/volume,readonly,volume-nocopy`,
          "--entrypoint",
          "node",
          image,
          "/backend/list-dir.js",
          "list",
          "s.txt",
        ]);
        expect(JSON.parse(stdout)).toMatchObject({ kind: "file", path: "s.txt", preview: "secret\n" });
        const refused = await docker([
          "run",
          "--rm",
          "--network",
          "none",
          "--mount",
          `type=volume,source=${volume},target=/volume,readonly`,
          "--entrypoint",
          "node",
          image,
          "/backend/list-dir.js",
          "list",
          "../etc",
        ]).catch((error: unknown) => error);
        expect(String(refused)).toMatch(/exit 2/);
        expect(String(refused)).toMatch(/"code":"invalid_path"/);
      } finally {
        await docker(["volume", "rm", "-f", volume]);
      }
    });
  },
);
